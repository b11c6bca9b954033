/**
 * Builds the server bundle `dist/server.mjs` from src/main.ts: one ES module with our code
 * (TypeScript and JSX compiled), the packages left as imports from node_modules. `npm start`
 * runs it, so a server does not carry a TypeScript compiler and its transpiled sources in memory
 * (docs/decisions/015-server-bundle.md). Tests and the command line run the sources through tsx.
 *
 *   node --import tsx scripts/build.ts [--out dist/server.mjs]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { ROOT } from "../src/lib/root.ts";

export const SERVER_BUNDLE = path.join(ROOT, "dist", "server.mjs");

export async function buildServer(outfile = SERVER_BUNDLE): Promise<string> {
  await build({
    entryPoints: [path.join(ROOT, "src", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    // Readable stack traces without source maps: names and lines stay close to the sources.
    minify: false,
    keepNames: true,
    legalComments: "none",
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const out = await buildServer(values.out ? path.resolve(values.out) : SERVER_BUNDLE);
  process.stdout.write(`built ${path.relative(process.cwd(), out)}\n`);
}
