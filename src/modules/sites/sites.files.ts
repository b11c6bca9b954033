import { readFile } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { isStoredName } from "../../lib/uploads.ts";

/**
 * Uploaded photos and documents under /files/<random name>: site files, and enterprise logos
 * (enterprises.service setLogo). Raster images show inline; PDFs download; every answer is
 * sandboxed so a file can never run script on our origin (QUALITY S7).
 */
export function fileRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/files/:name", async (c) => {
    const name = c.req.param("name");
    if (!isStoredName(name)) throw new AppError("file_not_found");
    const services = c.get("services");
    const siteFile = await services.sites.findFile(name);
    // A stored name never changes its bytes: the name itself tags a logo.
    const file = siteFile
      ? { contentType: siteFile.content_type, etag: siteFile.sha256 }
      : await services.enterprises.logoType(name).then((type) => (type ? { contentType: type, etag: name } : null));
    if (!file) throw new AppError("file_not_found");
    const bytes = await readFile(path.join(c.get("config").storageDir, name)).catch(() => null);
    if (!bytes) throw new AppError("file_not_found");
    c.header("Content-Type", file.contentType);
    c.header("Content-Disposition", file.contentType.startsWith("image/") ? "inline" : `attachment; filename="${name}"`);
    c.header("Cache-Control", "public, max-age=86400");
    c.header("ETag", `"${file.etag}"`);
    return c.body(new Uint8Array(bytes));
  });
  return app;
}
