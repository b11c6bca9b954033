// Plain JavaScript: `npm start` and bin/jibek.mjs run it before any TypeScript loader exists.
/**
 * Bundles our code for plain Node (docs/decisions/015-server-bundle.md): the server
 * (src/main.ts → dist/server.mjs, what `npm start` runs) and the command line
 * (src/cli/index.ts → dist/cli.mjs, what `npx jibek` runs). One ES module each, TypeScript and
 * JSX compiled, not minified (stack traces stay readable); packages stay imports from
 * node_modules. A bundle is written under a temporary name and renamed, so two commands started
 * together never run half a file.
 *
 *   node scripts/bundle.mjs server cli
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");

/** @type {Record<"server" | "cli", { entry: string; out: string }>} */
export const BUNDLES = {
  server: { entry: "src/main.ts", out: "dist/server.mjs" },
  cli: { entry: "src/cli/index.ts", out: "dist/cli.mjs" },
};

/**
 * Builds one bundle; returns the file written.
 * @param {"server" | "cli"} name
 * @param {string} [outfile]
 * @returns {Promise<string>}
 */
export async function bundle(name, outfile = path.join(ROOT, BUNDLES[name].out)) {
  const result = await build({
    entryPoints: [path.join(ROOT, BUNDLES[name].entry)],
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    minify: false,
    keepNames: true,
    legalComments: "none",
    logLevel: "warning",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${name}`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, outfile);
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of process.argv.slice(2)) {
    if (name !== "server" && name !== "cli") throw new Error(`unknown bundle "${name}" (server, cli)`);
    await bundle(name);
  }
}
