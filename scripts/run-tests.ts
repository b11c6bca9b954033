/**
 * Runs the whole suite with Node's test runner after checking what it needs. A missing
 * prerequisite stops the run with a message that says how to get it: never a silent skip.
 *   --no-e2e     leave out the browser journeys     --only-e2e   only them
 *   DIALECTS=sqlite|postgres|sqlite,postgres (default both)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const args = new Set(process.argv.slice(2));
const root = path.resolve(import.meta.dirname, "..");
const dialects = (process.env.DIALECTS ?? "sqlite,postgres").split(",").map((d) => d.trim());
const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === "node_modules") continue;
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (/\.test\.tsx?$/.test(entry)) out.push(path.relative(root, full));
  }
  return out;
}

function fail(message: string): never {
  process.stderr.write(`\n✗ ${message}\n\n`);
  process.exit(2);
}

const all = [...findTests(path.join(root, "src")), ...findTests(path.join(root, "test"))].sort();
const isE2e = (f: string) => f.includes(`${path.sep}e2e${path.sep}`);
const files = args.has("--only-e2e") ? all.filter(isE2e) : args.has("--no-e2e") ? all.filter((f) => !isE2e(f)) : all;
if (files.length === 0) fail("no test files found");

if (dialects.includes("postgres")) {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    fail(
      `PostgreSQL is not reachable at ${pgUrl} (${(error as Error).message}).\n  Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n  or run on SQLite only: DIALECTS=sqlite npm test`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
if (files.some(isE2e) && !existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  fail(
    "Browser journeys need Debian's Chromium at /usr/bin/chromium: apt-get install -y chromium fonts-noto-cjk\n  (or leave them out: npm run test:unit)",
  );
}

process.stdout.write(`Running ${files.length} test files on ${dialects.join(" and ")}\n`);
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DIALECTS: dialects.join(",") },
});
process.exit(result.status ?? 1);
