/**
 * QUALITY S3, stored and reflected XSS: every payload of test/fixtures/xss-corpus.txt goes into the
 * fields people can write — through the back-office forms and the services the forms call — and
 * into every echoed parameter; then every page that shows them is checked twice:
 *   1. the HTML as served: no payload that could open a tag or leave an attribute comes out as
 *      written, no tag carries an event handler or a script URL, no script but the site's own;
 *   2. in Chromium with the Content-Security-Policy bypassed (escaping alone must hold): no alert,
 *      confirm, prompt or print, no call to window.__xssHit, no handler or script URL in the DOM,
 *      map popups opened one by one; and a sample of the pages again with the policy on, where no
 *      script may even be attempted.
 * Many payloads share a record (one plot holds dozens across its fields), so the run stays short.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import type { Actor } from "../../src/modules/accounts/accounts.policy.ts";
import { commentFormToken } from "../../src/modules/news/news.service.ts";
import { launchBrowser, newContext, type RunningApp, startApp } from "../support/browser.ts";
import type { TestApp } from "../support/test-app.ts";
import type { TestClient } from "../support/test-client.ts";
import { DIALECTS } from "../support/test-db.ts";

const CORPUS = readFileSync(new URL("../fixtures/xss-corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "");

// ————— Spreading the corpus over records —————

/** Consecutive payloads joined by `sep`, as many as fit in `max` characters (and `fits`); one chunk per record. */
function pack(payloads: readonly string[], max: number, sep = "\n", fits: (chunk: string) => boolean = () => true): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const p of payloads) {
    if (p.length > max || !fits(p)) continue;
    const joined = current ? `${current}${sep}${p}` : p;
    if (joined.length <= max && fits(joined)) current = joined;
    else {
      if (current) chunks.push(current);
      current = p;
    }
  }
  if (current) chunks.push(current);
  // Forms and schemas trim what is typed: the stored value, and what a page shows, is the trimmed one.
  return chunks.map((c) => c.trim()).filter((c) => c !== "");
}

/** The corpus starting at a different payload, so fields of one record hold different payloads. */
const rotate = (by: number): string[] => [...CORPUS.slice(by % CORPUS.length), ...CORPUS.slice(0, by % CORPUS.length)];

/** The corpus dealt into `n` piles, each joined by `sep`. */
function deal(n: number, sep = "\n", by = 0): string[] {
  const piles: string[][] = Array.from({ length: n }, () => []);
  for (const [i, p] of rotate(by).entries()) piles[i % n]?.push(p);
  return piles.map((p) => p.join(sep).trim());
}

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** Which payloads went into which field: reported, and checked so every payload reaches every module. */
class Coverage {
  readonly fields = new Map<string, Set<number>>();
  add(field: string, value: string | null | undefined): void {
    if (!value) return;
    const seen = this.fields.get(field) ?? new Set<number>();
    for (const [i, p] of CORPUS.entries()) if (value.includes(p.trim())) seen.add(i);
    this.fields.set(field, seen);
  }
  missing(prefix: string): number[] {
    const union = new Set<number>();
    for (const [field, seen] of this.fields) if (field.startsWith(prefix)) for (const i of seen) union.add(i);
    return CORPUS.map((_, i) => i).filter((i) => !union.has(i));
  }
  report(): string {
    return [...this.fields].map(([field, seen]) => `${field} ${seen.size}/${CORPUS.length}`).join(", ");
  }
}

// ————— What a page may and may not contain —————

/** As hono/jsx escapes text and attribute values. */
const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Payloads that would change the markup if they came out as written (`'` alone cannot: no attribute is single-quoted). */
const MARKUP = CORPUS.filter((p) => /[<"]/.test(p));

/** A browser ignores these in a URL's scheme ("java\tscript:" is "javascript:"). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS_AND_SPACES = /[\u0000-\u0020]/g;
const SCRIPT_URL = /^(?:javascript|vbscript|livescript|data:(?:text\/html|image\/svg|application|text\/javascript))/i;
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "data",
  "background",
  "poster",
  "srcdoc",
  "ping",
  "lowsrc",
  "dynsrc",
]);
const FORBIDDEN_TAGS = /^(iframe|frame|frameset|object|embed|applet|base|isindex|keygen|handler|discard)$/i;

/** The served HTML: every tag, as a browser would tokenise it closely enough for these checks. */
function rawViolations(html: string): string[] {
  const found: string[] = [];
  // The site's own scripts would match a bare "<script" payload: look past them.
  const data = html.replace(/<script (?:src="\/static\/[^"]*"|type="application\/json" id="map-config")/g, "");
  for (const p of MARKUP) if (data.includes(p)) found.push(`the payload ${JSON.stringify(p)} is in the HTML unescaped`);
  const tag = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  for (const m of html.matchAll(tag)) {
    const name = (m[1] ?? "").toLowerCase();
    const attrs = [...(m[2] ?? "").matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)].map((a) => [
      (a[1] ?? "").toLowerCase(),
      (a[2] ?? "").replace(/^["']|["']$/g, ""),
    ]);
    if (FORBIDDEN_TAGS.test(name)) found.push(`a <${name}> element: ${m[0].slice(0, 120)}`);
    if (name === "meta" && attrs.some(([k]) => k === "http-equiv")) found.push(`a <meta http-equiv>: ${m[0].slice(0, 120)}`);
    if (name === "script") {
      const src = attrs.find(([k]) => k === "src")?.[1];
      const type = attrs.find(([k]) => k === "type")?.[1];
      if (!(src?.startsWith("/static/") || (type === "application/json" && !src)))
        found.push(`a script that is not the site's own: ${m[0].slice(0, 120)}`);
    }
    for (const [key = "", value = ""] of attrs) {
      if (/^on/.test(key)) found.push(`an event handler attribute ${key}: ${m[0].slice(0, 120)}`);
      const plain = value
        .replace(/&#x?0*(9|a|d|10|13|3a|58);?/gi, (e) => (/3a|58/i.test(e) ? ":" : ""))
        .replace(/&colon;/gi, ":")
        .replace(CONTROLS_AND_SPACES, "");
      // An image never runs script: the passports' QR codes are data:image/svg+xml pictures.
      const picture = name === "img" && key === "src" && /^data:image\//i.test(plain);
      if (URL_ATTRIBUTES.has(key) && SCRIPT_URL.test(plain) && !picture) found.push(`a script URL in ${key}: ${m[0].slice(0, 120)}`);
    }
  }
  return found;
}

/**
 * Runs in the page: elements and attributes that could run script, whoever put them there. A string,
 * not a function: the TypeScript loader would wrap a function's inner names in a helper the page lacks.
 */
const DOM_VIOLATIONS = `(() => {
  const found = [];
  const scriptUrl = /^(?:javascript|vbscript|livescript|data:(?:text\\/html|image\\/svg|application|text\\/javascript))/i;
  const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc", "ping"];
  for (const el of Array.from(document.querySelectorAll("*"))) {
    const name = el.localName;
    const where = el.outerHTML.slice(0, 120);
    if (/^(iframe|frame|frameset|object|embed|applet|base|isindex|keygen|handler|discard|foreignobject|animate|set|animatetransform|animatemotion)$/i.test(name))
      found.push("a <" + name + "> element: " + where);
    if (name === "meta" && el.hasAttribute("http-equiv")) found.push("a <meta http-equiv>: " + where);
    if (name === "script") {
      const src = el.getAttribute("src");
      const type = el.getAttribute("type");
      if (!((src && src.startsWith("/static/")) || (type === "application/json" && !src))) found.push("a script that is not the site's own: " + where);
    }
    for (const attr of Array.from(el.attributes)) {
      const key = attr.name.toLowerCase();
      if (key.startsWith("on")) found.push("an event handler attribute " + key + ": " + where);
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, "");
      const picture = name === "img" && key === "src" && /^data:image\\//i.test(value);
      if (urlAttrs.includes(key) && scriptUrl.test(value) && !picture) found.push("a script URL in " + key + ": " + where);
    }
  }
  return found;
})()`;

/** Resolves after the page has rendered two more frames (animations and autofocus have had their turn). */
const TWO_FRAMES = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))";

/** Opens every popup of every map layer (plot markers, clustered or not, and zones); returns their texts. */
const OPEN_ALL_POPUPS = `(() => {
  const map = window.__jibekMap;
  const texts = [];
  const seen = new Set();
  const visit = (layer) => {
    if (seen.has(layer)) return;
    seen.add(layer);
    if (layer.getLayers) for (const child of layer.getLayers()) visit(child);
    const popup = layer.getPopup && layer.getPopup();
    if (!popup) return;
    const content = popup.getContent();
    const node = typeof content === "function" ? content(layer) : content;
    map.openPopup(node, layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter());
    // What the popup shows: the node itself (popups are built as DOM nodes, details filled on arrival).
    const shown = node instanceof Node ? node : document.querySelector(".leaflet-popup-content");
    texts.push(shown ? shown.textContent : "");
  };
  map.eachLayer(visit);
  return texts;
})()`;

const MAP_READY = `(() => {
  let layers = 0;
  if (window.__jibekMap) window.__jibekMap.eachLayer(() => layers++);
  return layers > 3;
})()`;

/**
 * Installed in every frame before any page script: every way a payload calls home ends in
 * window.__xssHit, including through the dialogs and print(); Leaflet's map is kept for the popups;
 * attempted scripts that a Content-Security-Policy blocks are reported too.
 */
const INIT_SCRIPT = `(() => {
  const hit = (kind, detail) => { try { window.__xssHit(kind, String(detail ?? "")); } catch {} };
  window.alert = (m) => hit("alert", m);
  window.confirm = (m) => { hit("confirm", m); return false; };
  window.prompt = (m) => { hit("prompt", m); return null; };
  window.print = () => hit("print", "");
  document.addEventListener("securitypolicyviolation", (e) => {
    if (/^script-src/.test(e.effectiveDirective) || /^script-src/.test(e.violatedDirective)) hit("csp", e.effectiveDirective + " " + e.blockedURI + " " + (e.sample || ""));
  });
  let leaflet;
  Object.defineProperty(window, "L", {
    configurable: true,
    get() { return leaflet; },
    set(value) {
      leaflet = value;
      try { value.Map.addInitHook(function () { window.__jibekMap = this; }); } catch {}
    },
  });
})();`;

interface Hit {
  url: string;
  kind: string;
  detail: string;
}

/** A page to check, as whom, and which stored values it must show (escaped): proof the payloads are there. */
interface Visit {
  path: string;
  as: "anonymous" | "admin" | TestClient;
  shows: string[];
  /** Pages that only render a post (a failed sign-in): the form to send. */
  post?: Record<string, string>;
  /** Also opened in the browser (echo pages are all checked as HTML, a share of them in Chromium). */
  browser: boolean;
}

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const PLOTS = 20;
const ZONES = 4;
const PREMISES_COUNT = 4;
const STORIES = 6;
const COMMENTS = 40;
const REGISTRY = 3;
/** People whose own pages Chromium opens (every name is in the users list it opens too). */
const USERS_IN_BROWSER = 10;

for (const dialect of DIALECTS) {
  describe(`stored and reflected XSS in Chromium [${dialect}]`, () => {
    let browser: Browser;
    let app: RunningApp;
    let t: TestApp;
    let admin: TestClient;
    let adminActor: Actor;
    const contexts: BrowserContext[] = [];
    const visits: Visit[] = [];
    const coverage = new Coverage();
    const users: { client: TestClient; name: string }[] = [];

    const page = (path: string, as: Visit["as"], shows: (string | null | undefined)[] = [], browserToo = true) =>
      visits.push({ path, as, shows: shows.filter((s): s is string => Boolean(s)), browser: browserToo });

    /** A back-office form post that must be accepted (303). */
    async function post(client: TestClient, path: string, data: Record<string, string>): Promise<void> {
      const res = await client.form(path, data);
      assert.equal(res.status, 303, `POST ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }

    async function upload(client: TestClient, path: string, title: string, filename: string): Promise<void> {
      const body = new FormData();
      body.set("title", title);
      body.set("file", new File([PNG], filename, { type: "image/png" }));
      const res = await client.request(path, { method: "POST", body, headers: { "x-csrf-token": client.csrfToken() } });
      assert.equal(res.status, 303, `upload to ${path} answered ${res.status}`);
      assert.doesNotMatch(decodeURIComponent(res.headers.get("set-cookie") ?? ""), /upload\.(type|empty|too)/, "the upload was refused");
    }

    before(async () => {
      [browser, app] = await Promise.all([launchBrowser(), startApp(dialect)]);
      t = app.testApp;
      const signedIn = await t.signIn("admin");
      admin = signedIn.client;
      adminActor = { id: signedIn.userId, role: "admin", organisationId: null };

      // People: their names show in the header, the users list, status histories, "verified by".
      const names = pack(CORPUS, 200);
      const titles = pack(rotate(Math.floor(CORPUS.length / 2)), 200);
      const messages = pack(rotate(7), 4000);
      const contacts = pack(rotate(31), 200);
      for (const [i, name] of names.entries()) {
        const email = `xss-${i}-${dialect}@example.kz`;
        const password = `correct horse battery ${i}`;
        await t.services.accounts.createUser({ email, displayName: name, password, role: "editor" });
        const client = t.client();
        assert.equal((await client.form("/en/login", { email, password })).status, 303, `sign-in of user ${i}`);
        users.push({ client, name });
        coverage.add("accounts.displayName", name);
        // Saved searches and inquiries (POST /:locale/match/save, /:locale/account/searches/:id/inquiry).
        const title = at(titles, i);
        await post(client, "/en/match/save", { q: "powerKw=100&target=plot", title });
        coverage.add("matching.savedSearch.title", title);
        const userId = (await t.database.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
        const saved = await t.database.db.selectFrom("saved_searches").select("id").where("user_id", "=", userId).executeTakeFirstOrThrow();
        const message = `Inquiry ${i}: ${at(messages, i)}`.slice(0, 4000);
        await post(client, `/en/account/searches/${saved.id}/inquiry`, { message, contact: at(contacts, i) });
        coverage.add("matching.inquiry.message", message);
        coverage.add("matching.inquiry.contact", at(contacts, i));
        // Chromium opens the first few people's pages: they also hold every other title, so each is shown there.
        const inBrowser = i < USERS_IN_BROWSER;
        const more = inBrowser ? titles.filter((_, j) => j % USERS_IN_BROWSER === i && j !== i) : [];
        for (const other of more) await post(client, "/en/match/save", { q: "gasM3h=10", title: other });
        page("/en/account/searches", client, [name, title, ...more], inBrowser);
      }
      const pagesOfUsers = Math.ceil((names.length + 2) / 20);
      for (let p = 1; p <= pagesOfUsers; p++) page(`/en/admin/users?page=${p}`, "admin");
      page("/en/admin/matching/inquiries", "admin", [at(contacts, 0)]);
      page("/en/admin/audit", "admin");

      // Zones, written as the reference data is (their names reach every list, map and breadcrumb).
      const zoneNames = deal(ZONES, " · ");
      const regimes = deal(ZONES, "\n", 3);
      const operators = deal(ZONES, " ", 5);
      const customs = deal(ZONES, "\n", 11);
      const landTerms = deal(ZONES, "\n", 17);
      const territoryId = await t.services.sites.territoryIdOf("maktaaral-district");
      assert.ok(territoryId, "the demo data has Maktaaral district");
      const zoneSlugs: string[] = [];
      for (let z = 0; z < ZONES; z++) {
        const slug = `xss-zone-${z + 1}`;
        zoneSlugs.push(slug);
        const mine = rotate(z * 13).filter((_, i) => i % ZONES === 0);
        const name = at(zoneNames, z);
        await t.services.sites.upsertZoneRecord({
          slug,
          kind: "industrial_park",
          parent_zone_id: null,
          territory_id: territoryId,
          name_kk: name,
          name_ru: name,
          name_zh: name,
          name_en: name,
          status: "operating",
          operator_name: at(operators, z),
          total_area_ha: 50,
          free_area_ha: 10,
          centre_lat: 41.2 + z * 0.05,
          centre_lon: 68.4 + z * 0.05,
          geometry: null,
          regime_kk: at(regimes, z),
          regime_ru: at(regimes, z),
          regime_zh: at(regimes, z),
          regime_en: at(regimes, z),
          incentives: JSON.stringify(mine.map((note) => ({ tax: "other", ratePct: 0, years: 5, note }))),
          customs_regime: at(customs, z),
          land_terms: at(landTerms, z),
          sectors: JSON.stringify(mine.slice(0, 20)),
          contact_phone: mine[1] ?? null,
          contact_email: mine[2] ?? null,
          website: null,
          facts: JSON.stringify(
            mine.map((p, i) => ({ label: at(mine, i + 3), value: p, confidence: "unverified", source: at(mine, i + 1), asOf: null })),
          ),
          confidence: "unverified",
          is_illustrative: 0,
          verified_at: null,
          verified_by: null,
        });
        const written = { name, regime: at(regimes, z), operator: at(operators, z), customs: at(customs, z), landTerms: at(landTerms, z) };
        for (const [field, value] of Object.entries(written)) coverage.add(`sites.zone.${field}`, value);
        coverage.add("sites.zone.facts+incentives+sectors", mine.join("\n"));
        // A status change with a payload reason and a verification by a person with a payload name.
        const reasons = rotate(z * 29 + 1).slice(0, 10);
        for (const [i, reason] of reasons.entries())
          await post(at(users, z + i).client, `/en/admin/zones/${slug}/status`, { status: i % 2 === 0 ? "planned" : "operating", reason });
        coverage.add("sites.zone.statusReason", reasons.join("\n"));
        await post(at(users, z).client, `/en/admin/zones/${slug}/verify`, {});
        page(`/en/zones/${slug}`, "anonymous", [name, at(regimes, z), at(operators, z), reasons[0], at(users, z).name]);
        page(`/en/zones/${slug}/passport`, "anonymous", [name, at(regimes, z), at(customs, z), at(landTerms, z)]);
      }
      page("/en/zones", "anonymous", zoneNames);

      // Plots, through the back-office form: every one-line field and the notes.
      const notes = pack(CORPUS, 4000);
      const oneLine = {
        landCategory: pack(rotate(0), 300),
        permittedUse: pack(rotate(40), 300),
        reservedFor: pack(rotate(80), 200),
        "power.provider": pack(rotate(120), 200),
        "gas.provider": pack(rotate(160), 200),
        "water.provider": pack(rotate(200), 200),
        "sewage.provider": pack(rotate(240), 200),
        "heat.provider": pack(rotate(280), 200),
      };
      const codes: string[] = [];
      for (let i = 0; i < PLOTS; i++) {
        const code = `XSS-P${String(i + 1).padStart(2, "0")}`;
        codes.push(code);
        const fields = Object.fromEntries(Object.entries(oneLine).map(([k, v]) => [k, at(v, i)]));
        await post(admin, "/en/admin/plots/new", {
          code,
          territorySlug: "maktaaral-district",
          zoneSlug: at(zoneSlugs, i),
          areaHa: "12.5",
          status: "reserved",
          reservedUntil: "2099-12-31",
          lat: String(41.15 + (i % 5) * 0.03),
          lon: String(68.35 + Math.floor(i / 5) * 0.03),
          powerKw: "1000",
          gasM3h: "50",
          waterM3d: "20",
          sewageM3d: "10",
          heatGcalh: "1",
          notes: at(notes, i),
          ...fields,
        });
        for (const [k, v] of Object.entries(fields)) coverage.add(`sites.plot.${k}`, v);
        coverage.add("sites.plot.notes", at(notes, i));
      }
      // Status changes (reasons in the history, by people with payload names) and files (titles, file names).
      const perPlot = Math.ceil(CORPUS.length / PLOTS);
      for (let i = 0; i < PLOTS; i++) {
        const code = codes[i] ?? "";
        const mine = CORPUS.slice(i * perPlot, (i + 1) * perPlot);
        const reservedFor = at(oneLine.reservedFor, i);
        await Promise.all(
          mine.map((reason, j) =>
            post(at(users, i * perPlot + j).client, `/en/admin/plots/${code}/status`, {
              status: "reserved",
              reason,
              reservedUntil: "2099-12-31",
              reservedFor,
            }),
          ),
        );
        coverage.add("sites.plot.statusReason", mine.join("\n"));
        for (const [j, p] of mine.entries())
          await upload(at(users, i + j).client, `/en/admin/plots/${code}/files`, j % 2 === 0 ? p : "", j % 2 === 0 ? "photo.png" : p);
        coverage.add("sites.plot.fileTitle", mine.filter((_, j) => j % 2 === 0).join("\n"));
        coverage.add("sites.plot.fileName", mine.filter((_, j) => j % 2 === 1).join("\n"));
        await post(at(users, i).client, `/en/admin/plots/${code}/verify`, {});
        const shows = [
          at(notes, i),
          mine[0],
          at(oneLine.landCategory, i),
          at(oneLine.permittedUse, i),
          at(oneLine["power.provider"], i),
          at(users, i).name,
        ];
        page(`/en/plots/${code}`, "anonymous", [...shows, reservedFor, at(zoneNames, i)]);
        page(`/en/admin/plots/${code}/edit`, "admin", [
          at(notes, i),
          at(oneLine.landCategory, i),
          at(oneLine.permittedUse, i),
          reservedFor,
        ]);
        page(`/en/plots/${code}/passport`, "anonymous", [at(notes, i), at(oneLine.landCategory, i), at(oneLine.permittedUse, i)]);
      }
      page("/en/plots?perPage=100&zoneKind=industrial_park", "anonymous", zoneNames);
      page("/en/admin/sites", "admin");

      // Premises: notes, status reasons, file titles.
      const premisesNotes = pack(rotate(60), 4000);
      for (let i = 0; i < Math.max(PREMISES_COUNT, premisesNotes.length); i++) {
        const code = `XSS-H${i + 1}`;
        await post(admin, "/en/admin/premises/new", {
          code,
          territorySlug: "maktaaral-district",
          zoneSlug: at(zoneSlugs, i),
          kind: "warehouse",
          status: "free",
          floorAreaM2: "800",
          lat: "41.3",
          lon: String(68.5 + i * 0.01),
          notes: at(premisesNotes, i),
        });
        coverage.add("sites.premises.notes", at(premisesNotes, i));
        const reasons = rotate(i * 41 + 5).slice(0, 8);
        for (const [j, reason] of reasons.entries())
          await post(at(users, i + j).client, `/en/admin/premises/${code}/status`, { status: j % 2 === 0 ? "reserved" : "free", reason });
        coverage.add("sites.premises.statusReason", reasons.join("\n"));
        const files = rotate(i * 43 + 9).slice(0, 4);
        for (const f of files) await upload(admin, `/en/admin/premises/${code}/files`, f, "plan.png");
        coverage.add("sites.premises.fileTitle", files.join("\n"));
        // The public page leaves the notes out (staff see them in the form).
        page(`/en/premises/${code}`, "anonymous", [reasons[0], files[0]]);
        page(`/en/admin/premises/${code}/edit`, "admin", [at(premisesNotes, i)]);
      }
      page("/en/premises?perPage=100", "anonymous", [zoneNames[0]]);

      // News: stories through the back-office form (title, lead, Markdown body, byline) and readers' comments.
      const storyTitles = pack(rotate(3), 200);
      const leads = pack(rotate(90), 600);
      const bylines = pack(rotate(150), 120);
      const slugs: string[] = [];
      for (let i = 0; i < STORIES; i++) {
        const slug = `xss-story-${i + 1}`;
        slugs.push(slug);
        // Each payload its own paragraph, so Markdown reads each at the start of a block.
        const body = rotate(i * 57).join("\n\n");
        await post(admin, "/en/admin/news/new", {
          slug,
          originalLocale: "en",
          authorName: at(bylines, i),
          tags: "xss",
          "en.title": at(storyTitles, i),
          "en.lead": at(leads, i),
          "en.body": body,
          "en.coverAlt": "",
        });
        await post(admin, `/en/admin/news/${slug}/status`, { to: "published" });
        coverage.add("news.title", at(storyTitles, i));
        coverage.add("news.lead", at(leads, i));
        coverage.add("news.body", body);
        coverage.add("news.authorName", at(bylines, i));
      }
      const commentNames = pack(rotate(200), 80);
      // At most two links per comment (the service's own anti-spam rule).
      const links = (s: string) => (s.match(/(https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|ru|kz|cn|info|xyz|top|io)\b)/gi) ?? []).length;
      const commentBodies = pack(CORPUS, 2990, "\n\n", (s) => links(s) <= 2);
      const commentIds: number[] = [];
      for (let i = 0; i < Math.max(COMMENTS, commentBodies.length); i++) {
        const slug = at(slugs, i);
        const result = await t.services.news.postComment(
          slug,
          // Numbered: the same text twice on one story is refused as a duplicate.
          { name: at(commentNames, i), email: `reader${i}@example.kz`, body: `${i}. ${at(commentBodies, i)}` },
          {
            locale: "en",
            visitor: `xss-visitor-${i}`,
            network: `198.51.100.${i}`,
            formToken: commentFormToken(t.config.sessionSecret, slug, Date.now() - 60_000),
            honeypot: "",
          },
        );
        assert.ok(result.ok, `comment ${i} refused: ${JSON.stringify(result)}`);
        if (result.ok) commentIds.push(result.id);
        coverage.add("news.comment.name", at(commentNames, i));
        coverage.add("news.comment.body", at(commentBodies, i));
      }
      // Most approved (public), the rest left pending (moderators' queue).
      await t.services.news.moderate(adminActor, { ids: commentIds.slice(0, -5), action: "approve" });
      for (const [i, slug] of slugs.entries()) {
        page(`/en/news/${slug}`, "anonymous", [at(storyTitles, i), at(leads, i), at(bylines, i), at(commentNames, i)]);
        page(`/en/admin/news/${slug}/edit`, "admin", [at(storyTitles, i), at(leads, i), at(bylines, i)]);
      }
      page(`/en/admin/news/${slugs[0]}/preview`, "admin", [storyTitles[0]]);
      page("/en/news", "anonymous", [at(storyTitles, STORIES - 1)]);
      page("/en/news?tag=xss", "anonymous", [at(storyTitles, STORIES - 1)]);
      page("/en/admin/news", "admin", [at(storyTitles, 0)]);
      page("/en/admin/news/comments?status=pending", "admin", [at(commentNames, commentIds.length - 1)]);
      page("/en/admin/news/comments?status=approved", "admin", [at(commentNames, 0)]);
      page("/en/search?q=xss", "anonymous");

      // The cooperation registry, through its service: every free-text field, arrays filled up.
      const coop = t.services.cooperation;
      const local = (chunks: string[], i: number) => ({
        kk: at(chunks, i),
        ru: at(chunks, i + 1),
        zh: at(chunks, i + 2),
        en: at(chunks, i + 3),
      });
      const names500 = pack(rotate(11), 500);
      const text2000 = pack(rotate(23), 2000);
      const text300 = pack(rotate(37), 300);
      const text1000 = pack(rotate(53), 1000);
      const sources = pack(CORPUS, 1000).slice(0, 20);
      const aliases200 = pack(rotate(71), 200);
      const ids: Record<string, number[]> = {
        organisations: [],
        people: [],
        ties: [],
        agreements: [],
        delegations: [],
        projects: [],
        indicators: [],
      };
      for (let i = 0; i < REGISTRY; i++) {
        const org = await coop.saveOrganisation(adminActor, {
          kind: "company",
          name: local(names500, i * 4),
          nameOriginal: at(text300, i),
          territorySlug: "wenzhou",
          country: "CN",
          sectors: ["C13"],
          website: "https://example.org/",
          aliases: aliases200.slice(i * 25, i * 25 + 25).map((alias) => ({ alias, kind: "alias" as const })),
          confidence: "unverified",
          sources,
          note: at(text2000, i),
        });
        ids.organisations?.push(org.id);
        const person = await coop.savePerson(adminActor, {
          name: local(names500, i * 4 + 12),
          nameOriginal: at(text300, i + 3),
          positions: Array.from({ length: 6 }, (_, j) => ({ organisationId: org.id, title: local(names500, i * 6 + j), since: "2024" })),
          aliases: aliases200.slice(i * 25 + 10, i * 25 + 35).map((alias) => ({ alias, kind: "misspelling" as const })),
          confidence: "unverified",
          sources,
          note: at(text2000, i + 1),
        });
        ids.people?.push(person.id);
        const delegation = await coop.saveDelegation(adminActor, {
          title: local(names500, i * 4 + 2),
          fromSlug: "turkistan-oblast",
          toSlug: "wenzhou",
          startsOn: "2025-08",
          headPersonId: person.id,
          headNote: at(text300, i + 5),
          purpose: local(text2000, i + 2),
          members: text300.slice(0, 100).map((note) => ({ personId: person.id, organisationId: org.id, note })),
          meetings: text2000
            .map((_, j) => ({ on: "2025-08", personId: person.id, organisationId: org.id, summary: local(text2000, j + i) }))
            .slice(0, 8),
          visits: text2000.map((_, j) => ({ organisationId: org.id, description: local(text2000, j + i + 1), sector: "C13" })).slice(0, 8),
          followUps: text1000.map((description, j) => ({ description, ownerNote: at(text300, j + i), dueOn: "2099-01-01" })),
          confidence: "unverified",
          sources,
          note: at(text2000, i + 2),
        });
        ids.delegations?.push(delegation.id);
        const agreement = await coop.saveAgreement(
          adminActor,
          {
            kind: "memorandum",
            title: local(names500, i * 4 + 1),
            subject: local(text2000, i + 3),
            signedOn: "2025-08",
            placeSlug: "wenzhou",
            placeNote: at(text300, i + 7),
            status: "signed",
            // Parties are distinct organisations: this one and the registry's others, each with a payload note.
            parties: [org.id, ...(await coop.listOrganisations()).map((o) => o.id).filter((id) => id !== org.id)]
              .slice(0, 20)
              .map((organisationId, j) => ({
                organisationId,
                signatoryPersonId: j === 0 ? person.id : null,
                signatoryNote: at(text300, i * 20 + j),
              })),
            documents: text300.slice(i * 20 + 10, i * 20 + 30).map((title, j) => ({ title, url: `https://example.org/doc-${i}-${j}` })),
            delegationId: delegation.id,
            confidence: "unverified",
            sources,
            note: at(text2000, i + 3),
          },
          undefined,
          { reason: at(text300, i + 9) },
        );
        ids.agreements?.push(agreement.id);
        const statusReasons = rotate(i * 61 + 2).slice(0, 6);
        for (const [j, reason] of statusReasons.entries())
          await coop.changeAgreementStatus(adminActor, agreement.id, {
            to: j % 2 === 0 ? "in_force" : "being_implemented",
            on: "2025-09",
            reason,
          });
        coverage.add("cooperation.agreement.statusReason", statusReasons.join("\n"));
        const project = await coop.saveProject(
          adminActor,
          {
            title: local(names500, i * 4 + 3),
            description: local(text2000, i + 4),
            investorOrganisationId: org.id,
            investorCountry: "CN",
            sector: "C13",
            territorySlug: "maktaaral-district",
            siteKind: "text",
            siteText: at(pack(rotate(97), 500), i),
            capitalAmount: 1_000_000,
            capitalCurrency: "USD",
            fxNote: at(pack(rotate(101), 500), i),
            stage: "idea",
            agreementIds: [agreement.id],
            participants: [{ organisationId: org.id, role: "investor" }],
            confidence: "unverified",
            sources,
            note: at(text2000, i + 4),
          },
          undefined,
          { reason: at(text300, i + 11) },
        );
        ids.projects?.push(project.id);
        const stages = ["negotiation", "agreement_signed", "land_allotted", "construction"] as const;
        const stageReasons = rotate(i * 67 + 4).slice(0, stages.length);
        for (const [j, to] of stages.entries())
          await coop.moveProject(adminActor, project.id, { to, on: "2025-10", reason: stageReasons[j] ?? "moved" });
        coverage.add("cooperation.project.stageReason", stageReasons.join("\n"));
        const tie = await coop.saveTie(adminActor, {
          territorySlug: ["turkistan-city", "kentau-city", "arys-city"][i] ?? "turkistan-city",
          partnerSlug: "wenzhou",
          kind: "partner_city",
          since: "2025",
          documentTitle: at(pack(rotate(107), 500), i),
          documentUrl: "https://example.org/tie",
          agreementId: agreement.id,
          confidence: "unverified",
          sources,
          note: at(text2000, i + 5),
        });
        ids.ties?.push(tie.id);
        const indicator = await coop.saveIndicator(adminActor, {
          code: `xss_indicator_${i}`,
          name: local(names500, i * 4 + 5),
          unit: "count",
          period: "2024",
          value: 1,
          country: "KZ",
          partnerCountry: "CN",
          territorySlugs: ["turkistan-oblast"],
          basis: "article",
          basisNote: at(pack(rotate(113), 500), i),
          asOf: "2025",
          confidence: "unverified",
          sources,
          note: at(text2000, i + 6),
        });
        ids.indicators?.push(indicator.id);
        page(`/en/agreements/${agreement.id}`, "anonymous", [at(names500, i * 4 + 4), statusReasons[0]]);
        page(`/en/projects/${project.id}`, "anonymous", [at(names500, i * 4 + 6), stageReasons[0]]);
        page(`/en/delegations/${delegation.id}`, "anonymous", [at(names500, i * 4 + 5)]);
      }
      // What the registry holds now, read back: every string of every record.
      const strings = (value: unknown): string[] =>
        typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];
      const readers = {
        organisations: (id: number) => coop.getOrganisation(id),
        people: (id: number) => coop.getPerson(id),
        ties: (id: number) => coop.getTie(id),
        agreements: (id: number) => coop.getAgreement(id),
        delegations: (id: number) => coop.getDelegation(id),
        projects: (id: number) => coop.getProject(id),
        indicators: (id: number) => coop.getIndicator(id),
      };
      for (const [type, read] of Object.entries(readers))
        for (const id of ids[type] ?? []) coverage.add(`cooperation.${type}`, strings(await read(id)).join("\n"));
      for (const [type, list] of Object.entries(ids)) {
        page(`/en/admin/${type}`, "admin");
        for (const id of list) page(`/en/admin/${type}/${id}/edit`, "admin");
      }
      page("/en/partners", "anonymous");
      page("/en/partners/wenzhou", "anonymous");
      page("/en/statistics", "anonymous");
      page("/en/admin/registry", "admin");
      page("/en/admin/follow-ups", "admin");
      page("/en/admin/projects/board", "admin");
      page("/en/admin", "admin");
      page("/en", "anonymous");

      // Echoes: what a visitor types comes back in the page (search forms, filters, sign-in).
      const MATCH_TEXT = [
        "sector",
        "areaMin",
        "areaMax",
        "powerKw",
        "gasM3h",
        "waterM3d",
        "sewageM3d",
        "heatGcalh",
        "railKm",
        "airportKm",
        "borderKm",
        "cityKm",
        "budgetMax",
        "readyBy",
      ];
      for (let i = 0; i * MATCH_TEXT.length < CORPUS.length; i++) {
        const q = new URLSearchParams(MATCH_TEXT.map((name, j) => [name, at(CORPUS, i * MATCH_TEXT.length + j)]));
        page(`/en/match?${q}`, "anonymous", [at(CORPUS, i * MATCH_TEXT.length).trim()], i % 2 === 0);
        coverage.add("echo.match", [...q.values()].join("\n"));
      }
      for (const [i, q] of pack(CORPUS, 200, " ").entries()) {
        page(`/en/search?q=${encodeURIComponent(q)}`, "anonymous", [q], i % 5 === 0);
        page(`/en/partners?q=${encodeURIComponent(q)}`, "anonymous", [], i % 10 === 0);
        coverage.add("echo.search", q);
      }
      for (const [i, next] of pack(CORPUS, 1000, " ").entries()) {
        page(`/en/login?next=${encodeURIComponent(next)}`, "anonymous", [next], i % 3 === 0);
        coverage.add("echo.loginNext", next);
      }
      const PLOT_FILTER_KEYS = [
        "district",
        "zone",
        "zoneKind",
        "areaMin",
        "areaMax",
        "powerMin",
        "gasMin",
        "waterMin",
        "rail",
        "status",
        "priceMax",
        "currency",
        "sort",
        "page",
        "perPage",
      ];
      for (let i = 0; i * PLOT_FILTER_KEYS.length < CORPUS.length; i++) {
        const q = new URLSearchParams(PLOT_FILTER_KEYS.map((name, j) => [name, at(CORPUS, i * PLOT_FILTER_KEYS.length + j)]));
        page(`/en/plots?${q}`, "anonymous", [], i % 8 === 0);
        page(`/en/premises?${q}`, "anonymous", [], false);
        page(`/en/map?${q}`, "anonymous", [], false);
        page(
          `/en/compare?plots=${encodeURIComponent(codes.slice(0, 3).join(","))}&q=${encodeURIComponent(q.toString())}`,
          "anonymous",
          [],
          i % 8 === 0,
        );
        coverage.add("echo.listFilters", [...q.values()].join("\n"));
      }
      // A failed sign-in shows the e-mail as typed.
      for (const [i, email] of pack(rotate(19), 254, " ").entries()) {
        visits.push({
          path: "/en/login",
          as: "anonymous",
          shows: [email],
          post: { email, password: "not the password at all" },
          browser: i % 6 === 0,
        });
        coverage.add("echo.loginEmail", email);
      }
    });

    after(async () => {
      // The uploads of this run: each test database has its own, under random names.
      const stored = t ? await t.database.db.selectFrom("site_files").select("stored_name").execute() : [];
      for (const f of stored) rmSync(join(t.config.storageDir, f.stored_name), { force: true });
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser?.close();
      await app?.close();
    });

    it("has a corpus of at least 250 distinct payloads and stores each of them in every module's fields", async (ctx) => {
      assert.ok(CORPUS.length >= 250, `${CORPUS.length} payloads`);
      const files = await t.database.db
        .selectFrom("site_files")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      assert.ok(Number(files.n) >= CORPUS.length, `only ${files.n} uploads were stored`);
      assert.equal(new Set(CORPUS).size, CORPUS.length, "duplicate lines in xss-corpus.txt");
      ctx.diagnostic(`coverage: ${coverage.report()}`);
      for (const module of ["accounts.", "matching.", "sites.plot.", "sites.zone.", "sites.premises.", "news.", "cooperation.", "echo."])
        assert.deepEqual(
          coverage.missing(module).map((i) => CORPUS[i]),
          [],
          `payloads stored in no ${module} field`,
        );
    });

    it("catches a payload that does run, and markup that could: the detectors are live", async () => {
      const planted = [
        "<img src=x onerror=alert(1)>",
        "<svg><animate onbegin=print() attributeName=x dur=1s>",
        "<img src=x onerror=window.__xssHit()>",
      ];
      assert.ok(rawViolations(`<p>${planted[0]}</p><a href="javascript:alert(1)">x</a><iframe src=x></iframe>`).length >= 3);
      assert.deepEqual(rawViolations(`<p>${escapeHtml(planted.join(""))}</p>`), []);
      for (const bypassCSP of [true, false]) {
        const hits: Hit[] = [];
        const context = await newContext(browser, { bypassCSP });
        contexts.push(context);
        await context.exposeBinding("__xssHit", (source, kind: string, detail: string) =>
          hits.push({ url: source.page.url(), kind, detail }),
        );
        await context.addInitScript(INIT_SCRIPT);
        const tab = await context.newPage();
        await tab.goto(`${app.baseUrl}/en`);
        await tab.evaluate(`document.querySelector("main").insertAdjacentHTML("beforeend", ${JSON.stringify(planted.join(""))})`);
        await tab.evaluate(TWO_FRAMES);
        await tab.waitForFunction(`document.querySelectorAll("main img").length >= 2`);
        const violations = (await tab.evaluate(DOM_VIOLATIONS)) as string[];
        // The handlers' calls come back as events: give the page a few more frames to send them.
        for (let frame = 0; frame < 20 && hits.length < 2; frame++) await tab.evaluate(TWO_FRAMES);
        await context.close();
        assert.ok(violations.length >= 3, `the DOM check found ${violations.length} of the planted handlers`);
        const kinds = new Set(hits.map((h) => h.kind));
        if (bypassCSP) assert.ok(kinds.has("alert") && kinds.has("print"), `without CSP the planted payloads ran: ${JSON.stringify(hits)}`);
        else
          assert.ok(
            kinds.has("csp") && !kinds.has("alert"),
            `with CSP the planted payloads were blocked and reported: ${JSON.stringify(hits)}`,
          );
      }
    });

    it("serves every page with the payloads escaped: each page shows them, none opens a tag, a handler or a script URL", async () => {
      const problems: string[] = [];
      await pool(visits, 4, async (v) => {
        const client = v.as === "anonymous" ? t.client() : v.as === "admin" ? admin : v.as;
        const res = v.post ? await client.form(v.path, v.post) : await client.get(v.path);
        const html = await res.text();
        const expected = v.post ? [401, 422, 429, 200] : [200];
        if (!expected.includes(res.status)) {
          problems.push(`${v.path} answered ${res.status}`);
          return;
        }
        const csp = res.headers.get("content-security-policy") ?? "";
        if (!/script-src 'self'/.test(csp) || /unsafe-inline|unsafe-eval/.test(csp))
          problems.push(`${v.path}: Content-Security-Policy ${JSON.stringify(csp)}`);
        for (const s of v.shows)
          if (!html.includes(escapeHtml(s))) problems.push(`${v.path} does not show ${JSON.stringify(s.slice(0, 80))} (escaped)`);
        for (const p of rawViolations(html)) problems.push(`${v.path}: ${p}`);
      });
      assert.deepEqual(problems.slice(0, 50), [], `${problems.length} problems`);
    });

    /**
     * Opens the pages in Chromium: a few tabs, each in its own context, each going from page to page
     * and changing cookies when the next page is someone else's. Returns every way a payload ran or could run.
     */
    async function sweep(list: Visit[], options: { bypassCSP: boolean }): Promise<string[]> {
      const hits: Hit[] = [];
      const problems: string[] = [];
      const todo = [...list];
      const worker = async () => {
        const context = await newContext(browser, { bypassCSP: options.bypassCSP });
        contexts.push(context);
        await context.exposeBinding("__xssHit", (source, kind: string, detail: string) => {
          hits.push({ url: source.frame.url() || source.page.url(), kind, detail });
        });
        await context.addInitScript(INIT_SCRIPT);
        const tab = await context.newPage();
        let current: Visit | undefined;
        let identity: Visit["as"] | undefined;
        tab.on("dialog", (d) => {
          hits.push({ url: tab.url(), kind: `dialog ${d.type()}`, detail: d.message() });
          d.dismiss().catch(() => {});
        });
        tab.on("pageerror", (e) => problems.push(`${current?.path}: a script error: ${e.message.slice(0, 160)}`));
        for (let v = todo.shift(); v; v = todo.shift()) {
          current = v;
          if (identity !== v.as) {
            await context.clearCookies();
            const client = v.as === "anonymous" ? null : v.as === "admin" ? admin : v.as;
            if (client) await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: app.baseUrl })));
            identity = v.as;
          }
          if (v.post) {
            await tab.goto(`${app.baseUrl}${v.path}`);
            await tab.fill("#email", v.post.email ?? "");
            await tab.fill("#password", v.post.password ?? "");
            await Promise.all([
              tab.waitForResponse((r) => r.request().method() === "POST"),
              tab.locator("main form button[type=submit]").click(),
            ]);
            await tab.waitForLoadState("load");
            identity = undefined; // the failed sign-in may have changed the cookies
            if ((await tab.inputValue("#email")) !== v.post.email)
              problems.push(`${v.path}: the failed sign-in did not keep the e-mail as typed`);
          } else {
            const res = await tab.goto(`${app.baseUrl}${v.path}`, { waitUntil: "load" });
            if (res?.status() !== 200) problems.push(`${v.path} answered ${res?.status()} in the browser`);
          }
          // Hover over the page (payloads that wait for the pointer) and let two frames render.
          await tab.mouse.move(5, 5);
          await tab.mouse.move(640, 450);
          await tab.evaluate(TWO_FRAMES);
          for (const p of (await tab.evaluate(DOM_VIOLATIONS)) as string[]) problems.push(`${v.path}: ${p}`);
        }
        await context.close();
      };
      await Promise.all([worker(), worker(), worker()]);
      for (const h of hits) problems.push(`a payload ran on ${h.url}: ${h.kind} ${h.detail.slice(0, 120)}`);
      return problems;
    }

    it("runs none of the payloads in Chromium when escaping is the only defence (CSP bypassed)", async (ctx) => {
      const list = visits.filter((v) => v.browser);
      const problems = await sweep(list, { bypassCSP: true });
      ctx.diagnostic(`${list.length} pages opened in Chromium`);
      assert.deepEqual(problems.slice(0, 50), [], `${problems.length} problems`);
    });

    it("opens every map popup (zones and plots, built from the API's data) and none runs a payload", async () => {
      const hits: Hit[] = [];
      const context = await newContext(browser, { bypassCSP: true });
      contexts.push(context);
      await context.exposeBinding("__xssHit", (source, kind: string, detail: string) =>
        hits.push({ url: source.page.url(), kind, detail }),
      );
      await context.addInitScript(INIT_SCRIPT);
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      await Promise.all([
        tab.waitForResponse((r) => r.url().includes("/api/v1/map/plots.geojson")),
        tab.waitForResponse((r) => r.url().includes("/api/v1/map/zones.geojson")),
        tab.goto(`${app.baseUrl}/en/map?zoneKind=industrial_park`),
      ]);
      await tab.waitForFunction(MAP_READY);
      const opened = (await tab.evaluate(OPEN_ALL_POPUPS)) as string[];
      const violations = (await tab.evaluate(DOM_VIOLATIONS)) as string[];
      // The list under the map is drawn by the same script from the same data.
      const listed = await tab.locator("#map-list-body tr").count();
      await tab.close();
      assert.ok(opened.length >= PLOTS + ZONES, `only ${opened.length} popups opened`);
      assert.ok(
        opened.some((text) => text.includes(CORPUS[0] ?? "")),
        "a zone popup shows its payload name as text",
      );
      assert.ok(listed > 0, "the list under the map has rows");
      assert.deepEqual(errors, [], "script errors on the map page");
      assert.deepEqual(violations, [], "the map's DOM holds a handler or script URL");
      assert.deepEqual(hits, [], "a payload ran on the map page");
    });

    it("with the Content-Security-Policy on, no page even attempts an inline script, handler or script URL", async (ctx) => {
      // One page of each kind: the policy is the same everywhere, the markup differs.
      const seen = new Set<string>();
      const sample = visits.filter((v) => {
        const kind = `${v.post ? "POST " : ""}${v.path.replace(/\?.*$/, "").replace(/\/(XSS-\w+|xss-[\w-]+|\d+)(?=\/|$)/g, "/…")}`;
        if (seen.has(kind)) return false;
        seen.add(kind);
        return true;
      });
      const problems = await sweep(sample, { bypassCSP: false });
      ctx.diagnostic(`${sample.length} kinds of page opened with the policy on`);
      assert.deepEqual(problems.slice(0, 50), [], `${problems.length} problems`);
    });
  });
}

/** Runs `work` over `items`, at most `size` at a time. */
async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}
