import { Hono } from "hono";
import { accountAdminPages } from "../modules/accounts/accounts.admin.tsx";
import { cooperationAdminPages } from "../modules/cooperation/cooperation.admin.tsx";
import { enterprisesAdminPages } from "../modules/enterprises/enterprises.admin.tsx";
import { ioAdminPages } from "../modules/io/io.admin.tsx";
import { matchingAdminPages } from "../modules/matching/matching.admin.tsx";
import { newsAdminPages } from "../modules/news/news.admin.tsx";
import { siteAdminPages } from "../modules/sites/sites.admin.tsx";
import { AdminMenu } from "../views/admin-menu.tsx";
import { PageHeader } from "../views/components.tsx";
import { href } from "../views/context.ts";
import { Layout } from "../views/layout.tsx";
import type { AppEnv } from "./context.ts";
import { requirePermission } from "./middleware/roles.ts";
import { pageContext, render } from "./render.ts";

/** The back office under /{locale}/admin/…: staff only; each module mounts its pages here. */
export function admin(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/:locale/admin", requirePermission("backoffice:enter"));
  app.use("/:locale/admin/*", requirePermission("backoffice:enter"));

  app.get("/:locale/admin", (c) => {
    const ctx = pageContext(c);
    const { t } = ctx.i18n;
    const isAdmin = c.get("session")?.user.role === "admin";
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("admin.title")}
        section="admin"
        noindex
        crumbs={[{ label: t("admin.title") }]}
        aside={<AdminMenu ctx={ctx} current="dashboard" isAdmin={isAdmin} />}
      >
        <PageHeader title={t("admin.title")} lead={t("admin.lead")} />
        <ul class="cards">
          {isAdmin ? (
            <li class="card">
              <h2>
                <a href={href(ctx, "/admin/users")}>{t("admin.users")}</a>
              </h2>
              <p>{t("admin.users_lead")}</p>
            </li>
          ) : null}
          {isAdmin ? (
            <li class="card">
              <h2>
                <a href={href(ctx, "/admin/audit")}>{t("admin.audit")}</a>
              </h2>
              <p>{t("audit.lead")}</p>
            </li>
          ) : null}
          <li class="card">
            <h2>
              <a href={href(ctx, "/account/password")}>{t("account.password_title")}</a>
            </h2>
            <p>{t("account.password_lead")}</p>
          </li>
        </ul>
      </Layout>,
    );
  });

  app.route("/", accountAdminPages());
  app.route("/", siteAdminPages());
  app.route("/", ioAdminPages());
  app.route("/", matchingAdminPages());
  app.route("/", cooperationAdminPages());
  app.route("/", newsAdminPages());
  app.route("/", enterprisesAdminPages());
  return app;
}
