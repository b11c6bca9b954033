import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import type { TestClient } from "../../../test/support/test-client.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { DATASETS } from "./cooperation.stats.ts";

for (const dialect of DIALECTS) {
  describe(`cooperation pages, back office and API [${dialect}]`, () => {
    let t: TestApp;
    let ids: { agreement: number; park: number; delegation: number; person: number; organisation: number };
    let staff: TestClient;

    const json = (client: TestClient, method: string, path: string, body: unknown) =>
      client.request(path, {
        method,
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", "x-csrf-token": client.csrfToken() },
      });

    before(async () => {
      t = await createTestApp(dialect);
      const coop = t.services.cooperation;
      const agreement = (await coop.listAgreements())[0];
      const park = (await coop.listProjects()).find((p) => p.site?.ref === "WZP-CORE");
      const delegation = (await coop.listDelegations())[0];
      const person = (await coop.listPeople()).find((p) => p.name.en === "Talgat Kozbekov");
      const organisation = (await coop.listOrganisations()).find((o) => o.nameOriginal === "温州市商务局");
      assert.ok(agreement && park && delegation && person && organisation);
      ids = { agreement: agreement.id, park: park.id, delegation: delegation.id, person: person.id, organisation: organisation.id };
      staff = (await t.signIn("manager")).client;
    });
    after(() => t.close());

    for (const locale of LOCALES) {
      it(`shows the partners, the memorandum, the park, the delegation and the statistics in ${locale}`, async () => {
        const partners = await (await t.app.request(`/${locale}/partners`)).text();
        for (const slug of ["wenzhou", "shaanxi", "hubei", "heilongjiang", "henan", "zhejiang"])
          assert.match(partners, new RegExp(`href="/${locale}/partners/${slug}"`));
        const wenzhou = await t.app.request(`/${locale}/partners/wenzhou`);
        assert.equal(wenzhou.status, 200);
        assert.match(await wenzhou.text(), new RegExp(`href="/${locale}/agreements/${ids.agreement}"`));
        const memo = await (await t.app.request(`/${locale}/agreements/${ids.agreement}`)).text();
        assert.match(memo, new RegExp(`href="/${locale}/projects/${ids.park}"`));
        assert.match(memo, /温州市商务局/);
        const park = await (await t.app.request(`/${locale}/projects/${ids.park}`)).text();
        assert.match(park, new RegExp(`href="/${locale}/plots/WZP-CORE"`));
        assert.match(park, /data-stage="construction"[^>]*>|aria-current="step"/);
        for (const path of [`/delegations/${ids.delegation}`, "/statistics"])
          assert.equal((await t.app.request(`/${locale}${path}`)).status, 200, path);
      });
    }

    it("says what is not published instead of inventing it", async () => {
      const memo = await (await t.app.request(`/en/agreements/${ids.agreement}`)).text();
      assert.match(memo, /Signatory: <span class="unknown">name not published/);
      assert.match(memo, /Text not published/);
      const delegation = await (await t.app.request(`/ru/delegations/${ids.delegation}`)).text();
      assert.match(delegation, /название не опубликовано/);
      assert.match(delegation, /имена не опубликованы/);
      const denim = (await t.services.cooperation.listProjects()).find((p) => p.title.en.includes("denim"));
      const page = await (await t.app.request(`/zh/projects/${denim?.id}`)).text();
      assert.match(page, /姓名未公布/);
    });

    it("shows the stage timeline in order with the date each stage was reached", async () => {
      const html = await (await t.app.request(`/en/projects/${ids.park}`)).text();
      const stages = [...html.matchAll(/data-stage="([a-z_]+)"/g)].map((m) => m[1]);
      assert.deepEqual(stages, ["idea", "negotiation", "agreement_signed", "land_allotted", "construction", "commissioned", "operating"]);
      assert.match(
        html,
        /<li class="timeline-current" aria-current="step" data-stage="construction"><strong>Construction<\/strong> <span class="muted">September 11, 2025/,
      );
      assert.match(html, /data-stage="agreement_signed"><strong>Agreement signed<\/strong> <span class="muted">August 2025/);
    });

    it("finds names typed in any script from the partners page and the API", async () => {
      const html = await (await t.app.request(`/kk/partners?q=${encodeURIComponent("Қозыбеков")}`)).text();
      assert.match(html, /data-type="person"/);
      assert.match(html, /Талғат Қозбеков/);
      for (const q of ["温州", "Wenzhou", "Вэньчжоу", "Уэньчжоу"]) {
        const body = (await (await t.app.request(`/api/v1/registry/search?q=${encodeURIComponent(q)}`)).json()) as {
          items: { type: string; slug: string | null }[];
        };
        assert.ok(
          body.items.some((h) => h.type === "territory" && h.slug === "wenzhou"),
          q,
        );
        assert.ok(
          body.items.some((h) => h.type === "organisation"),
          q,
        );
      }
      const echo = await (await t.app.request(`/en/partners?q=${encodeURIComponent("<script>alert(1)</script>")}`)).text();
      assert.ok(!echo.includes("<script>alert(1)</script>"));
    });

    it("renders each public page with at most 10 SQL statements (QUALITY P5)", async () => {
      for (const path of [
        "/zh/partners",
        "/kk/partners?q=%E6%B8%A9%E5%B7%9E",
        "/zh/partners/wenzhou",
        `/en/agreements/${ids.agreement}`,
        `/kk/projects/${ids.park}`,
        `/ru/delegations/${ids.delegation}`,
        "/en/statistics",
        "/en/statistics/conversion.csv",
        "/api/v1/partners",
        "/api/v1/statistics",
        "/api/v1/agreements",
        "/api/v1/projects",
        "/api/v1/delegations",
        "/api/v1/people",
        "/api/v1/organisations",
      ]) {
        const { result, counter } = withStatementCounter(() => t.app.request(path));
        assert.equal((await result).status, 200, path);
        assert.ok(counter.statements <= 10, `${path}: ${counter.statements} statements`);
      }
    });

    it("draws each chart beside a table with the same numbers and a CSV of them", async () => {
      const html = await (await t.app.request("/en/statistics")).text();
      for (const d of DATASETS) {
        assert.match(html, new RegExp(`data-chart="chart-${d}"`));
        assert.match(html, new RegExp(`data-table="${d}"`));
        assert.match(html, new RegExp(`href="/en/statistics/${d}.csv"`));
        const csv = await t.app.request(`/en/statistics/${d}.csv`);
        assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8");
        assert.deepEqual([...new Uint8Array(await csv.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM, so Excel reads Cyrillic");
      }
      const stage = html.slice(html.indexOf('data-chart="chart-projects-by-stage"'));
      assert.match(stage, /data-label="Construction" data-value="1"/);
      const csv = await (await t.app.request("/ru/statistics/projects-by-stage.csv")).text();
      assert.match(csv, /Строительство,1\r\n/);
      const trade = await (await t.app.request("/en/statistics/indicators.csv")).text();
      assert.match(trade, /Turkistan Region–China trade turnover,2024,296,Per the akimat \(article\),article-only/);
      assert.match(trade, /2022,24\.1,Kazakh statistics,verified/);
      assert.match(trade, /2022,31\.2,China customs \(GAC\),verified/);
    });

    it("serves every record type's public fields as JSON and answers an unknown id with 404", async () => {
      for (const [path, id] of [
        ["organisations", ids.organisation],
        ["people", ids.person],
        ["agreements", ids.agreement],
        ["delegations", ids.delegation],
        ["projects", ids.park],
      ] as const) {
        const list = (await (await t.app.request(`/api/v1/${path}`)).json()) as { total: number };
        assert.ok(list.total > 0, path);
        assert.equal((await t.app.request(`/api/v1/${path}/${id}`)).status, 200, path);
        const missing = await t.app.request(`/api/v1/${path}/999999`);
        assert.equal(missing.status, 404);
        assert.equal(((await missing.json()) as { error: { code: string } }).error.code, "not_found");
      }
      for (const path of ["ties", "indicators"]) assert.equal((await t.app.request(`/api/v1/${path}/1`)).status, 200);
      const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
        paths: Record<string, Record<string, { "x-access": string }>>;
      };
      assert.equal(doc.paths["/api/v1/projects/{id}/stage"]?.post?.["x-access"], "staff");
      assert.equal(doc.paths["/api/v1/agreements"]?.get?.["x-access"], "public");
    });

    it("lets staff create, update and move records through the API; others are refused and nothing changes", async () => {
      const body = { kind: "company", name: { kk: "API kk", ru: "API ru", zh: "接口公司", en: "API company" }, territorySlug: "wenzhou" };
      assert.equal(
        (
          await t.app.request("/api/v1/organisations", {
            method: "POST",
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          })
        ).status,
        401,
      );
      const enterprise = (await t.signIn("enterprise")).client;
      assert.equal((await json(enterprise, "POST", "/api/v1/organisations", body)).status, 403);
      const before = (await t.services.cooperation.listOrganisations()).length;
      const created = await json(staff, "POST", "/api/v1/organisations", body);
      assert.equal(created.status, 200);
      const org = (await created.json()) as { id: number; country: string };
      assert.equal(org.country, "CN");
      assert.equal((await t.services.cooperation.listOrganisations()).length, before + 1);
      const updated = await json(staff, "PUT", `/api/v1/organisations/${org.id}`, { ...body, kind: "association" });
      assert.equal(((await updated.json()) as { kind: string }).kind, "association");
      const invalid = await json(staff, "POST", "/api/v1/agreements", {
        kind: "memorandum",
        title: body.name,
        status: "signed",
        parties: [{ organisationId: org.id }],
      });
      assert.equal(invalid.status, 422);
      assert.equal(
        ((await invalid.json()) as { error: { details: Record<string, string> } }).error.details.parties,
        "coop.parties_min_two",
      );
      const project = await json(staff, "POST", "/api/v1/projects", {
        title: body.name,
        stage: "idea",
        investorOrganisationId: org.id,
        investorCountry: "CN",
      });
      const projectId = ((await project.json()) as { id: number }).id;
      const moved = await json(staff, "POST", `/api/v1/projects/${projectId}/stage`, {
        to: "negotiation",
        on: "2026-02",
        reason: "Talks began",
      });
      const history = ((await moved.json()) as { history: { to: string; reason: string }[] }).history;
      assert.deepEqual(
        history.map((h) => h.to),
        ["idea", "negotiation"],
      );
      const tie = await json(staff, "POST", "/api/v1/ties", {
        territorySlug: "turkistan-oblast",
        partnerSlug: "zhejiang",
        kind: "strategic_partnership",
      });
      assert.equal(tie.status, 200);
      const tieId = ((await tie.json()) as { id: number }).id;
      assert.equal(
        (
          await json(staff, "PUT", `/api/v1/ties/${tieId}`, {
            territorySlug: "turkistan-oblast",
            partnerSlug: "zhejiang",
            kind: "partner_city",
          })
        ).status,
        200,
      );
      const indicator = await json(staff, "POST", "/api/v1/indicators", {
        code: "api_series",
        name: body.name,
        unit: "count",
        period: "2025",
        value: 3,
        basis: "official_statement",
      });
      assert.equal(indicator.status, 200);
      const person = await json(staff, "POST", "/api/v1/people", {
        name: { kk: "Тест", ru: "Тест", en: "Test" },
        aliases: [{ alias: "Тестов", kind: "misspelling" }],
      });
      assert.equal(person.status, 200);
      const delegation = await json(staff, "POST", "/api/v1/delegations", {
        title: body.name,
        fromSlug: "turkistan-oblast",
        toSlug: "zhejiang",
        startsOn: "2026-05",
      });
      assert.equal(delegation.status, 200);
      const agreement = await json(staff, "POST", "/api/v1/agreements", {
        kind: "memorandum",
        title: body.name,
        status: "signed",
        parties: [{ organisationId: org.id }, { organisationId: ids.organisation }],
        projectIds: [projectId],
      });
      assert.equal(agreement.status, 200);
      const agreementId = ((await agreement.json()) as { id: number }).id;
      const status = await json(staff, "POST", `/api/v1/agreements/${agreementId}/status`, { to: "in_force", reason: "Approved" });
      assert.equal(((await status.json()) as { status: string }).status, "in_force");
      assert.equal(
        (await json(enterprise, "POST", `/api/v1/agreements/${agreementId}/status`, { to: "expired", reason: "no" })).status,
        403,
      );
      assert.equal((await t.services.cooperation.getAgreement(agreementId)).status, "in_force");
    });

    it("keeps what staff typed on a failed form and says what to fix, in their language", async () => {
      const bad = await staff.form("/ru/admin/projects/new", {
        "title.kk": "Жоба",
        "title.ru": "",
        "title.en": "Project",
        stage: "idea",
        capitalAmount: "много",
        siteKind: "zone",
        siteRef: "no-such-zone",
        jobsPlanned: "12.5",
        "participants.3.organisationId": String(ids.organisation),
        "participants.3.role": "investor",
      });
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /value="Жоба"/);
      assert.match(html, /value="много"/);
      assert.match(html, /Заполните это поле/);
      assert.match(html, /Введите число/);
      assert.match(html, /В каталоге нет такой зоны/);
      assert.match(html, /Введите целое число/);
      assert.match(html, /name="participants\.0\.organisationId"/, "the blank rows before it are dropped and the row renumbered");
      const good = await staff.form("/en/admin/projects/new", {
        "title.kk": "Жоба",
        "title.ru": "Проект",
        "title.en": "Form project",
        stage: "idea",
        capitalAmount: "1 500 000",
        capitalCurrency: "USD",
        fxKztPerUsd: "500,5",
        fxOn: "2026-01-05",
        siteKind: "plot",
        siteRef: "WZP-CORE",
      });
      assert.equal(good.status, 303);
      const location = good.headers.get("location") ?? "";
      const id = Number(location.match(/projects\/(\d+)\/edit/)?.[1]);
      const saved = await t.services.cooperation.getProject(id);
      assert.equal(saved.capital?.kzt, 750_750_000);
      const edit = await (await staff.get(location)).text();
      assert.match(edit, /value="Form project"/);
    });

    it("moves a card on the board with a reason, and refuses a move without one", async () => {
      const board = await (await staff.get("/en/admin/projects/board")).text();
      assert.match(board, new RegExp(`data-project="${ids.park}"`));
      const refused = await staff.form(`/en/admin/projects/${ids.park}/stage`, { to: "commissioned", reason: "" });
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /Give a reason/);
      assert.equal((await t.services.cooperation.getProject(ids.park)).stage, "construction");
      const moved = await staff.form(`/en/admin/projects/${ids.park}/stage`, { to: "commissioned", on: "2026-10", reason: "Test move" });
      assert.equal(moved.status, 303);
      const project = await t.services.cooperation.getProject(ids.park);
      assert.equal(project.stage, "commissioned");
      assert.deepEqual(project.history.at(-1), {
        ...project.history.at(-1),
        from: "construction",
        to: "commissioned",
        on: "2026-10",
        reason: "Test move",
      });
      await t.services.cooperation.moveProject({ id: 0, role: "admin", organisationId: null }, ids.park, {
        to: "construction",
        on: "2025-09-11",
        reason: "Test undo",
      });
    });

    it("edits the memorandum, changes its status and refuses a delete without confirmation", async () => {
      const page = await staff.get(`/kk/admin/agreements/${ids.agreement}/edit`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /name="parties\.1\.organisationId"/);
      const status = await staff.form(`/en/admin/agreements/${ids.agreement}/status`, { to: "in_force", reason: "" });
      assert.equal(status.status, 422);
      const del = await staff.form(`/en/admin/agreements/${ids.agreement}/delete`, {});
      assert.equal(del.status, 422);
      assert.match(await del.text(), /Tick the box to confirm/);
      assert.equal((await t.services.cooperation.getAgreement(ids.agreement)).id, ids.agreement);
      const referenced = await staff.form(`/en/admin/organisations/${ids.organisation}/delete`, { confirm: "yes" });
      assert.equal(referenced.status, 422);
      assert.match(await referenced.text(), /Other records point at this one/);
    });

    it("lists the follow-up actions due this week and marks one done", async () => {
      const d = await t.services.cooperation.saveDelegation(
        { id: 0, role: "manager", organisationId: null },
        {
          title: { kk: "Апта", ru: "Неделя", en: "Week" },
          fromSlug: "turkistan-oblast",
          toSlug: "wenzhou",
          followUps: [{ description: "Send the park’s passport", ownerNote: "department", dueOn: new Date().toISOString().slice(0, 10) }],
        },
      );
      const html = await (await staff.get("/zh/admin/follow-ups")).text();
      assert.match(html, /Send the park’s passport/);
      const id = d.followUps[0]?.id;
      assert.equal((await staff.form(`/zh/admin/follow-ups/${id}/done`, {})).status, 422);
      assert.equal((await staff.form(`/zh/admin/follow-ups/${id}/done`, { done: "yes" })).status, 303);
      assert.doesNotMatch(await (await staff.get("/zh/admin/follow-ups")).text(), /Send the park’s passport/);
    });

    it("exports the registry as XLSX with formula-looking text escaped", async () => {
      await t.services.cooperation.saveOrganisation(
        { id: 0, role: "admin", organisationId: null },
        {
          kind: "company",
          name: { kk: "=HYPERLINK(1)", ru: "+cmd", en: "@SUM(A1)" },
        },
      );
      const res = await staff.get("/ru/admin/registry.xlsx");
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      assert.deepEqual(
        book.worksheets.map((w) => w.name),
        ["Организации", "Люди", "Связи", "Соглашения", "Делегации", "Действия", "Проекты", "История стадий", "Показатели"],
      );
      const values = book.worksheets[0]?.getSheetValues().flat().map(String) ?? [];
      assert.ok(values.includes("'=HYPERLINK(1)") && values.includes("'+cmd") && values.includes("'@SUM(A1)"));
      assert.ok(!values.some((v) => v.startsWith("=")));
      assert.ok(values.includes("温州市商务局"));
      assert.ok(t.logs.some((l) => l.includes('"audit":"export"') && l.includes('"kind":"registry"')));
      const anonymous = await t.app.request("/en/admin/registry.xlsx");
      assert.equal(anonymous.status, 302);
    });
  });
}
