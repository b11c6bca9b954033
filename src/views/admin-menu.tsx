import type { FC } from "hono/jsx";
import { href, type PageContext } from "./context.ts";

export type AdminSection =
  | "dashboard"
  | "sites"
  | "import"
  | "inquiries"
  | "news"
  | "comments"
  | "registry"
  | "board"
  | "followups"
  | "enterprises"
  | "users"
  | "audit";

/** The back office's side menu; entries the user may not open are not shown. */
export const AdminMenu: FC<{ ctx: PageContext; current: AdminSection; isAdmin: boolean }> = ({ ctx, current, isAdmin }) => {
  const { t } = ctx.i18n;
  const items: { key: AdminSection; label: string; path: string; adminOnly: boolean }[] = [
    { key: "dashboard", label: t("admin.dashboard"), path: "/admin", adminOnly: false },
    { key: "sites", label: t("admin.sites_menu"), path: "/admin/sites", adminOnly: false },
    { key: "import", label: t("admin.sites.import"), path: "/admin/import", adminOnly: false },
    { key: "inquiries", label: t("admin.inquiries_menu"), path: "/admin/matching/inquiries", adminOnly: false },
    { key: "registry", label: t("admin.registry_menu"), path: "/admin/registry", adminOnly: false },
    { key: "board", label: t("admin.board_menu"), path: "/admin/projects/board", adminOnly: false },
    { key: "followups", label: t("admin.followups_menu"), path: "/admin/follow-ups", adminOnly: false },
    { key: "enterprises", label: t("admin.enterprises_menu"), path: "/admin/enterprises", adminOnly: false },
    { key: "news", label: t("admin.news_menu"), path: "/admin/news", adminOnly: false },
    { key: "comments", label: t("admin.comments_menu"), path: "/admin/news/comments", adminOnly: false },
    { key: "users", label: t("admin.users"), path: "/admin/users", adminOnly: true },
    { key: "audit", label: t("admin.audit"), path: "/admin/audit", adminOnly: true },
  ];
  return (
    <nav aria-label={t("admin.menu")}>
      <ul>
        {items
          .filter((i) => isAdmin || !i.adminOnly)
          .map((i) => (
            <li>
              <a href={href(ctx, i.path)} aria-current={i.key === current ? "page" : undefined}>
                {i.label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
};
