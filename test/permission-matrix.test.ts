import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { totalWrites } from "../src/db/statement-counter.ts";
import { sha256 } from "../src/lib/crypto.ts";
import { closePdfRenderer } from "../src/lib/pdf.ts";
import { iso } from "../src/lib/time.ts";
import { MATRIX_ROLES, type MatrixRole, PERMISSION_SOURCES, PERMISSIONS } from "./permissions.table.ts";

/** Records the routes' parameters point at (demo data is loaded by createTestApp). */
const SAMPLE = { plot: "TRN-IND-P01", premises: "", file: "none", enterprise: 0, otherEnterprise: 0, request: 0 };

import { createTestApp, type TestApp } from "./support/test-app.ts";
import type { TestClient } from "./support/test-client.ts";
import { DIALECTS } from "./support/test-db.ts";

/**
 * What a refused request must not do: write. The database layer counts every INSERT, UPDATE and
 * DELETE it runs (the app and this test share it), so the check is exact and costs nothing.
 */
function snapshot(): number {
  return totalWrites();
}

function routeKeys(t: TestApp): string[] {
  const keys = new Set<string>();
  for (const r of t.app.routes) if (r.method !== "ALL") keys.add(`${r.method} ${r.path}`);
  return [...keys].sort();
}

for (const dialect of DIALECTS) {
  describe(`permission matrix [${dialect}]`, () => {
    let t: TestApp;
    let victimId: number;
    let adminId: number;

    before(async () => {
      t = await createTestApp(dialect);
      victimId = (await t.signIn("enterprise")).userId;
      adminId = (await t.signIn("admin")).userId;
      SAMPLE.premises = (await t.database.db.selectFrom("premises").select("code").orderBy("code").executeTakeFirstOrThrow()).code;
      // Enterprise rows: "own" represents the demo's spinning mill, "other" the garment factory.
      const enterpriseOf = async (q: string) => (await t.services.enterprises.directory({ q })).items[0]?.id ?? 0;
      SAMPLE.enterprise = await enterpriseOf("Turkistan Spinning Mill");
      SAMPLE.otherEnterprise = await enterpriseOf("Kentau Garment");
      SAMPLE.request = (await t.services.enterprises.listRequests({ organisationId: SAMPLE.enterprise })).items[0]?.id ?? 0;
    });
    after(async () => {
      await closePdfRenderer();
      await t.close();
    });

    /** One signed-in client per role, reused across rows; a row that ends the session drops it. */
    const clients = new Map<MatrixRole, TestClient>();
    async function clientFor(role: MatrixRole): Promise<TestClient> {
      const cached = clients.get(role);
      if (cached) return cached;
      const client = await newClient(role);
      clients.set(role, client);
      return client;
    }

    async function freshen(client: TestClient): Promise<void> {
      const token = client.cookies.get("jibek_session");
      if (!token) return;
      await t.database.db
        .updateTable("sessions")
        .set({ last_seen_at: iso(new Date()) })
        .where("id_hash", "=", sha256(token))
        .execute();
    }

    async function newClient(role: MatrixRole): Promise<TestClient> {
      switch (role) {
        case "anonymous": {
          const c = t.client();
          await c.get("/en/login");
          return c;
        }
        case "enterpriseOwn":
        case "enterpriseOther": {
          const { client, userId } = await t.signIn("enterprise");
          const organisation = role === "enterpriseOwn" ? SAMPLE.enterprise : SAMPLE.otherEnterprise;
          await t.database.db.updateTable("users").set({ organisation_id: organisation }).where("id", "=", userId).execute();
          return client;
        }
        case "suspended": {
          const s = await t.signIn("editor");
          const admin = { id: adminId, role: "admin" as const, organisationId: null };
          await t.services.accounts.setSuspended(admin, s.userId, true);
          return s.client;
        }
        case "expired": {
          const s = await t.signIn("editor");
          await t.database.db
            .updateTable("sessions")
            .set({ last_seen_at: iso(new Date(Date.now() - 2 * 3_600_000)) })
            .where("user_id", "=", s.userId)
            .execute();
          return s.client;
        }
        default:
          return (await t.signIn(role)).client;
      }
    }

    /** Sample values for path parameters: a real record of the demo data behind each. */
    function concrete(path: string): string {
      const slug = path.includes("/zones/") ? "turan-sez" : path.includes("/news/") ? "turkistan-wenzhou-meeting" : "wenzhou";
      const code = path.includes("/premises/") ? SAMPLE.premises : SAMPLE.plot;
      const id = /\/enterprise-requests\/|\/moderation\/request\/|\/requests\/:id/.test(path)
        ? SAMPLE.request
        : path.includes("/enterprises/")
          ? SAMPLE.enterprise
          : victimId;
      return path
        .replace(":locale", "en")
        .replace(":slug", slug)
        .replace(":code", code)
        .replace(":key", path.includes("/zones/") ? "turan-sez" : code)
        .replace(":id", String(id))
        .replace(":name", SAMPLE.file);
    }

    it("no route is described twice", () => {
      const keys = PERMISSION_SOURCES.flatMap((rows) => Object.keys(rows));
      assert.deepEqual(
        keys.filter((k, i) => keys.indexOf(k) !== i),
        [],
      );
    });

    it("every route of the router has a row in the table, and every row a route", () => {
      const routes = routeKeys(t);
      assert.deepEqual(
        routes.filter((r) => !(r in PERMISSIONS)),
        [],
        "routes without an expected outcome",
      );
      assert.deepEqual(
        Object.keys(PERMISSIONS).filter((k) => !routes.includes(k)),
        [],
        "rows without a route",
      );
    });

    for (const key of Object.keys(PERMISSIONS).sort()) {
      it(`${key} answers each role as the table says; refusals change nothing`, async () => {
        const [method = "GET", path = "/"] = key.split(" ");
        const expectations = PERMISSIONS[key] ?? {};
        // HEAD and method-override headers matter where roles differ; on a public route one role shows it.
        const varies = new Set(Object.values(expectations)).size > 1;
        for (const role of MATRIX_ROLES) {
          const client = await clientFor(role);
          const expected = PERMISSIONS[key]?.[role];
          // Sessions are touched once a minute; keep the touch out of a refused request's window.
          if (role !== "expired") await freshen(client);
          const before = expected !== undefined && expected >= 400 ? snapshot() : null;
          const res =
            method === "GET"
              ? await client.get(concrete(path))
              : await client.form(concrete(path), path.endsWith("/role") ? { role: "editor" } : {}, { method });
          assert.equal(res.status, expected, `${key} as ${role}`);
          if (before !== null) assert.equal(snapshot(), before, `${key} as ${role} was refused but changed the database`);
          if (method === "GET" && (varies || role === "anonymous")) {
            const head = await client.request(concrete(path), { method: "HEAD" });
            assert.equal(head.status, expected, `HEAD ${path} as ${role}`);
            const overridden = await client.request(concrete(path), {
              headers: { "x-http-method-override": "POST", "x-method-override": "DELETE" },
            });
            assert.equal(overridden.status, expected, `method override on ${path} as ${role}`);
          }
          if (key.endsWith("/logout")) clients.delete(role);
        }
      });
    }

    it("path variants of protected pages never open them", async () => {
      const editor = (await t.signIn("editor")).client;
      const anonymous = t.client();
      for (const path of ["/en/admin/users", "/en/admin/audit", "/api/v1/users", "/en/admin"]) {
        for (const variant of [
          `${path}/`,
          path.toUpperCase(),
          `/${path}`,
          path.replace(/\/(?=[^/]*$)/, "%2F"),
          `${path}%2F`,
          `${path};x`,
          `${path}/.`,
        ]) {
          for (const [who, client] of [
            ["editor", editor],
            ["anonymous", anonymous],
          ] as const) {
            if (who === "editor" && path === "/en/admin") continue;
            const res = await client.get(variant);
            assert.ok(res.status >= 300, `${variant} as ${who} answered ${res.status}`);
            if (res.status >= 300 && res.status < 400) {
              const location = res.headers.get("location") ?? "";
              if (location && !location.includes("/login")) {
                const followed = await client.get(location);
                assert.ok(followed.status >= 300, `${variant} → ${location} as ${who} answered ${followed.status}`);
              }
            }
          }
        }
      }
    });
  });
}
