import { Hono } from "hono";
import { accountApi } from "../modules/accounts/accounts.api.ts";
import { cooperationApi } from "../modules/cooperation/cooperation.api.ts";
import { enterprisesApi } from "../modules/enterprises/enterprises.api.ts";
import { ioApi } from "../modules/io/io.api.ts";
import { matchingApi } from "../modules/matching/matching.api.ts";
import { newsApi } from "../modules/news/news.api.ts";
import { siteApi } from "../modules/sites/sites.api.ts";
import { geoApi } from "../modules/sites/sites.geo.api.ts";
import { territoryApi } from "../modules/territories/territories.api.ts";
import { PageHeader } from "../views/components.tsx";
import { Layout } from "../views/layout.tsx";
import type { AppEnv } from "./context.ts";
import { ApiRegistry } from "./openapi.ts";
import { pageContext, render } from "./render.ts";

/** The JSON API under /api/v1: every module registers its operations, and the OpenAPI document follows. */
export function api(): { routes: Hono<AppEnv>; registry: ApiRegistry } {
  const app = new Hono<AppEnv>();
  const registry = new ApiRegistry();
  territoryApi(app, registry);
  accountApi(app, registry);
  // Downloads (.csv, .xlsx, .geojson) first: their paths would otherwise match /:code.
  ioApi(app, registry);
  geoApi(app, registry);
  siteApi(app, registry);
  matchingApi(app, registry);
  cooperationApi(app, registry);
  newsApi(app, registry);
  enterprisesApi(app, registry);
  app.get("/api/v1/openapi.json", (c) => c.json(registry.document(`${c.get("config").publicUrl.origin}`)));
  return { routes: app, registry };
}

/** A readable reference of the same operations, as a portal page (no third-party viewer). */
export function apiReferencePage(registry: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/:locale/api", (c) => {
    const ctx = pageContext(c);
    const { t } = ctx.i18n;
    return render(
      c,
      <Layout ctx={ctx} title={t("apiref.title")} section="api" crumbs={[{ label: t("apiref.title") }]}>
        <PageHeader title={t("apiref.title")} lead={t("apiref.lead")} />
        <p>
          <a class="button button-quiet" href="/api/v1/openapi.json">
            {t("apiref.download")}
          </a>
        </p>
        <div class="table-wrap">
          <table>
            <caption>{t("apiref.operations")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiref.method")}</th>
                <th scope="col">{t("apiref.path")}</th>
                <th scope="col">{t("apiref.summary")}</th>
                <th scope="col">{t("apiref.access")}</th>
              </tr>
            </thead>
            <tbody>
              {registry.operations.map((op) => (
                <tr>
                  <td>
                    <code class="method">{op.method.toUpperCase()}</code>
                  </td>
                  <td>
                    <code>{op.path}</code>
                  </td>
                  <td lang="en">{op.summary}</td>
                  <td>{op.access === "public" ? t("apiref.public") : t("apiref.restricted", { who: op.access })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });
  return app;
}
