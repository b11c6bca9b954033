import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import type { TestClient } from "../../../test/support/test-client.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import type { DirectoryPage, Enterprise, Introduction, MatchResult, Notice } from "./enterprises.schemas.ts";

const json = (body: unknown, client: TestClient, method = "POST") => ({
  method,
  headers: { "content-type": "application/json", "x-csrf-token": client.csrfToken() },
  body: JSON.stringify(body),
});

for (const dialect of DIALECTS) {
  describe(`enterprises over HTTP [${dialect}]`, () => {
    let t: TestApp;
    let spinner: number;
    let garments: number;
    let elastic: number;
    let own: TestClient;
    let other: TestClient;
    let partnerRep: TestClient;
    let manager: TestClient;

    const find = async (q: string) => {
      const page = (await (await t.app.request(`/api/v1/enterprises?q=${encodeURIComponent(q)}`)).json()) as DirectoryPage;
      assert.ok(page.items[0], q);
      return page.items[0].id;
    };
    const representative = async (orgId: number, role: "enterprise" | "partner" = "enterprise") => {
      const { client, userId } = await t.signIn(role);
      await t.database.db.updateTable("users").set({ organisation_id: orgId }).where("id", "=", userId).execute();
      await client.get("/en/login");
      return client;
    };

    before(async () => {
      t = await createTestApp(dialect);
      spinner = await find("Turkistan Spinning Mill");
      garments = await find("Kentau Garment");
      elastic = await find("elastic-fabric");
      own = await representative(spinner);
      other = await representative(garments);
      partnerRep = await representative(elastic, "partner");
      manager = (await t.signIn("manager")).client;
      await manager.get("/en/login");
    });
    after(() => t.close());

    it("serves the directory, profiles and requests with at most 10 SQL statements each (QUALITY P5)", async () => {
      for (const path of [
        "/api/v1/enterprises",
        "/api/v1/enterprises?side=partner&sector=C27&page=1",
        `/api/v1/enterprises?q=${encodeURIComponent("正泰")}`,
        "/api/v1/enterprises?territory=zhejiang&size=large",
        "/api/v1/enterprises?lookingFor=buy&sector=13.20",
        `/api/v1/enterprises/${spinner}`,
        "/api/v1/enterprise-requests",
        "/api/v1/enterprise-requests?kind=buy&side=home",
        "/api/v1/enterprises.csv",
      ]) {
        const { result, counter } = withStatementCounter(() => t.app.request(path));
        assert.equal((await result).status, 200, path);
        assert.ok(counter.statements <= 10, `${path}: ${counter.statements} statements`);
      }
      const { result, counter } = withStatementCounter(() =>
        t.app.request("/api/v1/matching/partners", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ organisationId: spinner }),
        }),
      );
      assert.equal((await result).status, 200);
      assert.ok(counter.statements <= 10, `matching: ${counter.statements} statements`);
    });

    it("finds Chint as Chint, 正泰, Чинт and zhengtai through the API", async () => {
      const chint = await find("Chint");
      for (const q of ["正泰", "Чинт", "zhengtai"]) assert.equal(await find(q), chint, q);
    });

    it("shows contacts to the organisation's own representatives and staff only", async () => {
      const read = async (client: TestClient | null) =>
        (
          await (client ? client.get(`/api/v1/enterprises/${spinner}`) : t.app.request(`/api/v1/enterprises/${spinner}`))
        ).json() as Promise<Enterprise>;
      assert.equal((await read(null)).contacts, null);
      assert.equal((await read(other)).contacts, null);
      assert.equal((await read(partnerRep)).contacts, null);
      assert.equal((await read(own)).contacts?.email, "spinner@example.kz");
      assert.equal((await read(own)).canEdit, true);
      assert.equal((await read(manager)).contacts?.email, "spinner@example.kz");
    });

    it("refuses another organisation's profile with 403 before reading the body, and explains field errors in the caller's language", async () => {
      const body = { sectors: ["13.10"], description: { en: "x" } };
      assert.equal((await other.request(`/api/v1/enterprises/${spinner}/profile`, json(body, other, "PUT"))).status, 403);
      assert.equal((await partnerRep.request(`/api/v1/enterprises/${spinner}/requests`, json({}, partnerRep))).status, 403);
      const bad = await own.request(
        `/api/v1/enterprises/${spinner}/profile?locale=kk`,
        json({ sectors: [], yearFounded: 1200 }, own, "PUT"),
      );
      assert.equal(bad.status, 422);
      const error = (await bad.json()) as { error: { code: string; details: Record<string, { key: string; message: string }> } };
      assert.equal(error.error.code, "validation_failed");
      assert.equal(error.error.details.sectors?.key, "enterprises.sectors_required");
      assert.match(error.error.details.sectors?.message ?? "", /NACE сыныбын таңдаңыз/);
      assert.equal(error.error.details.yearFounded?.key, "enterprises.year_invalid");
      const unknown = await own.request(`/api/v1/enterprises/${spinner}/profile?locale=zh`, json({ sectors: ["99.99"] }, own, "PUT"));
      const details = ((await unknown.json()) as { error: { details: Record<string, { message: string }> } }).error.details;
      assert.match(details["sectors.0"]?.message ?? "", /NACE类别/);
    });

    it("answers a request or profile with an empty field and broken rules across fields with every error in one 422", async () => {
      type Details = Record<string, { key: string; message: string }>;
      const detailsOf = async (res: Response) => {
        assert.equal(res.status, 422);
        return ((await res.json()) as { error: { details: Details } }).error.details;
      };
      const body = { sectors: ["13.20"], quantity: 20, amount: 5_000_000, title: { zh: " " }, validUntil: "2020-01-01" };
      const zh = i18nFor("zh");
      const created = await detailsOf(await own.request(`/api/v1/enterprises/${spinner}/requests?locale=zh`, json(body, own)));
      assert.deepEqual(Object.fromEntries(Object.entries(created).map(([field, d]) => [field, d.key])), {
        kind: "form.choose_one",
        title: "enterprises.title_required",
        currency: "enterprises.currency_required",
        unit: "enterprises.unit_required",
        validUntil: "enterprises.valid_until_past",
      });
      assert.equal(created.validUntil?.message, zh.t("enterprises.valid_until_past"));
      assert.equal(created.title?.message, zh.t("enterprises.title_required"));
      // A change of an existing request says the same.
      const existing = (await t.services.enterprises.listRequests({ organisationId: spinner })).items[0];
      assert.ok(existing);
      const changed = await detailsOf(await own.request(`/api/v1/enterprise-requests/${existing.id}?locale=kk`, json(body, own, "PUT")));
      assert.deepEqual(Object.keys(changed).sort(), ["currency", "kind", "title", "unit", "validUntil"]);
      assert.equal(changed.kind?.message, i18nFor("kk").t("form.choose_one"));
      // Values of the wrong type are refused field by field, not with a 500.
      const odd = await detailsOf(
        await own.request(
          `/api/v1/enterprises/${spinner}/requests`,
          json({ kind: "buy", sectors: "13.20", products: 7, title: 5, amount: {}, quantity: "many", validUntil: 20300101 }, own),
        ),
      );
      assert.deepEqual(Object.keys(odd).sort(), ["amount", "currency", "products", "quantity", "sectors", "title", "unit", "validUntil"]);
      assert.equal(odd.title?.key, "form.invalid", "a title of the wrong type is not said to be missing");
      assert.equal(odd.currency?.key, "enterprises.currency_required", "an amount was given, if badly");
      // The profile: a bad year and a NACE class the classification lacks, together.
      const profile = await detailsOf(
        await own.request(`/api/v1/enterprises/${spinner}/profile?locale=zh`, json({ sectors: ["99.99"], yearFounded: 1066 }, own, "PUT")),
      );
      assert.equal(profile.yearFounded?.key, "enterprises.year_invalid");
      assert.equal(profile["sectors.0"]?.key, "enterprises.nace_class_unknown");
      assert.match(profile["sectors.0"]?.message ?? "", /NACE类别/);
    });

    it("keeps unapproved text off the directory, the profile, search, the CSV export and matching until staff approve it", async () => {
      const word = "Quokkacotton";
      const saved = await own.request(
        `/api/v1/enterprises/${spinner}/profile`,
        json({ sizeBand: "medium", sectors: ["13.10"], description: { en: `${word} yarn, a pending description.` } }, own, "PUT"),
      );
      assert.equal(saved.status, 200);
      assert.equal(((await saved.json()) as Enterprise).pending?.description?.en?.includes(word), true);
      const request = await own.request(
        `/api/v1/enterprises/${spinner}/requests`,
        json(
          {
            kind: "supply",
            sectors: ["13.10"],
            title: { en: `${word} offer` },
            validUntil: new Date(Date.now() + 9e8).toISOString().slice(0, 10),
          },
          own,
        ),
      );
      assert.equal(request.status, 200);
      const channels = async () =>
        [
          await (await t.app.request("/api/v1/enterprises?page=1")).text(),
          await (await t.app.request(`/api/v1/enterprises/${spinner}`)).text(),
          await (await t.app.request(`/api/v1/enterprises?q=${word}`)).text(),
          await (await t.app.request("/api/v1/enterprise-requests")).text(),
          await (await t.app.request(`/api/v1/enterprise-requests?organisationId=${spinner}`)).text(),
          await (await t.app.request("/api/v1/enterprises.csv")).text(),
          await (
            await t.app.request("/api/v1/matching/partners", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ organisationId: elastic, limit: 50 }),
            })
          ).text(),
        ].join("\n");
      assert.ok(!(await channels()).toLowerCase().includes(word.toLowerCase()), "pending text leaked");

      const queue = (await (await manager.get("/api/v1/moderation/enterprises")).json()) as { items: { type: string; id: number }[] };
      const requestId = ((await request.clone().json()) as { id: number }).id;
      assert.ok(queue.items.some((i) => i.type === "profile" && i.id === spinner));
      assert.ok(queue.items.some((i) => i.type === "request" && i.id === requestId));
      const page = await (await manager.get("/en/admin/enterprises/moderation")).text();
      assert.ok(page.includes(word), "staff see the pending text beside the approved one");
      const approve = await manager.form(`/en/admin/enterprises/moderation/profile/${spinner}`, { decision: "approve" });
      assert.equal(approve.status, 303);
      assert.equal(
        (await manager.request(`/api/v1/enterprise-requests/${requestId}/moderation`, json({ decision: "approve" }, manager))).status,
        200,
      );
      const after = await channels();
      assert.ok(after.includes(word), "approved text is public");
      const csv = new Uint8Array(await (await t.app.request("/api/v1/enterprises.csv")).arrayBuffer());
      assert.deepEqual([...csv.slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM, so Excel reads Cyrillic");
      assert.ok(new TextDecoder().decode(csv).includes(word));
    });

    it("ranks counterparts through POST /api/v1/matching/partners and explains them in the reader's language", async () => {
      for (const [locale, pattern] of [
        ["kk", /[әғқңөұүі]/i],
        ["zh", /\p{Script=Han}/u],
        ["ru", /[а-я]/i],
        ["en", /[a-z]/i],
      ] as const) {
        const res = await t.app.request(`/api/v1/matching/partners?locale=${locale}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ organisationId: spinner, limit: 5 }),
        });
        assert.equal(res.status, 200);
        const result = (await res.json()) as MatchResult;
        assert.ok(result.items.length > 0, locale);
        assert.ok(result.items.every((m) => m.enterprise.side === "partner"));
        assert.ok(
          result.items[0]?.explanation.some((s) => pattern.test(s)),
          `${locale}: ${result.items[0]?.explanation.join(" | ")}`,
        );
      }
      const bad = await t.app.request("/api/v1/matching/partners", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ organisationId: spinner, requestId: 1 }),
      });
      assert.equal(bad.status, 422);
    });

    it("lets a representative ask for an introduction, staff accept it in the back office, and both parties see the outcome", async () => {
      const asked = await own.request("/api/v1/introductions", json({ toOrganisationId: elastic, message: "We spin yarn for you." }, own));
      assert.equal(asked.status, 200);
      const intro = (await asked.json()) as Introduction;
      // Make it old: staff see it flagged.
      await t.database.db
        .updateTable("enterprise_introductions")
        .set({ created_at: new Date(Date.now() - (t.config.introductionStaleDays + 2) * 86_400_000).toISOString() })
        .where("id", "=", intro.id)
        .execute();
      const list = await (await manager.get("/en/admin/enterprises/introductions")).text();
      const row = list.slice(list.indexOf(`data-introduction="${intro.id}"`));
      assert.match(row.slice(0, 3000), /stale-flag/);
      const api = (await (await manager.get("/api/v1/introductions")).json()) as { items: Introduction[]; stale: number };
      assert.ok(api.stale >= 1);
      assert.equal(api.items.find((i) => i.id === intro.id)?.stale, true);

      const missing = await manager.form(`/en/admin/enterprises/introductions/${intro.id}`, { decision: "decline", reason: "" });
      assert.equal(missing.status, 422, "a decline needs a reason");
      const accepted = await manager.form(`/en/admin/enterprises/introductions/${intro.id}`, { decision: "accept" });
      assert.equal(accepted.status, 303);
      for (const client of [own, partnerRep]) {
        const notices = (await (await client.get("/api/v1/notices")).json()) as { items: Notice[] };
        assert.ok(notices.items.some((n) => n.kind === "introduction_accepted" && n.subjectId === intro.id));
        const mine = (await (await client.get("/api/v1/introductions")).json()) as { items: Introduction[] };
        assert.equal(mine.items.find((i) => i.id === intro.id)?.status, "accepted");
      }
      const audit = await t.database.db
        .selectFrom("audit_events")
        .select(["action", "request_id"])
        .where("subject_type", "=", "enterprise_introduction")
        .where("subject_id", "=", String(intro.id))
        .execute();
      assert.ok(audit.some((a) => a.action === "enterprises.introduction_accepted" && a.request_id));
    });

    it("keeps what staff typed when the profile form fails, with the errors in the page's language", async () => {
      const res = await manager.form(`/ru/admin/enterprises/${garments}/edit`, {
        publication: "published",
        yearFounded: "тысяча девятьсот",
        "description.en": "Typed text that must survive",
        products: "12345678 Too long a code\n6203 Trousers",
        exportMarkets: "RU KG",
      });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.ok(html.includes("Typed text that must survive"));
      assert.ok(html.includes("тысяча девятьсот"));
      assert.ok(html.includes("12345678 Too long a code"));
      assert.ok(html.includes("Выберите хотя бы один класс NACE."));
      const list = await manager.get("/kk/admin/enterprises");
      assert.equal(list.status, 200);
      assert.match(await list.text(), /Кәсіпорындар/);
      const verify = await manager.form(`/en/admin/enterprises/${garments}/verify`, {});
      assert.equal(verify.status, 303);
      const page = await (await manager.get(`/en/admin/enterprises/${garments}/edit`)).text();
      assert.match(page, /Verified by manager \d+ on/);
    });
  });
}
