import type { I18n } from "../../i18n/i18n.ts";
import type { CooperationService } from "./cooperation.service.ts";
import {
  AGREEMENT_KIND_LABEL,
  AGREEMENT_STATUS_LABEL,
  BASIS_LABEL,
  ORG_KIND_LABEL,
  STAGE_LABEL,
  TIE_KIND_LABEL,
} from "./cooperation.views.tsx";

type Registry = Awaited<ReturnType<CooperationService["exportRegistry"]>>;
type Cell = string | number | null;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (QUALITY S7). */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const names = (n: { kk: string; ru: string; zh: string | null; en: string }) => [n.kk, n.ru, n.zh ?? "", n.en];

/** The whole registry as a workbook, one sheet per record type, headers in the reader's language. */
export async function registryWorkbook(registry: Registry, i18n: I18n): Promise<Buffer> {
  const t = i18n.t;
  // Loaded on first use: the library costs ~14 MB of memory that most processes never need (QUALITY P3).
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Jibek";
  book.created = new Date();
  const nameHeaders = (label: string) => ["kk", "ru", "zh", "en"].map((l) => `${label} (${l})`);
  const sheet = (title: string, headers: string[], rows: Cell[][]) => {
    const ws = book.addWorksheet(title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row.map((c) => (typeof c === "string" ? escapeFormula(c) : c)));
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.columns.forEach((col) => {
      col.width = 22;
    });
  };
  const common = [t("coop.col_confidence"), t("coop.sources"), t("coop.f.note")];
  const sourcing = (r: { confidence: string; sources: string[]; note: string | null }): Cell[] => [
    r.confidence,
    r.sources.join("\n"),
    r.note,
  ];

  sheet(
    t("coop.sheet_organisations"),
    [
      "id",
      t("coop.f.kind"),
      ...nameHeaders(t("coop.f.name")),
      t("coop.f.name_original"),
      t("coop.f.territory"),
      t("coop.f.country"),
      t("coop.f.sectors"),
      t("coop.f.website"),
      t("coop.f.aliases"),
      ...common,
    ],
    registry.organisations.map((o) => [
      o.id,
      t(ORG_KIND_LABEL[o.kind]),
      ...names(o.name),
      o.nameOriginal,
      o.territory?.slug ?? null,
      o.country,
      o.sectors.join(", "),
      o.website,
      o.aliases
        .filter((a) => a.kind !== "name")
        .map((a) => a.alias)
        .join("; "),
      ...sourcing(o),
    ]),
  );
  sheet(
    t("coop.sheet_people"),
    ["id", ...nameHeaders(t("coop.f.name")), t("coop.f.name_original"), t("coop.f.positions"), t("coop.f.aliases"), ...common],
    registry.people.map((p) => [
      p.id,
      ...names(p.name),
      p.nameOriginal,
      p.positions
        .map((x) => `${x.title.en}${x.organisation ? ` (${x.organisation.name.en})` : ""}${x.since ? ` ${x.since}–${x.until ?? ""}` : ""}`)
        .join("; "),
      p.aliases
        .filter((a) => a.kind !== "name")
        .map((a) => `${a.alias}${a.kind === "misspelling" ? " (!)" : ""}`)
        .join("; "),
      ...sourcing(p),
    ]),
  );
  sheet(
    t("coop.sheet_ties"),
    [
      "id",
      t("coop.f.territory"),
      t("coop.f.partner"),
      t("coop.f.kind"),
      t("coop.f.since"),
      t("coop.f.document_title"),
      t("coop.f.document_url"),
      t("coop.f.agreement"),
      ...common,
    ],
    registry.ties.map((x) => [
      x.id,
      x.territory.slug,
      x.partner.slug,
      t(TIE_KIND_LABEL[x.kind]),
      x.since,
      x.document?.title ?? null,
      x.document?.url ?? null,
      x.agreementId,
      ...sourcing(x),
    ]),
  );
  sheet(
    t("coop.sheet_agreements"),
    [
      "id",
      t("coop.f.kind"),
      ...nameHeaders(t("coop.f.title")),
      t("coop.signed_on"),
      t("coop.place"),
      t("coop.status"),
      t("coop.parties"),
      t("coop.projects_covered"),
      t("coop.documents"),
      ...common,
    ],
    registry.agreements.map((a) => [
      a.id,
      t(AGREEMENT_KIND_LABEL[a.kind]),
      ...names(a.title),
      a.signedOn,
      a.place?.slug ?? a.placeNote,
      t(AGREEMENT_STATUS_LABEL[a.status]),
      a.parties.map((p) => `${p.organisation.name.en}${p.signatory ? ` (${p.signatory.name.en})` : ""}`).join("; "),
      a.projects.map((p) => p.id).join(", "),
      a.documents.map((d) => d.url).join("\n"),
      ...sourcing(a),
    ]),
  );
  sheet(
    t("coop.sheet_delegations"),
    [
      "id",
      ...nameHeaders(t("coop.f.title")),
      t("coop.f.from"),
      t("coop.f.to"),
      t("coop.f.starts_on"),
      t("coop.f.ends_on"),
      t("coop.head"),
      t("coop.meetings"),
      t("coop.visits"),
      ...common,
    ],
    registry.delegations.map((d) => [
      d.id,
      ...names(d.title),
      d.from.slug,
      d.to.slug,
      d.startsOn,
      d.endsOn,
      d.head?.name.en ?? d.headNote,
      d.meetings.map((m) => `${m.on ?? ""} ${m.person?.name.en ?? ""} ${m.organisation?.name.en ?? ""}`.trim()).join("; "),
      d.visits.map((v) => v.organisation?.name.en ?? v.description?.en ?? "").join("; "),
      ...sourcing(d),
    ]),
  );
  sheet(
    t("coop.sheet_follow_ups"),
    ["id", t("coop.delegation"), t("coop.f.description"), t("coop.f.owner"), t("coop.f.due_on"), t("coop.f.done"), t("coop.f.done_on")],
    registry.delegations.flatMap((d) =>
      d.followUps.map((f) => [
        f.id,
        d.id,
        f.description,
        f.owner.person?.name.en ?? f.owner.organisation?.name.en ?? f.owner.note,
        f.dueOn,
        f.done ? 1 : 0,
        f.doneOn,
      ]),
    ),
  );
  sheet(
    t("coop.sheet_projects"),
    [
      "id",
      ...nameHeaders(t("coop.f.title")),
      t("coop.stage"),
      t("coop.f.stage_on"),
      t("coop.investor"),
      t("coop.investor_country"),
      t("coop.sector"),
      t("coop.location"),
      t("coop.site"),
      t("coop.f.capital_amount"),
      t("coop.f.capital_currency"),
      "KZT",
      "USD",
      t("coop.f.fx_kzt_per_usd"),
      t("coop.f.fx_on"),
      t("coop.f.jobs_planned"),
      t("coop.f.jobs_created"),
      t("coop.agreements_behind"),
      ...common,
    ],
    registry.projects.map((p) => [
      p.id,
      ...names(p.title),
      t(STAGE_LABEL[p.stage]),
      p.stageOn,
      p.investor?.name.en ?? null,
      p.investorCountry,
      p.sector,
      p.territory?.slug ?? null,
      p.site ? (p.site.ref ?? p.site.text) : null,
      p.capital?.amount ?? null,
      p.capital?.currency ?? null,
      p.capital?.kzt ?? null,
      p.capital?.usd ?? null,
      p.capital?.kztPerUsd ?? null,
      p.capital?.rateOn ?? null,
      p.jobsPlanned,
      p.jobsCreated,
      p.agreements.map((a) => a.id).join(", "),
      ...sourcing(p),
    ]),
  );
  sheet(
    t("coop.sheet_stage_history"),
    [t("coop.project"), t("coop.when"), t("coop.change"), t("coop.reason"), t("coop.recorded")],
    registry.projects.flatMap((p) => p.history.map((h) => [p.id, h.on, `${h.from ?? ""} → ${h.to}`, h.reason, h.recordedAt])),
  );
  sheet(
    t("coop.sheet_indicators"),
    [
      "id",
      t("coop.f.code"),
      ...nameHeaders(t("coop.f.name")),
      t("coop.col_period"),
      t("coop.col_value"),
      t("coop.f.unit"),
      t("coop.col_basis"),
      t("coop.f.basis_note"),
      t("coop.f.territories"),
      ...common,
    ],
    registry.indicators.map((r) => [
      r.id,
      r.code,
      ...names(r.name),
      r.period,
      r.value,
      r.unit,
      t(BASIS_LABEL[r.basis]),
      r.basisNote,
      r.territories.map((x) => x.slug).join(", "),
      ...sourcing(r),
    ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
