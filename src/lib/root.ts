import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root (the folder with package.json), found from this module whether it runs
 * from its source under src/ or from the server bundle under dist/ (see scripts/bundle.mjs).
 * Files read at run time (static assets, message catalogues, seed data) are named from here.
 */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project: projectPath("static", "app.css"). */
export function projectPath(...parts: string[]): string {
  return path.join(ROOT, ...parts);
}
