import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import type { TestClient } from "../../../test/support/test-client.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { totalWrites, withStatementCounter } from "../../db/statement-counter.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { LOCALES } from "../../i18n/locales.ts";

const kk = i18nFor("kk");
const en = i18nFor("en");

/** The text of a page without tags, for "does the reader see this" checks. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&");

let counter = 0;

for (const dialect of DIALECTS) {
  describe(`enterprise directory pages and the representative's own pages [${dialect}]`, () => {
    let t: TestApp;
    let spinner: number;
    let garments: number;
    let chint: number;
    let spinnerRequest: number;
    let own: TestClient;
    let other: TestClient;
    let staff: TestClient;

    /** A representative of the organisation, signed in through the login form. */
    async function representative(organisationId: number): Promise<TestClient> {
      counter++;
      const email = `rep-${dialect}-${counter}@example.kz`;
      const password = `correct horse battery ${counter}`;
      await t.services.accounts.createUser({ email, password, displayName: `Rep ${counter}`, role: "enterprise", organisationId });
      const client = t.client();
      const res = await client.form("/en/login", { email, password });
      assert.equal(res.status, 303);
      return client;
    }

    before(async () => {
      t = await createTestApp(dialect);
      const s = t.services.enterprises;
      const first = async (q: string) => {
        const id = (await s.directory({ q })).items[0]?.id;
        assert.ok(id, q);
        return id;
      };
      spinner = await first("Turkistan Spinning Mill");
      garments = await first("Kentau Garment");
      chint = await first("Chint");
      const request = (await s.listRequests({ organisationId: spinner })).items[0];
      assert.ok(request);
      spinnerRequest = request.id;
      own = await representative(spinner);
      other = await representative(garments);
      staff = (await t.signIn("manager")).client;
    });
    after(() => t.close());

    for (const locale of LOCALES) {
      it(`shows the directory, a profile, its partners, the offers and needs and one request in ${locale}`, async () => {
        for (const path of [
          "/enterprises",
          `/enterprises/${spinner}`,
          `/enterprises/${spinner}-turkistan-spinning-mill/partners`,
          `/enterprises/${chint}`,
          "/requests",
          `/requests/${spinnerRequest}`,
        ]) {
          const res = await t.app.request(`/${locale}${path}`);
          assert.equal(res.status, 200, `${locale}${path}`);
          const html = await res.text();
          assert.doesNotMatch(html, /enterprises\.[a-z_]+\.?[a-z_]*</, `${locale}${path}: no raw message key`);
        }
        const directory = await (await t.app.request(`/${locale}/enterprises`)).text();
        assert.match(directory, new RegExp(`href="/${locale}/enterprises/${chint}-chint-group"`));
        assert.match(directory, /正泰集团/);
      });
    }

    it("finds CHINT through the page whichever script the name is typed in", async () => {
      for (const q of ["Chint", "正泰", "Чинт", "zhengtai"]) {
        const html = await (await t.app.request(`/kk/enterprises?q=${encodeURIComponent(q)}`)).text();
        assert.match(html, new RegExp(`data-enterprise="${chint}"`), q);
        assert.doesNotMatch(html, new RegExp(`data-enterprise="${spinner}"`), q);
        assert.match(html, /value="[^"]+"/, "the search keeps what was typed");
      }
      const echo = await (await t.app.request(`/en/enterprises?q=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
      assert.ok(!echo.includes("<script>alert(1)</script>"));
    });

    it("filters by region, territory, sector, size and what an enterprise looks for", async () => {
      const ids = async (query: string) =>
        [...(await (await t.app.request(`/en/enterprises?${query}`)).text()).matchAll(/data-enterprise="(\d+)"/g)].map((m) => Number(m[1]));
      const home = await ids("side=home");
      assert.ok(home.includes(spinner) && home.includes(garments));
      assert.ok(!home.includes(chint));
      const partner = await ids("side=partner");
      assert.ok(partner.includes(chint) && !partner.includes(spinner));
      assert.deepEqual(await ids("territory=kentau-city"), [garments]);
      const textiles = await ids("sector=13");
      assert.ok(textiles.includes(spinner) && !textiles.includes(chint));
      const electrical = await ids("sector=27.12&side=partner");
      assert.ok(electrical.includes(chint) && !electrical.includes(spinner));
      assert.ok((await ids("size=large")).includes(chint));
      assert.ok(!(await ids("size=micro")).includes(chint));
      const buyers = await ids("lookingFor=buy");
      assert.ok(buyers.includes(garments) && !buyers.includes(spinner));
      // A shortened or tampered link drops the bad filter rather than failing.
      const res = await t.app.request("/en/enterprises?sector=99.99.9&size=gigantic&page=-3");
      assert.equal(res.status, 200);
      const kinds = await (await t.app.request("/en/requests?kind=buy")).text();
      assert.match(kinds, new RegExp(en.t("enterprises.kind.buy")));
      assert.doesNotMatch(kinds, /data-kind="supply"/);
    });

    it("shows a profile with NACE names, countries, the translation status and the illustrative badge in the reader's language", async () => {
      const zh = await (await t.app.request(`/zh/enterprises/${spinner}`)).text();
      assert.match(zh, /纺织纤维预处理和纺纱|13\.10/);
      assert.match(zh, /俄罗斯/);
      assert.match(zh, /data-translation="machine"/, "zh is a machine translation of the Kazakh original");
      assert.match(zh, /哈萨克语/);
      assert.match(zh, /class="tag-illustrative"/);
      const kkPage = textOf(await (await t.app.request(`/kk/enterprises/${spinner}`)).text());
      assert.match(kkPage, /Ресей/);
      assert.ok(!kkPage.includes(kk.t("enterprises.machine_translation_of", { language: "қазақ тілі" })));
      const chintPage = await (await t.app.request(`/en/enterprises/${chint}`)).text();
      assert.match(chintPage, /正泰集团/);
      assert.match(chintPage, /shine\.cn/, "a real company shows its sources");
      assert.doesNotMatch(chintPage, /class="tag-illustrative"/);
    });

    it("ranks partners of the other region with reasons in the reader's language", async () => {
      const html = await (await t.app.request(`/kk/enterprises/${spinner}/partners`)).text();
      const ranked = [...html.matchAll(/data-partner="(\d+)"/g)].map((m) => Number(m[1]));
      assert.ok(ranked.length > 0);
      assert.ok(!ranked.includes(garments), "never the same region");
      assert.match(html, /13\.20 «маталар»/);
      assert.doesNotMatch(html, /introduction-form/, "an anonymous reader gets no form");
      const mine = await (await own.get(`/kk/enterprises/${spinner}/partners`)).text();
      assert.match(mine, /introduction-form/);
    });

    it("hides contacts from anonymous readers and other representatives, shows them to the own one and to staff", async () => {
      const path = `/en/enterprises/${spinner}`;
      for (const [who, client] of [
        ["anonymous", t.client()],
        ["other representative", other],
      ] as const) {
        const html = await (await client.get(path)).text();
        assert.match(html, /data-contacts="hidden"/, who);
        assert.doesNotMatch(html, /spinner@example\.kz/, who);
      }
      for (const [who, client] of [
        ["own representative", own],
        ["staff", staff],
      ] as const) {
        const html = await (await client.get(path)).text();
        assert.match(html, /data-contacts="shown"/, who);
        assert.match(html, /spinner@example\.kz/, who);
      }
    });

    it("keeps unmoderated text off every public page until staff approve it", async () => {
      const marker = `Pending${dialect}Marker`;
      // A new description through the representative's form.
      const form = await (await own.get(`/en/enterprises/${spinner}/edit`)).text();
      assert.match(form, /Spins cotton yarn from local cotton/);
      const profile = await own.form(`/en/enterprises/${spinner}/edit`, {
        sizeBand: "medium",
        yearFounded: "2012",
        sectors: "13.10",
        products: "5205 Cotton yarn",
        exportMarkets: "RU UZ CN",
        "description.en": `${marker} description`,
        "translations.en": "original",
        "contacts.email": "spinner@example.kz",
      });
      assert.equal(profile.status, 303);
      // A new need through the request form.
      const created = await own.form("/en/my/enterprise/requests", {
        kind: "buy",
        sectors: "13.20",
        products: "6004 Elastic knitted fabric",
        quantity: "20 000",
        unit: "m",
        "title.en": `${marker} elastic fabric`,
        "description.en": `${marker} we need elastic fabric`,
        validUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        intent: "send",
      });
      assert.equal(created.status, 303);
      const requestId = Number(/\/requests\/(\d+)\/partners/.exec(created.headers.get("location") ?? "")?.[1]);
      assert.ok(requestId > 0);
      for (const path of ["/en/enterprises", `/en/enterprises/${spinner}`, "/en/requests", "/zh/requests?kind=buy"]) {
        const html = await (await t.app.request(path)).text();
        assert.ok(!html.includes(marker), `${path} shows unmoderated text`);
      }
      assert.doesNotMatch(await (await t.app.request(`/en/enterprises?q=${marker}`)).text(), /data-enterprise=/);
      assert.equal((await t.app.request(`/en/requests/${requestId}`)).status, 404, "an unmoderated request is not public");
      assert.equal((await other.get(`/en/requests/${requestId}`)).status, 404);
      // Its representative sees it, marked as waiting.
      const mine = await (await own.get(`/en/requests/${requestId}`)).text();
      assert.match(mine, new RegExp(marker));
      assert.match(mine, /data-status="pending"/);
      const dashboard = await (await own.get("/en/my/enterprise")).text();
      assert.match(dashboard, /data-pending="profile"/);
      assert.match(dashboard, new RegExp(en.t("enterprises.status.pending")));
      const matches = await (await own.get(`/kk/requests/${requestId}/partners`)).text();
      assert.match(matches, /data-partner="\d+"/, "partners for a request waiting for moderation");
      // Approved, it shows.
      const manager = (await t.signIn("manager")).userId;
      const actor = { id: manager, role: "manager" as const, organisationId: null };
      await t.services.enterprises.moderateRequest(actor, requestId, { decision: "approve" });
      await t.services.enterprises.moderateProfile(actor, spinner, { decision: "approve" });
      assert.match(await (await t.app.request("/en/requests")).text(), new RegExp(`${marker} elastic fabric`));
      assert.match(await (await t.app.request(`/en/enterprises/${spinner}`)).text(), new RegExp(`${marker} description`));
    });

    it("refuses another organisation's edit pages with 403 and writes nothing", async () => {
      for (const path of [
        `/en/enterprises/${spinner}/edit`,
        `/en/requests/${spinnerRequest}/edit`,
        `/en/requests/${spinnerRequest}/partners`,
      ]) {
        const res = await other.get(path);
        assert.equal(res.status, 403, path);
        assert.match(await res.text(), new RegExp(en.t("error.forbidden")));
      }
      const before = totalWrites();
      for (const [path, body] of [
        [`/en/enterprises/${spinner}/edit`, { sectors: "13.10", "description.en": "Taken over" }],
        [`/en/requests/${spinnerRequest}/edit`, { kind: "buy", sectors: "13.20", "title.en": "Taken over", validUntil: "2030-01-01" }],
        [`/en/requests/${spinnerRequest}/close`, {}],
      ] as const) {
        const res = await other.form(path, body);
        assert.equal(res.status, 403, path);
      }
      assert.equal(totalWrites(), before, "a refused edit changed the database");
      assert.equal((await t.services.enterprises.getRequest(spinnerRequest, null)).status, "published");
      // The own representative opens the same pages; staff are sent to the back office.
      assert.equal((await own.get(`/en/enterprises/${spinner}/edit`)).status, 200);
      assert.equal((await own.get(`/en/requests/${spinnerRequest}/edit`)).status, 200);
      const redirect = await staff.get(`/en/enterprises/${spinner}/edit`);
      assert.equal(redirect.status, 303);
      assert.equal(redirect.headers.get("location"), `/en/admin/enterprises/${spinner}/edit`);
      // Signed-out visitors are sent to the login page.
      const anonymous = await t.client().get("/en/my/enterprise");
      assert.equal(anonymous.status, 302);
      assert.match(anonymous.headers.get("location") ?? "", /\/en\/login\?next=/);
    });

    it("keeps what was typed on a failed form and says what to fix in the reader's language", async () => {
      const before = totalWrites();
      const res = await own.form("/kk/my/enterprise/requests", {
        kind: "",
        sectors: "13.20",
        quantity: "көп",
        "title.kk": "Серпімді мата керек",
        "description.kk": "Айына 20 000 метр",
        validUntil: "2020-01-01",
        intent: "send",
      });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /value="Серпімді мата керек"/);
      assert.match(html, /Айына 20 000 метр<\/textarea>/);
      assert.match(html, /value="көп"/);
      assert.match(html, /<option value="13\.20" selected="">/);
      assert.match(html, new RegExp(kk.t("form.choose_one")));
      assert.match(html, new RegExp(kk.t("form.number_required")));
      assert.match(html, /aria-invalid="true"/);
      assert.equal(totalWrites(), before);
      // The profile form too: a bad e-mail and an unknown year keep the rest.
      const profile = await own.form(`/ru/enterprises/${spinner}/edit`, {
        sectors: "13.10",
        yearFounded: "1066",
        "contacts.email": "not an e-mail",
        "description.ru": "Прядём пряжу",
      });
      assert.equal(profile.status, 422);
      const page = await profile.text();
      assert.match(page, /value="not an e-mail"/);
      assert.match(page, /value="1066"/);
      assert.match(page, /Прядём пряжу<\/textarea>/);
      assert.match(page, new RegExp(i18nFor("ru").t("enterprises.year_invalid")));
      // An introduction without a counterpart comes back to the partner page with the error.
      const intro = await own.form("/en/my/enterprise/introductions", { message: "Hello" });
      assert.equal(intro.status, 422);
    });

    for (const locale of ["kk", "zh"] as const) {
      it(`shows every problem of a request form in one answer, each by its field, in ${locale}`, async () => {
        const i18n = i18nFor(locale);
        const before = totalWrites();
        // An empty required field (kind) together with rules across fields: no title in any
        // language, an amount without a currency, a quantity without a unit, a day already past.
        const res = await own.form(`/${locale}/my/enterprise/requests`, {
          kind: "",
          sectors: "13.20",
          quantity: "20 000",
          unit: "",
          amount: "5 000 000",
          currency: "",
          [`description.${locale}`]: `${locale}: elastic fabric, typed text`,
          validUntil: "2020-01-01",
          intent: "send",
        });
        assert.equal(res.status, 422);
        const html = await res.text();
        const errorOf = (id: string) => new RegExp(`<p class="field-error" id="f-${id}-error">([^<]*)</p>`).exec(html)?.[1];
        assert.equal(errorOf("kind"), i18n.t("form.choose_one"));
        assert.equal(errorOf("title"), i18n.t("enterprises.title_required"));
        assert.equal(errorOf("currency"), i18n.t("enterprises.currency_required"));
        assert.equal(errorOf("unit"), i18n.t("enterprises.unit_required"));
        assert.equal(errorOf("validUntil"), i18n.t("enterprises.valid_until_past"));
        assert.ok(textOf(html).includes(i18n.t("enterprises.form_has_errors", { count: 5 })), "five errors, none more");
        assert.match(html, /value="20 000"/);
        assert.match(html, /value="5 000 000"/);
        assert.match(html, /value="2020-01-01"/);
        assert.match(html, /<option value="13\.20" selected="">/);
        assert.ok(html.includes(`${locale}: elastic fabric, typed text</textarea>`));
        assert.equal(totalWrites(), before);
      });
    }

    it("asks for an introduction, shows its status and age, and lets the representative withdraw it", async () => {
      const partners = await (await own.get(`/en/enterprises/${spinner}/partners`)).text();
      const to = Number(/name="toOrganisationId" value="(\d+)"/.exec(partners)?.[1]);
      assert.ok(to > 0);
      const back = `/enterprises/${spinner}/partners`;
      const res = await own.form("/en/my/enterprise/introductions", { toOrganisationId: String(to), message: "We spin cotton yarn", back });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get("location"), `/en${back}`);
      const after = await (await own.get(`/en${back}`)).text();
      assert.match(after, /data-introduction-status="requested"/);
      // Asking twice says so, keeping the message.
      const again = await own.form("/en/my/enterprise/introductions", { toOrganisationId: String(to), message: "Second try" });
      assert.equal(again.status, 422);
      assert.match(await again.text(), new RegExp(en.t("enterprises.introduction_exists")));
      const dashboard = await (await own.get("/en/my/enterprise")).text();
      assert.match(dashboard, /data-status="requested"/);
      assert.match(dashboard, /We spin cotton yarn/);
      const id = Number(/data-introduction="(\d+)"/.exec(dashboard)?.[1]);
      const withdrawn = await own.form(`/en/my/enterprise/introductions/${id}/withdraw`, {});
      assert.equal(withdrawn.status, 303);
      assert.match(await (await own.get("/en/my/enterprise")).text(), /data-status="withdrawn"/);
      assert.equal((await other.form(`/en/my/enterprise/introductions/${id}/withdraw`, {})).status, 404);
    });

    it("renders each directory page with at most 10 SQL statements (QUALITY P5)", async () => {
      for (const path of [
        "/kk/enterprises",
        "/zh/enterprises?q=%E6%AD%A3%E6%B3%B0",
        "/en/enterprises?side=home&sector=13&size=medium&lookingFor=supply&territory=turkistan-region",
        "/en/enterprises?page=2",
        `/ru/enterprises/${chint}`,
        `/kk-latn/enterprises/${spinner}`,
        `/en/enterprises/${spinner}/partners`,
        "/ru/requests",
        "/en/requests?kind=buy&side=home&sector=13.20",
        `/zh/requests/${spinnerRequest}`,
      ]) {
        const { result, counter } = withStatementCounter(() => t.app.request(path));
        assert.equal((await result).status, 200, path);
        assert.ok(counter.statements <= 10, `${path}: ${counter.statements} statements`);
      }
    });
  });
}
