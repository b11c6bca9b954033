import type { LoadResult } from "./load.ts";
import { MAP_PAGE, type PageWeight, type StatementCount } from "./pages.ts";
import type { SeedTiming } from "./prepare.ts";

/** What one run measured, and its rendering as Markdown against the QUALITY.md bars. */

export interface P1Row {
  page: string;
  connections: number;
  appStatus: number;
  bytes: number;
  /** Median time of one request with nothing else running (after warm-up), ms. */
  serviceMs: number;
  /** The very first request for the page after start: cold code, nothing cached, ms. */
  firstMs: number;
  app: LoadResult[];
  limit: LoadResult[];
}

export interface BenchResults {
  date: string;
  command: string;
  machine: Record<string, string>;
  settings: { quick: boolean; seconds: number; reps: number; tool: string | null; pinned: boolean };
  seed: SeedTiming[];
  p1: P1Row[] | null;
  p3: { idleRssMiB: number; rssMiB: number; peakMiB: number } | null;
  p5: StatementCount[] | null;
  p6: PageWeight[] | null;
  notes: string[];
}

export const BARS = {
  p1: 0.5,
  p3MiB: 250,
  p5: 10,
  p6KiB: 60,
  p6MapKiB: 250,
} as const;

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const n0 = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const n1 = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const n2 = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const kib = (bytes: number) => n1.format(bytes / 1024);
const verdict = (ok: boolean) => (ok ? "pass" : "**FAIL**");

export function p1Summary(row: P1Row) {
  const app = med(row.app.map((r) => r.rps));
  const limit = med(row.limit.map((r) => r.rps));
  return {
    app,
    limit,
    ratio: limit > 0 ? app / limit : 0,
    appP99: med(row.app.map((r) => r.latencyMs.p99)),
    limitP99: med(row.limit.map((r) => r.latencyMs.p99)),
    errors: row.app.reduce((s, r) => s + r.errors, 0),
  };
}

/** Budget of P6: HTML, CSS and scripts; the map page also counts the data its script loads on first view. */
export function p6Budget(w: PageWeight): { bytes: number; limitKiB: number } {
  const map = MAP_PAGE.test(w.page);
  return { bytes: w.gzip.html + w.gzip.css + w.gzip.js + (map ? w.gzip.data : 0), limitKiB: map ? BARS.p6MapKiB : BARS.p6KiB };
}

export function renderReport(r: BenchResults): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(`# Benchmark run ${r.date}`, "", `Command: \`${r.command}\``, "");
  push("| machine | |", "|---|---|", ...Object.entries(r.machine).map(([k, v]) => `| ${k} | ${v} |`), "");
  push(
    `Settings: ${r.settings.quick ? "**quick smoke run** (not for the record), " : ""}load ${r.settings.tool ?? "-"}, ${r.settings.reps} × ${r.settings.seconds} s per measurement, medians; ${r.settings.pinned ? "server on core 0, load generator on core 1 (taskset)" : "not pinned (no taskset)"}.`,
    "",
  );

  if (r.seed.length > 0) {
    push(
      "## jibek synthetic",
      "",
      "| database | zones | plots | premises | inserts: zones / plots / premises / total | wall time (spawn → exit) |",
      "|---|---|---|---|---|---|",
    );
    for (const s of r.seed) {
      const p = s.phases;
      push(
        `| ${s.dialect} | ${n0.format(s.spec.zones)} | ${n0.format(s.spec.plots)} | ${n0.format(s.spec.premises)} | ${n2.format(p.zones ?? 0)} / ${n2.format(p.plots ?? 0)} / ${n2.format(p.premises ?? 0)} / ${n2.format(p.total ?? 0)} s | ${n2.format(s.wallSeconds)} s |`,
      );
    }
    push("");
  }

  if (r.p1) {
    push(
      `## P1 throughput: app ÷ limit server (bar ≥ ${BARS.p1 * 100} %)`,
      "",
      "| page | conns | app status | bytes | first request, ms | one request alone, ms | app req/s | limit req/s | ratio | app p99 ms | limit p99 ms | app errors | P1 |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const row of r.p1) {
      const s = p1Summary(row);
      push(
        `| \`${row.page}\` | ${row.connections} | ${row.appStatus} | ${n0.format(row.bytes)} | ${n1.format(row.firstMs)} | ${n1.format(row.serviceMs)} | ${s.app < 10 ? n1.format(s.app) : n0.format(s.app)} | ${n0.format(s.limit)} | ${s.ratio < 0.01 ? n2.format(s.ratio * 100) : n1.format(s.ratio * 100)} % | ${n1.format(s.appP99)} | ${n1.format(s.limitP99)} | ${s.errors} | ${row.appStatus === 200 ? verdict(s.ratio >= BARS.p1) : "n/a (not 200)"} |`,
      );
    }
    push("");
  }

  if (r.p3) {
    push(
      `## P3 resident memory (bar ≤ ${BARS.p3MiB} MB)`,
      "",
      "| when | RSS MiB | P3 |",
      "|---|---|---|",
      `| after start, before load | ${n1.format(r.p3.idleRssMiB)} | |`,
      `| after the P1 runs (VmRSS) | ${n1.format(r.p3.rssMiB)} | ${verdict(r.p3.rssMiB <= BARS.p3MiB)} |`,
      `| peak since start, start-up included (VmHWM; the bar is read after the runs) | ${n1.format(r.p3.peakMiB)} | |`,
      "",
    );
  }

  if (r.p5) {
    push(
      `## P5 SQL statements per page (bar ≤ ${BARS.p5})`,
      "",
      "| database | page | status | first request | again | P5 |",
      "|---|---|---|---|---|---|",
    );
    for (const c of r.p5)
      push(
        `| ${c.dialect} | \`${c.page}\` | ${c.status} | ${c.cold} | ${c.warm} | ${c.status === 200 ? verdict(c.cold <= BARS.p5) : "n/a (not 200)"} |`,
      );
    push("");
  }

  if (r.p6) {
    push(
      `## P6 page weight, gzip level 6, KiB (bar ≤ ${BARS.p6KiB}; map ≤ ${BARS.p6MapKiB} with the data it loads on first view)`,
      "",
      "| page | status | HTML raw | HTML | CSS | JS | map data | icon etc. | budgeted | foreign hosts | P6 |",
      "|---|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const w of r.p6) {
      const b = p6Budget(w);
      const ok = b.bytes <= b.limitKiB * 1024 && w.foreignHosts.length === 0;
      push(
        `| \`${w.page}\` | ${w.status} | ${kib(w.htmlBytes)} | ${kib(w.gzip.html)} | ${kib(w.gzip.css)} | ${kib(w.gzip.js)} | ${kib(w.gzip.data)} | ${kib(w.gzip.other)} | ${kib(b.bytes)} / ${b.limitKiB} | ${w.foreignHosts.join(", ") || "none"} | ${w.status === 200 ? verdict(ok) : "n/a (not 200)"} |`,
      );
    }
    push("", "Assets seen:", "");
    const seen = new Map<string, { bytes: number; gzip: number; status: number }>();
    for (const w of r.p6) for (const a of w.assets) seen.set(a.url.replace(/\?v=.*/, ""), a);
    for (const [url, a] of seen) push(`- \`${url}\` (${a.status}): ${kib(a.bytes)} KiB raw, ${kib(a.gzip)} KiB gzip`);
    push("");
  }

  if (r.notes.length > 0) push("## Notes", "", ...r.notes.map((n) => `- ${n}`), "");
  return lines.join("\n");
}
