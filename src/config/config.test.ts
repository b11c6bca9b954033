import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, DEFAULT_SESSION_SECRET, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("defaults to SQLite in DATA_DIR on port 3000", () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.database.dialect, "sqlite");
    assert.match(config.database.dialect === "sqlite" ? config.database.file : "", /data\/jibek\.db$/);
    assert.equal(config.secureCookies, false);
  });

  it("selects PostgreSQL when DATABASE_URL names it", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u@h:5432/db" });
    assert.deepEqual(config.database, { dialect: "postgres", url: "postgres://u@h:5432/db" });
  });

  it("refuses a bad value and names the variable and what to fix", () => {
    assert.throws(
      () => loadConfig({ PORT: "eighty" }),
      (e: Error) => e instanceof ConfigError && /PORT/.test(e.message),
    );
    assert.throws(() => loadConfig({ DATABASE_URL: "mysql://x" }), /DATABASE_URL: must start with postgres/);
    assert.throws(() => loadConfig({ PUBLIC_URL: "localhost" }), /PUBLIC_URL/);
    assert.throws(() => loadConfig({ WORKERS: "0" }), /WORKERS/);
    assert.throws(() => loadConfig({ LOG_LEVEL: "loud" }), /LOG_LEVEL/);
  });

  it("refuses to start in production with the default session secret", () => {
    assert.throws(() => loadConfig({ NODE_ENV: "production" }), /SESSION_SECRET: the default secret is not allowed in production/);
    assert.throws(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: DEFAULT_SESSION_SECRET }), ConfigError);
    const ok = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PUBLIC_URL: "https://invest.example.kz" });
    assert.equal(ok.secureCookies, true);
  });

  it("needs ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    assert.throws(() => loadConfig({ ADMIN_EMAIL: "a@b.kz" }), /must be set together/);
  });

  it("the process exits with a clear message on a bad value", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { ...process.env, PORT: "-1" }, encoding: "utf8" });
    assert.equal(r.status, 78);
    assert.match(r.stderr, /Invalid configuration:\n {2}PORT:/);
  });
});
