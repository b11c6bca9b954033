import { Hono } from "hono";
import { accountPages } from "../modules/accounts/accounts.pages.tsx";
import { cooperationPages } from "../modules/cooperation/cooperation.pages.tsx";
import { enterpriseAccountPages } from "../modules/enterprises/enterprises.account.tsx";
import { enterprisePages } from "../modules/enterprises/enterprises.pages.tsx";
import { matchingPages } from "../modules/matching/matching.pages.tsx";
import { newsPages } from "../modules/news/news.pages.tsx";
import { mapPages } from "../modules/sites/sites.map.tsx";
import { sitePages } from "../modules/sites/sites.pages.tsx";
import { passportPages } from "../modules/sites/sites.passport.tsx";
import { territoryPages } from "../modules/territories/territories.pages.tsx";
import { ConfidenceBadge } from "../views/components.tsx";
import { href } from "../views/context.ts";
import { Layout } from "../views/layout.tsx";
import type { AppEnv } from "./context.ts";
import { pageContext, render } from "./render.ts";

/** The public portal under /{locale}/…: each module's pages, and the home page. */
export function portal(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale", async (c) => {
    const ctx = pageContext(c);
    const { t, i18n } = { t: ctx.i18n.t, i18n: ctx.i18n };
    const services = c.get("services");
    const overview = await services.territories.overview();
    const catalogue = await services.sites.summary("kz-cn-wenzhou-park");
    const oblast = overview.oblast;
    const wenzhouPark = catalogue.featured;
    const freePlots = catalogue.freePlotsInZones;
    return render(
      c,
      <Layout ctx={ctx} title={t("home.title")} section="home" description={t("home.lead")}>
        <section class="hero">
          <p class="eyebrow">{oblast ? i18n.pick(oblast.name).text : t("site.region")}</p>
          <h1>{t("home.title")}</h1>
          <p class="lead">{t("home.lead")}</p>
          <p class="hero-actions">
            <a class="button" href={href(ctx, "/match")}>
              {t("home.cta_match")}
            </a>{" "}
            <a class="button button-light" href={href(ctx, "/zones")}>
              {t("home.cta_zones")}
            </a>{" "}
            <a class="button button-light" href={href(ctx, "/map")}>
              {t("home.cta_map")}
            </a>
          </p>
        </section>
        <section aria-labelledby="catalogue">
          <h2 id="catalogue">{t("home.catalogue")}</h2>
          <ul class="cards stats">
            <li class="card">
              <p class="stat">{i18n.number(catalogue.zones)}</p>
              <p>
                <a href={href(ctx, "/zones")}>{t("home.zones_in_catalogue", { count: catalogue.zones })}</a>
              </p>
            </li>
            <li class="card">
              <p class="stat">{i18n.number(freePlots)}</p>
              <p>
                <a href={href(ctx, "/plots?status=free")}>{t("home.free_plots", { count: freePlots })}</a>
              </p>
              <p class="muted">{t("home.illustrative_note")}</p>
            </li>
            {wenzhouPark ? (
              <li class="card">
                <p class="eyebrow-dark">{t("home.featured")}</p>
                <h3>
                  <a href={href(ctx, `/zones/${wenzhouPark.slug}`)}>{i18n.pick(wenzhouPark.name).text}</a>
                </h3>
                <p>
                  {i18n.t("unit.ha", { value: i18n.number(wenzhouPark.totalAreaHa ?? 0) })}{" "}
                  <ConfidenceBadge i18n={i18n} confidence={wenzhouPark.confidence} source={wenzhouPark.facts[0]?.source ?? null} />
                </p>
              </li>
            ) : null}
          </ul>
        </section>
        <section aria-labelledby="key-facts">
          <h2 id="key-facts">{t("home.key_facts")}</h2>
          <ul class="cards stats">
            <li class="card">
              <p class="stat">{i18n.number(overview.districts.length + overview.cities.length)}</p>
              <p>{t("home.units", { districts: overview.districts.length, cities: overview.cities.length })}</p>
              <ConfidenceBadge i18n={i18n} confidence="verified" source="facts.json → turkistan_oblast.structure_summary" />
            </li>
            {oblast?.population ? (
              <li class="card">
                <p class="stat">{i18n.number(oblast.population.value)}</p>
                <p>{t("home.population", { year: String(oblast.population.year ?? "") })}</p>
                <ConfidenceBadge i18n={i18n} confidence="single-source" source={oblast.population.source} />
              </li>
            ) : null}
            <li class="card">
              <p class="stat">{i18n.number(overview.partners.length)}</p>
              <p>{t("home.partners", { count: overview.partners.length })}</p>
              <ConfidenceBadge i18n={i18n} confidence="verified" source="facts.json → article_claims_crosscheck" />
            </li>
          </ul>
        </section>
        <section aria-labelledby="partner-list">
          <h2 id="partner-list">{t("territories.partners")}</h2>
          <ul class="cards">
            {overview.partners.map((p) => (
              <li class="card">
                <h3>
                  <a href={href(ctx, `/territories/${p.slug}`)}>{i18n.pick(p.name).text}</a>
                </h3>
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

  app.route("/", territoryPages());
  app.route("/", sitePages());
  app.route("/", mapPages());
  app.route("/", passportPages());
  app.route("/", matchingPages());
  app.route("/", cooperationPages());
  app.route("/", enterpriseAccountPages());
  app.route("/", enterprisePages());
  app.route("/", newsPages());
  app.route("/", accountPages());
  return app;
}
