import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { PlotFilters } from "./sites.schemas.ts";

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, 196, 137,
]);

/** A tiny valid plot form, as the back office would send it. */
function plotForm(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    code,
    territorySlug: "arys-city",
    zoneSlug: "arys-iz",
    areaHa: "4,5",
    status: "free",
    powerKw: "1200",
    railSiding: "yes",
    roadAccess: "yes",
    ...overrides,
  };
}

for (const dialect of DIALECTS) {
  describe(`site catalogue [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it("loads the real zones with their sources and marks generated plots illustrative", async () => {
      const zones = await t.services.sites.listZones();
      assert.equal(zones.length, 14);
      const turan = zones.find((z) => z.slug === "turan-sez");
      assert.equal(turan?.confidence, "conflicting");
      assert.ok(turan?.facts.some((f) => f.value.includes("4,414") && f.confidence === "single-source"));
      assert.equal(turan?.illustrative, false);
      const plots = await t.services.sites.listPlots(PlotFilters.parse({ perPage: "500" }));
      assert.ok(plots.total > 50);
      assert.ok(plots.items.filter((p) => p.code !== "WZP-CORE").every((p) => p.illustrative));
      const html = await (await t.app.request("/en/plots/TRN-IND-P01")).text();
      assert.match(html, /This is an illustrative record/);
      const zonePage = await (await t.app.request("/en/zones/turan-sez")).text();
      assert.match(zonePage, /In the news/, "articles that mention the zone are listed under it");
      assert.match(zonePage, /href="\/en\/news\/turkistan-wenzhou-meeting"/);
    });

    it("shows unknown infrastructure as unknown, never as available", async () => {
      const html = await (await t.app.request("/en/plots/WZP-CORE")).text();
      const infra = html.slice(html.indexOf('id="infrastructure"'));
      assert.equal((infra.match(/class="unknown">Unknown</g) ?? []).length >= 7, true);
      assert.doesNotMatch(html, /illustrative record/);
      assert.match(html, /jkbuyers\.com/);
    });

    it("filters plots by district, zone kind, area, power, gas, water, rail, status and price", async () => {
      const all = (await t.services.sites.listPlots(PlotFilters.parse({ perPage: "500" }))).items;
      const check = async (query: Record<string, string>, keep: (p: (typeof all)[number]) => boolean) => {
        const got = await t.services.sites.listPlots(PlotFilters.parse({ ...query, perPage: "500" }));
        const expected = all
          .filter(keep)
          .map((p) => p.code)
          .sort();
        assert.deepEqual(got.items.map((p) => p.code).sort(), expected, JSON.stringify(query));
        assert.equal(got.total, expected.length);
      };
      await check({ district: "arys-city" }, (p) => p.territory.slug === "arys-city");
      await check(
        { zoneKind: "sez" },
        (p) => p.zone !== null && ["turan-industrial-subzone", "icic-central-asia", "turan-sez"].includes(p.zone.slug),
      );
      await check({ areaMin: "5", areaMax: "15" }, (p) => p.areaHa >= 5 && p.areaHa <= 15);
      await check({ powerMin: "3000" }, (p) => (p.infrastructure.powerKw ?? -1) >= 3000);
      await check(
        { gasMin: "500", waterMin: "800" },
        (p) => (p.infrastructure.gasM3h ?? -1) >= 500 && (p.infrastructure.waterM3d ?? -1) >= 800,
      );
      await check({ rail: "1" }, (p) => p.infrastructure.railSiding === true);
      await check({ status: "free,reserved" }, (p) => p.status === "free" || p.status === "reserved");
      await check(
        { priceMax: "2000000", currency: "KZT" },
        (p) => p.price !== null && p.price.currency === "KZT" && p.price.amount <= 2_000_000,
      );
    });

    it("sorts and pages the list with a stable order and exact counts", async () => {
      const page1 = await t.services.sites.listPlots(PlotFilters.parse({ sort: "-area", perPage: "10" }));
      const page2 = await t.services.sites.listPlots(PlotFilters.parse({ sort: "-area", perPage: "10", page: "2" }));
      const areas = [...page1.items, ...page2.items].map((p) => p.areaHa);
      assert.deepEqual(
        areas,
        [...areas].sort((a, b) => b - a),
      );
      assert.equal(new Set([...page1.items, ...page2.items].map((p) => p.code)).size, 20);
      assert.equal(page1.pages, Math.ceil(page1.total / 10));
    });

    it("ignores hostile filter, sort and page values: no error, no extra rows (QUALITY S2)", async () => {
      const total = (await (await t.app.request("/api/v1/plots")).json()) as { total: number };
      for (const payload of ["' OR 1=1 --", "1; DROP TABLE plots", "area_ha desc", '" OR ""="', "%27", "1e999", "-1", "NaN"]) {
        for (const key of ["district", "zone", "zoneKind", "areaMin", "powerMin", "status", "sort", "page", "priceMax", "currency"]) {
          const res = await t.app.request(`/api/v1/plots?${key}=${encodeURIComponent(payload)}`);
          assert.equal(res.status, 200, `${key}=${payload}`);
          const body = (await res.json()) as { total: number };
          assert.ok(body.total <= total.total, `${key}=${payload}`);
          const page = await t.app.request(`/zh/plots?${key}=${encodeURIComponent(payload)}`);
          assert.equal(page.status, 200);
        }
      }
      assert.equal((await t.app.request("/en/plots/%27%20OR%201=1")).status, 404);
      assert.equal((await t.app.request("/en/zones/..%2F..%2Fetc")).status, 404);
    });

    for (const locale of LOCALES) {
      it(`renders the catalogue pages in ${locale}`, async () => {
        for (const path of [
          "/zones",
          "/zones/turan-sez",
          "/zones/kz-cn-wenzhou-park",
          "/plots",
          "/plots?status=free&powerMin=500",
          "/plots/TRN-IND-P01",
          "/premises",
        ]) {
          const res = await t.app.request(`/${locale}${path}`);
          assert.equal(res.status, 200, `${locale}${path}`);
        }
      });
    }

    it("renders every catalogue page within 10 SQL statements (QUALITY P5)", async () => {
      const premises = (await t.services.sites.listPremises({ page: 1, perPage: 1, sort: "code" })).items[0]?.code;
      for (const path of [
        "/en/zones",
        "/en/zones/turan-sez",
        "/en/plots?perPage=100",
        "/en/plots/TRN-IND-P01",
        "/en/premises",
        `/en/premises/${premises}`,
        "/api/v1/plots?perPage=200",
      ]) {
        const { result, counter } = withStatementCounter(() => t.app.request(path));
        assert.equal((await result).status, 200, path);
        assert.ok(counter.statements <= 10, `${path}: ${counter.statements} statements`);
      }
    });

    it("staff create a plot in the back office; a failed form keeps what was typed and says what to fix", async () => {
      const { client } = await t.signIn("manager");
      const bad = await client.form(
        "/ru/admin/plots/new",
        plotForm("NEW-01", { areaHa: "много", lat: "43.1", cadastralNumber: "abc", status: "reserved" }),
      );
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /value="много"/);
      assert.match(html, /Введите число/);
      assert.match(html, /Заполните и широту, и долготу/);
      assert.match(html, /кадастровый номер/);
      assert.equal(await t.database.db.selectFrom("plots").select("id").where("code", "=", "NEW-01").executeTakeFirst(), undefined);
      const good = await client.form(
        "/ru/admin/plots/new",
        plotForm("NEW-01", { "power.provider": "Test grid", "power.confirmedOn": "2026-10-01" }),
      );
      assert.equal(good.status, 303);
      const { plot, history } = await t.services.sites.getPlot("NEW-01");
      assert.equal(plot.areaHa, 4.5);
      assert.equal(plot.infrastructure.railSiding, true);
      assert.equal(plot.infrastructure.details.power?.provider, "Test grid");
      assert.equal(history[0]?.to, "free");
      assert.equal(good.headers.get("location"), "/ru/admin/plots/NEW-01/edit");
      const edit = await client.get("/ru/admin/plots/NEW-01/edit");
      assert.equal(edit.status, 200);
      assert.match(await edit.text(), /Test grid/);
      assert.equal((await client.get("/ru/admin/plots/new")).status, 200);
      assert.equal((await client.get("/ru/admin/premises/new")).status, 200);
      const dup = await client.form("/en/admin/plots/new", plotForm("NEW-01"));
      assert.equal(dup.status, 422);
      assert.match(await dup.text(), /A record with this code already exists/);
    });

    it("a status change needs a reason and is kept as history", async () => {
      const { client } = await t.signIn("editor");
      await client.form("/en/admin/plots/NEW-01/status", { status: "reserved", reason: "" });
      assert.equal((await t.services.sites.getPlot("NEW-01")).plot.status, "free");
      await client.form("/en/admin/plots/NEW-01/status", {
        status: "reserved",
        reason: "Memorandum with a Wenzhou investor",
        reservedUntil: "2027-03-01",
        reservedFor: "Wenzhou denim maker",
      });
      const { plot, history } = await t.services.sites.getPlot("NEW-01");
      assert.equal(plot.status, "reserved");
      assert.equal(plot.reservedUntil, "2027-03-01");
      assert.equal(history[0]?.reason, "Memorandum with a Wenzhou investor");
      assert.equal(history[0]?.from, "free");
      assert.ok(history[0]?.by);
      const page = await (await t.app.request("/en/plots/NEW-01")).text();
      assert.match(page, /Reserved until March 1, 2027 for Wenzhou denim maker/);
    });

    it("verification is shown with date and author, and old records are flagged stale and listed for staff", async () => {
      const { client } = await t.signIn("manager");
      await t.database.db
        .updateTable("plots")
        .set({ verified_at: new Date(Date.now() - 400 * 86_400_000).toISOString(), verified_by: "Old check" })
        .where("code", "=", "NEW-01")
        .execute();
      assert.equal((await t.services.sites.getPlot("NEW-01")).plot.verification.stale, true);
      const stale = await (await client.get("/en/admin/sites")).text();
      assert.match(stale, /NEW-01/);
      await client.form("/en/admin/plots/NEW-01/verify", {});
      const v = (await t.services.sites.getPlot("NEW-01")).plot.verification;
      assert.equal(v.stale, false);
      assert.match(v.by ?? "", /manager/);
      assert.match(await (await t.app.request("/kk/plots/NEW-01")).text(), /Деректер .* расталды/);
    });

    it("accepts photos by content, stores them under random names and serves them sandboxed (QUALITY S7)", async () => {
      const { client } = await t.signIn("manager");
      const upload = async (bytes: Uint8Array, name: string) => {
        const form = new FormData();
        form.set("_csrf", client.csrfToken());
        form.set("title", name);
        form.set("file", new Blob([new Uint8Array(bytes)]), name);
        return client.request("/en/admin/plots/NEW-01/files", { method: "POST", body: form });
      };
      assert.equal((await upload(PNG, "site.png")).status, 303);
      for (const [bytes, name] of [
        [new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "evil.png"],
        [new TextEncoder().encode("<html><script>alert(1)</script></html>"), "page.jpg"],
      ] as const) {
        await upload(bytes, name);
      }
      const { files } = await t.services.sites.getPlot("NEW-01");
      assert.equal(files.length, 1);
      assert.match(files[0]?.storedName ?? "", /^[0-9a-f]{32}\.png$/);
      assert.ok(readdirSync(t.config.storageDir).includes(files[0]?.storedName ?? ""));
      const res = await t.app.request(`/files/${files[0]?.storedName}`);
      assert.equal(res.headers.get("content-type"), "image/png");
      assert.match(res.headers.get("content-security-policy") ?? "", /sandbox/);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    });

    it("the API lists and reads publicly and writes for staff with a CSRF token", async () => {
      const list = (await (await t.app.request("/api/v1/plots?status=free&perPage=5")).json()) as {
        items: { status: string }[];
        total: number;
      };
      assert.ok(list.items.every((p) => p.status === "free"));
      const body = JSON.stringify({ code: "API-01", territorySlug: "kentau-city", areaHa: 2, status: "free" });
      const anonymous = await t.app.request("/api/v1/plots", { method: "POST", body, headers: { "content-type": "application/json" } });
      assert.equal(anonymous.status, 401);
      const enterprise = await t.signIn("enterprise");
      const refused = await enterprise.client.request("/api/v1/plots", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-csrf-token": enterprise.client.csrfToken() },
      });
      assert.equal(refused.status, 403);
      const manager = await t.signIn("manager");
      const noToken = await manager.client.request("/api/v1/plots", {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      });
      assert.equal(noToken.status, 403);
      const created = await manager.client.request("/api/v1/plots", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-csrf-token": manager.client.csrfToken() },
      });
      assert.equal(created.status, 200);
      assert.equal(((await created.json()) as { code: string }).code, "API-01");
      const invalid = await manager.client.request("/api/v1/plots", {
        method: "POST",
        body: JSON.stringify({ code: "API-02", territorySlug: "nowhere", areaHa: -1, status: "free" }),
        headers: { "content-type": "application/json", "x-csrf-token": manager.client.csrfToken(), "accept-language": "zh" },
      });
      assert.equal(invalid.status, 422);
      const error = ((await invalid.json()) as { error: { code: string; details: Record<string, string> } }).error;
      assert.equal(error.code, "validation_failed");
      assert.ok(error.details.areaHa);
    });

    it("an API write gets every problem at once, in the caller's language, and writes nothing", async () => {
      type ErrorOut = { error: { code: string; message: string; details: Record<string, { key: string; message: string }> } };
      const manager = await t.signIn("manager");
      const send = (path: string, body: unknown, method = "POST", headers: Record<string, string> = {}) =>
        manager.client.request(path, {
          method,
          body: typeof body === "string" ? body : JSON.stringify(body),
          headers: { "content-type": "application/json", "x-csrf-token": manager.client.csrfToken(), ...headers },
        });
      const plots = async () =>
        Number(
          (
            await t.database.db
              .selectFrom("plots")
              .select((e) => e.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await plots();
      const kk = i18nFor("kk");

      // No area (a field error) and reserved without a date, a price without terms (rules across fields).
      const missing = await send("/api/v1/plots?locale=kk", {
        code: "API-20",
        territorySlug: "kentau-city",
        status: "reserved",
        priceAmount: 5,
      });
      assert.equal(missing.status, 422);
      const { error } = (await missing.json()) as ErrorOut;
      assert.equal(error.code, "validation_failed");
      assert.equal(error.message, kk.t("error.validation_failed"));
      assert.deepEqual(error.details.areaHa, { key: "form.number_required", message: kk.t("form.number_required") });
      assert.deepEqual(error.details.reservedUntil, { key: "sites.reserved_needs_date", message: kk.t("sites.reserved_needs_date") });
      assert.deepEqual(error.details.priceCurrency, { key: "sites.price_needs_terms", message: kk.t("sites.price_needs_terms") });

      // Values of the wrong type are field errors, not a crash; so is a body that is no object.
      const wrong = await send("/api/v1/plots?locale=kk", {
        code: 42,
        territorySlug: "kentau-city",
        areaHa: "big",
        status: "free",
        railSiding: "yes",
      });
      assert.equal(wrong.status, 422);
      const wrongDetails = ((await wrong.json()) as ErrorOut).error.details;
      assert.equal(wrongDetails.code?.key, "form.invalid");
      assert.equal(wrongDetails.code?.message, kk.t("form.invalid"));
      assert.equal(wrongDetails.areaHa?.key, "form.number_required");
      assert.equal(wrongDetails.railSiding?.key, "form.invalid");
      for (const body of ["[1, 2]", "not json"]) {
        const res = await send("/api/v1/plots", body);
        assert.equal(res.status, 422, body);
        assert.ok(((await res.json()) as ErrorOut).error.details._, body);
      }
      const premises = await send("/api/v1/premises", { code: "API-P20", territorySlug: "kentau-city", kind: "castle", floorAreaM2: "x" });
      assert.equal(premises.status, 422);
      const premisesDetails = ((await premises.json()) as ErrorOut).error.details;
      assert.equal(premisesDetails.kind?.key, "form.choose_one");
      assert.equal(premisesDetails.floorAreaM2?.key, "form.number_required");
      assert.equal(premisesDetails.status?.key, "form.choose_one");
      assert.equal(await plots(), before);
      await assert.rejects(t.services.sites.getPlot("API-20"));
      await assert.rejects(t.services.sites.getPremises("API-P20"));

      // The same for an update, with Accept-Language; the body must name the plot of the address.
      const plot = { code: "API-21", territorySlug: "kentau-city", areaHa: 3, status: "free" };
      assert.equal((await send("/api/v1/plots", plot)).status, 200);
      const stored = await t.services.sites.getPlot("API-21");
      const zh = i18nFor("zh");
      const update = await send(
        "/api/v1/plots/API-21",
        { code: "API-22", territorySlug: "kentau-city", areaHa: null, status: "reserved", lat: 43 },
        "PUT",
        { "accept-language": "zh" },
      );
      assert.equal(update.status, 422);
      const updateError = ((await update.json()) as ErrorOut).error;
      assert.equal(updateError.message, zh.t("error.validation_failed"));
      assert.deepEqual(updateError.details.areaHa, { key: "form.number_required", message: zh.t("form.number_required") });
      assert.deepEqual(updateError.details.reservedUntil, { key: "sites.reserved_needs_date", message: zh.t("sites.reserved_needs_date") });
      assert.deepEqual(updateError.details.lon, { key: "sites.coordinates_pair", message: zh.t("sites.coordinates_pair") });
      assert.deepEqual(updateError.details.code, { key: "sites.code_mismatch", message: zh.t("sites.code_mismatch") });
      const wrongUpdate = await send("/api/v1/plots/API-21", { ...plot, areaHa: "3", status: ["free"] }, "PUT");
      assert.equal(wrongUpdate.status, 422);
      assert.deepEqual(Object.keys(((await wrongUpdate.json()) as ErrorOut).error.details).sort(), ["areaHa", "status"]);
      const mismatch = await send("/api/v1/plots/API-21", { ...plot, code: "API-22" }, "PUT");
      assert.equal(mismatch.status, 422);
      assert.deepEqual(Object.keys(((await mismatch.json()) as ErrorOut).error.details), ["code"]);
      assert.deepEqual(await t.services.sites.getPlot("API-21"), stored);
      await assert.rejects(t.services.sites.getPlot("API-22"));
      const saved = await send("/api/v1/plots/API-21", { ...plot, areaHa: 4 }, "PUT");
      assert.equal(saved.status, 200);
      assert.equal(((await saved.json()) as { areaHa: number }).areaHa, 4);
    });

    it("re-saving identical data changes nothing", async () => {
      const admin = { id: 0, role: "admin" as const, organisationId: null };
      const before = await t.database.db.selectFrom("plots").selectAll().orderBy("id").execute();
      const { plots } = await import("./sites.demo.ts").then((m) => m.demoPlots());
      const result = await t.services.sites.upsertPlots(admin, plots);
      assert.equal(result.created + result.updated, 0);
      assert.deepEqual(await t.database.db.selectFrom("plots").selectAll().orderBy("id").execute(), before);
    });
  });
}
