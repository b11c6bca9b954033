import { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { ConfidenceBadge, PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { MentionedIn } from "../news/news.pages.tsx";
import type { Territory } from "./territories.schemas.ts";
import { TerritorySlugParam } from "./territories.schemas.ts";

const KIND_LABEL: Record<Territory["kind"], MessageKey> = {
  oblast: "territory.kind.oblast",
  city: "territory.kind.city",
  district: "territory.kind.district",
  province: "territory.kind.province",
  prefecture_city: "territory.kind.prefecture_city",
  autonomous_prefecture: "territory.kind.autonomous_prefecture",
};

const COUNTRY_LABEL: Record<Territory["country"], MessageKey> = { KZ: "country.KZ", CN: "country.CN" };

/** A name in the page's language, marked with its real language when it falls back. */
const Name: FC<{ i18n: I18n; t: Territory }> = ({ i18n, t }) => {
  const { text, lang } = i18n.pick(t.name);
  return <span lang={lang === i18n.tag ? undefined : lang}>{text}</span>;
};

const Coordinates: FC<{ i18n: I18n; t: Territory }> = ({ i18n, t }) =>
  t.coordinates ? (
    <span>
      {i18n.t("territory.latlon", {
        lat: i18n.number(t.coordinates.lat, { maximumFractionDigits: 4 }),
        lon: i18n.number(t.coordinates.lon, { maximumFractionDigits: 4 }),
      })}{" "}
      <ConfidenceBadge i18n={i18n} confidence={t.coordinates.confidence} source={t.coordinates.source} />
    </span>
  ) : (
    <span class="muted">{i18n.t("common.unknown")}</span>
  );

const TerritoryTable: FC<{ ctx: PageContext; items: Territory[]; caption: string }> = ({ ctx, items, caption }) => {
  const { i18n } = ctx;
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t("territory.name")}</th>
            <th scope="col">{i18n.t("territory.kind")}</th>
            <th scope="col">{i18n.t("territory.centre")}</th>
            <th scope="col">{i18n.t("territory.coordinates")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, `/territories/${t.slug}`)}>
                  <Name i18n={i18n} t={t} />
                </a>
              </th>
              <td>{i18n.t(KIND_LABEL[t.kind])}</td>
              <td>{t.centre ? i18n.pick(t.centre).text : "—"}</td>
              <td>
                <Coordinates i18n={i18n} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

export function territoryPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale/territories", async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx.i18n;
    const overview = await c.get("services").territories.overview();
    const home = [...overview.cities, ...overview.districts];
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("territories.title")}
        section="territories"
        crumbs={[{ label: t("territories.title") }]}
        description={t("territories.lead")}
      >
        <PageHeader title={t("territories.title")} lead={t("territories.lead")} />
        <section aria-labelledby="home-units">
          <h2 id="home-units">{overview.oblast ? ctx.i18n.pick(overview.oblast.name).text : t("site.region")}</h2>
          <p>{t("territories.home_summary", { districts: overview.districts.length, cities: overview.cities.length })}</p>
          <TerritoryTable ctx={ctx} items={home} caption={t("territories.home_caption")} />
        </section>
        <section aria-labelledby="partners">
          <h2 id="partners">{t("territories.partners")}</h2>
          <p>{t("territories.partners_lead", { count: overview.partners.length })}</p>
          <ul class="cards">
            {overview.partners.map((p) => (
              <li class="card">
                <h3>
                  <a href={href(ctx, `/territories/${p.slug}`)}>
                    <Name i18n={ctx.i18n} t={p} />
                  </a>
                </h3>
                <p class="muted">
                  {t(KIND_LABEL[p.kind])} · {t(COUNTRY_LABEL[p.country])}
                </p>
                {p.name.zh && ctx.locale !== "zh" ? (
                  <p lang="zh-Hans" class="original-name">
                    {p.name.zh}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </Layout>,
    );
  });

  app.get("/:locale/territories/:slug", async (c) => {
    const parsed = TerritorySlugParam.safeParse({ slug: c.req.param("slug") });
    if (!parsed.success) throw new AppError("territory_not_found");
    const { slug } = parsed.data;
    const { territory, parent, children } = await c.get("services").territories.get(slug);
    const stories = await c.get("services").news.storiesMentioning("territory", slug, 5);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const { t } = i18n;
    const name = i18n.pick(territory.name);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={name.text}
        section="territories"
        crumbs={[
          { label: t("territories.title"), href: href(ctx, "/territories") },
          ...(parent ? [{ label: i18n.pick(parent.name).text, href: href(ctx, `/territories/${parent.slug}`) }] : []),
          { label: name.text },
        ]}
      >
        <PageHeader
          title={name.text}
          lang={name.lang === i18n.tag ? undefined : name.lang}
          lead={`${t(KIND_LABEL[territory.kind])} · ${t(COUNTRY_LABEL[territory.country])}`}
        />
        <div class="grid-2">
          <section class="panel" aria-labelledby="facts">
            <h2 id="facts">{t("territory.facts")}</h2>
            <dl class="facts">
              <dt>{t("territory.centre")}</dt>
              <dd>{territory.centre ? i18n.pick(territory.centre).text : t("common.unknown")}</dd>
              <dt>{t("territory.coordinates")}</dt>
              <dd>
                <Coordinates i18n={i18n} t={territory} />
                {territory.coordinates?.source ? (
                  <p class="source">{t("common.source", { source: territory.coordinates.source })}</p>
                ) : null}
              </dd>
              <dt>{t("territory.population")}</dt>
              <dd>
                {territory.population ? (
                  <>
                    {territory.population.year
                      ? t("territory.population_value", {
                          value: i18n.number(territory.population.value),
                          year: String(territory.population.year),
                        })
                      : i18n.number(territory.population.value)}
                    {territory.population.source ? (
                      <p class="source">{t("common.source", { source: territory.population.source })}</p>
                    ) : null}
                  </>
                ) : (
                  <span class="muted">{t("common.unknown")}</span>
                )}
              </dd>
              {parent ? (
                <>
                  <dt>{t("territory.part_of")}</dt>
                  <dd>
                    <a href={href(ctx, `/territories/${parent.slug}`)}>{i18n.pick(parent.name).text}</a>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <section class="panel" aria-labelledby="names">
            <h2 id="names">{t("territory.names")}</h2>
            <dl class="facts">
              <dt>Қазақша</dt>
              <dd lang="kk">{territory.name.kk}</dd>
              <dt>Qazaqşa</dt>
              <dd lang="kk-Latn">{territory.name.kkLatn}</dd>
              <dt>Русский</dt>
              <dd lang="ru">{territory.name.ru}</dd>
              <dt>中文</dt>
              <dd lang="zh-Hans">{territory.name.zh ?? <span class="muted">{t("territory.no_chinese_name")}</span>}</dd>
              <dt>English</dt>
              <dd lang="en">{territory.name.en}</dd>
            </dl>
          </section>
        </div>
        {children.length > 0 ? <TerritoryTable ctx={ctx} items={children} caption={t("territory.children")} /> : null}
        <MentionedIn ctx={ctx} stories={stories} />
      </Layout>,
    );
  });

  return app;
}
