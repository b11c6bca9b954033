/**
 * QUALITY S2, SQL injection: every SQL-injection payload of test/fixtures/sqli-corpus.txt in every
 * query parameter (filters, sort, paging, search, locale) and every path parameter (slug, code, id,
 * locale) of every GET route the router lists, as the role that can open it, on both dialects.
 * Nothing may answer 5xx, no list may return more rows than the unfiltered list, a record route
 * fed a payload finds no record, and the database is byte-for-byte the same afterwards.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { closePdfRenderer } from "../../src/lib/pdf.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import type { TestClient } from "../support/test-client.ts";
import { DIALECTS, ownTables } from "../support/test-db.ts";

const PAYLOADS = readFileSync(new URL("../fixtures/sqli-corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "");

/**
 * Each payload as a URL component, fully encoded (the server reads the text as written) and, when
 * it holds %XX escapes, also with those left as they are (the server decodes them: %00 → NUL).
 */
function encodings(payload: string): string[] {
  const literal = encodeURIComponent(payload);
  const decoded = payload
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part) => (/^%[0-9A-Fa-f]{2}$/.test(part) ? part : encodeURIComponent(part)))
    .join("");
  return decoded === literal ? [literal] : [literal, decoded];
}
const VARIANTS = [...new Set(PAYLOADS.flatMap(encodings))];

/** Query parameters of the page routes (the API's come from its OpenAPI document). */
const PLOT_FILTERS = [
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
const PREMISES_FILTERS = ["district", "zone", "kind", "areaMin", "areaMax", "powerMin", "status", "priceMax", "sort", "page", "perPage"];
const MATCH_FIELDS = [
  "target",
  "sector",
  "areaMin",
  "areaMax",
  "areaHard",
  "areaWeight",
  "powerKw",
  "powerHard",
  "powerWeight",
  "gasM3h",
  "waterM3d",
  "sewageM3d",
  "heatGcalh",
  "railKm",
  "airportKm",
  "borderKm",
  "cityKm",
  "railSiding",
  "cit",
  "zoneKinds",
  "districts",
  "budgetMax",
  "budgetCurrency",
  "budgetUnit",
  "readyBy",
];
const ESTIMATE_FIELDS = ["zone", "investmentKzt", "equipmentShare", "buildingShare", "annualProfitKzt", "areaHa", "years"];
const PAGE_QUERY: Record<string, string[]> = {
  "/:locale/plots": PLOT_FILTERS,
  "/:locale/map": PLOT_FILTERS,
  "/:locale/premises": PREMISES_FILTERS,
  "/:locale/zones": ["district", "kind", "page", "perPage"],
  "/:locale/match": MATCH_FIELDS,
  "/:locale/compare": ["plots", "q"],
  "/:locale/match/incentives": ESTIMATE_FIELDS,
  "/:locale/news": ["page", "tag"],
  "/:locale/search": ["q", "page"],
  "/:locale/partners": ["q"],
  "/:locale/login": ["next"],
  "/:locale/admin/news": ["status", "page"],
  "/:locale/admin/news/comments": ["status", "page"],
  "/:locale/admin/users": ["page"],
  "/:locale/admin/audit": ["page"],
  "/:locale/admin/import/template": ["kind", "format", "locale"],
};

/** Where every payload also goes into the locale segment (on all other routes, three of them). */
const LOCALE_ROUTES = new Set([
  "/:locale",
  "/:locale/plots",
  "/:locale/zones/:slug",
  "/:locale/news/:slug",
  "/:locale/partners",
  "/:locale/admin/users",
]);

/** Routes with nothing to inject into (files from memory, probes) and the PDF renderings (seconds each; their HTML twins are covered). */
const SKIP = /^\/static\/|^\/(healthz|readyz|robots\.txt)$|\.pdf$/;

/** What a GET may legitimately write: session activity and story views (the per-visitor rows and the counter). */
const WRITTEN_BY_READS = new Set(["sessions", "news_views", "kysely_migration", "kysely_migration_lock"]);
const COLUMNS_WRITTEN_BY_READS: Record<string, string[]> = { news_articles: ["views"] };

type Row = Record<string, unknown>;

/** Every row of every table (bar the above), hashed per table. */
async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = await ownTables(t.database);
  for (const table of tables) {
    if (WRITTEN_BY_READS.has(table)) continue;
    // biome-ignore lint/suspicious/noExplicitAny: introspected table names are not in the typed schema
    const rows = (await (t.database.db as any).selectFrom(table).selectAll().execute()) as Row[];
    for (const row of rows) for (const column of COLUMNS_WRITTEN_BY_READS[table] ?? []) delete row[column];
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    out[table] = `${rows.length}:${createHash("sha256").update(lines.join("\n")).digest("hex")}`;
  }
  return out;
}

/** How many records an answer lists, when it is a list. */
async function rowsOf(res: Response): Promise<number | null> {
  const type = res.headers.get("content-type") ?? "";
  if (/json/.test(type)) {
    const body = (await res.json()) as unknown;
    if (Array.isArray(body)) return body.length;
    if (body && typeof body === "object") {
      const o = body as { total?: unknown; items?: unknown; features?: unknown };
      if (typeof o.total === "number") return Math.max(o.total, Array.isArray(o.items) ? o.items.length : 0);
      if (Array.isArray(o.items)) return o.items.length;
      if (Array.isArray(o.features)) return o.features.length;
    }
    return null;
  }
  if (/text\/csv/.test(type)) return (await res.text()).split("\n").filter((l) => l.trim() !== "").length;
  await res.arrayBuffer();
  return null;
}

/** The rows of a 200 answer; other answers are read to the end and count as no list. */
async function rowsIfListed(res: Response): Promise<number | null> {
  if (res.status === 200) return rowsOf(res);
  await res.arrayBuffer();
  return null;
}

interface Probe {
  route: string;
  where: string;
  url: string;
  client: TestClient;
  /** A record route fed a payload as its key: it must find nothing. */
  record: boolean;
  /** The payload as the server reads it, for the report and the "numeric key" allowance. */
  payload: string;
  /** The query parameters it filled: when the route refuses the whole query, each is tried alone. */
  query: string[];
}

for (const dialect of DIALECTS) {
  describe(`SQL injection on every GET route [${dialect}]`, () => {
    let t: TestApp;
    let anonymous: TestClient;
    let admin: TestClient;
    let routes: string[];
    let apiQuery: Map<string, string[]>;
    const samples: Record<string, string> = {};

    before(async () => {
      t = await createTestApp(dialect);
      anonymous = t.client();
      await anonymous.get("/en/login");
      admin = (await t.signIn("admin")).client;
      routes = [...new Set(t.app.routes.filter((r) => r.method === "GET").map((r) => r.path))].filter((p) => !SKIP.test(p)).sort();
      const openapi = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
        paths: Record<string, { get?: { parameters?: { in: string; name: string }[] } }>;
      };
      apiQuery = new Map(
        Object.entries(openapi.paths).map(([path, ops]) => [
          path.replace(/\{(\w+)\}/g, ":$1"),
          (ops.get?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        ]),
      );
      const db = t.database.db;
      const first = async (
        table: "organisations" | "people" | "territory_ties" | "agreements" | "delegations" | "projects" | "indicators",
      ) => String((await db.selectFrom(table).select("id").orderBy("id").executeTakeFirstOrThrow()).id);
      samples.premises = (await db.selectFrom("premises").select("code").orderBy("code").executeTakeFirstOrThrow()).code;
      samples.news = (
        await db.selectFrom("news_articles").select("slug").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow()
      ).slug;
      samples.user = String((await db.selectFrom("users").select("id").orderBy("id").executeTakeFirstOrThrow()).id);
      for (const table of ["organisations", "people", "agreements", "delegations", "projects", "indicators"] as const)
        samples[table] = await first(table);
      samples.ties = await first("territory_ties");
    });
    after(async () => {
      await closePdfRenderer();
      await t.close();
    });

    const isStaffRoute = (path: string) => /^\/:locale\/admin|^\/api\/v1\/(users|sites\/stale|news\/comments)$/.test(path);

    /** A real record behind each path parameter, so only the parameter under test is a payload. */
    function sample(path: string, param: string): string {
      if (param === "locale") return "en";
      if (param === "name") return "none";
      if (param === "slug" || param === "key") {
        if (path.includes("/zones/")) return "turan-sez";
        if (path.includes("/news/")) return samples.news ?? "";
        if (param === "key") return "TRN-IND-P01";
        return "wenzhou";
      }
      if (param === "code") return path.includes("/premises/") ? (samples.premises ?? "") : "TRN-IND-P01";
      if (param === "id") {
        for (const [segment, table] of [
          ["organisations", "organisations"],
          ["people", "people"],
          ["ties", "ties"],
          ["agreements", "agreements"],
          ["delegations", "delegations"],
          ["projects", "projects"],
          ["indicators", "indicators"],
          ["users", "user"],
        ] as const)
          if (path.includes(`/${segment}/`)) return samples[table] ?? "1";
        return "1";
      }
      return "x";
    }
    const fill = (path: string, values: Record<string, string> = {}) =>
      path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? encodeURIComponent(sample(path, name)));

    /**
     * The probes: each payload in each path parameter, and in all the route's query parameters at
     * once (filters drop what they cannot read one by one, so none masks another). The locale
     * segment is read by one middleware for every page: all payloads on a few routes, a few on each.
     */
    function probes(): Probe[] {
      const out: Probe[] = [];
      for (const route of routes) {
        const client = isStaffRoute(route) ? admin : anonymous;
        const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1] ?? "");
        const query = queryOf(route);
        const variants = (param: string) => (param === "locale" && !LOCALE_ROUTES.has(route) ? VARIANTS.slice(0, 3) : VARIANTS);
        for (const param of params)
          for (const variant of variants(param))
            out.push({
              route,
              where: `:${param}`,
              url: fill(route, { [param]: variant }),
              client,
              record: param !== "locale",
              payload: decodeURIComponent(variant),
              query: [],
            });
        const base = fill(route);
        if (query.length === 0) continue;
        for (const variant of VARIANTS) {
          const all = [...query, "locale"].map((name) => `${name}=${variant}`).join("&");
          out.push({
            route,
            where: "?(every parameter)",
            url: `${base}?${all}`,
            client,
            record: false,
            payload: decodeURIComponent(variant),
            query,
          });
        }
      }
      return out;
    }
    const queryOf = (route: string) => [...new Set([...(apiQuery.get(route) ?? []), ...(PAGE_QUERY[route] ?? [])])];

    it("reads the corpus: at least 60 payloads, each line once", () => {
      assert.ok(PAYLOADS.length >= 60, `${PAYLOADS.length} payloads`);
      assert.equal(new Set(PAYLOADS).size, PAYLOADS.length, "duplicate lines in sqli-corpus.txt");
    });

    it("answers every payload in every parameter of every GET route without a server error, an extra row or a found record, and changes nothing", async (ctx) => {
      const diagnostic = (message: string) => ctx.diagnostic(message);
      const before = await fingerprint(t);
      // How many rows each list holds unfiltered. A search lists nothing without words: its ceiling is its index.
      const limits = new Map<string, number | null>();
      for (const route of routes) {
        const res = await (isStaffRoute(route) ? admin : anonymous).get(fill(route));
        assert.ok(res.status < 500, `GET ${fill(route)} without payloads answered ${res.status}`);
        limits.set(route, await rowsIfListed(res));
      }
      const count = async (table: "search_documents" | "name_aliases" | "territories" | "organisations" | "people") =>
        Number(
          (
            await t.database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      limits.set("/api/v1/search", await count("search_documents"));
      limits.set(
        "/api/v1/registry/search",
        (await count("name_aliases")) + (await count("territories")) + (await count("organisations")) + (await count("people")),
      );

      const all = probes();
      const failures: string[] = [];
      let sent = 0;
      let alone = 0;
      /** One request: no 5xx, no record found by a payload key, no more rows than the unfiltered list. */
      const check = async (p: Probe, url: string, where: string): Promise<{ status: number; refused: string[] }> => {
        const res = await p.client.get(url);
        sent++;
        const what = `GET ${p.route} ${where} = ${JSON.stringify(p.payload)}`;
        if (res.status >= 500) {
          const body = await res.text();
          failures.push(`${what} → ${res.status} ${body.slice(0, 200).replace(/\s+/g, " ")}`);
          return { status: res.status, refused: [] };
        }
        if (res.status === 400 || res.status === 422) {
          const body = (await res.json().catch(() => null)) as { error?: { details?: Record<string, unknown> } } | null;
          return { status: res.status, refused: Object.keys(body?.error?.details ?? {}) };
        }
        // A key that reads as a number ("0x41"; "1e309" is not one) may legitimately name a record; nothing else may.
        if (p.record && res.status === 200 && !Number.isFinite(Number(p.payload))) {
          failures.push(`${what} → 200: a payload as the key found a record`);
          await res.arrayBuffer();
          return { status: res.status, refused: [] };
        }
        const limit = limits.get(p.route);
        const rows = await rowsIfListed(res);
        if (rows !== null && limit !== null && limit !== undefined && rows > limit)
          failures.push(`${what} → ${rows} rows, more than the ${limit} the list holds without filters`);
        return { status: res.status, refused: [] };
      };
      // A few requests in flight at a time (PostgreSQL serves them in parallel; SQLite in turn).
      const BATCH = 8;
      for (let i = 0; i < all.length; i += BATCH) {
        t.logs.length = 0; // one line per request: not needed here, and tens of thousands of them
        await Promise.all(
          all.slice(i, i + BATCH).map(async (p) => {
            const first = await check(p, p.url, p.where);
            // The route refused the query as a whole, so no payload reached a statement: leave out the
            // parameters it named (an API error lists them) until it reads the rest, else try each alone.
            if ((first.status === 400 || first.status === 422) && p.query.length > 0) {
              const variant = p.url.slice(p.url.lastIndexOf("=") + 1);
              const path = p.url.slice(0, p.url.indexOf("?"));
              let left = [...p.query, "locale"];
              let refused = first.refused;
              for (let round = 0; round < 4 && refused.length > 0; round++) {
                left = left.filter((n) => !refused.includes(n));
                if (left.length === 0) break;
                const next = await check(
                  p,
                  `${path}?${left.map((n) => `${n}=${variant}`).join("&")}`,
                  `?(all but ${p.query.filter((n) => !left.includes(n)).join(", ")})`,
                );
                if (next.status !== 400 && next.status !== 422) left = [];
                refused = next.refused;
              }
              for (const name of left) {
                alone++;
                await check(p, `${path}?${name}=${variant}`, `?${name}`);
              }
            }
          }),
        );
      }
      diagnostic(
        `${sent} requests (${alone} of them one parameter alone after a refused query), ${routes.length} routes, ${VARIANTS.length} payload encodings`,
      );
      const afterwards = await fingerprint(t);
      for (const table of Object.keys(before))
        if (afterwards[table] !== before[table]) failures.push(`the table ${table} changed while only GET requests were sent`);
      assert.ok(sent > 3_000, `only ${sent} requests were sent`);
      assert.deepEqual(failures, [], `${failures.length} of ${sent} requests failed:\n${failures.slice(0, 40).join("\n")}`);
    });

    it("accepts no payload as an e-mail at sign-in: no session, no server error, nothing written but the failed attempts", async () => {
      const users = await fingerprint(t).then((f) => f.users);
      for (const payload of PAYLOADS) {
        const client = t.client();
        const res = await client.form("/en/login", { email: payload, password: payload.padEnd(12, "x") });
        assert.ok(res.status < 500, `sign-in with ${JSON.stringify(payload)} answered ${res.status}`);
        assert.notEqual(res.status, 303, `sign-in with ${JSON.stringify(payload)} succeeded`);
        const session = (await (await client.get("/api/v1/session")).json()) as { authenticated: boolean };
        assert.equal(session.authenticated, false, `sign-in with ${JSON.stringify(payload)} opened a session`);
      }
      assert.equal((await fingerprint(t)).users, users, "the users table changed");
    });

    it("treats payloads in the Accept-Language header and the locale cookie as unknown languages", async () => {
      for (const payload of PAYLOADS) {
        // Header values must be ByteStrings: non-Latin-1 payloads go in percent-encoded.
        const value = /^[\u0020-\u007e]*$/.test(payload) ? payload : encodeURIComponent(payload);
        const variants: Record<string, string>[] = [
          { "accept-language": value },
          { cookie: `jibek_locale=${encodeURIComponent(payload)}` },
        ];
        for (const headers of variants) {
          const res = await t.app.request("/", { headers });
          assert.ok(res.status < 500, `GET / with ${JSON.stringify(headers)} answered ${res.status}`);
          const list = await t.app.request("/en/plots", { headers });
          assert.ok(list.status < 500, `GET /en/plots with ${JSON.stringify(headers)} answered ${list.status}`);
          await Promise.all([res.arrayBuffer(), list.arrayBuffer()]);
        }
      }
    });
  });
}
