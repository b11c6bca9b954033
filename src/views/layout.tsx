import type { Child, FC, PropsWithChildren } from "hono/jsx";
import { LOCALE_NAME, LOCALE_TAG, LOCALES } from "../i18n/locales.ts";
import { ASSETS } from "./assets.ts";
import { href, type PageContext } from "./context.ts";

export interface Crumb {
  label: string;
  href?: string;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  crumbs?: Crumb[];
  /** Which top navigation entry is current. */
  section?:
    | "home"
    | "sites"
    | "map"
    | "match"
    | "enterprises"
    | "partners"
    | "statistics"
    | "news"
    | "search"
    | "territories"
    | "api"
    | "admin"
    | "login";
  /** Pages that must not be indexed (admin, login, errors). */
  noindex?: boolean;
  /** The back office uses a side menu. */
  aside?: Child;
  /** Extra tags for <head>: a module's stylesheet, Open Graph tags, feed links. */
  head?: Child;
}

const Breadcrumbs: FC<{ ctx: PageContext; crumbs: Crumb[] }> = ({ ctx, crumbs }) => (
  <nav class="breadcrumbs" aria-label={ctx.i18n.t("layout.breadcrumbs")}>
    <ol>
      <li>
        <a href={href(ctx)}>{ctx.i18n.t("nav.home")}</a>
      </li>
      {crumbs.map((c, i) => (
        <li>{c.href && i < crumbs.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
      ))}
    </ol>
  </nav>
);

const LanguageSwitcher: FC<{ ctx: PageContext }> = ({ ctx }) => (
  <nav class="languages" aria-label={ctx.i18n.t("layout.language")}>
    <ul>
      {LOCALES.map((l) => (
        <li>
          <a
            href={`/${l}${ctx.pathAfterLocale}`}
            hreflang={LOCALE_TAG[l]}
            lang={LOCALE_TAG[l]}
            aria-current={l === ctx.locale ? "true" : undefined}
          >
            {LOCALE_NAME[l]}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({
  ctx,
  title,
  description,
  crumbs,
  section,
  noindex,
  aside,
  head,
  children,
}) => {
  const { t } = ctx.i18n;
  const nav: { key: NonNullable<LayoutProps["section"]>; label: string; path: string }[] = [
    { key: "home", label: t("nav.home"), path: "" },
    { key: "sites", label: t("nav.sites"), path: "/plots" },
    { key: "map", label: t("nav.map"), path: "/map" },
    { key: "match", label: t("nav.match"), path: "/match" },
    { key: "enterprises", label: t("nav.enterprises"), path: "/enterprises" },
    { key: "partners", label: t("nav.partners"), path: "/partners" },
    { key: "statistics", label: t("nav.statistics"), path: "/statistics" },
    { key: "news", label: t("nav.news"), path: "/news" },
  ];
  const pathOnly = ctx.pathAfterLocale.split("?")[0] ?? "";
  return (
    <html lang={ctx.i18n.tag} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("site.name")}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={ASSETS.css} />
        <link rel="icon" href={ASSETS.icon} type="image/svg+xml" />
        {noindex ? null : LOCALES.map((l) => <link rel="alternate" hreflang={LOCALE_TAG[l]} href={`${ctx.publicUrl}/${l}${pathOnly}`} />)}
        {noindex ? null : <link rel="alternate" hreflang="x-default" href={`${ctx.publicUrl}/kk${pathOnly}`} />}
        {noindex ? null : <link rel="canonical" href={`${ctx.publicUrl}/${ctx.locale}${pathOnly}`} />}
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skip")}
        </a>
        <header class="site-header">
          <div class="topbar">
            <div class="container topbar-inner">
              <span class="topbar-note">{t("layout.official_note")}</span>
              <LanguageSwitcher ctx={ctx} />
            </div>
          </div>
          <div class="container header-inner">
            <a class="brand" href={href(ctx)}>
              <img src={ASSETS.icon} alt="" width="44" height="44" />
              <span class="brand-text">
                <span class="brand-name">{t("site.name")}</span>
                <span class="brand-region">{t("site.region")}</span>
              </span>
            </a>
            <nav class="main-nav" aria-label={t("layout.main_nav")}>
              <ul>
                {nav.map((n) => (
                  <li>
                    <a href={href(ctx, n.path)} aria-current={section === n.key ? "page" : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
                {ctx.user?.isStaff ? (
                  <li>
                    <a href={href(ctx, "/admin")} aria-current={section === "admin" ? "page" : undefined}>
                      {t("nav.admin")}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div class="account">
              <a class="search-link" href={href(ctx, "/search")} aria-current={section === "search" ? "page" : undefined}>
                {t("nav.search")}
              </a>
              {ctx.user ? (
                <form method="post" action={href(ctx, "/logout")} class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <span class="account-name">{ctx.user.displayName}</span>
                  {ctx.user.representative ? (
                    <a class="account-link" href={href(ctx, "/my/enterprise")}>
                      {t("nav.my_enterprise")}
                    </a>
                  ) : null}
                  <button type="submit" class="button button-quiet">
                    {t("nav.logout")}
                  </button>
                </form>
              ) : (
                <a class="button button-quiet" href={href(ctx, "/login")} aria-current={section === "login" ? "page" : undefined}>
                  {t("nav.login")}
                </a>
              )}
            </div>
          </div>
        </header>
        <main id="main" class={aside ? "container with-aside" : "container"} tabindex={-1}>
          {aside ? <aside class="side-menu">{aside}</aside> : null}
          <div class="content">
            {crumbs && crumbs.length > 0 ? <Breadcrumbs ctx={ctx} crumbs={crumbs} /> : null}
            {ctx.flash ? (
              <div class={`flash flash-${ctx.flash.kind}`} role={ctx.flash.kind === "error" ? "alert" : "status"}>
                {ctx.flash.message}
              </div>
            ) : null}
            {children}
          </div>
        </main>
        <footer class="site-footer">
          <div class="container footer-inner">
            <div>
              <p class="footer-title">{t("site.name")}</p>
              <p>{t("footer.about")}</p>
            </div>
            <div>
              <p class="footer-title">{t("footer.data")}</p>
              <p>{t("footer.data_note")}</p>
            </div>
            <div>
              <p class="footer-title">{t("footer.developers")}</p>
              <ul class="plain">
                <li>
                  <a href={href(ctx, "/territories")}>{t("nav.territories")}</a>
                </li>
                <li>
                  <a href={href(ctx, "/api")}>{t("nav.api")}</a>
                </li>
                <li>
                  <a href="/api/v1/openapi.json">OpenAPI 3.1</a>
                </li>
              </ul>
            </div>
          </div>
          <div class="container footer-bottom">
            <span>{t("footer.licence")}</span>
          </div>
        </footer>
      </body>
    </html>
  );
};
