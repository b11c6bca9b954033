import { type Context, Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { PageHeader, Pagination } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { Sources } from "../cooperation/cooperation.views.tsx";
import type { Territory } from "../territories/territories.schemas.ts";
import { isOwnRepresentative, isStaffActor } from "./enterprises.policy.ts";
import { DirectoryQuery, REQUEST_KINDS, RequestsQuery, SIDES, SIZE_BANDS } from "./enterprises.schemas.ts";
import {
  countryName,
  EnterpriseCard,
  EnterpriseLogo,
  EnterpriseName,
  EnterpriseTabs,
  enterprisePath,
  type FailedIntroduction,
  IllustrativeBadge,
  IntroductionAction,
  KIND_LABEL,
  KindPill,
  LocalParagraphs,
  listText,
  localTitle,
  OriginalName,
  PartnerList,
  Products,
  quantityText,
  RequestCard,
  SectorList,
  SectorOptions,
  SIDE_LABEL,
  SIZE_LABEL,
  StatusPill,
  TerritoryLine,
  TranslationStatus,
} from "./enterprises.views.tsx";

/**
 * The public directory (issue 6): enterprises of both regions with filters and search across
 * scripts, a profile with its partners of the other region, and offers and needs. Route files
 * parse → authorize → call the service → render; the service decides what each reader may see.
 */

/** `24`, `24-turkistan-spinning-mill`: the id leads, the rest is for people and search engines. */
export function idOf(raw: string | undefined): number {
  const m = /^(\d{1,10})(?:-[a-z0-9-]{0,100})?$/.exec(raw ?? "");
  const id = m ? Number(m[1]) : 0;
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new AppError("not_found");
  return id;
}

export const viewerOf = (c: Context<AppEnv>) => c.get("session")?.user ?? null;

/** Each filter on its own: a bad value is dropped, never a 422 for a link someone shortened. */
function pick<S extends Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>>(
  shape: S,
  keys: readonly (keyof S & string)[],
  query: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const raw = (query[key] ?? "").trim().slice(0, 200);
    if (!raw) continue;
    const parsed = shape[key]?.safeParse(raw);
    if (parsed?.success && typeof parsed.data === "string") out[key] = parsed.data;
  }
  return out;
}

/** Directory cards whose logos may be in the first screen (a row of three under the filters): loaded eagerly. */
const LOGOS_ABOVE_FOLD = 3;

const queryString = (filters: Record<string, string>) => new URLSearchParams(filters).toString();

const Select: FC<{ id: string; label: string; value: string | undefined; any: string; options: [string, string][] }> = ({
  id,
  label,
  value,
  any,
  options,
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} name={id}>
      <option value="">{any}</option>
      {options.map(([v, l]) => (
        <option value={v} selected={value === v}>
          {l}
        </option>
      ))}
    </select>
  </div>
);

const DirectoryFilters: FC<{ ctx: PageContext; f: Record<string, string>; home: Territory[]; partners: Territory[] }> = ({
  ctx,
  f,
  home,
  partners,
}) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const territoryOption = (x: Territory) => (
    <option value={x.slug} selected={f.territory === x.slug}>
      {i18n.pick(x.name).text}
    </option>
  );
  return (
    <form method="get" action={href(ctx, "/enterprises")} class="filters panel" aria-label={t("enterprises.filters")}>
      <div class="field directory-search">
        <label for="q">{t("enterprises.search_label")}</label>
        <p class="hint" id="q-hint">
          {t("enterprises.search_hint")}
        </p>
        <input id="q" name="q" type="search" value={f.q ?? ""} maxlength={200} aria-describedby="q-hint" />
      </div>
      <div class="filter-grid">
        <Select
          id="side"
          label={t("enterprises.f.side")}
          value={f.side}
          any={t("enterprises.any")}
          options={SIDES.map((s) => [s, t(SIDE_LABEL[s])])}
        />
        <div class="field">
          <label for="territory">{t("enterprises.f.territory")}</label>
          <select id="territory" name="territory">
            <option value="">{t("enterprises.any")}</option>
            <optgroup label={t(SIDE_LABEL.home)}>{home.map(territoryOption)}</optgroup>
            <optgroup label={t(SIDE_LABEL.partner)}>{partners.map(territoryOption)}</optgroup>
          </select>
        </div>
        <div class="field">
          <label for="sector">{t("enterprises.f.sector")}</label>
          <select id="sector" name="sector">
            <option value="">{t("enterprises.any")}</option>
            <SectorOptions i18n={i18n} selected={f.sector} />
          </select>
        </div>
        <Select
          id="size"
          label={t("enterprises.f.size")}
          value={f.size}
          any={t("enterprises.any")}
          options={SIZE_BANDS.map((s) => [s, t(SIZE_LABEL[s])])}
        />
        <Select
          id="lookingFor"
          label={t("enterprises.looking_for")}
          value={f.lookingFor}
          any={t("enterprises.any")}
          options={REQUEST_KINDS.map((k) => [k, t(KIND_LABEL[k])])}
        />
      </div>
      <p class="filter-actions">
        <button type="submit" class="button">
          {t("enterprises.filter")}
        </button>{" "}
        <a href={href(ctx, "/enterprises")}>{t("enterprises.clear_filters")}</a>
      </p>
    </form>
  );
};

const byName = (i18n: I18n) => {
  const collator = new Intl.Collator(i18n.tag === "kk-Latn" ? "kk" : i18n.tag);
  return (a: Territory, b: Territory) => collator.compare(i18n.pick(a.name).text, i18n.pick(b.name).text);
};

/**
 * Partners of one enterprise: ranked counterparts of the other region with the reasons. Its own
 * representatives also get, under each match, the introduction asked for or a form to ask.
 */
export async function renderEnterprisePartners(
  c: Context<AppEnv>,
  id: number,
  failed: FailedIntroduction | null = null,
  status: 200 | 422 = 200,
) {
  const viewer = viewerOf(c);
  const s = c.get("services").enterprises;
  const ctx = pageContext(c);
  const own = isOwnRepresentative(viewer, id);
  const [result, brief, introductions] = await Promise.all([
    s.match({ organisationId: id, limit: 10 }, viewer, ctx.i18n),
    s.organisationBrief(id),
    own && viewer ? s.ownIntroductions(viewer) : Promise.resolve([]),
  ]);
  const { i18n } = ctx;
  const t = i18n.t;
  const name = i18n.pick(brief.name);
  const back = `${enterprisePath(brief)}/partners`;
  return render(
    c,
    <Layout
      ctx={ctx}
      title={t("enterprises.partners_of", { name: name.text })}
      section="enterprises"
      crumbs={[
        { label: t("enterprises.directory_title"), href: href(ctx, "/enterprises") },
        { label: name.text, href: href(ctx, enterprisePath(brief)) },
        { label: t("enterprises.tab_partners") },
      ]}
    >
      <PageHeader title={name.text} lang={name.lang === i18n.tag ? undefined : name.lang} />
      <OriginalName i18n={i18n} name={brief.name} original={brief.nameOriginal} block />
      <EnterpriseTabs ctx={ctx} e={brief} current="partners" />
      <h2>{t("enterprises.partners_title")}</h2>
      <p class="lead">{t("enterprises.partners_lead", { name: name.text })}</p>
      <p class="muted">{t("enterprises.candidates_considered", { count: result.candidatesConsidered })}</p>
      {result.items.length === 0 ? (
        <p class="empty">{t("enterprises.no_partners")}</p>
      ) : (
        <PartnerList
          ctx={ctx}
          items={result.items}
          action={
            own
              ? (m) => (
                  <IntroductionAction
                    ctx={ctx}
                    introductions={introductions}
                    to={m.enterprise}
                    fromRequestId={null}
                    toRequestId={m.request?.id ?? null}
                    back={back}
                    failed={failed}
                  />
                )
              : undefined
          }
        />
      )}
    </Layout>,
    status,
  );
}

export function enterprisePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The directory

  app.get("/:locale/enterprises", async (c) => {
    const services = c.get("services");
    const f = pick(DirectoryQuery.shape, ["q", "territory", "side", "sector", "size", "lookingFor"], c.req.query());
    const [page, overview] = await Promise.all([
      services.enterprises.directory({ ...f, page: c.req.query("page") }),
      services.territories.overview(),
    ]);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const sort = byName(i18n);
    const home = [...(overview.oblast ? [overview.oblast] : []), ...[...overview.cities, ...overview.districts].sort(sort)];
    const partners = [...overview.partners].sort(sort);
    const qs = queryString(f);
    const filtered = Object.keys(f).length > 0;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("enterprises.directory_title")}
        description={t("enterprises.directory_lead")}
        section="enterprises"
        crumbs={[{ label: t("enterprises.directory_title") }]}
      >
        <PageHeader
          title={t("enterprises.directory_title")}
          lead={t("enterprises.directory_lead")}
          actions={
            <a class="button button-quiet" href={href(ctx, "/requests")}>
              {t("enterprises.requests_title")}
            </a>
          }
        />
        <DirectoryFilters ctx={ctx} f={f} home={home} partners={partners} />
        <section aria-labelledby="directory-results">
          <h2 id="directory-results" class="result-count">
            {filtered ? t("enterprises.found", { count: page.total }) : t("enterprises.count", { count: page.total })}
          </h2>
          {page.items.length === 0 ? (
            <p class="empty">{t("enterprises.none_found")}</p>
          ) : (
            <ul class="cards enterprise-cards">
              {page.items.map((e, i) => (
                <EnterpriseCard ctx={ctx} e={e} lazyLogo={i >= LOGOS_ABOVE_FOLD} />
              ))}
            </ul>
          )}
          <Pagination i18n={i18n} page={page.page} pages={page.pages} baseHref={href(ctx, `/enterprises${qs ? `?${qs}` : ""}`)} />
        </section>
      </Layout>,
    );
  });

  // A profile

  app.get("/:locale/enterprises/:id", async (c) => {
    const viewer = viewerOf(c);
    const e = await c.get("services").enterprises.get(idOf(c.req.param("id")), viewer);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const name = i18n.pick(e.name);
    const own = isOwnRepresentative(viewer, e.id);
    const staff = isStaffActor(viewer);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={name.text}
        section="enterprises"
        crumbs={[{ label: t("enterprises.directory_title"), href: href(ctx, "/enterprises") }, { label: name.text }]}
        description={t("enterprises.profile_lead", { name: name.text })}
      >
        <div class="enterprise-head">
          <EnterpriseLogo i18n={i18n} e={e} size={96} />
          <PageHeader
            title={name.text}
            lang={name.lang === i18n.tag ? undefined : name.lang}
            actions={
              own ? (
                <>
                  <a class="button" href={href(ctx, `/enterprises/${e.id}/edit`)}>
                    {t("enterprises.edit_profile")}
                  </a>{" "}
                  <a class="button button-quiet" href={href(ctx, "/my/enterprise")}>
                    {t("enterprises.my_title")}
                  </a>
                </>
              ) : staff ? (
                <a class="button button-quiet" href={href(ctx, `/admin/enterprises/${e.id}/edit`)}>
                  {t("enterprises.edit_in_back_office")}
                </a>
              ) : undefined
            }
          />
        </div>
        <OriginalName i18n={i18n} name={e.name} original={e.nameOriginal} block />
        {e.illustrative ? (
          <p class="illustrative-banner">
            <IllustrativeBadge i18n={i18n} /> {t("enterprises.illustrative_note")}
          </p>
        ) : null}
        {e.publication !== "published" ? <p class="flash flash-info">{t("enterprises.not_public")}</p> : null}
        {e.pending ? (
          <p class="flash flash-info" data-pending="profile">
            {t("enterprises.description_pending", { date: i18n.date(e.pending.submittedAt) })}
          </p>
        ) : null}
        {e.moderationNote ? <p class="flash flash-error">{t("enterprises.description_rejected", { reason: e.moderationNote })}</p> : null}
        <EnterpriseTabs ctx={ctx} e={e} current="profile" />
        <div class="grid-2 enterprise-profile">
          <section class="panel" aria-labelledby="about">
            <h2 id="about">{t("enterprises.about")}</h2>
            {e.description ? (
              <>
                <LocalParagraphs i18n={i18n} text={e.description} />
                <TranslationStatus i18n={i18n} translations={e.translations} hasText={!!e.description} />
              </>
            ) : (
              <p class="muted">{t("enterprises.no_description")}</p>
            )}
          </section>
          <section class="panel" aria-labelledby="facts">
            <h2 id="facts">{t("enterprises.key_facts")}</h2>
            <dl class="facts">
              <dt>{t("enterprises.f.side")}</dt>
              <dd>{t(SIDE_LABEL[e.side])}</dd>
              <dt>{t("enterprises.f.territory")}</dt>
              <dd>
                {e.territory ? <EnterpriseName i18n={i18n} name={e.territory.name} /> : <span class="unknown">{t("common.unknown")}</span>}
              </dd>
              <dt>{t("enterprises.f.sectors")}</dt>
              <dd>
                <SectorList i18n={i18n} codes={e.sectors} />
              </dd>
              <dt>{t("enterprises.f.products")}</dt>
              <dd>
                {e.products.length > 0 ? (
                  <Products i18n={i18n} products={e.products} />
                ) : (
                  <span class="unknown">{t("enterprises.unknown")}</span>
                )}
              </dd>
              <dt>{t("enterprises.f.size")}</dt>
              <dd>{e.sizeBand ? t(SIZE_LABEL[e.sizeBand]) : <span class="unknown">{t("enterprises.unknown")}</span>}</dd>
              <dt>{t("enterprises.f.year_founded")}</dt>
              <dd>{e.yearFounded ? String(e.yearFounded) : <span class="unknown">{t("enterprises.unknown")}</span>}</dd>
              <dt>{t("enterprises.f.export_markets")}</dt>
              <dd>
                {e.exportMarkets.length > 0 ? (
                  listText(
                    i18n,
                    e.exportMarkets.map((m) => countryName(i18n, m)),
                  )
                ) : (
                  <span class="unknown">{t("enterprises.unknown")}</span>
                )}
              </dd>
              <dt>{t("enterprises.f.certifications_short")}</dt>
              <dd>
                {e.certifications.length > 0 ? listText(i18n, e.certifications) : <span class="unknown">{t("enterprises.unknown")}</span>}
              </dd>
              <dt>{t("enterprises.f.website")}</dt>
              <dd>
                {e.website && /^https?:\/\//.test(e.website) ? (
                  <a href={e.website} rel="noopener noreferrer external nofollow" class="website">
                    {e.website.replace(/^https?:\/\//, "")}
                  </a>
                ) : (
                  <span class="unknown">{t("enterprises.unknown")}</span>
                )}
              </dd>
              <dt>{t("enterprises.f.verified")}</dt>
              <dd>
                {e.verified ? (
                  <span class="verification">
                    {t("enterprises.verified_by_on", { who: e.verified.by ?? "—", date: i18n.date(e.verified.on) })}
                  </span>
                ) : (
                  <span class="verification verification-stale">{t("enterprises.not_verified")}</span>
                )}
              </dd>
            </dl>
          </section>
        </div>
        <section class="panel contacts" aria-labelledby="contacts">
          <h2 id="contacts">{t("enterprises.f.contacts")}</h2>
          {e.contacts ? (
            <dl class="facts" data-contacts="shown">
              {e.contacts.person ? (
                <>
                  <dt>{t("enterprises.f.contact_person")}</dt>
                  <dd>{e.contacts.person}</dd>
                </>
              ) : null}
              {e.contacts.email ? (
                <>
                  <dt>{t("enterprises.f.email")}</dt>
                  <dd>
                    <a href={`mailto:${e.contacts.email}`}>{e.contacts.email}</a>
                  </dd>
                </>
              ) : null}
              {e.contacts.phone ? (
                <>
                  <dt>{t("enterprises.f.phone")}</dt>
                  <dd>{e.contacts.phone}</dd>
                </>
              ) : null}
              {e.contacts.address ? (
                <>
                  <dt>{t("enterprises.f.address")}</dt>
                  <dd>{e.contacts.address}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p class="muted" data-contacts="hidden">
              {t("enterprises.contacts_hidden")}
            </p>
          )}
        </section>
        <section aria-labelledby="offers">
          <h2 id="offers">{t("enterprises.offers_and_needs")}</h2>
          {e.requests.length === 0 ? (
            <p class="empty">{t("enterprises.no_requests")}</p>
          ) : (
            <ul class="cards request-cards">
              {e.requests.map((r) => (
                <RequestCard ctx={ctx} r={r} showOrganisation={false} status={own || staff} />
              ))}
            </ul>
          )}
        </section>
        <section class="panel partners-teaser" aria-labelledby="partners">
          <h2 id="partners">{t("enterprises.partners_title")}</h2>
          <p>{t("enterprises.partners_teaser", { name: name.text })}</p>
          <p>
            <a class="button" href={href(ctx, `${enterprisePath(e)}/partners`)}>
              {t("enterprises.show_partners")}
            </a>
          </p>
        </section>
        {e.illustrative ? null : (
          <div class="enterprise-sources">
            <Sources i18n={i18n} confidence={e.confidence} sources={e.sources} />
          </div>
        )}
      </Layout>,
    );
  });

  // Partners of one enterprise: ranked counterparts of the other region, with reasons

  app.get("/:locale/enterprises/:id/partners", (c) => renderEnterprisePartners(c, idOf(c.req.param("id"))));

  // Offers and needs

  app.get("/:locale/requests", async (c) => {
    const f = pick(RequestsQuery.shape, ["kind", "side", "sector"], c.req.query());
    const page = await c.get("services").enterprises.listRequests({ ...f, page: c.req.query("page") }, viewerOf(c));
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const qs = queryString(f);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("enterprises.requests_title")}
        description={t("enterprises.requests_lead")}
        section="enterprises"
        crumbs={[{ label: t("enterprises.directory_title"), href: href(ctx, "/enterprises") }, { label: t("enterprises.requests_title") }]}
      >
        <PageHeader
          title={t("enterprises.requests_title")}
          lead={t("enterprises.requests_lead")}
          actions={
            <a class="button button-quiet" href={href(ctx, "/enterprises")}>
              {t("enterprises.directory_title")}
            </a>
          }
        />
        <form method="get" action={href(ctx, "/requests")} class="filters panel" aria-label={t("enterprises.filters")}>
          <div class="filter-grid">
            <Select
              id="kind"
              label={t("enterprises.f.kind")}
              value={f.kind}
              any={t("enterprises.any")}
              options={REQUEST_KINDS.map((k) => [k, t(KIND_LABEL[k])])}
            />
            <Select
              id="side"
              label={t("enterprises.f.side")}
              value={f.side}
              any={t("enterprises.any")}
              options={SIDES.map((s) => [s, t(SIDE_LABEL[s])])}
            />
            <div class="field">
              <label for="sector">{t("enterprises.f.sector")}</label>
              <select id="sector" name="sector">
                <option value="">{t("enterprises.any")}</option>
                <SectorOptions i18n={i18n} selected={f.sector} />
              </select>
            </div>
          </div>
          <p class="filter-actions">
            <button type="submit" class="button">
              {t("enterprises.filter")}
            </button>{" "}
            <a href={href(ctx, "/requests")}>{t("enterprises.clear_filters")}</a>
          </p>
        </form>
        <section aria-labelledby="request-results">
          <h2 id="request-results" class="result-count">
            {t("enterprises.requests_count", { count: page.total })}
          </h2>
          {page.items.length === 0 ? (
            <p class="empty">{t("enterprises.no_requests_found")}</p>
          ) : (
            <ul class="cards request-cards">
              {page.items.map((r) => (
                <RequestCard ctx={ctx} r={r} />
              ))}
            </ul>
          )}
          <Pagination i18n={i18n} page={page.page} pages={page.pages} baseHref={href(ctx, `/requests${qs ? `?${qs}` : ""}`)} />
        </section>
      </Layout>,
    );
  });

  app.get("/:locale/requests/:id", async (c) => {
    const viewer = viewerOf(c);
    const r = await c.get("services").enterprises.getRequest(idOf(c.req.param("id")), viewer);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const own = isOwnRepresentative(viewer, r.organisation.id);
    const title = localTitle(i18n, r.title ?? r.pending?.title ?? null);
    const amounts = quantityText(i18n, r);
    const org = i18n.pick(r.organisation.name).text;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={title.text}
        section="enterprises"
        crumbs={[
          { label: t("enterprises.requests_title"), href: href(ctx, "/requests") },
          { label: org, href: href(ctx, enterprisePath(r.organisation)) },
          { label: title.text },
        ]}
      >
        <p class="request-kind">
          <KindPill i18n={i18n} kind={r.kind} />
          {own || isStaffActor(viewer) ? (
            <>
              {" "}
              <StatusPill i18n={i18n} status={r.status} />
            </>
          ) : null}
        </p>
        <PageHeader
          title={title.text}
          lang={title.lang}
          actions={
            own ? (
              <>
                <a class="button" href={href(ctx, `/requests/${r.id}/partners`)}>
                  {t("enterprises.find_partners")}
                </a>{" "}
                {r.status !== "closed" ? (
                  <a class="button button-quiet" href={href(ctx, `/requests/${r.id}/edit`)}>
                    {t("enterprises.edit")}
                  </a>
                ) : null}
              </>
            ) : undefined
          }
        />
        <p class="muted">
          <a href={href(ctx, enterprisePath(r.organisation))}>
            <EnterpriseName i18n={i18n} name={r.organisation.name} />
          </a>
          {r.organisation.illustrative ? <IllustrativeBadge i18n={i18n} /> : null}
          {" · "}
          <TerritoryLine i18n={i18n} territory={r.organisation.territory} side={r.organisation.side} />
        </p>
        {r.pending ? (
          <p class="flash flash-info" data-pending="request">
            {t("enterprises.request_pending", { date: i18n.date(r.pending.submittedAt) })}
          </p>
        ) : null}
        {r.moderationNote ? <p class="flash flash-error">{t("enterprises.request_rejected_note", { reason: r.moderationNote })}</p> : null}
        <div class="grid-2">
          <section class="panel" aria-labelledby="request-about">
            <h2 id="request-about">{t("enterprises.f.description")}</h2>
            {r.description || r.pending?.description ? (
              <LocalParagraphs i18n={i18n} text={r.description ?? r.pending?.description ?? null} />
            ) : (
              <p class="muted">{t("enterprises.no_description")}</p>
            )}
          </section>
          <section class="panel" aria-labelledby="request-facts">
            <h2 id="request-facts">{t("enterprises.key_facts")}</h2>
            <dl class="facts">
              <dt>{t("enterprises.f.kind")}</dt>
              <dd>{t(KIND_LABEL[r.kind])}</dd>
              <dt>{t("enterprises.f.sectors")}</dt>
              <dd>
                {r.sectors.length > 0 ? (
                  <SectorList i18n={i18n} codes={r.sectors} />
                ) : (
                  <span class="unknown">{t("enterprises.unknown")}</span>
                )}
              </dd>
              <dt>{t("enterprises.f.products")}</dt>
              <dd>
                {r.products.length > 0 ? (
                  <Products i18n={i18n} products={r.products} />
                ) : (
                  <span class="unknown">{t("enterprises.unknown")}</span>
                )}
              </dd>
              <dt>{t("enterprises.f.quantity")}</dt>
              <dd>{amounts.length > 0 ? amounts.join(" · ") : <span class="unknown">{t("enterprises.unknown")}</span>}</dd>
              <dt>{t("enterprises.f.valid_until")}</dt>
              <dd>{i18n.date(`${r.validUntil}T12:00:00Z`)}</dd>
              <dt>{t("enterprises.f.published")}</dt>
              <dd>{i18n.date(r.createdAt)}</dd>
            </dl>
          </section>
        </div>
        <p>
          <a href={href(ctx, `${enterprisePath(r.organisation)}/partners`)}>{t("enterprises.partners_of", { name: org })}</a>
        </p>
      </Layout>,
    );
  });

  return app;
}
