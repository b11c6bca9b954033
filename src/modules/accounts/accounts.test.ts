import assert from "node:assert/strict";
import { randomBytes, scryptSync } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { verifyPassword } from "../../lib/crypto.ts";
import { can, sessionLimits } from "./accounts.policy.ts";
import { accountKey, LOGIN_LIMIT } from "./accounts.service.ts";

async function auditActions(t: TestApp): Promise<string[]> {
  return (await t.database.db.selectFrom("audit_events").select("action").orderBy("id").execute()).map((r) => r.action);
}

for (const dialect of DIALECTS) {
  describe(`accounts [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it("stores passwords as scrypt hashes, never in clear", async () => {
      const { email, password } = await t.signIn("editor");
      const row = await t.database.db.selectFrom("users").select("password_hash").where("email", "=", email).executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^scrypt\$1024\$8\$3\$/);
      assert.ok(!row.password_hash.includes(password));
      // A hash made with other parameters (p = 1 before 2026-11-27) still verifies: they travel with it.
      const salt = randomBytes(16);
      const old = [
        "scrypt",
        1024,
        8,
        1,
        salt.toString("base64url"),
        scryptSync("old secret", salt, 32, { N: 1024, r: 8, p: 1 }).toString("base64url"),
      ];
      assert.equal(await verifyPassword("old secret", old.join("$")), true);
      assert.equal(await verifyPassword("old secreT", old.join("$")), false);
    });

    it("signs in with a new HttpOnly SameSite=Lax session cookie and signs out", async () => {
      const { client, userId } = await t.signIn("manager");
      const session = client.cookies.get("jibek_session");
      assert.ok(session && session.length >= 40);
      const me = (await (await client.get("/api/v1/session")).json()) as { authenticated: boolean; user: { id: number } };
      assert.equal(me.user.id, userId);
      const out = await client.form("/en/logout", {});
      assert.equal(out.status, 303);
      assert.equal(client.cookies.get("jibek_session"), undefined);
      assert.equal(await t.services.accounts.countSessions(userId), 0);
      const after = (await (await client.get("/api/v1/session")).json()) as { authenticated: boolean };
      assert.equal(after.authenticated, false);
    });

    it("sets the cookie attributes, and a fresh session id at every login", async () => {
      const email = "cookie@example.kz";
      await t.services.accounts.createUser({ email, displayName: "Cookie", password: "a long enough password", role: "editor" });
      const client = t.client();
      client.cookies.set("jibek_session", "attacker-fixed-value-attacker-fixed-value-123");
      const res = await client.form("/en/login", { email, password: "a long enough password" });
      const line = res.headers.getSetCookie().find((l) => l.startsWith("jibek_session="));
      assert.ok(line);
      assert.match(line, /HttpOnly/);
      assert.match(line, /SameSite=Lax/);
      assert.match(line, /Path=\//);
      assert.notEqual(client.cookies.get("jibek_session"), "attacker-fixed-value-attacker-fixed-value-123");
      const first = client.cookies.get("jibek_session");
      await client.form("/en/login", { email, password: "a long enough password" });
      // Signed-in users are redirected from the login form; a second login from a fresh client gets another id.
      const other = t.client();
      await other.form("/en/login", { email, password: "a long enough password" });
      assert.notEqual(other.cookies.get("jibek_session"), first);
    });

    it("uses __Host- cookies with Secure behind https", async () => {
      const secure = await createTestApp(dialect, { PUBLIC_URL: "https://invest.example.kz" });
      try {
        const res = await secure.app.request("/en/login");
        const lines = res.headers.getSetCookie();
        assert.ok(
          lines.some((l) => l.startsWith("__Host-jibek_csrf=") && /Secure/.test(l)),
          lines.join("\n"),
        );
        assert.match(res.headers.get("strict-transport-security") ?? "", /max-age=31536000/);
      } finally {
        await secure.close();
      }
    });

    it("answers a wrong password and an unknown account identically", async () => {
      await t.services.accounts.createUser({
        email: "known@example.kz",
        displayName: "Known",
        password: "the right password",
        role: "editor",
      });
      const a = await t.client().form("/en/login", { email: "known@example.kz", password: "wrong password" });
      const b = await t.client().form("/en/login", { email: "nobody@example.kz", password: "wrong password" });
      assert.equal(a.status, 401);
      assert.equal(b.status, 401);
      const strip = (html: string) =>
        html
          .replace(/known@example\.kz|nobody@example\.kz/g, "E")
          .replace(/value="[A-Za-z0-9_-]{43}"/g, "")
          .replace(/[0-9a-f-]{36}/g, "");
      assert.equal(strip(await a.text()), strip(await b.text()));
    });

    it("keeps the typed e-mail and shows inline errors when the form is incomplete", async () => {
      const res = await t.client().form("/kk/login", { email: "typed@example.kz", password: "" });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /value="typed@example.kz"/);
      assert.match(html, /Бұл өрісті толтырыңыз/);
      assert.match(html, /aria-invalid="true"/);
    });

    it(`locks an account after ${LOGIN_LIMIT} failures even under 100 parallel attempts, whatever the e-mail's case or spacing`, async () => {
      const email = "target@example.kz";
      await t.services.accounts.createUser({ email, displayName: "Target", password: "the real password!", role: "manager" });
      const variants = [email, " TARGET@example.kz", "Target@Example.KZ ", "target@EXAMPLE.kz"];
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => t.services.accounts.login(variants[i % variants.length] as string, `guess ${i}`)),
      );
      assert.equal(results.filter((r) => !r.ok && r.reason === "invalid").length, LOGIN_LIMIT);
      assert.equal(results.filter((r) => !r.ok && r.reason === "locked").length, 100 - LOGIN_LIMIT);
      const right = await t.services.accounts.login(email, "the real password!");
      assert.deepEqual(right, { ok: false, reason: "locked" });
      const page = await t.client().form("/en/login", { email: "TARGET@example.kz", password: "the real password!" });
      assert.equal(page.status, 429);
      const actions = await auditActions(t);
      assert.equal(actions.filter((a) => a === "auth.lockout").length, 1);
    });

    it("locks unknown accounts the same way, so a lockout reveals nothing", async () => {
      for (let i = 0; i < LOGIN_LIMIT; i++) await t.services.accounts.login("ghost@example.kz", "x");
      assert.deepEqual(await t.services.accounts.login("ghost@example.kz", "x"), { ok: false, reason: "locked" });
      assert.equal(accountKey(" Ghost@Example.kz "), "ghost@example.kz");
    });

    it("ends staff sessions after 30 minutes idle and 12 hours in all", async () => {
      const { client, userId } = await t.signIn("editor");
      const token = client.cookies.get("jibek_session") as string;
      assert.ok(await t.services.accounts.resolveSession(token, new Date(Date.now() + 29 * 60_000)));
      assert.equal(await t.services.accounts.resolveSession(token, new Date(Date.now() + 29 * 60_000 + 31 * 60_000)), null);
      assert.equal(await t.services.accounts.resolveSession(token, new Date(Date.now() + 12 * 3_600_000)), null);
      assert.equal(await t.services.accounts.countSessions(userId), 1, "left for the purge at the next login");
      assert.deepEqual(sessionLimits("admin"), { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
    });

    it("suspending a user ends their sessions at once", async () => {
      const admin = await t.signIn("admin");
      const victim = await t.signIn("enterprise");
      assert.equal((await victim.client.get("/api/v1/session").then((r) => r.json())).authenticated, true);
      const res = await admin.client.form(`/en/admin/users/${victim.userId}/suspend`, {});
      assert.equal(res.status, 303);
      assert.equal((await victim.client.get("/api/v1/session").then((r) => r.json())).authenticated, false);
      assert.equal(await t.services.accounts.countSessions(victim.userId), 0);
      const again = await t.services.accounts.login(victim.email, victim.password);
      assert.equal(again.ok, false);
      await admin.client.form(`/en/admin/users/${victim.userId}/reactivate`, {});
      assert.equal((await t.services.accounts.login(victim.email, victim.password)).ok, true);
    });

    it("a password change ends every other session of the user", async () => {
      const first = await t.signIn("manager");
      const second = t.client();
      await second.form("/en/login", { email: first.email, password: first.password });
      const res = await first.client.form("/en/account/password", { current: first.password, next: "a brand new password" });
      assert.equal(res.status, 303);
      assert.equal((await first.client.get("/api/v1/session").then((r) => r.json())).authenticated, true);
      assert.equal((await second.get("/api/v1/session").then((r) => r.json())).authenticated, false);
      const wrong = await first.client.form("/en/account/password", { current: "not it", next: "another new password" });
      assert.equal(wrong.status, 422);
    });

    it("an admin changes a role; the change is audited and the user signs in again", async () => {
      const admin = await t.signIn("admin");
      const user = await t.signIn("enterprise");
      const res = await admin.client.form(`/ru/admin/users/${user.userId}/role`, { role: "editor" });
      assert.equal(res.status, 303);
      const list = await admin.client.get("/ru/admin/users");
      assert.match(await list.text(), /Роль .* изменена/);
      assert.equal(
        (await t.services.accounts.getUser({ id: admin.userId, role: "admin", organisationId: null }, user.userId)).role,
        "editor",
      );
      assert.equal(await t.services.accounts.countSessions(user.userId), 0);
      const event = await t.database.db
        .selectFrom("audit_events")
        .selectAll()
        .where("action", "=", "user.role_changed")
        .executeTakeFirstOrThrow();
      assert.equal(event.actor_user_id, admin.userId);
      assert.ok(event.request_id);
      assert.deepEqual(JSON.parse(event.details ?? "{}"), { from: "enterprise", to: "editor" });
    });

    it("the last administrator cannot be demoted", async () => {
      const fresh = await createTestApp(dialect);
      try {
        const admin = await fresh.signIn("admin");
        await admin.client.form(`/en/admin/users/${admin.userId}/role`, { role: "editor" });
        assert.equal(
          (await fresh.services.accounts.getUser({ id: admin.userId, role: "admin", organisationId: null }, admin.userId)).role,
          "admin",
        );
      } finally {
        await fresh.close();
      }
    });

    it("audits logins, failures and lockouts, and never logs a password, token or e-mail", async () => {
      const { password, email, client } = await t.signIn("editor");
      await t.client().form("/en/login", { email, password: "wrong-password-here" });
      const actions = await auditActions(t);
      for (const a of [
        "auth.login",
        "auth.login_failed",
        "auth.lockout",
        "auth.login_refused_locked",
        "user.suspended",
        "user.role_changed",
        "user.password_changed",
      ]) {
        assert.ok(actions.includes(a), a);
      }
      const logs = t.logs.join("");
      assert.ok(logs.includes('"audit":"auth.login"'));
      for (const secret of [password, "wrong-password-here", "the real password!", email, client.cookies.get("jibek_session") as string]) {
        assert.ok(!logs.includes(secret), `log contains ${secret.slice(0, 6)}…`);
      }
    });

    it("policy: only admins manage users; staff enter the back office", () => {
      assert.equal(can({ id: 1, role: "admin", organisationId: null }, "users:list"), true);
      assert.equal(can({ id: 1, role: "editor", organisationId: null }, "users:list"), false);
      assert.equal(can({ id: 1, role: "manager", organisationId: null }, "backoffice:enter"), true);
      assert.equal(can({ id: 1, role: "enterprise", organisationId: 3 }, "backoffice:enter"), false);
      assert.equal(can(null, "backoffice:enter"), false);
    });

    it("creates the first administrator once, printing a generated password only when none is configured", async () => {
      const fresh = await createTestApp(dialect);
      try {
        const printed = await fresh.services.accounts.ensureFirstAdmin(undefined);
        assert.equal(printed?.email, "admin@jibek.local");
        assert.equal((await fresh.services.accounts.login("admin@jibek.local", printed?.password ?? "")).ok, true);
        assert.equal(await fresh.services.accounts.ensureFirstAdmin(undefined), null);
      } finally {
        await fresh.close();
      }
    });
  });
}
