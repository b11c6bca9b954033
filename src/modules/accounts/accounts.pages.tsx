import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { clearCookie, writeCookie } from "../../http/cookies.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { requireSession } from "../../http/middleware/roles.ts";
import { SESSION_COOKIE } from "../../http/middleware/session.ts";
import { pageContext, render } from "../../http/render.ts";
import { type FieldErrors, fieldErrors, formStrings } from "../../lib/forms.ts";
import { Field, PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { LoginForm } from "./accounts.schemas.ts";

/** Only paths on this site, in this locale: never an open redirect. */
function safeNext(locale: string, next: string | undefined): string {
  if (next?.startsWith(`/${locale}/`) && !next.startsWith("//") && !/[\\\s]/.test(next)) return next;
  return `/${locale}`;
}

const LoginPage: FC<{ ctx: PageContext; values: Record<string, string>; errors: FieldErrors; formError?: string }> = ({
  ctx,
  values,
  errors,
  formError,
}) => {
  const { t, tx } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t("login.title")} section="login" noindex crumbs={[{ label: t("login.title") }]}>
      <div class="narrow">
        <PageHeader title={t("login.title")} lead={t("login.lead")} />
        {formError ? (
          <div class="flash flash-error" role="alert">
            {formError}
          </div>
        ) : null}
        <form method="post" action={href(ctx, "/login")} class="form panel" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="next" value={values.next ?? ""} />
          <Field
            id="email"
            name="email"
            type="email"
            label={t("login.email")}
            value={values.email ?? ""}
            error={errors.email ? tx(errors.email) : undefined}
            required
            autocomplete="username"
          />
          <Field
            id="password"
            name="password"
            type="password"
            label={t("login.password")}
            error={errors.password ? tx(errors.password) : undefined}
            required
            autocomplete="current-password"
          />
          <button type="submit" class="button">
            {t("login.submit")}
          </button>
        </form>
      </div>
    </Layout>
  );
};

const PasswordPage: FC<{ ctx: PageContext; errors: FieldErrors }> = ({ ctx, errors }) => {
  const { t, tx } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t("account.password_title")} noindex crumbs={[{ label: t("account.password_title") }]}>
      <div class="narrow">
        <PageHeader title={t("account.password_title")} lead={t("account.password_lead")} />
        <form method="post" action={href(ctx, "/account/password")} class="form panel" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Field
            id="current"
            name="current"
            type="password"
            label={t("account.current_password")}
            error={errors.current ? tx(errors.current) : undefined}
            required
            autocomplete="current-password"
          />
          <Field
            id="next"
            name="next"
            type="password"
            label={t("account.new_password")}
            hint={t("account.password_hint")}
            error={errors.next ? tx(errors.next) : undefined}
            required
            autocomplete="new-password"
          />
          <button type="submit" class="button">
            {t("account.password_submit")}
          </button>
        </form>
      </div>
    </Layout>
  );
};

const PasswordForm = z.object({
  current: z.string().min(1, "form.required"),
  next: z.string().min(12, "form.password_too_short").max(1024, "form.too_long"),
});

export function accountPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale/login", (c) => {
    const ctx = pageContext(c);
    if (c.get("session")) return c.redirect(safeNext(ctx.locale, c.req.query("next")), 303);
    return render(c, <LoginPage ctx={ctx} values={{ next: c.req.query("next") ?? "" }} errors={{}} />);
  });

  app.post("/:locale/login", async (c) => {
    const body = await c.req.parseBody();
    const ctx = pageContext(c);
    const values = formStrings(body);
    const parsed = LoginForm.safeParse(body);
    if (!parsed.success) return render(c, <LoginPage ctx={ctx} values={values} errors={fieldErrors(parsed.error)} />, 422);
    const result = await c.get("services").accounts.login(parsed.data.email, parsed.data.password, { requestId: c.get("requestId") });
    if (!result.ok) {
      // The same answer whether or not the account exists.
      const message = result.reason === "locked" ? ctx.i18n.t("login.locked") : ctx.i18n.t("login.invalid");
      return render(
        c,
        <LoginPage ctx={ctx} values={{ email: values.email ?? "", next: values.next ?? "" }} errors={{}} formError={message} />,
        result.reason === "locked" ? 429 : 401,
      );
    }
    writeCookie(c, SESSION_COOKIE, result.token);
    setFlash(c, "success", "login.welcome", { name: result.user.displayName });
    return c.redirect(safeNext(ctx.locale, parsed.data.next), 303);
  });

  app.post("/:locale/logout", async (c) => {
    const session = c.get("session");
    if (session) await c.get("services").accounts.logout(session, { requestId: c.get("requestId") });
    clearCookie(c, SESSION_COOKIE);
    setFlash(c, "info", "logout.done");
    return c.redirect(`/${c.get("locale")}`, 303);
  });

  app.use("/:locale/account/*", requireSession());

  app.get("/:locale/account/password", (c) => render(c, <PasswordPage ctx={pageContext(c)} errors={{}} />));

  app.post("/:locale/account/password", async (c) => {
    const session = c.get("session");
    if (!session) throw new AppError("unauthenticated");
    const parsed = PasswordForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return render(c, <PasswordPage ctx={pageContext(c)} errors={fieldErrors(parsed.error)} />, 422);
    try {
      await c.get("services").accounts.changePassword(session, parsed.data.current, parsed.data.next, { requestId: c.get("requestId") });
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed") {
        return render(c, <PasswordPage ctx={pageContext(c)} errors={(error.details ?? {}) as FieldErrors} />, 422);
      }
      throw error;
    }
    setFlash(c, "success", "account.password_changed");
    return c.redirect(`/${c.get("locale")}`, 303);
  });

  return app;
}
