import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { type Context, Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { requirePermission } from "../../http/middleware/roles.ts";
import { pageContext, render } from "../../http/render.ts";
import { LOCALE_NAME, LOCALES, type Locale } from "../../i18n/locales.ts";
import { randomToken } from "../../lib/crypto.ts";
import { AdminMenu } from "../../views/admin-menu.tsx";
import { PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { ApplyForm, EXPORT_FORMATS, IMPORT_KINDS, ImportForm, type ImportKind, type ImportReport, TemplateQuery } from "./io.schemas.ts";
import { ioServiceOf } from "./io.service.ts";

const KIND_LABEL = { plots: "io.kind.plots", premises: "io.kind.premises", zones: "io.kind.zones" } as const;
const STASH_TTL_MS = 60 * 60 * 1000;

/** Where checked uploads wait for "Apply": a private folder under DATA_DIR, one random name per upload. */
function stashDir(c: Context<AppEnv>): string {
  return path.join(c.get("config").dataDir, "imports");
}

function stashPath(c: Context<AppEnv>, userId: number, token: string): string {
  return path.join(stashDir(c), `${userId}-${token}`);
}

async function sweepStash(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > STASH_TTL_MS) await rm(file, { force: true });
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const ImportFormView: FC<{ ctx: PageContext; kind: ImportKind; error?: string; maxBytes: number; maxRows: number }> = ({
  ctx,
  kind,
  error,
  maxBytes,
  maxRows,
}) => {
  const { t } = ctx.i18n;
  return (
    <form method="post" action={href(ctx, "/admin/import")} enctype="multipart/form-data" class="form panel" novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <div class="field">
        <label for="import-kind">{t("io.kind")}</label>
        <select id="import-kind" name="kind">
          {IMPORT_KINDS.map((k) => (
            <option value={k} selected={k === kind}>
              {t(KIND_LABEL[k])}
            </option>
          ))}
        </select>
      </div>
      <div class={error ? "field field-invalid" : "field"}>
        <label for="import-file">
          {t("io.file")}
          <span class="required" aria-hidden="true">
            {" "}
            *
          </span>
        </label>
        <p class="hint" id="import-file-hint">
          {t("io.file_hint", { size: megabytes(maxBytes), rows: ctx.i18n.number(maxRows) })}
        </p>
        {error ? (
          <p class="field-error" id="import-file-error">
            {error}
          </p>
        ) : null}
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,.geojson,.json,text/csv,application/geo+json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "import-file-hint import-file-error" : "import-file-hint"}
        />
      </div>
      <button type="submit" class="button">
        {t("io.check")}
      </button>
    </form>
  );
};

const Templates: FC<{ ctx: PageContext }> = ({ ctx }) => {
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t("io.templates")}</h2>
      <p>{t("io.templates_lead")}</p>
      <ul>
        {(["plots", "premises"] as const).flatMap((kind) =>
          EXPORT_FORMATS.map((format) => (
            <li>
              <a href={href(ctx, `/admin/import/template?kind=${kind}&format=${format}`)}>
                {t("io.template_link", { kind: t(KIND_LABEL[kind]), format: format.toUpperCase() })}
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
};

const Report: FC<{ ctx: PageContext; report: ImportReport }> = ({ ctx, report }) => {
  const { t, tx } = ctx.i18n;
  const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
  const isZones = report.kind === "zones";
  if (report.errors.length === 0)
    return (
      <div class="flash flash-success" role="status">
        <p>{t("io.counts", counts)}</p>
        <p>{t("io.ready")}</p>
      </div>
    );
  return (
    <div>
      <div class="flash flash-error" role="alert">
        {t("io.refused", { count: report.errors.length + report.moreErrors })}
      </div>
      <div class="table-wrap">
        <table>
          <caption>{t("io.errors_caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{isZones ? t("io.feature") : t("io.row")}</th>
              <th scope="col">{isZones ? t("io.property") : t("io.column")}</th>
              <th scope="col">{t("io.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr>
                <td>{e.row === null ? "—" : ctx.i18n.number(e.row)}</td>
                <td>{e.column ?? "—"}</td>
                <td>{tx(e.message, e.values)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.moreErrors > 0 ? (
        <p class="muted">
          {t("io.errors_more", { count: report.moreErrors })} {t("io.err.too_many_errors")}
        </p>
      ) : null}
    </div>
  );
};

function ImportPage(props: {
  c: Context<AppEnv>;
  kind: ImportKind;
  error?: string;
  report?: ImportReport;
  fileName?: string;
  token?: string;
}) {
  const { c, kind, error, report, fileName, token } = props;
  const ctx = pageContext(c);
  const { t } = ctx.i18n;
  const io = ioServiceOf(c.get("services"));
  return (
    <Layout
      ctx={ctx}
      title={t("io.title")}
      section="admin"
      noindex
      crumbs={[{ label: t("admin.title"), href: href(ctx, "/admin") }, { label: t("io.title") }]}
      aside={<AdminMenu ctx={ctx} current="import" isAdmin={c.get("session")?.user.role === "admin"} />}
    >
      <PageHeader title={t("io.title")} lead={t("io.lead")} />
      {report ? (
        <section aria-labelledby="check-title">
          <h2 id="check-title">{t("io.check_title", { file: fileName ?? "" })}</h2>
          <Report ctx={ctx} report={report} />
          {token && report.errors.length === 0 ? (
            <form method="post" action={href(ctx, "/admin/import/apply")} class="form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="token" value={token} />
              <p class="hint">{t("io.kept_note")}</p>
              <button type="submit" class="button">
                {t("io.apply")}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      <ImportFormView ctx={ctx} kind={kind} error={error} maxBytes={io.limits.maxFileBytes} maxRows={io.limits.maxRows} />
      <Templates ctx={ctx} />
      <p>
        <a href={href(ctx, "/admin/export")}>{t("io.export_title")}</a>
      </p>
    </Layout>
  );
}

function actorOf(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

/** Imports are audited once each, with actor and request id (QUALITY S9); counts, never contents. */
async function auditLog(c: Context<AppEnv>, action: string, kind: ImportKind, report: ImportReport): Promise<void> {
  await c.get("services").accounts.recordAudit({
    action,
    actorUserId: c.get("session")?.user.id ?? null,
    subjectType: kind,
    requestId: c.get("requestId"),
    details: {
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      errors: report.errors.length + report.moreErrors,
    },
  });
}

/** Back-office import (check, then apply) and export of the catalogue. */
export function ioAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/:locale/admin/import", requirePermission("sites:edit"));
  app.use("/:locale/admin/import/*", requirePermission("sites:edit"));
  app.use("/:locale/admin/export", requirePermission("sites:edit"));

  app.get("/:locale/admin/import", (c) => render(c, <ImportPage c={c} kind="plots" />));

  app.post("/:locale/admin/import", async (c) => {
    const user = actorOf(c);
    const body = await c.req.parseBody();
    const kind = ImportForm.safeParse(body).data?.kind ?? "plots";
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      return render(c, <ImportPage c={c} kind={kind} error={c.get("i18n").t("io.file_required")} />, 422);
    }
    const dir = stashDir(c);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await sweepStash(dir);
    const token = randomToken(24);
    const stored = stashPath(c, user.id, token);
    await writeFile(stored, Buffer.from(await file.arrayBuffer()), { mode: 0o600 });
    const report = await ioServiceOf(c.get("services")).importFile(user, kind, stored, { dryRun: true, locale: c.get("locale") });
    await auditLog(c, "import.check", kind, report);
    if (report.errors.length > 0) await rm(stored, { force: true });
    return render(
      c,
      <ImportPage c={c} kind={kind} report={report} fileName={file.name} token={report.errors.length === 0 ? token : undefined} />,
      report.errors.length > 0 ? 422 : 200,
    );
  });

  app.post("/:locale/admin/import/apply", async (c) => {
    const user = actorOf(c);
    const parsed = ApplyForm.safeParse(await c.req.parseBody());
    const kind = parsed.data?.kind ?? "plots";
    const expired = () => render(c, <ImportPage c={c} kind={kind} error={c.get("i18n").t("io.expired")} />, 422);
    if (!parsed.success) return expired();
    const stored = stashPath(c, user.id, parsed.data.token);
    const info = await stat(stored).catch(() => null);
    if (!info || Date.now() - info.mtimeMs > STASH_TTL_MS) return expired();
    try {
      const report = await ioServiceOf(c.get("services")).importFile(user, kind, stored, { dryRun: false, locale: c.get("locale") });
      await auditLog(c, "import.apply", kind, report);
      if (report.errors.length > 0) return render(c, <ImportPage c={c} kind={kind} report={report} />, 422);
      setFlash(c, "success", "io.applied", { created: report.created, updated: report.updated, unchanged: report.unchanged });
      return c.redirect(`/${c.get("locale")}/admin/import`, 303);
    } finally {
      await rm(stored, { force: true });
    }
  });

  app.get("/:locale/admin/import/template", async (c) => {
    const q = TemplateQuery.parse({ locale: c.get("locale"), ...c.req.query() });
    const type = q.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    c.header("Content-Type", type);
    c.header("Content-Disposition", `attachment; filename="jibek-${q.kind}-template-${q.locale}.${q.format}"`);
    c.header("Cache-Control", "no-store");
    if (c.req.method === "HEAD") return c.body(null);
    const out = new PassThrough();
    const done = ioServiceOf(c.get("services")).template(q.kind, q.format, q.locale, out);
    done.catch((error) => out.destroy(error));
    return c.body(Readable.toWeb(out) as ReadableStream);
  });

  app.get("/:locale/admin/export", (c) => {
    const ctx = pageContext(c);
    const { t } = ctx.i18n;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("io.export_title")}
        section="admin"
        noindex
        crumbs={[
          { label: t("admin.title"), href: href(ctx, "/admin") },
          { label: t("io.title"), href: href(ctx, "/admin/import") },
          { label: t("io.export_title") },
        ]}
        aside={<AdminMenu ctx={ctx} current="import" isAdmin={c.get("session")?.user.role === "admin"} />}
      >
        <PageHeader title={t("io.export_title")} lead={t("io.export_lead")} />
        <div class="table-wrap">
          <table>
            <caption>{t("io.headers_locale")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("io.headers_locale")}</th>
                {(["plots", "premises"] as const).flatMap((kind) =>
                  EXPORT_FORMATS.map((format) => (
                    <th scope="col">{t("io.export_link", { kind: t(KIND_LABEL[kind]), format: format.toUpperCase() })}</th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {LOCALES.map((locale: Locale) => (
                <tr>
                  <th scope="row" lang={locale}>
                    {LOCALE_NAME[locale]}
                  </th>
                  {(["plots", "premises"] as const).flatMap((kind) =>
                    EXPORT_FORMATS.map((format) => (
                      <td>
                        <a
                          href={`/api/v1/${kind}.${format}?locale=${locale}`}
                          download
                          aria-label={`${t("io.export_link", { kind: t(KIND_LABEL[kind]), format: format.toUpperCase() })} (${LOCALE_NAME[locale]})`}
                        >
                          {t("io.download")}
                        </a>
                      </td>
                    )),
                  )}
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
