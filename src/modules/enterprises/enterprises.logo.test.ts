import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import type { TestClient } from "../../../test/support/test-client.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { totalWrites } from "../../db/statement-counter.ts";
import { i18nFor } from "../../i18n/i18n.ts";

/**
 * Enterprise logos (QUALITY S7): PNG, JPEG or WebP recognised by content, at most 2 MB, stored under
 * a random name and served sandboxed under /files/. Representatives upload their own
 * organisation's through the API or the form on their own page, staff any through the API or the
 * back office. Profiles and directory cards show the logo, and nothing where there is none.
 */

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, 196, 137,
]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const HTML = new TextEncoder().encode("<html><body><script>alert(document.cookie)</script></body></html>");
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF");

for (const dialect of DIALECTS) {
  describe(`enterprise logos [${dialect}]`, () => {
    let t: TestApp;
    let storage: string;
    let mill: number;
    let garments: number;
    let chint: number;
    let millRep: TestClient;
    let garmentsRep: TestClient;
    let chintRep: TestClient;
    let manager: TestClient;

    const representative = async (orgId: number) => {
      const { client, userId } = await t.signIn("enterprise");
      await t.database.db.updateTable("users").set({ organisation_id: orgId }).where("id", "=", userId).execute();
      return client;
    };
    const putLogo = (client: TestClient, orgId: number, bytes: Uint8Array, language = "en") =>
      client.request(`/api/v1/enterprises/${orgId}/logo`, {
        method: "PUT",
        body: new Uint8Array(bytes),
        headers: { "content-type": "image/png", "x-csrf-token": client.csrfToken(), "accept-language": language },
      });
    const logoOf = async (orgId: number) => (await t.services.enterprises.get(orgId, null)).logo;
    /** The representative's form on their own page, as a browser sends it. */
    const uploadForm = (
      client: TestClient,
      orgId: number,
      locale: string,
      bytes: Uint8Array,
      options: { csrf?: boolean; headers?: Record<string, string> } = {},
    ) => {
      const form = new FormData();
      if (options.csrf !== false) form.set("_csrf", client.csrfToken());
      form.set("file", new Blob([new Uint8Array(bytes)]), "logo.png");
      return client.request(`/${locale}/enterprises/${orgId}/logo`, { method: "POST", body: form, headers: options.headers });
    };
    const imagesOf = (html: string) => html.match(/<img [^>]*class="enterprise-logo"[^>]*>/g) ?? [];
    const stored = () => readdirSync(storage).sort();

    before(async () => {
      storage = mkdtempSync(path.join(os.tmpdir(), "jibek-logos-"));
      t = await createTestApp(dialect, { STORAGE_DIR: storage });
      const idOf = async (q: string) => (await t.services.enterprises.directory({ q })).items[0]?.id ?? 0;
      mill = await idOf("Turkistan Spinning Mill");
      garments = await idOf("Kentau Garment");
      chint = await idOf("Chint");
      assert.ok(mill > 0 && garments > 0 && chint > 0);
      millRep = await representative(mill);
      garmentsRep = await representative(garments);
      chintRep = await representative(chint);
      manager = (await t.signIn("manager")).client;
      for (const client of [millRep, garmentsRep, chintRep, manager]) await client.get("/en");
    });
    after(() => t.close());

    it("takes a representative's PNG through the API and serves it at the profile's URL, sandboxed", async () => {
      const res = await putLogo(millRep, mill, PNG);
      assert.equal(res.status, 200, await res.clone().text());
      const logo = ((await res.json()) as { logo: string | null }).logo ?? "";
      assert.match(logo, /^\/files\/[0-9a-f]{32}\.png$/);
      assert.equal(await logoOf(mill), logo);
      const publicProfile = (await (await t.app.request(`/api/v1/enterprises/${mill}`)).json()) as { logo: string };
      assert.equal(publicProfile.logo, logo);
      const served = await t.app.request(logo);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get("content-type"), "image/png");
      assert.match(served.headers.get("content-security-policy") ?? "", /sandbox/);
      assert.match(served.headers.get("content-security-policy") ?? "", /default-src 'none'/);
      assert.equal(served.headers.get("x-content-type-options"), "nosniff");
      assert.deepEqual(new Uint8Array(await served.arrayBuffer()), PNG);
      assert.deepEqual(new Uint8Array(readFileSync(path.join(storage, path.basename(logo)))), PNG);
    });

    it("replaces the logo with a JPEG and removes the old file", async () => {
      const old = (await logoOf(mill)) ?? "";
      const res = await putLogo(millRep, mill, JPEG);
      assert.equal(res.status, 200);
      const logo = (await logoOf(mill)) ?? "";
      assert.match(logo, /^\/files\/[0-9a-f]{32}\.jpg$/);
      assert.equal((await t.app.request(logo)).headers.get("content-type"), "image/jpeg");
      assert.equal((await t.app.request(old)).status, 404);
      assert.deepEqual(stored(), [path.basename(logo)]);
    });

    it("refuses an HTML page named .png, a PDF and a too large image in the caller's language, storing nothing", async () => {
      const before = { files: stored(), logo: await logoOf(mill) };
      const html = await putLogo(millRep, mill, HTML, "kk");
      assert.equal(html.status, 422);
      const htmlError = ((await html.json()) as { error: { details: { file: { key: string; message: string } } } }).error;
      assert.equal(htmlError.details.file.key, "enterprises.logo_type");
      assert.equal(htmlError.details.file.message, i18nFor("kk").t("enterprises.logo_type"));
      assert.match(htmlError.details.file.message, /PNG, JPEG және WebP/);
      const pdf = await putLogo(millRep, mill, PDF, "ru");
      assert.equal(pdf.status, 422);
      assert.match(JSON.stringify(await pdf.json()), /принимаются только изображения PNG, JPEG и WebP/);
      const big = new Uint8Array(2 * 1024 * 1024 + 1);
      big.set(PNG);
      const tooLarge = await putLogo(millRep, mill, big, "en");
      assert.equal(tooLarge.status, 422);
      assert.match(JSON.stringify(await tooLarge.json()), /The logo is too large: 2 MB at most/);
      const huge = new Uint8Array(4 * 1024 * 1024);
      huge.set(PNG);
      assert.equal((await putLogo(millRep, mill, huge)).status, 413);
      assert.deepEqual({ files: stored(), logo: await logoOf(mill) }, before);
    });

    it("refuses another organisation's representative with 403 before reading anything, and writes nothing", async () => {
      const before = { files: stored(), logo: await logoOf(mill), writes: totalWrites() };
      const res = await putLogo(garmentsRep, mill, PNG);
      assert.equal(res.status, 403);
      const anonymous = await t.client().request(`/api/v1/enterprises/${mill}/logo`, { method: "PUT", body: new Uint8Array(PNG) });
      assert.ok(anonymous.status === 401 || anonymous.status === 403, String(anonymous.status));
      assert.deepEqual({ files: stored(), logo: await logoOf(mill), writes: totalWrites() }, before);
      // Their own is theirs to change.
      assert.equal((await putLogo(garmentsRep, garments, PNG)).status, 200);
      assert.match((await logoOf(garments)) ?? "", /\.png$/);
    });

    it("lets staff upload from the back office edit page, with the refusal as a message on the page", async () => {
      const upload = async (bytes: Uint8Array, name: string) => {
        const form = new FormData();
        form.set("_csrf", manager.csrfToken());
        form.set("file", new Blob([new Uint8Array(bytes)]), name);
        return manager.request(`/en/admin/enterprises/${mill}/logo`, { method: "POST", body: form });
      };
      const edit = await (await manager.get(`/en/admin/enterprises/${mill}/edit`)).text();
      assert.match(edit, /enctype="multipart\/form-data"/);
      assert.match(edit, /PNG, JPEG or WebP, 2 MB at most/);

      const saved = await upload(PNG, "logo.png");
      assert.equal(saved.status, 303);
      const logo = (await logoOf(mill)) ?? "";
      assert.match(logo, /\.png$/);
      const page = await (await manager.get(`/en/admin/enterprises/${mill}/edit`)).text();
      assert.match(page, /The logo is saved\./);
      assert.ok(page.includes(`src="${logo}"`));

      const refused = await upload(HTML, "evil.png");
      assert.equal(refused.status, 303);
      const again = await (await manager.get(`/en/admin/enterprises/${mill}/edit`)).text();
      assert.match(again, /Only PNG, JPEG and WebP images are accepted as a logo/);
      assert.equal(await logoOf(mill), logo);
      assert.equal((await manager.get(`/en/admin/enterprises/${mill}/edit`)).status, 200);
    });

    it("shows no logo image on a profile or a directory card of an enterprise without one", async () => {
      assert.equal(await logoOf(chint), null);
      const profile = await (await t.app.request(`/en/enterprises/${chint}`)).text();
      assert.deepEqual(imagesOf(profile), []);
      assert.doesNotMatch(profile, /<img [^>]*src="(\/files\/)?"/);
      const directory = await (await t.app.request("/en/enterprises?q=Chint")).text();
      assert.match(directory, new RegExp(`data-enterprise="${chint}"`));
      assert.deepEqual(imagesOf(directory), []);
    });

    it("lets a representative upload their own logo through the form on their page; the profile and the directory then show it", async () => {
      const page = await (await chintRep.get("/kk/my/enterprise")).text();
      const form = /<form[^>]*id="logo"[^>]*>[\s\S]*?<\/form>/.exec(page)?.[0] ?? "";
      assert.match(form, new RegExp(`action="/kk/enterprises/${chint}/logo"`));
      assert.match(form, /enctype="multipart\/form-data"/);
      assert.ok(form.includes(`name="_csrf" value="${chintRep.csrfToken()}"`));
      assert.match(form, /PNG, JPEG немесе WebP, 2 МБ-тан аспауы керек/);
      assert.ok(form.includes(i18nFor("kk").t("enterprises.no_logo")));

      const saved = await uploadForm(chintRep, chint, "kk", PNG);
      assert.equal(saved.status, 303, await saved.clone().text());
      assert.equal(saved.headers.get("location"), "/kk/my/enterprise");
      const logo = (await logoOf(chint)) ?? "";
      assert.match(logo, /^\/files\/[0-9a-f]{32}\.png$/);
      assert.deepEqual(new Uint8Array(readFileSync(path.join(storage, path.basename(logo)))), PNG);
      const after = await (await chintRep.get("/kk/my/enterprise")).text();
      assert.ok(after.includes(i18nFor("kk").t("enterprises.logo_saved")));
      assert.ok(after.includes(`src="${logo}"`));
      assert.ok(after.includes(i18nFor("kk").t("enterprises.logo_replace")));

      const zh = i18nFor("zh");
      const name = zh.pick((await t.services.enterprises.get(chint, null)).name).text;
      const [header, ...others] = imagesOf(await (await t.app.request(`/zh/enterprises/${chint}`)).text());
      assert.equal(others.length, 0);
      assert.ok(header?.includes(`src="${logo}"`), header);
      assert.ok(header?.includes(`alt="${zh.t("enterprises.logo_alt", { name })}"`), header);
      assert.match(header ?? "", /width="96" height="96"/);
      assert.doesNotMatch(header ?? "", /loading=/, "the header's logo is in the first screen: not lazy");
      const [card] = imagesOf(await (await t.app.request("/en/enterprises?q=Chint")).text());
      assert.ok(card?.includes(`src="${logo}"`), card);
      assert.match(card ?? "", /width="48" height="48"/);
    });

    it("refuses the form for another organisation, and to staff, with 403, writing nothing", async () => {
      const before = { files: stored(), mill: await logoOf(mill), chint: await logoOf(chint), writes: totalWrites() };
      assert.equal((await uploadForm(chintRep, mill, "en", JPEG)).status, 403);
      assert.equal((await uploadForm(manager, chint, "en", JPEG)).status, 403);
      assert.equal((await uploadForm(t.client(), chint, "en", JPEG, { csrf: false })).status, 401);
      assert.deepEqual({ files: stored(), mill: await logoOf(mill), chint: await logoOf(chint), writes: totalWrites() }, before);
    });

    it("refuses a non-image, an empty field and a too large image with the message at the field in the reader's language, keeping the logo", async () => {
      const before = { files: stored(), logo: await logoOf(chint), writes: totalWrites() };
      const big = new Uint8Array(2 * 1024 * 1024 + 1);
      big.set(PNG);
      for (const [locale, bytes, key] of [
        ["ru", HTML, "enterprises.logo_type"],
        ["zh", PDF, "enterprises.logo_type"],
        ["kk", new Uint8Array(0), "upload.empty"],
        ["en", big, "enterprises.logo_too_large"],
      ] as const) {
        const res = await uploadForm(chintRep, chint, locale, bytes);
        assert.equal(res.status, 422, `${locale} ${key}`);
        const html = await res.text();
        const message = i18nFor(locale).t(key);
        assert.ok(html.includes(`<p class="field-error" id="f-logo-error">${message}</p>`), `${locale}: ${message}`);
        assert.ok(html.includes(`role="alert">${message}</div>`), `${locale}: ${message} at the top`);
        assert.match(html, /id="f-logo"[^>]*aria-invalid="true"[^>]*aria-describedby="f-logo-hint f-logo-error"/);
        assert.ok(html.includes(`src="${before.logo}"`), "the page still shows the logo in place");
        assert.ok(html.includes(`<html lang="${i18nFor(locale).tag}"`));
      }
      assert.deepEqual({ files: stored(), logo: await logoOf(chint), writes: totalWrites() }, before);
    });

    it("sends a file far over the limit back to the form's page with the logo's message, storing nothing", async () => {
      const before = { files: stored(), logo: await logoOf(chint), writes: totalWrites() };
      const huge = new Uint8Array(4 * 1024 * 1024);
      huge.set(PNG);
      const back = await uploadForm(chintRep, chint, "ru", huge, { headers: { referer: "http://localhost/ru/my/enterprise" } });
      assert.equal(back.status, 303);
      assert.equal(back.headers.get("location"), "/ru/my/enterprise");
      const page = await (await chintRep.get("/ru/my/enterprise")).text();
      assert.match(page, /role="alert">Логотип слишком большой: не больше 2 МБ\.</);
      // The same in the back office; without a page of ours to go back to, a plain 413.
      const form = new FormData();
      form.set("_csrf", manager.csrfToken());
      form.set("file", new Blob([huge]), "logo.png");
      const admin = await manager.request(`/zh/admin/enterprises/${chint}/logo`, {
        method: "POST",
        body: form,
        headers: { referer: `http://localhost/zh/admin/enterprises/${chint}/edit` },
      });
      assert.equal(admin.headers.get("location"), `/zh/admin/enterprises/${chint}/edit`);
      assert.ok((await (await manager.get(`/zh/admin/enterprises/${chint}/edit`)).text()).includes("标志文件过大：最大 2 MB。"));
      for (const referer of [undefined, "https://elsewhere.example/ru/my/enterprise", `http://localhost/ru/enterprises/${chint}/logo`]) {
        const res = await uploadForm(chintRep, chint, "ru", huge, { headers: referer ? { referer } : {} });
        assert.equal(res.status, 413, referer);
      }
      assert.deepEqual({ files: stored(), logo: await logoOf(chint), writes: totalWrites() }, before);
    });

    it("refuses the form without its CSRF token, writing nothing", async () => {
      const before = { files: stored(), logo: await logoOf(chint), writes: totalWrites() };
      const res = await uploadForm(chintRep, chint, "en", JPEG, { csrf: false });
      assert.equal(res.status, 403);
      assert.match(await res.text(), /The form has expired/);
      assert.deepEqual({ files: stored(), logo: await logoOf(chint), writes: totalWrites() }, before);
    });
  });
}
