import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { bundle } from "../scripts/bundle.mjs";
import { ROOT } from "../src/lib/root.ts";

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// What `npm start` runs: the bundle, started by plain `node` (no TypeScript loader), reading its files from the project.
describe("the server bundle (npm start)", () => {
  const outDir = path.join(ROOT, "tmp", `bundle-${process.pid}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "jibek-bundle-"));
  let server: ChildProcess;
  let base: string;
  let output = "";

  before(async () => {
    const built = await bundle("server", path.join(outDir, "server.mjs"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const { DATABASE_URL: _ignored, ...env } = process.env;
    server = spawn(process.execPath, ["--expose-gc", "--trace-gc", built], {
      env: { ...env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO_DATA: "false", LOG_LEVEL: "warn", SCRYPT_COST: "1024" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (c) => {
      output += String(c);
    });
    server.stderr?.on("data", (c) => {
      output += String(c);
    });
    for (let i = 0; i < 300; i++) {
      if (server.exitCode !== null) break;
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`the bundle did not become ready:\n${output}`);
  });

  after(() => {
    server?.kill();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates, seeds the territories from their CSV and serves pages in every language", async () => {
    const kk = await fetch(`${base}/kk/territories`);
    assert.equal(kk.status, 200);
    const html = await kk.text();
    assert.match(html, /lang="kk"/);
    assert.match(html, /Сарыағаш/, "a district from turkistan_units.csv");
    const zh = await fetch(`${base}/zh`);
    assert.equal(zh.status, 200);
    assert.match(await zh.text(), /lang="zh/);
  });

  it("serves the static files with their content hashes", async () => {
    const css = await fetch(`${base}/static/app.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get("content-type") ?? "", /text\/css/);
    assert.ok((await css.text()).length > 1000);
  });

  it("collects its garbage once it has been idle for a few seconds (started with --expose-gc, as npm start does)", async () => {
    assert.equal((await fetch(`${base}/en`)).status, 200);
    const before = output.length;
    // A collection asked for by the process itself is traced as "testing" (V8's name for gc()).
    for (let i = 0; i < 100 && !/Mark-Compact[^\n]*testing/.test(output.slice(before)); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(output.slice(before), /Mark-Compact[^\n]*testing/);
  });
});
