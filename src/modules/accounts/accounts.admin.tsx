import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { requirePermission } from "../../http/middleware/roles.ts";
import { pageContext, render } from "../../http/render.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import { AdminMenu } from "../../views/admin-menu.tsx";
import { PageHeader, Pagination } from "../../views/components.tsx";
import { href } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { ROLES, type Role } from "./accounts.policy.ts";
import { RoleChangeForm, UsersQuery } from "./accounts.schemas.ts";

export const ROLE_LABEL: Record<Role, MessageKey> = {
  admin: "role.admin",
  editor: "role.editor",
  manager: "role.manager",
  enterprise: "role.enterprise",
  partner: "role.partner",
};

const UserId = z.coerce.number().int().positive().max(2_147_483_647);

function userIdOf(raw: string): number {
  const parsed = UserId.safeParse(raw);
  if (!parsed.success) throw new AppError("user_not_found");
  return parsed.data;
}

export function accountAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/:locale/admin/users", requirePermission("users:list"));
  app.use("/:locale/admin/users/*", requirePermission("users:list"));
  app.use("/:locale/admin/audit", requirePermission("audit:read"));

  app.get("/:locale/admin/users", async (c) => {
    const ctx = pageContext(c);
    const { t, i18n } = { t: ctx.i18n.t, i18n: ctx.i18n };
    const session = c.get("session");
    if (!session) throw new AppError("unauthenticated");
    const { page } = UsersQuery.parse(c.req.query());
    const list = await c.get("services").accounts.listUsers(session.user, page);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("admin.users")}
        section="admin"
        noindex
        crumbs={[{ label: t("admin.title"), href: href(ctx, "/admin") }, { label: t("admin.users") }]}
        aside={<AdminMenu ctx={ctx} current="users" isAdmin />}
      >
        <PageHeader title={t("admin.users")} lead={t("users.count", { count: list.total })} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("admin.users")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.status")}</th>
                <th scope="col">{t("users.last_login")}</th>
                <th scope="col">{t("users.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((u) => (
                <tr class={u.status === "suspended" ? "row-muted" : undefined}>
                  <th scope="row">{u.email}</th>
                  <td>{u.displayName}</td>
                  <td>
                    <form method="post" action={href(ctx, `/admin/users/${u.id}/role`)} class="inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <label class="visually-hidden" for={`role-${u.id}`}>
                        {t("users.role_for", { email: u.email })}
                      </label>
                      <select id={`role-${u.id}`} name="role">
                        {ROLES.map((r) => (
                          <option value={r} selected={r === u.role}>
                            {t(ROLE_LABEL[r])}
                          </option>
                        ))}
                      </select>
                      <button type="submit" class="button button-small">
                        {t("users.change_role")}
                      </button>
                    </form>
                  </td>
                  <td>
                    <span class={u.status === "active" ? "badge badge-verified" : "badge badge-conflicting"}>
                      {u.status === "active" ? t("users.active") : t("users.suspended")}
                    </span>
                  </td>
                  <td>{u.lastLoginAt ? i18n.dateTime(u.lastLoginAt) : "—"}</td>
                  <td>
                    {u.id === session.user.id ? (
                      <span class="muted">{t("users.you")}</span>
                    ) : (
                      <form
                        method="post"
                        action={href(ctx, `/admin/users/${u.id}/${u.status === "active" ? "suspend" : "reactivate"}`)}
                        class="inline-form"
                      >
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button
                          type="submit"
                          class={u.status === "active" ? "button button-small button-danger" : "button button-small"}
                          aria-label={`${u.status === "active" ? t("users.suspend") : t("users.reactivate")}: ${u.email}`}
                        >
                          {u.status === "active" ? t("users.suspend") : t("users.reactivate")}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination i18n={i18n} page={list.page} pages={list.pages} baseHref={href(ctx, "/admin/users")} />
      </Layout>,
    );
  });

  app.post("/:locale/admin/users/:id/role", async (c) => {
    const session = c.get("session");
    if (!session) throw new AppError("unauthenticated");
    const id = userIdOf(c.req.param("id"));
    const parsed = RoleChangeForm.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      setFlash(c, "error", "users.role_invalid");
      return c.redirect(`/${c.get("locale")}/admin/users`, 303);
    }
    try {
      const user = await c.get("services").accounts.changeRole(session.user, id, parsed.data.role, { requestId: c.get("requestId") });
      setFlash(c, "success", "users.role_changed", { email: user.email });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      setFlash(c, "error", "users.last_admin");
    }
    return c.redirect(`/${c.get("locale")}/admin/users`, 303);
  });

  for (const action of ["suspend", "reactivate"] as const) {
    app.post(`/:locale/admin/users/:id/${action}`, async (c) => {
      const session = c.get("session");
      if (!session) throw new AppError("unauthenticated");
      const id = userIdOf(c.req.param("id"));
      try {
        const user = await c
          .get("services")
          .accounts.setSuspended(session.user, id, action === "suspend", { requestId: c.get("requestId") });
        setFlash(c, "success", action === "suspend" ? "users.suspended_done" : "users.reactivated_done", { email: user.email });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
        setFlash(c, "error", "users.cannot_suspend_self");
      }
      return c.redirect(`/${c.get("locale")}/admin/users`, 303);
    });
  }

  app.get("/:locale/admin/audit", async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx.i18n;
    const session = c.get("session");
    if (!session) throw new AppError("unauthenticated");
    const { page } = UsersQuery.parse(c.req.query());
    const events = await c.get("services").accounts.listAudit(session.user, page);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("admin.audit")}
        section="admin"
        noindex
        crumbs={[{ label: t("admin.title"), href: href(ctx, "/admin") }, { label: t("admin.audit") }]}
        aside={<AdminMenu ctx={ctx} current="audit" isAdmin />}
      >
        <PageHeader title={t("admin.audit")} lead={t("audit.lead")} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("admin.audit")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.subject")}</th>
                <th scope="col">{t("audit.request")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td>{ctx.i18n.dateTime(e.at)}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.actor_email ?? "—"}</td>
                  <td>{e.subject_type ? `${e.subject_type} ${e.subject_id ?? ""}` : "—"}</td>
                  <td>
                    <code>{e.request_id ?? "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination i18n={ctx.i18n} page={page} pages={events.length === 50 ? page + 1 : page} baseHref={href(ctx, "/admin/audit")} />
      </Layout>,
    );
  });

  return app;
}
