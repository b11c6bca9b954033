import type { z } from "zod";
import type { Db, Executor } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";
import { fieldErrors } from "../../lib/forms.ts";
import { DAY, toDate } from "../../lib/time.ts";
import { type Actor, can } from "../accounts/accounts.policy.ts";
import * as repo from "./sites.repository.ts";
import {
  type Incentive,
  PLOT_STATUSES,
  type Plot,
  type PlotData,
  type PlotFilters,
  PlotInput,
  PREMISES_STATUSES,
  type Premises,
  type PremisesData,
  type PremisesFilters,
  PremisesInput,
  plotCrossChecks,
  StatusChange,
  type StatusHistoryEntry,
  type UtilityDetails,
  ZONE_STATUSES,
  type Zone,
  type ZoneFilters,
} from "./sites.schemas.ts";

export interface SitesOptions {
  /** Records not verified within this many days are flagged stale (default 180). */
  staleDays: number;
}

export type SiteEntity = repo.SiteEntity;

const names = (kk: string, ru: string, zh: string | null, en: string) => ({ kk, kkLatn: toKazakhLatin(kk), ru, zh, en });
const bool = (v: number | null) => (v === null ? null : v === 1);
const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};
/** A plot's price, when amount, currency and terms are all there. */
const priceOf = (r: Pick<repo.PlotRow, "price_amount" | "price_currency" | "price_unit">): Plot["price"] =>
  r.price_amount !== null && r.price_currency && r.price_unit
    ? { amount: r.price_amount, currency: r.price_currency as "KZT", unit: r.price_unit as "sale_per_ha" }
    : null;
const isoOrNull = (v: string | Date | null) => (v ? toDate(v).toISOString() : null);

/** A row of a write the importer or a form rejected: which field and which message key. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export class SitesService {
  constructor(
    private readonly db: Db,
    private readonly options: SitesOptions,
  ) {}

  private verification(at: string | Date | null, by: string | null, now = Date.now()) {
    const time = at ? toDate(at).getTime() : null;
    return { at: isoOrNull(at), by, stale: time === null || now - time > this.options.staleDays * DAY };
  }

  private presentPlot = (r: repo.PlotRow): Plot => ({
    code: r.code,
    zone: r.zone_slug
      ? { slug: r.zone_slug, name: names(r.zone_name_kk ?? "", r.zone_name_ru ?? "", r.zone_name_zh, r.zone_name_en ?? "") }
      : null,
    territory: { slug: r.territory_slug, name: names(r.territory_name_kk, r.territory_name_ru, r.territory_name_zh, r.territory_name_en) },
    cadastralNumber: r.cadastral_number,
    areaHa: r.area_ha,
    landCategory: r.land_category,
    permittedUse: r.permitted_use,
    status: r.status as Plot["status"],
    reservedUntil: r.reserved_until,
    reservedFor: r.reserved_for,
    price: priceOf(r),
    location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
    geometry: parseJson(r.geometry, null),
    infrastructure: {
      powerKw: r.power_kw,
      powerKv: r.power_kv,
      gasM3h: r.gas_m3h,
      waterM3d: r.water_m3d,
      sewageM3d: r.sewage_m3d,
      heatGcalh: r.heat_gcalh,
      railSiding: bool(r.rail_siding),
      roadAccess: bool(r.road_access),
      details: parseJson<UtilityDetails>(r.utilities, {}),
    },
    distances: { railKm: r.dist_rail_km, airportKm: r.dist_airport_km, borderKm: r.dist_border_km, centreKm: r.dist_centre_km },
    notes: r.notes,
    illustrative: r.is_illustrative === 1,
    verification: this.verification(r.verified_at, r.verified_by),
  });

  private presentPremises = (r: repo.PremisesRow): Premises => ({
    code: r.code,
    zone: r.zone_slug
      ? { slug: r.zone_slug, name: names(r.zone_name_kk ?? "", r.zone_name_ru ?? "", r.zone_name_zh, r.zone_name_en ?? "") }
      : null,
    plotCode: r.plot_code,
    territory: { slug: r.territory_slug, name: names(r.territory_name_kk, r.territory_name_ru, r.territory_name_zh, r.territory_name_en) },
    kind: r.kind as Premises["kind"],
    floorAreaM2: r.floor_area_m2,
    ceilingM: r.ceiling_m,
    floorLoadTM2: r.floor_load_t_m2,
    craneT: r.crane_t,
    powerKw: r.power_kw,
    status: r.status as Premises["status"],
    priceKztM2Month: r.price_kzt_m2_month,
    location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
    notes: r.notes,
    illustrative: r.is_illustrative === 1,
    verification: this.verification(r.verified_at, r.verified_by),
  });

  private presentZone(r: repo.ZoneRow, counts: { total: number; free: number } | undefined): Zone {
    const regime = r.regime_kk && r.regime_ru && r.regime_en ? names(r.regime_kk, r.regime_ru, r.regime_zh, r.regime_en) : null;
    return {
      slug: r.slug,
      kind: r.kind as Zone["kind"],
      parent: r.parent_slug
        ? { slug: r.parent_slug, name: names(r.parent_name_kk ?? "", r.parent_name_ru ?? "", r.parent_name_zh, r.parent_name_en ?? "") }
        : null,
      territory: {
        slug: r.territory_slug,
        name: names(r.territory_name_kk, r.territory_name_ru, r.territory_name_zh, r.territory_name_en),
      },
      name: names(r.name_kk, r.name_ru, r.name_zh, r.name_en),
      status: r.status as Zone["status"],
      operator: r.operator_name,
      totalAreaHa: r.total_area_ha,
      freeAreaHa: r.free_area_ha,
      centre: r.centre_lat !== null && r.centre_lon !== null ? { lat: r.centre_lat, lon: r.centre_lon } : null,
      geometry: parseJson(r.geometry, null),
      regime,
      incentives: parseJson(r.incentives, []),
      customsRegime: r.customs_regime,
      landTerms: r.land_terms,
      sectors: parseJson(r.sectors, []),
      contacts: { phone: r.contact_phone, email: r.contact_email, website: r.website },
      facts: parseJson(r.facts, []),
      confidence: r.confidence,
      illustrative: r.is_illustrative === 1,
      verification: this.verification(r.verified_at, r.verified_by),
      plots: counts ?? { total: 0, free: 0 },
    };
  }

  // Reading

  async listZones(filters: Partial<ZoneFilters> = {}): Promise<Zone[]> {
    const rows = await repo.listZoneRows(this.db, filters);
    const counts = await repo.plotCountsByZone(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => this.presentZone(r, counts.get(r.id)));
  }

  /**
   * Zones as choices for a form or filter: slug and names, without counting their plots. With a
   * `limit`, at most that many (a filter asks for one more than it shows, to know it was cut).
   */
  async zoneChoices(filters: { district?: string; slug?: string; limit?: number } = {}): Promise<ZoneChoice[]> {
    const rows = await repo.listZoneChoiceRows(this.db, filters, filters.limit ?? 100_000);
    return rows.map((r) => ({ slug: r.slug, name: names(r.name_kk, r.name_ru, r.name_zh, r.name_en) }));
  }

  /** A page of top-level zones with their subzones and plot counts: the portal's zone list. */
  async listZonePage(
    filters: ZoneFilters,
  ): Promise<{ items: (Zone & { subzones: Zone[] })[]; total: number; page: number; pages: number }> {
    const { rows, total } = await repo.listTopZoneRows(this.db, filters);
    const children = await repo.listChildZoneRowsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const counts = await repo.plotCountsByZone(
      this.db,
      [...rows, ...children].map((r) => r.id),
    );
    const items = rows.map((r) => ({
      ...this.presentZone(r, counts.get(r.id)),
      subzones: children.filter((c) => c.parent_zone_id === r.id).map((c) => this.presentZone(c, counts.get(c.id))),
    }));
    return { items, total, page: filters.page, pages: Math.max(1, Math.ceil(total / filters.perPage)) };
  }

  /** The home page's catalogue figures and one featured zone, without listing every zone. */
  async summary(featuredSlug: string): Promise<{ zones: number; freePlotsInZones: number; featured: Zone | null }> {
    const counts = await repo.catalogueCounts(this.db);
    const row = await repo.findZoneRow(this.db, featuredSlug);
    return { ...counts, featured: row ? this.presentZone(row, undefined) : null };
  }

  async getZone(slug: string): Promise<{ zone: Zone; subzones: Zone[]; history: StatusHistoryEntry[] }> {
    const row = await repo.findZoneRow(this.db, slug);
    if (!row) throw new AppError("zone_not_found");
    const children = await repo.listChildZoneRows(this.db, row.id);
    const counts = await repo.plotCountsByZone(this.db, [row.id, ...children.map((c) => c.id)]);
    return {
      zone: this.presentZone(row, counts.get(row.id)),
      subzones: children.map((c) => this.presentZone(c, counts.get(c.id))),
      history: await this.history("zone", row.id),
    };
  }

  async listPlots(filters: PlotFilters): Promise<{ items: Plot[]; total: number; page: number; pages: number }> {
    const { rows, total } = await repo.listPlotRows(this.db, filters);
    return { items: rows.map(this.presentPlot), total, page: filters.page, pages: Math.max(1, Math.ceil(total / filters.perPage)) };
  }

  async *exportPlots(filters: Partial<PlotFilters>): AsyncGenerator<Plot[]> {
    for await (const rows of repo.allPlotRows(this.db, filters)) yield rows.map(this.presentPlot);
  }

  async *exportPremises(filters: Partial<PremisesFilters>): AsyncGenerator<Premises[]> {
    for await (const rows of repo.allPremisesRows(this.db, filters)) yield rows.map(this.presentPremises);
  }

  async getPlot(code: string): Promise<{ plot: Plot; history: StatusHistoryEntry[]; files: SiteFile[] }> {
    const row = await repo.findPlotRow(this.db, code);
    if (!row) throw new AppError("plot_not_found");
    return { plot: this.presentPlot(row), history: await this.history("plot", row.id), files: await this.files("plot", row.id) };
  }

  async listPremises(filters: PremisesFilters): Promise<{ items: Premises[]; total: number; page: number; pages: number }> {
    const { rows, total } = await repo.listPremisesRows(this.db, filters);
    return { items: rows.map(this.presentPremises), total, page: filters.page, pages: Math.max(1, Math.ceil(total / filters.perPage)) };
  }

  async getPremises(code: string): Promise<{ premises: Premises; history: StatusHistoryEntry[]; files: SiteFile[] }> {
    const row = await repo.findPremisesRow(this.db, code);
    if (!row) throw new AppError("premises_not_found");
    return {
      premises: this.presentPremises(row),
      history: await this.history("premises", row.id),
      files: await this.files("premises", row.id),
    };
  }

  /** Plots inside a map viewport as GeoJSON points, at most `limit` of them. */
  async plotsInBox(
    box: { south: number; west: number; north: number; east: number },
    filters: Partial<PlotFilters>,
    limit = 5000,
  ): Promise<Plot[]> {
    return (await repo.plotPointsInBox(this.db, box, filters, limit)).map(this.presentPlot);
  }

  private async history(entity: SiteEntity, id: number): Promise<StatusHistoryEntry[]> {
    return (await repo.listStatusHistory(this.db, entity, id)).map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      by: h.actor,
      at: toDate(h.at).toISOString(),
    }));
  }

  private async files(entity: SiteEntity, id: number): Promise<SiteFile[]> {
    return (await repo.listSiteFiles(this.db, entity, id)).map((f) => ({
      kind: f.kind as SiteFile["kind"],
      title: f.title,
      storedName: f.stored_name,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      sha256: f.sha256,
    }));
  }

  /** Records whose verification is older than the configured age, for staff. */
  async stale(actor: Actor, limit = 100) {
    this.authorize(actor);
    const result = await repo.listStale(this.db, new Date(Date.now() - this.options.staleDays * DAY), limit);
    const present = (rows: typeof result.plots) =>
      rows.map((r) => ({ key: r.key, verifiedAt: isoOrNull(r.verified_at), verifiedBy: r.verified_by }));
    return {
      zones: present(result.zones),
      plots: present(result.plots),
      premises: present(result.premises),
      totals: result.totals,
      staleDays: this.options.staleDays,
    };
  }

  // Writing

  private authorize(actor: Actor): void {
    if (!can(actor, "sites:edit")) throw new AppError("forbidden");
  }

  /** Resolves slugs to ids and checks references; errors name the field. */
  private async plotRow(refs: RefCache, data: PlotData, rowIndex: number, errors: RowError[]) {
    const territoryId = await refs.territory(data.territorySlug);
    if (!territoryId) errors.push({ row: rowIndex, field: "territorySlug", message: "sites.territory_unknown" });
    const zoneId = data.zoneSlug ? await refs.zone(data.zoneSlug) : null;
    if (data.zoneSlug && !zoneId) errors.push({ row: rowIndex, field: "zoneSlug", message: "sites.zone_unknown" });
    return {
      code: data.code,
      zone_id: zoneId ?? null,
      territory_id: territoryId ?? 0,
      cadastral_number: data.cadastralNumber,
      area_ha: data.areaHa,
      land_category: data.landCategory,
      permitted_use: data.permittedUse,
      status: data.status,
      reserved_until: data.status === "reserved" ? data.reservedUntil : null,
      reserved_for: data.status === "reserved" ? data.reservedFor : null,
      price_amount: data.priceAmount,
      price_currency: data.priceAmount === null ? null : data.priceCurrency,
      price_unit: data.priceAmount === null ? null : data.priceUnit,
      lat: data.lat,
      lon: data.lon,
      power_kw: data.powerKw,
      power_kv: data.powerKv,
      gas_m3h: data.gasM3h,
      water_m3d: data.waterM3d,
      sewage_m3d: data.sewageM3d,
      heat_gcalh: data.heatGcalh,
      rail_siding: data.railSiding === null ? null : data.railSiding ? 1 : 0,
      road_access: data.roadAccess === null ? null : data.roadAccess ? 1 : 0,
      utilities: JSON.stringify(data.utilities),
      dist_rail_km: data.distRailKm,
      dist_airport_km: data.distAirportKm,
      dist_border_km: data.distBorderKm,
      dist_centre_km: data.distCentreKm,
      notes: data.notes,
      is_illustrative: data.illustrative ? 1 : 0,
    };
  }

  /**
   * Creates or updates plots by code, all or nothing. Unchanged rows are left alone, so
   * re-importing the same file changes nothing. With `dryRun` the transaction is rolled back
   * and only the counts come back; a function is asked once every row has been seen (an importer
   * that finds errors of its own while it streams rows in says "roll back" that way).
   * Rows come as one array or as batches from an async iterable (an importer streaming a file);
   * the database work is done per batch of 500: one lookup of existing codes, one multi-row insert.
   */
  async upsertPlots(
    actor: Actor,
    inputs: PlotData[] | AsyncIterable<PlotData[]>,
    options: UpsertOptions = {},
  ): Promise<{ created: number; updated: number; unchanged: number; errors: RowError[] }> {
    this.authorize(actor);
    const mode = options.mode ?? "upsert";
    const outcome = { created: 0, updated: 0, unchanged: 0, errors: [] as RowError[] };
    const rollback = new Error("rollback");
    try {
      await this.db.transaction().execute(async (trx) => {
        const refs = refCache(trx);
        const seen = new Set<string>();
        const stored = await storedCodes(trx, "plots", inputs);
        let index = 0;
        for await (const batch of batches(inputs)) {
          const existingByCode = await repo.findPlotsByCodes(trx, codesToLookUp(batch, stored));
          const inserts: Awaited<ReturnType<SitesService["plotRow"]>>[] = [];
          for (const data of batch) {
            const i = index++;
            const duplicate = seen.has(data.code);
            if (duplicate) outcome.errors.push({ row: i, field: "code", message: "sites.code_duplicate" });
            seen.add(data.code);
            const row = await this.plotRow(refs, data, i, outcome.errors);
            const existing = existingByCode.get(data.code);
            if (existing && mode === "create") outcome.errors.push({ row: i, field: "code", message: "sites.code_taken" });
            if (!existing && mode === "update") outcome.errors.push({ row: i, field: "code", message: "sites.code_unknown" });
            if (outcome.errors.length > 0) continue;
            if (!existing) inserts.push(row);
            else if (differs(existing, row)) {
              await repo.updatePlot(trx, existing.id, row);
              if (existing.status !== row.status) {
                await repo.insertStatusChange(trx, {
                  entityType: "plot",
                  entityId: existing.id,
                  from: existing.status,
                  to: row.status,
                  reason: "updated",
                  actorUserId: actor.id || null,
                });
              }
              outcome.updated++;
            } else outcome.unchanged++;
          }
          if (outcome.errors.length === 0 && inserts.length > 0) {
            const ids = await repo.insertPlotsMany(trx, inserts);
            await repo.insertStatusChanges(
              trx,
              inserts.map((row) => ({
                entityType: "plot" as const,
                entityId: ids.get(row.code) ?? 0,
                from: null,
                to: row.status,
                reason: "created",
                actorUserId: actor.id || null,
              })),
            );
            outcome.created += inserts.length;
          }
          options.onProgress?.(index);
        }
        const dryRun = typeof options.dryRun === "function" ? options.dryRun() : options.dryRun;
        if (outcome.errors.length > 0 || dryRun) throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return outcome;
  }

  /**
   * One plot from a form or the API, as sent (any JSON): validated, then saved; errors carry
   * field → message key. An update names the code of its address, which the body must repeat.
   */
  async savePlot(actor: Actor, input: unknown, mode: "create" | "update", addressCode?: string): Promise<Plot> {
    this.authorize(actor);
    const data = validated(PlotInput, input, addressCode, plotCrossChecks);
    const result = await this.upsertPlots(actor, [data], { mode });
    if (result.errors.length > 0)
      throw new AppError("validation_failed", Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    return (await this.getPlot(data.code)).plot;
  }

  /** Premises by code, all or nothing, in batches; the same options as upsertPlots. */
  async upsertPremises(
    actor: Actor,
    inputs: PremisesData[] | AsyncIterable<PremisesData[]>,
    options: UpsertOptions = {},
  ): Promise<{ created: number; updated: number; unchanged: number; errors: RowError[] }> {
    this.authorize(actor);
    const mode = options.mode ?? "upsert";
    const outcome = { created: 0, updated: 0, unchanged: 0, errors: [] as RowError[] };
    const rollback = new Error("rollback");
    try {
      await this.db.transaction().execute(async (trx) => {
        const refs = refCache(trx);
        const seen = new Set<string>();
        const stored = await storedCodes(trx, "premises", inputs);
        let index = 0;
        for await (const batch of batches(inputs)) {
          const existingByCode = await repo.findPremisesByCodes(trx, codesToLookUp(batch, stored));
          const plotIds = await repo.findPlotIdsByCodes(trx, [...new Set(batch.flatMap((d) => (d.plotCode ? [d.plotCode] : [])))]);
          const inserts: Parameters<typeof repo.insertPremisesMany>[1] = [];
          for (const data of batch) {
            const i = index++;
            if (seen.has(data.code)) outcome.errors.push({ row: i, field: "code", message: "sites.code_duplicate" });
            seen.add(data.code);
            const territoryId = await refs.territory(data.territorySlug);
            if (!territoryId) outcome.errors.push({ row: i, field: "territorySlug", message: "sites.territory_unknown" });
            const zoneId = data.zoneSlug ? await refs.zone(data.zoneSlug) : null;
            if (data.zoneSlug && !zoneId) outcome.errors.push({ row: i, field: "zoneSlug", message: "sites.zone_unknown" });
            const plotId = data.plotCode ? plotIds.get(data.plotCode) : null;
            if (data.plotCode && !plotId) outcome.errors.push({ row: i, field: "plotCode", message: "sites.plot_unknown" });
            const existing = existingByCode.get(data.code);
            if (existing && mode === "create") outcome.errors.push({ row: i, field: "code", message: "sites.code_taken" });
            if (!existing && mode === "update") outcome.errors.push({ row: i, field: "code", message: "sites.code_unknown" });
            if (outcome.errors.length > 0) continue;
            const row = {
              code: data.code,
              zone_id: zoneId ?? null,
              plot_id: plotId ?? null,
              territory_id: territoryId ?? 0,
              kind: data.kind,
              floor_area_m2: data.floorAreaM2,
              ceiling_m: data.ceilingM,
              floor_load_t_m2: data.floorLoadTM2,
              crane_t: data.craneT,
              power_kw: data.powerKw,
              status: data.status,
              price_kzt_m2_month: data.priceKztM2Month,
              lat: data.lat,
              lon: data.lon,
              notes: data.notes,
              is_illustrative: data.illustrative ? 1 : 0,
            };
            if (!existing) inserts.push(row);
            else if (differs(existing, row)) {
              await repo.updatePremises(trx, existing.id, row);
              outcome.updated++;
            } else outcome.unchanged++;
          }
          if (outcome.errors.length === 0 && inserts.length > 0) {
            const ids = await repo.insertPremisesMany(trx, inserts);
            await repo.insertStatusChanges(
              trx,
              inserts.map((row) => ({
                entityType: "premises" as const,
                entityId: ids.get(row.code) ?? 0,
                from: null,
                to: row.status,
                reason: "created",
                actorUserId: actor.id || null,
              })),
            );
            outcome.created += inserts.length;
          }
          options.onProgress?.(index);
        }
        const dryRun = typeof options.dryRun === "function" ? options.dryRun() : options.dryRun;
        if (outcome.errors.length > 0 || dryRun) throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return outcome;
  }

  /** Premises from a form or the API, as sent; the same rules as savePlot. */
  async savePremises(actor: Actor, input: unknown, mode: "create" | "update", addressCode?: string): Promise<Premises> {
    this.authorize(actor);
    const data = validated(PremisesInput, input, addressCode);
    const result = await this.upsertPremises(actor, [data], { mode });
    if (result.errors.length > 0)
      throw new AppError("validation_failed", Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    return (await this.getPremises(data.code)).premises;
  }

  /** A status change with its reason, kept as history. */
  async changeStatus(actor: Actor, entity: SiteEntity, key: string, change: StatusChange): Promise<void> {
    this.authorize(actor);
    const parsed = StatusChange.safeParse(change);
    if (!parsed.success)
      throw new AppError("validation_failed", Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_"), i.message])));
    const { status, reason, reservedUntil, reservedFor } = parsed.data;
    const allowed: readonly string[] = entity === "plot" ? PLOT_STATUSES : entity === "premises" ? PREMISES_STATUSES : ZONE_STATUSES;
    if (!allowed.includes(status)) throw new AppError("validation_failed", { status: "form.choose_one" });
    if (entity === "plot" && status === "reserved" && !reservedUntil)
      throw new AppError("validation_failed", { reservedUntil: "sites.reserved_needs_date" });
    await this.db.transaction().execute(async (trx) => {
      const current = await this.currentStatus(trx, entity, key);
      if (current.status === status && entity !== "plot") return;
      if (entity === "plot") {
        await repo.updatePlot(trx, current.id, {
          status,
          reserved_until: status === "reserved" ? reservedUntil : null,
          reserved_for: status === "reserved" ? reservedFor : null,
        });
      } else if (entity === "premises") await repo.updatePremises(trx, current.id, { status });
      else await repo.updateZone(trx, current.id, { status });
      await repo.insertStatusChange(trx, {
        entityType: entity,
        entityId: current.id,
        from: current.status,
        to: status,
        reason,
        actorUserId: actor.id,
      });
    });
  }

  private async currentStatus(executor: Executor, entity: SiteEntity, key: string): Promise<{ id: number; status: string }> {
    if (entity === "plot") {
      const row = await repo.findPlotRow(executor, key);
      if (!row) throw new AppError("plot_not_found");
      return { id: row.id, status: row.status };
    }
    if (entity === "premises") {
      const row = await repo.findPremisesRow(executor, key);
      if (!row) throw new AppError("premises_not_found");
      return { id: row.id, status: row.status };
    }
    const row = await repo.findZoneRow(executor, key);
    if (!row) throw new AppError("zone_not_found");
    return { id: row.id, status: row.status };
  }

  /** "Verified on … by …": staff confirm the record is true today. */
  async verify(actor: Actor & { displayName: string }, entity: SiteEntity, key: string, at = new Date()): Promise<void> {
    this.authorize(actor);
    const { id } = await this.currentStatus(this.db, entity, key);
    await repo.markVerified(this.db, entity, id, actor.displayName, at);
  }

  async attachFile(actor: Actor, entity: SiteEntity, key: string, file: Omit<SiteFile, never>): Promise<void> {
    this.authorize(actor);
    const { id } = await this.currentStatus(this.db, entity, key);
    await repo.insertSiteFile(this.db, {
      entity_type: entity,
      entity_id: id,
      kind: file.kind,
      title: file.title,
      stored_name: file.storedName,
      content_type: file.contentType,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      uploaded_by: actor.id,
    });
  }

  async findFile(storedName: string) {
    return repo.findSiteFile(this.db, storedName);
  }

  /**
   * Site matching's index is built from these: plots (or premises) of the given statuses with ids
   * above `afterId`, a page at a time, with only what matching judges (no names, geometry or notes).
   */
  async matchablePlots(
    statuses: readonly string[],
    afterId: number,
    limit: number,
  ): Promise<{ id: number; zoneId: number | null; plot: MatchablePlot }[]> {
    return (await repo.matchablePlotRows(this.db, statuses, afterId, limit)).map((r) => ({
      id: r.id,
      zoneId: r.zone_id,
      plot: {
        code: r.code,
        territory: { slug: r.territory_slug },
        areaHa: r.area_ha,
        status: r.status as Plot["status"],
        reservedUntil: r.reserved_until,
        price: priceOf(r),
        infrastructure: {
          powerKw: r.power_kw,
          gasM3h: r.gas_m3h,
          waterM3d: r.water_m3d,
          sewageM3d: r.sewage_m3d,
          heatGcalh: r.heat_gcalh,
          railSiding: bool(r.rail_siding),
          details: parseJson<UtilityDetails>(r.utilities, {}),
        },
        distances: { railKm: r.dist_rail_km, airportKm: r.dist_airport_km, borderKm: r.dist_border_km, centreKm: r.dist_centre_km },
        illustrative: r.is_illustrative === 1,
      },
    }));
  }

  async matchablePremises(
    statuses: readonly string[],
    afterId: number,
    limit: number,
  ): Promise<{ id: number; zoneId: number | null; premises: MatchablePremises }[]> {
    return (await repo.matchablePremisesRows(this.db, statuses, afterId, limit)).map((r) => ({
      id: r.id,
      zoneId: r.zone_id,
      premises: {
        code: r.code,
        territory: { slug: r.territory_slug },
        floorAreaM2: r.floor_area_m2,
        status: r.status as Premises["status"],
        powerKw: r.power_kw,
        priceKztM2Month: r.price_kzt_m2_month,
        illustrative: r.is_illustrative === 1,
      },
    }));
  }

  /** What a site's zone and district mean to matching: every zone by id, every territory by slug. */
  async matchingReferences(): Promise<{ zones: Map<number, MatchingZone>; territories: Map<string, Zone["territory"]> }> {
    const zones = await repo.matchableZoneRows(this.db);
    const territories = await repo.territoryNameRows(this.db);
    return {
      zones: new Map(
        zones.map((r) => [
          r.id,
          {
            slug: r.slug,
            kind: r.kind,
            incentives: parseJson<Incentive[]>(r.incentives, []),
            name: names(r.name_kk, r.name_ru, r.name_zh, r.name_en),
          },
        ]),
      ),
      territories: new Map(territories.map((r) => [r.slug, { slug: r.slug, name: names(r.name_kk, r.name_ru, r.name_zh, r.name_en) }])),
    };
  }

  /** Plots by code, in the order asked, with their zone's terms (one statement): for side-by-side comparison. */
  async plotsForComparison(codes: string[]): Promise<MatchCandidate[]> {
    const rows = await repo.plotRowsByCodes(this.db, codes);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes
      .map((c) => byCode.get(c))
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .map((r) => ({ plot: this.presentPlot(r), premises: null, zoneKind: r.zone_kind, zoneIncentives: parseJson(r.zone_incentives, []) }));
  }

  /** Reference data for demo zones: insert or refresh by slug. */
  async upsertZoneRecord(row: Parameters<typeof repo.upsertZone>[1]): Promise<number> {
    return repo.upsertZone(this.db, row);
  }

  async zoneIdOf(slug: string): Promise<number | undefined> {
    return repo.findZoneId(this.db, slug);
  }

  async territoryIdOf(slug: string): Promise<number | undefined> {
    return repo.territoryIdBySlug(this.db, slug);
  }

  async markVerifiedBySystem(entity: SiteEntity, key: string, by: string, at: Date): Promise<void> {
    const { id } = await this.currentStatus(this.db, entity, key);
    await repo.markVerified(this.db, entity, id, by, at);
  }
}

export type ZoneChoice = Pick<Zone, "slug" | "name">;

/** What site matching reads of a plot (a part of Plot). */
export type MatchablePlot = Pick<Plot, "code" | "areaHa" | "status" | "reservedUntil" | "price" | "distances" | "illustrative"> & {
  territory: Pick<Plot["territory"], "slug">;
  infrastructure: Pick<Plot["infrastructure"], "powerKw" | "gasM3h" | "waterM3d" | "sewageM3d" | "heatGcalh" | "railSiding" | "details">;
};

/** What site matching reads of premises (a part of Premises). */
export type MatchablePremises = Pick<Premises, "code" | "floorAreaM2" | "status" | "powerKw" | "priceKztM2Month" | "illustrative"> & {
  territory: Pick<Premises["territory"], "slug">;
};

/** A zone as matching knows it: kind and incentives to judge by, slug and name to show. */
export interface MatchingZone {
  slug: string;
  kind: string;
  incentives: Incentive[];
  name: Zone["name"];
}

export interface MatchCandidate {
  plot: Plot | null;
  premises: Premises | null;
  zoneKind: string | null;
  zoneIncentives: Incentive[];
}

export interface SiteFile {
  kind: "photo" | "document";
  title: string;
  storedName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface UpsertOptions {
  /** Roll back at the end; a function is asked after the last row. */
  dryRun?: boolean | (() => boolean);
  mode?: "upsert" | "create" | "update";
  /** Rows seen so far, after each batch. */
  onProgress?: (done: number) => void;
}

/** 500 rows × ~33 columns stays under SQLite's 32,766 bound values per statement. */
const BATCH = 500;

/**
 * The codes already stored, read once (one narrow query) before a big write; null for a handful
 * of rows (a form), which are looked up directly. With it, a batch looks up only the rows that
 * exist: an import into an empty catalogue asks nothing per batch, and PostgreSQL, whose
 * statistics still say "empty" while the import fills the table, never scans the growing table
 * once per batch.
 */
async function storedCodes(
  db: Executor,
  table: "plots" | "premises",
  inputs: unknown[] | AsyncIterable<unknown>,
): Promise<Set<string> | null> {
  if (Array.isArray(inputs) && inputs.length <= 50) return null;
  return repo.allCodes(db, table);
}

/**
 * The input parsed by its schema, or validation_failed with every problem at once, first message
 * per field: zod skips a schema's rules across fields while any field fails, so `cross` then runs
 * them on the raw input (they must expect values of any type). An update's body repeats its code.
 */
function validated<S extends z.ZodType<{ code: string }>>(
  schema: S,
  input: unknown,
  addressCode: string | undefined,
  cross: (raw: Record<string, unknown>) => { path: string[]; message: string }[] = () => [],
): z.output<S> {
  const parsed = schema.safeParse(input);
  const raw = input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const mismatch = addressCode !== undefined && (typeof raw.code !== "string" || raw.code.trim() !== addressCode);
  if (parsed.success && !mismatch) return parsed.data;
  const details = parsed.success ? {} : fieldErrors(parsed.error);
  if (!parsed.success) for (const i of cross(raw)) details[String(i.path[0])] ??= i.message;
  if (mismatch) details.code ??= "sites.code_mismatch";
  throw new AppError("validation_failed", details);
}

/** A batch's distinct codes, less those known not to be stored. */
function codesToLookUp(batch: readonly { code: string }[], stored: Set<string> | null): string[] {
  const codes = new Set<string>();
  for (const { code } of batch) if (stored === null || stored.has(code)) codes.add(code);
  return [...codes];
}

async function* batches<T>(inputs: T[] | AsyncIterable<T[]>): AsyncGenerator<T[]> {
  if (Array.isArray(inputs)) {
    for (let start = 0; start < inputs.length; start += BATCH) yield inputs.slice(start, start + BATCH);
    return;
  }
  for await (const batch of inputs) for (let start = 0; start < batch.length; start += BATCH) yield batch.slice(start, start + BATCH);
}

/** Territory and zone ids by slug, looked up once per import. */
type RefCache = ReturnType<typeof refCache>;
function refCache(executor: Executor) {
  const territories = new Map<string, number | undefined>();
  const zones = new Map<string, number | undefined>();
  return {
    async territory(slug: string): Promise<number | undefined> {
      if (!territories.has(slug)) territories.set(slug, await repo.territoryIdBySlug(executor, slug));
      return territories.get(slug);
    },
    async zone(slug: string): Promise<number | undefined> {
      if (!zones.has(slug)) zones.set(slug, await repo.findZoneId(executor, slug));
      return zones.get(slug);
    },
  };
}

/** True when any written column differs from the stored row. */
function differs(existing: object, next: object): boolean {
  const stored = existing as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    const current = stored[key];
    if (current === value) continue;
    if (typeof value === "number" && typeof current === "number" && Math.abs(value - current) < 1e-9) continue;
    if ((current === null || current === undefined) && (value === null || value === undefined)) continue;
    return true;
  }
  return false;
}
