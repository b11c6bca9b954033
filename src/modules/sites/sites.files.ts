import { readFile } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { isStoredName } from "../../lib/uploads.ts";

/**
 * Uploaded photos and documents under /files/<random name>. Raster images show inline; PDFs
 * download; every answer is sandboxed so a file can never run script on our origin (QUALITY S7).
 */
export function fileRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/files/:name", async (c) => {
    const name = c.req.param("name");
    if (!isStoredName(name)) throw new AppError("file_not_found");
    const file = await c.get("services").sites.findFile(name);
    if (!file) throw new AppError("file_not_found");
    const bytes = await readFile(path.join(c.get("config").storageDir, file.stored_name)).catch(() => null);
    if (!bytes) throw new AppError("file_not_found");
    c.header("Content-Type", file.content_type);
    c.header("Content-Disposition", file.content_type.startsWith("image/") ? "inline" : `attachment; filename="${file.stored_name}"`);
    c.header("Cache-Control", "public, max-age=86400");
    c.header("ETag", `"${file.sha256}"`);
    return c.body(new Uint8Array(bytes));
  });
  return app;
}
