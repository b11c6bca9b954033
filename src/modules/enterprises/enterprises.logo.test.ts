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
 * organisation's through the API, staff any through the API or the back office.
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
    let millRep: TestClient;
    let garmentsRep: TestClient;
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
    const stored = () => readdirSync(storage).sort();

    before(async () => {
      storage = mkdtempSync(path.join(os.tmpdir(), "jibek-logos-"));
      t = await createTestApp(dialect, { STORAGE_DIR: storage });
      const idOf = async (q: string) => (await t.services.enterprises.directory({ q })).items[0]?.id ?? 0;
      mill = await idOf("Turkistan Spinning Mill");
      garments = await idOf("Kentau Garment");
      assert.ok(mill > 0 && garments > 0);
      millRep = await representative(mill);
      garmentsRep = await representative(garments);
      manager = (await t.signIn("manager")).client;
      for (const client of [millRep, garmentsRep, manager]) await client.get("/en");
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
  });
}
