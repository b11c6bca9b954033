import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { requirePermission } from "../../http/middleware/roles.ts";
import { pageContext, render } from "../../http/render.ts";
import { AdminMenu } from "../../views/admin-menu.tsx";
import { PageHeader } from "../../views/components.tsx";
import { href } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";

/** Staff see the searches investors turned into inquiries (the inquiries module will take them over). */
export function matchingAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/:locale/admin/matching/*", requirePermission("sites:edit"));
  app.get("/:locale/admin/matching/inquiries", async (c) => {
    const requests = await c.get("services").matching.inquiryRequests();
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("matching.admin_title")}
        section="admin"
        noindex
        crumbs={[{ label: t("admin.title"), href: href(ctx, "/admin") }, { label: t("matching.admin_title") }]}
        aside={<AdminMenu ctx={ctx} current="inquiries" isAdmin={c.get("session")?.user.role === "admin"} />}
      >
        <PageHeader title={t("matching.admin_title")} lead={t("matching.admin_lead")} />
        {requests.length === 0 ? <p class="empty">{t("matching.admin_none")}</p> : null}
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("matching.admin_investor")}</th>
                <th scope="col">{t("matching.inquiry_message")}</th>
                <th scope="col">{t("matching.results")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr>
                  <td>{r.requestedAt ? i18n.dateTime(r.requestedAt) : "—"}</td>
                  <td>
                    {r.user}
                    <br />
                    <span class="muted">{r.contact}</span>
                  </td>
                  <td>
                    <strong>{r.title}</strong>
                    <p>{r.message}</p>
                  </td>
                  <td>
                    {r.results
                      .slice(0, 6)
                      .map((x, i) => [i > 0 ? ", " : "", <a href={href(ctx, `/plots/${x.code}`)}>{x.code}</a>, x.fullMatch ? "" : " *"])}
                  </td>
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
