import { PassThrough, Readable } from "node:stream";
import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import { EXPORT_FORMATS, PlotExportQuery, PremisesExportQuery } from "./io.schemas.ts";
import { ioServiceOf } from "./io.service.ts";

const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * CSV and XLSX downloads of the catalogue lists, with the list's filters and `locale` for the
 * headers. ApiRegistry.route answers JSON, so these are plain routes whose operations are added
 * to the registry for the OpenAPI document.
 */
export function ioApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  for (const kind of ["plots", "premises"] as const) {
    for (const format of EXPORT_FORMATS) {
      const path = `/api/v1/${kind}.${format}`;
      const query = kind === "plots" ? PlotExportQuery : PremisesExportQuery;
      api.operations.push({
        method: "get",
        path,
        summary: `Every ${kind === "plots" ? "plot" : "premises"} matching the filters as ${format.toUpperCase()} (${CONTENT_TYPE[format]}), in the import template's column layout; headers in \`locale\``,
        tags: ["catalogue"],
        access: "public",
        query,
        response: z.string().describe(`${format.toUpperCase()} file`),
      });
      app.get(path, (c) => {
        const { locale, ...filters } = query.parse(c.req.query());
        const date = new Date().toISOString().slice(0, 10);
        c.header("Content-Type", CONTENT_TYPE[format]);
        c.header("Content-Disposition", `attachment; filename="jibek-${kind}-${date}.${format}"`);
        c.header("Cache-Control", "no-cache");
        c.header("X-Content-Type-Options", "nosniff");
        if (c.req.method === "HEAD") return c.body(null);
        // Audited in the log, not the table: a GET never writes (QUALITY S5); the line carries the request id.
        c.get("log").info({ audit: "export", actor: c.get("session")?.user.id ?? null, kind, format }, "audit");
        const out = new PassThrough();
        ioServiceOf(c.get("services"))
          .export(kind, format, filters, locale, out)
          .catch((error: unknown) => {
            c.get("log").warn({ err: error }, "export stopped");
            out.destroy(error instanceof Error ? error : new Error(String(error)));
          });
        return c.body(Readable.toWeb(out) as ReadableStream);
      });
    }
  }
}
