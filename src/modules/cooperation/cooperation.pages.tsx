import { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { ConfidenceBadge, PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { IdParam, PIPELINE, type Project, type SearchHit, type TerritoryRef } from "./cooperation.schemas.ts";
import type { PartnerOverview } from "./cooperation.service.ts";
import { statisticsPages } from "./cooperation.stats.pages.tsx";
import {
  AGREEMENT_KIND_LABEL,
  AGREEMENT_STATUS_LABEL,
  bigMoney,
  HistoryTable,
  Name,
  OptionalName,
  ORG_KIND_LABEL,
  Pill,
  partialDate,
  ROLE_LABEL,
  SITE_KIND_LABEL,
  Sources,
  STAGE_LABEL,
  TIE_KIND_LABEL,
} from "./cooperation.views.tsx";

const SLUG = /^[a-z0-9-]{1,100}$/;

function idOf(raw: string | undefined): number {
  const parsed = IdParam.safeParse({ id: raw });
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data.id;
}

const TerritoryName: FC<{ i18n: I18n; t: TerritoryRef }> = ({ i18n, t }) => <Name i18n={i18n} name={t.name} />;

const Original: FC<{ ctx: PageContext; zh: string | null }> = ({ ctx, zh }) =>
  zh && ctx.locale !== "zh" ? (
    <span lang="zh-Hans" class="original-name">
      {" "}
      {zh}
    </span>
  ) : null;

/** Ties, agreements, projects and delegations of one partner: the body of both partner pages. */
const PartnerBody: FC<{ ctx: PageContext; p: PartnerOverview; level: 2 | 3 }> = ({ ctx, p, level }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const H = level === 2 ? "h2" : "h3";
  const empty = p.ties.length + p.agreements.length + p.projects.length + p.delegations.length === 0;
  if (empty) return <p class="muted">{t("coop.partner_no_records")}</p>;
  return (
    <div class="grid-2 partner-body">
      <section>
        <H>{t("coop.ties")}</H>
        {p.ties.length === 0 ? (
          <p class="muted">{t("coop.none_recorded")}</p>
        ) : (
          <ul class="fact-list">
            {p.ties.map((tie) => (
              <li>
                <strong>{t(TIE_KIND_LABEL[tie.kind])}</strong> · <TerritoryName i18n={i18n} t={tie.territory} />
                {tie.since ? <span> · {t("coop.since", { date: partialDate(i18n, tie.since) })}</span> : null}{" "}
                <ConfidenceBadge i18n={i18n} confidence={tie.confidence} source={tie.sources[0] ?? null} />
                {tie.agreementId ? (
                  <p class="source">
                    <a href={href(ctx, `/agreements/${tie.agreementId}`)}>{t("coop.tie_document_agreement")}</a>
                  </p>
                ) : tie.document?.url ? (
                  <p class="source">
                    <a href={tie.document.url} rel="noopener noreferrer external" lang="en">
                      {tie.document.title ?? tie.document.url}
                    </a>
                  </p>
                ) : null}
                {tie.note ? (
                  <p class="source" lang="en">
                    {tie.note}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <H>{t("coop.delegations")}</H>
        {p.delegations.length === 0 ? (
          <p class="muted">{t("coop.none_recorded")}</p>
        ) : (
          <ul class="fact-list">
            {p.delegations.map((d) => (
              <li>
                <a href={href(ctx, `/delegations/${d.id}`)}>
                  <Name i18n={i18n} name={d.title} />
                </a>{" "}
                <span class="muted">
                  {partialDate(i18n, d.startsOn)} · {t(d.direction === "outbound" ? "coop.direction_outbound" : "coop.direction_inbound")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <H>{t("coop.agreements")}</H>
        {p.agreements.length === 0 ? (
          <p class="muted">{t("coop.none_recorded")}</p>
        ) : (
          <ul class="fact-list">
            {p.agreements.map((a) => (
              <li>
                <a href={href(ctx, `/agreements/${a.id}`)}>
                  <Name i18n={i18n} name={a.title} />
                </a>
                <p class="muted">
                  {t(AGREEMENT_KIND_LABEL[a.kind])} · {partialDate(i18n, a.signedOn)} ·{" "}
                  <Pill i18n={i18n} value={a.status} label={AGREEMENT_STATUS_LABEL[a.status]} />
                </p>
              </li>
            ))}
          </ul>
        )}
        <H>{t("coop.projects")}</H>
        {p.projects.length === 0 ? (
          <p class="muted">{t("coop.none_recorded")}</p>
        ) : (
          <ul class="fact-list">
            {p.projects.map((pr) => (
              <li>
                <a href={href(ctx, `/projects/${pr.id}`)}>
                  <Name i18n={i18n} name={pr.title} />
                </a>
                <p class="muted">
                  <Pill i18n={i18n} value={pr.stage} label={STAGE_LABEL[pr.stage]} />
                  {pr.capitalKzt !== null ? ` · ${bigMoney(i18n, pr.capitalKzt, "KZT")}` : ""}
                  {pr.jobsPlanned !== null ? ` · ${t("coop.jobs_planned_n", { count: pr.jobsPlanned })}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
};

const SearchForm: FC<{ ctx: PageContext; q: string }> = ({ ctx, q }) => (
  <form method="get" action={href(ctx, "/partners")} class="filters panel" aria-label={ctx.i18n.t("coop.search_submit")}>
    <div class="field">
      <label for="q">{ctx.i18n.t("coop.search_label")}</label>
      <p class="hint" id="q-hint">
        {ctx.i18n.t("coop.search_hint")}
      </p>
      <input id="q" name="q" type="search" value={q} aria-describedby="q-hint" maxlength={200} />
    </div>
    <p class="filter-actions">
      <button type="submit" class="button">
        {ctx.i18n.t("coop.search_submit")}
      </button>
    </p>
  </form>
);

const SearchResults: FC<{ ctx: PageContext; q: string; hits: SearchHit[]; partners: Set<string> }> = ({ ctx, q, hits, partners }) => {
  const { i18n } = ctx;
  return (
    <section aria-labelledby="search-results" class="panel">
      <h2 id="search-results">{i18n.t("coop.search_results", { query: q, count: hits.length })}</h2>
      {hits.length === 0 ? (
        <p class="empty">{i18n.t("coop.search_none")}</p>
      ) : (
        <ul class="fact-list search-hits">
          {hits.map((h) => (
            <li data-type={h.type}>
              {h.type === "territory" && h.slug ? (
                <a href={href(ctx, partners.has(h.slug) ? `/partners/${h.slug}` : `/territories/${h.slug}`)}>
                  <Name i18n={i18n} name={h.name} />
                </a>
              ) : (
                <Name i18n={i18n} name={h.name} />
              )}{" "}
              <span class="muted">
                {i18n.t(
                  h.type === "territory" ? "coop.hit_territory" : h.type === "organisation" ? "coop.hit_organisation" : "coop.hit_person",
                )}{" "}
                · {i18n.t("coop.hit_matched", { alias: h.matched })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

/** The pipeline as an ordered list, each stage with the date it was reached, the current one marked. */
const StageTimeline: FC<{ i18n: I18n; project: Project }> = ({ i18n, project }) => {
  const reached = new Map<string, string | null>();
  for (const h of project.history) reached.set(h.to, h.on);
  const current = project.stage;
  const stages = current === "cancelled" ? [...PIPELINE.filter((s) => reached.has(s)), "cancelled" as const] : PIPELINE;
  const currentIndex = stages.indexOf(current);
  return (
    <ol class="timeline fact-list" aria-label={i18n.t("coop.stage_timeline")}>
      {stages.map((s, i) => {
        const state = i < currentIndex ? "done" : i === currentIndex ? "current" : "ahead";
        return (
          <li class={`timeline-${state}`} aria-current={state === "current" ? "step" : undefined} data-stage={s}>
            <strong>{i18n.t(STAGE_LABEL[s])}</strong>{" "}
            <span class="muted">
              {state === "ahead"
                ? i18n.t("coop.stage_ahead")
                : reached.has(s)
                  ? partialDate(i18n, reached.get(s) ?? null)
                  : i18n.t("coop.stage_passed_undated")}
            </span>
            {state === "current" ? <span class="badge badge-verified"> {i18n.t("coop.stage_current")}</span> : null}
          </li>
        );
      })}
    </ol>
  );
};

export function cooperationPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale/partners", async (c) => {
    const services = c.get("services");
    const q = (c.req.query("q") ?? "").slice(0, 200).trim();
    const partners = await services.cooperation.partners();
    const hits = q ? await services.cooperation.search(q) : null;
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("coop.partners_title")}
        description={t("coop.partners_lead")}
        crumbs={[{ label: t("coop.partners_title") }]}
      >
        <PageHeader
          title={t("coop.partners_title")}
          lead={t("coop.partners_lead")}
          actions={
            <a class="button button-quiet" href={href(ctx, "/statistics")}>
              {t("coop.statistics_title")}
            </a>
          }
        />
        <SearchForm ctx={ctx} q={q} />
        {hits ? <SearchResults ctx={ctx} q={q} hits={hits} partners={new Set(partners.map((p) => p.territory.slug))} /> : null}
        {partners.map((p) => (
          <section class="panel partner" aria-labelledby={`partner-${p.territory.slug}`}>
            <h2 id={`partner-${p.territory.slug}`}>
              <a href={href(ctx, `/partners/${p.territory.slug}`)}>
                <TerritoryName i18n={i18n} t={p.territory} />
              </a>
              <Original ctx={ctx} zh={p.territory.name.zh} />
            </h2>
            {p.parent ? (
              <p class="muted">
                {t("territory.part_of")}: <TerritoryName i18n={i18n} t={p.parent} />
              </p>
            ) : null}
            <PartnerBody ctx={ctx} p={p} level={3} />
          </section>
        ))}
      </Layout>,
    );
  });

  app.get("/:locale/partners/:slug", async (c) => {
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("territory_not_found");
    const p = await c.get("services").cooperation.partner(slug);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const name = i18n.pick(p.territory.name);
    const live = p.projects.filter((x) => x.stage !== "cancelled");
    const sum = (f: (x: (typeof live)[number]) => number | null) => live.reduce((s, x) => s + (f(x) ?? 0), 0);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={name.text}
        crumbs={[{ label: t("coop.partners_title"), href: href(ctx, "/partners") }, { label: name.text }]}
        description={t("coop.partner_lead", { name: name.text })}
      >
        <PageHeader
          title={name.text}
          lang={name.lang === i18n.tag ? undefined : name.lang}
          lead={t("coop.partner_lead", { name: name.text })}
          actions={
            <a class="button button-quiet" href={href(ctx, `/territories/${p.territory.slug}`)}>
              {t("coop.about_territory")}
            </a>
          }
        />
        {p.territory.name.zh && ctx.locale !== "zh" ? (
          <p lang="zh-Hans" class="original-name">
            {p.territory.name.zh}
          </p>
        ) : null}
        <ul class="cards stats" aria-label={t("coop.partner_figures")}>
          <li class="card">
            <p class="stat">{i18n.number(p.agreements.length)}</p>
            <p>{t("coop.figure_agreements")}</p>
          </li>
          <li class="card">
            <p class="stat">{i18n.number(live.length)}</p>
            <p>{t("coop.figure_projects")}</p>
          </li>
          <li class="card">
            <p class="stat">
              {bigMoney(
                i18n,
                sum((x) => x.capitalKzt),
                "KZT",
              )}
            </p>
            <p>{t("coop.figure_capital")}</p>
          </li>
          <li class="card">
            <p class="stat">{i18n.number(sum((x) => x.jobsPlanned))}</p>
            <p>{t("coop.figure_jobs")}</p>
          </li>
        </ul>
        <PartnerBody ctx={ctx} p={p} level={2} />
      </Layout>,
    );
  });

  app.get("/:locale/agreements/:id", async (c) => {
    const a = await c.get("services").cooperation.getAgreement(idOf(c.req.param("id")));
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const title = i18n.pick(a.title);
    const partner = a.parties.find((p) => p.organisation.territory && p.organisation.territory.country !== "KZ")?.organisation.territory;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={title.text}
        crumbs={[
          { label: t("coop.partners_title"), href: href(ctx, "/partners") },
          ...(partner ? [{ label: i18n.pick(partner.name).text, href: href(ctx, `/partners/${partner.slug}`) }] : []),
          { label: t(AGREEMENT_KIND_LABEL[a.kind]) },
        ]}
      >
        <PageHeader title={title.text} lang={title.lang === i18n.tag ? undefined : title.lang} lead={t(AGREEMENT_KIND_LABEL[a.kind])} />
        <div class="grid-2">
          <section class="panel" aria-labelledby="agreement-facts">
            <h2 id="agreement-facts">{t("coop.key_facts")}</h2>
            <dl class="facts">
              <dt>{t("coop.status")}</dt>
              <dd>
                <Pill i18n={i18n} value={a.status} label={AGREEMENT_STATUS_LABEL[a.status]} />
                {a.statusOn ? <span class="muted"> {t("coop.since", { date: partialDate(i18n, a.statusOn) })}</span> : null}
              </dd>
              <dt>{t("coop.signed_on")}</dt>
              <dd>{partialDate(i18n, a.signedOn)}</dd>
              <dt>{t("coop.place")}</dt>
              <dd>
                {a.place ? <TerritoryName i18n={i18n} t={a.place} /> : null}
                {a.placeNote ? <span lang="en"> {a.placeNote}</span> : null}
                {!a.place && !a.placeNote ? <span class="unknown">{t("common.unknown")}</span> : null}
              </dd>
              <dt>{t("coop.subject")}</dt>
              <dd>{a.subject ? <OptionalName i18n={i18n} text={a.subject} /> : <span class="unknown">{t("common.unknown")}</span>}</dd>
              {a.delegationId ? (
                <>
                  <dt>{t("coop.signed_during")}</dt>
                  <dd>
                    <a href={href(ctx, `/delegations/${a.delegationId}`)}>{t("coop.the_delegation")}</a>
                  </dd>
                </>
              ) : null}
              <dt>{t("coop.documents")}</dt>
              <dd>
                {a.documents.length === 0 ? (
                  <span class="unknown">{t("coop.text_not_published")}</span>
                ) : (
                  <ul class="plain">
                    {a.documents.map((d) => (
                      <li>
                        <a href={d.url} rel="noopener noreferrer external">
                          {d.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="agreement-parties">
            <h2 id="agreement-parties">{t("coop.parties")}</h2>
            <ul class="fact-list">
              {a.parties.map((p) => (
                <li>
                  <strong>
                    <Name i18n={i18n} name={p.organisation.name} />
                  </strong>
                  {p.organisation.nameOriginal && p.organisation.nameOriginal !== i18n.pick(p.organisation.name).text ? (
                    <span class="original-name"> {p.organisation.nameOriginal}</span>
                  ) : null}
                  <p class="muted">
                    {t(ORG_KIND_LABEL[p.organisation.kind])}
                    {p.organisation.territory ? (
                      <>
                        {" · "}
                        <TerritoryName i18n={i18n} t={p.organisation.territory} />
                      </>
                    ) : null}
                  </p>
                  <p>
                    {t("coop.signatory")}:{" "}
                    {p.signatory ? (
                      <Name i18n={i18n} name={p.signatory.name} />
                    ) : (
                      <span class="unknown">{t("coop.name_not_published")}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <section aria-labelledby="agreement-projects">
          <h2 id="agreement-projects">{t("coop.projects_covered")}</h2>
          {a.projects.length === 0 ? (
            <p class="muted">{t("coop.no_projects_yet")}</p>
          ) : (
            <ul class="fact-list">
              {a.projects.map((p) => (
                <li>
                  <a href={href(ctx, `/projects/${p.id}`)} data-project={p.id}>
                    <Name i18n={i18n} name={p.title} />
                  </a>{" "}
                  <Pill i18n={i18n} value={p.stage} label={STAGE_LABEL[p.stage]} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <HistoryTable
          i18n={i18n}
          history={a.history}
          label={(v) => t(AGREEMENT_STATUS_LABEL[v as keyof typeof AGREEMENT_STATUS_LABEL] ?? "common.unknown")}
          caption={t("coop.status_history")}
        />
        <Sources i18n={i18n} confidence={a.confidence} sources={a.sources} note={a.note} />
      </Layout>,
    );
  });

  app.get("/:locale/projects/:id", async (c) => {
    const services = c.get("services");
    const p = await services.cooperation.getProject(idOf(c.req.param("id")));
    const site = await services.cooperation.projectSite(p);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const title = i18n.pick(p.title);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={title.text}
        crumbs={[{ label: t("coop.partners_title"), href: href(ctx, "/partners") }, { label: title.text }]}
      >
        <PageHeader title={title.text} lang={title.lang === i18n.tag ? undefined : title.lang} lead={t("coop.project")} />
        {p.illustrative ? (
          <p class="illustrative-banner" role="note">
            {t("coop.illustrative_note")}
          </p>
        ) : null}
        {p.description ? (
          <p class="lead">
            <OptionalName i18n={i18n} text={p.description} />
          </p>
        ) : null}
        <div class="grid-2">
          <section class="panel" aria-labelledby="project-facts">
            <h2 id="project-facts">{t("coop.key_facts")}</h2>
            <dl class="facts">
              <dt>{t("coop.stage")}</dt>
              <dd>
                <Pill i18n={i18n} value={p.stage} label={STAGE_LABEL[p.stage]} />
                {p.stageOn ? <span class="muted"> {t("coop.since", { date: partialDate(i18n, p.stageOn) })}</span> : null}
              </dd>
              <dt>{t("coop.investor")}</dt>
              <dd>
                {p.investor ? <Name i18n={i18n} name={p.investor.name} /> : <span class="unknown">{t("coop.name_not_published")}</span>}
              </dd>
              <dt>{t("coop.investor_country")}</dt>
              <dd>{p.investorCountry ? countryName(i18n, p.investorCountry) : <span class="unknown">{t("common.unknown")}</span>}</dd>
              <dt>{t("coop.sector")}</dt>
              <dd>{p.sector ? <code>{p.sector}</code> : <span class="unknown">{t("common.unknown")}</span>}</dd>
              <dt>{t("coop.location")}</dt>
              <dd>{p.territory ? <TerritoryName i18n={i18n} t={p.territory} /> : <span class="unknown">{t("common.unknown")}</span>}</dd>
              <dt>{t("coop.site")}</dt>
              <dd>
                {site ? (
                  <>
                    {t(SITE_KIND_LABEL[site.kind])}:{" "}
                    <a href={href(ctx, site.kind === "zone" ? `/zones/${site.ref}` : `/plots/${site.ref}`)}>
                      {site.kind === "plot" ? site.ref : site.name ? <Name i18n={i18n} name={site.name} /> : site.ref}
                    </a>
                    {site.kind === "plot" && site.name ? (
                      <span class="muted">
                        {" "}
                        (<Name i18n={i18n} name={site.name} />)
                      </span>
                    ) : null}
                  </>
                ) : p.site?.text ? (
                  <span lang="en">{p.site.text}</span>
                ) : (
                  <span class="unknown">{t("common.unknown")}</span>
                )}
              </dd>
              <dt>{t("coop.capital")}</dt>
              <dd>
                {p.capital ? (
                  <>
                    {bigMoney(i18n, p.capital.amount, p.capital.currency)}
                    {p.capital.kzt !== null && p.capital.currency !== "KZT" ? <> · {bigMoney(i18n, p.capital.kzt, "KZT")}</> : null}
                    {p.capital.usd !== null && p.capital.currency !== "USD" ? <> · {bigMoney(i18n, p.capital.usd, "USD")}</> : null}
                    <p class="muted">
                      {p.capital.kztPerUsd !== null
                        ? t("coop.rate_stated", {
                            rate: i18n.number(p.capital.kztPerUsd, { maximumFractionDigits: 2 }),
                            date: partialDate(i18n, p.capital.rateOn),
                          })
                        : t("coop.rate_none")}
                    </p>
                    {p.capital.note ? (
                      <p class="source" lang="en">
                        {p.capital.note}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <span class="unknown">{t("coop.not_published")}</span>
                )}
              </dd>
              <dt>{t("coop.jobs")}</dt>
              <dd>
                {p.jobsPlanned === null && p.jobsCreated === null ? (
                  <span class="unknown">{t("coop.not_published")}</span>
                ) : (
                  <>
                    {p.jobsPlanned !== null ? t("coop.jobs_planned_n", { count: p.jobsPlanned }) : null}
                    {p.jobsPlanned !== null && p.jobsCreated !== null ? " · " : null}
                    {p.jobsCreated !== null ? t("coop.jobs_created_n", { count: p.jobsCreated }) : null}
                  </>
                )}
              </dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="project-timeline">
            <h2 id="project-timeline">{t("coop.stage_timeline")}</h2>
            <StageTimeline i18n={i18n} project={p} />
          </section>
        </div>
        <div class="grid-2">
          <section aria-labelledby="project-agreements">
            <h2 id="project-agreements">{t("coop.agreements_behind")}</h2>
            {p.agreements.length === 0 ? (
              <p class="muted">{t("coop.none_recorded")}</p>
            ) : (
              <ul class="fact-list">
                {p.agreements.map((a) => (
                  <li>
                    <a href={href(ctx, `/agreements/${a.id}`)}>
                      <Name i18n={i18n} name={a.title} />
                    </a>
                    <p class="muted">
                      {t(AGREEMENT_KIND_LABEL[a.kind])} · {partialDate(i18n, a.signedOn)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="project-participants">
            <h2 id="project-participants">{t("coop.participants")}</h2>
            {p.participants.length === 0 ? (
              <p class="muted">{t("coop.none_recorded")}</p>
            ) : (
              <ul class="fact-list">
                {p.participants.map((x) => (
                  <li>
                    <Name i18n={i18n} name={x.organisation.name} /> <span class="muted">· {t(ROLE_LABEL[x.role])}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <HistoryTable
          i18n={i18n}
          history={p.history}
          label={(v) => t(STAGE_LABEL[v as keyof typeof STAGE_LABEL] ?? "common.unknown")}
          caption={t("coop.stage_history")}
        />
        <Sources i18n={i18n} confidence={p.confidence} sources={p.sources} note={p.note} />
      </Layout>,
    );
  });

  app.get("/:locale/delegations/:id", async (c) => {
    const d = await c.get("services").cooperation.getDelegation(idOf(c.req.param("id")));
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const title = i18n.pick(d.title);
    const partner = d.to.country === "KZ" ? d.from : d.to;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={title.text}
        crumbs={[
          { label: t("coop.partners_title"), href: href(ctx, "/partners") },
          { label: i18n.pick(partner.name).text, href: href(ctx, `/partners/${partner.slug}`) },
          { label: title.text },
        ]}
      >
        <PageHeader title={title.text} lang={title.lang === i18n.tag ? undefined : title.lang} lead={t("coop.delegation")} />
        <div class="grid-2">
          <section class="panel" aria-labelledby="delegation-facts">
            <h2 id="delegation-facts">{t("coop.key_facts")}</h2>
            <dl class="facts">
              <dt>{t("coop.route")}</dt>
              <dd>
                <TerritoryName i18n={i18n} t={d.from} /> → <TerritoryName i18n={i18n} t={d.to} />
              </dd>
              <dt>{t("coop.dates")}</dt>
              <dd>
                {partialDate(i18n, d.startsOn)}
                {d.endsOn && d.endsOn !== d.startsOn ? ` – ${partialDate(i18n, d.endsOn)}` : ""}
              </dd>
              <dt>{t("coop.head")}</dt>
              <dd>
                {d.head ? (
                  <Name i18n={i18n} name={d.head.name} />
                ) : (
                  <span class="unknown">{d.headNote ?? t("coop.name_not_published")}</span>
                )}
              </dd>
              <dt>{t("coop.members")}</dt>
              <dd>
                {d.members.length === 0 ? (
                  <span class="unknown">{t("coop.names_not_published")}</span>
                ) : (
                  <ul class="plain">
                    {d.members.map((m) => (
                      <li>
                        {m.person ? <Name i18n={i18n} name={m.person.name} /> : <span class="unknown">{t("coop.name_not_published")}</span>}
                        {m.organisation ? (
                          <span class="muted">
                            {" "}
                            · <Name i18n={i18n} name={m.organisation.name} />
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              {d.purpose ? (
                <>
                  <dt>{t("coop.purpose")}</dt>
                  <dd>
                    <OptionalName i18n={i18n} text={d.purpose} />
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <section class="panel" aria-labelledby="delegation-meetings">
            <h2 id="delegation-meetings">{t("coop.meetings")}</h2>
            {d.meetings.length === 0 ? (
              <p class="muted">{t("coop.none_recorded")}</p>
            ) : (
              <ul class="fact-list">
                {d.meetings.map((m) => (
                  <li>
                    <strong>
                      {m.person ? <Name i18n={i18n} name={m.person.name} /> : null}
                      {m.person && m.organisation ? ", " : null}
                      {m.organisation ? <Name i18n={i18n} name={m.organisation.name} /> : null}
                    </strong>
                    <span class="muted"> · {partialDate(i18n, m.on)}</span>
                    {m.summary ? (
                      <p>
                        <OptionalName i18n={i18n} text={m.summary} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <section aria-labelledby="delegation-visits">
          <h2 id="delegation-visits">{t("coop.visits")}</h2>
          {d.visits.length === 0 ? (
            <p class="muted">{t("coop.none_recorded")}</p>
          ) : (
            <ul class="fact-list">
              {d.visits.map((v) => (
                <li>
                  {v.organisation ? <Name i18n={i18n} name={v.organisation.name} /> : <OptionalName i18n={i18n} text={v.description} />}
                  {v.sector ? <span class="muted"> · NACE {v.sector}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div class="grid-2">
          <section aria-labelledby="delegation-agreements">
            <h2 id="delegation-agreements">{t("coop.agreements_signed")}</h2>
            {d.agreements.length === 0 ? (
              <p class="muted">{t("coop.none_recorded")}</p>
            ) : (
              <ul class="fact-list">
                {d.agreements.map((a) => (
                  <li>
                    <a href={href(ctx, `/agreements/${a.id}`)}>
                      <Name i18n={i18n} name={a.title} />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="delegation-followups">
            <h2 id="delegation-followups">{t("coop.follow_ups")}</h2>
            {d.followUps.length === 0 ? (
              <p class="muted">{t("coop.none_recorded")}</p>
            ) : (
              <ul class="fact-list">
                {d.followUps.map((f) => (
                  <li>
                    <span lang={/[\u0400-\u04FF]/.test(f.description) ? undefined : "en"}>{f.description}</span>
                    <p class="muted">
                      {t("coop.due_on", { date: partialDate(i18n, f.dueOn) })} ·{" "}
                      {f.done ? t("coop.done_on", { date: partialDate(i18n, f.doneOn) }) : t("coop.open")}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <Sources i18n={i18n} confidence={d.confidence} sources={d.sources} note={d.note} />
      </Layout>,
    );
  });

  app.route("/", statisticsPages());
  return app;
}

export function countryName(i18n: I18n, code: string): string {
  if (code === "KZ") return i18n.t("country.KZ");
  if (code === "CN") return i18n.t("country.CN");
  try {
    return new Intl.DisplayNames([i18n.locale === "kk-latn" ? "kk" : i18n.tag], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
