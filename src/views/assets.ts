import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** Static files, read once; URLs carry a content hash so they can be cached for a year. */
function load(name: string, type: string) {
  const body = readFileSync(new URL(`../../static/${name}`, import.meta.url));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { name, type, body, hash, url: `/static/${name}?v=${hash}` };
}

export const STATIC_FILES = [load("app.css", "text/css; charset=utf-8"), load("jibek.svg", "image/svg+xml")];

export const ASSETS = {
  css: STATIC_FILES[0]?.url ?? "",
  icon: STATIC_FILES[1]?.url ?? "",
};
