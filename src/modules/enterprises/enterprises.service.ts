import { rm } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { Db, Executor } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/dialect.ts";
import { AppError } from "../../http/errors.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";
import { DAY, iso, toDate } from "../../lib/time.ts";
import { isStoredName, storedType, storeUpload, type UploadRejection } from "../../lib/uploads.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import type { AccountsService } from "../accounts/accounts.service.ts";
import { searchKey } from "../cooperation/cooperation.names.ts";
import type { LocalText, OptionalText, TerritoryRef } from "../cooperation/cooperation.schemas.ts";
import { buildMatchData } from "./enterprises.matchdata.ts";
import { canEditEnterprise, canSeeContacts, isOwnRepresentative, isStaffActor } from "./enterprises.policy.ts";
import * as repo from "./enterprises.repository.ts";
import {
  type Contacts,
  type CooperationRequest,
  type DirectoryPage,
  DirectoryQuery,
  type Enterprise,
  type EnterpriseSummary,
  type Introduction,
  IntroductionDecision,
  IntroductionInput,
  type IntroductionStatus,
  IsoDay,
  MAX_LOGO_BYTES,
  MatchInput,
  type MatchResult,
  ModerationDecision,
  type ModerationItem,
  NaceClass,
  type Notice,
  type NoticeKind,
  type OrganisationBrief,
  type Product,
  ProfileInput,
  type Publication,
  RequestInput,
  type RequestStatus,
  RequestsQuery,
  requestCrossChecks,
  type Side,
  type SizeBand,
  StaffProfileInput,
  TEXT_LANGUAGES,
  type TranslationMap,
  type TranslationState,
} from "./enterprises.schemas.ts";
import { isNaceClass } from "./nace.ts";
import { explainMatch } from "./partners.explain.ts";
import { type PartnerIndex, PartnerIndexBuilder, Versioned } from "./partners.index.ts";
import type { MatchSubject, PartnerRequest, RequestKind } from "./partners.model.ts";
import { buildTextKeys, rankInSet } from "./partners.rules.ts";
import { relatedClasses } from "./value-chain.ts";

export const PER_PAGE = 20;
/** How many candidates the SQL pre-filter hands to the rules, most shared classes first. */
export const MATCH_CANDIDATES = 150;
/** Profiles read per statement while partner matching's index is built: the parse of one page is garbage before the next. */
const INDEX_PAGE = 2_000;
/** A request may stand at most this long ahead. */
const MAX_VALID_DAYS = 2 * 366;

export interface RequestMeta {
  requestId?: string;
}

export interface EnterprisesOptions {
  /** Days an introduction may wait for an answer before staff see it flagged. */
  introductionStaleDays: number;
  /** Where uploaded files live (served under /files/): logos. */
  storageDir: string;
}

const LOGO_REFUSAL: Record<UploadRejection, string> = {
  "upload.empty": "upload.empty",
  "upload.too_large": "enterprises.logo_too_large",
  "upload.type_not_allowed": "enterprises.logo_type",
};

type Viewer = Actor | null | undefined;

const parseJson = <T>(text: string | null | undefined, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};
const local = (json: string): LocalText => {
  const t = parseJson<{ kk?: string; ru?: string; zh?: string | null; en?: string }>(json, {});
  const kk = t.kk ?? "";
  return { kk, kkLatn: toKazakhLatin(kk), ru: t.ru ?? "", zh: t.zh ?? null, en: t.en ?? "" };
};
const optionalText = (json: string | null | undefined): OptionalText | null => {
  const t = parseJson<Partial<OptionalText> | null>(json, null);
  if (!t || !(t.kk || t.ru || t.zh || t.en)) return null;
  return { kk: t.kk ?? null, ru: t.ru ?? null, zh: t.zh ?? null, en: t.en ?? null };
};
const storeText = (t: OptionalText | null): string | null => (t && (t.kk || t.ru || t.zh || t.en) ? JSON.stringify(t) : null);
const isoOf = (v: string | Date) => toDate(v).toISOString();
const isoOrNull = (v: string | Date | null | undefined) => (v ? isoOf(v) : null);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const sameText = (a: OptionalText | null, b: OptionalText | null) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const textsOf = (...texts: (OptionalText | null)[]) =>
  texts.flatMap((t) => (t ? [t.kk, t.ru, t.zh, t.en].filter((s): s is string => !!s) : []));

/** A request's organisation as presented with it. */
interface RequestOrganisation {
  name: string;
  nameOriginal: string | null;
  territoryId: number | null;
  illustrative: number;
  side: string | null;
}

const organisationOfRow = (row: repo.RequestWithOrgRow): RequestOrganisation => ({
  name: row.org_name,
  nameOriginal: row.org_name_original,
  territoryId: row.org_territory_id,
  illustrative: row.is_illustrative,
  side: row.side,
});

interface PendingProfileText {
  description: OptionalText | null;
  translations: TranslationMap;
}
interface PendingRequestText {
  title: OptionalText | null;
  description: OptionalText | null;
}

/** Everything that points at territories, resolved once per call. */
interface Territories {
  byId: Map<number, repo.TerritoryRow>;
  bySlug: Map<string, repo.TerritoryRow>;
}

/**
 * The enterprise directory: profiles of registry organisations, offers and needs, moderation of
 * public text, introductions between enterprises of the two regions, notices, and partner matching.
 * Anything public shows only approved text: pending text lives beside it until staff decide.
 */
export class EnterprisesService {
  /** Partner matching's index and the territories its results name, at the directory's version (migration 0010). */
  readonly #partnerIndex: Versioned<{ index: PartnerIndex; territories: Territories }>;

  constructor(
    private readonly db: Db,
    private readonly options: EnterprisesOptions,
    private readonly accounts: Pick<AccountsService, "recordAudit">,
  ) {
    this.#partnerIndex = new Versioned(async (version) => {
      const builder = new PartnerIndexBuilder();
      for (let after = 0; ; ) {
        const rows = await repo.listIndexRows(this.db, after, INDEX_PAGE);
        for (const row of rows) builder.add(row);
        const last = rows.at(-1);
        if (!last || rows.length < INDEX_PAGE) break;
        after = last.organisation_id;
      }
      return { index: builder.finish(version), territories: await this.territories() };
    });
  }

  // Presenting

  private async territories(executor: Executor = this.db): Promise<Territories> {
    const rows = await repo.listTerritoryRows(executor);
    return { byId: new Map(rows.map((r) => [r.id, r])), bySlug: new Map(rows.map((r) => [r.slug, r])) };
  }

  private territoryRef(t: Territories, id: number | null): TerritoryRef | null {
    const row = id === null ? undefined : t.byId.get(id);
    if (!row) return null;
    return {
      slug: row.slug,
      country: row.country,
      name: { kk: row.name_kk, kkLatn: toKazakhLatin(row.name_kk), ru: row.name_ru, zh: row.name_zh, en: row.name_en },
    };
  }

  /** A territory and everything under it (a province and its cities; the oblast and its districts). */
  private territoryIdsUnder(t: Territories, slug: string): number[] {
    const root = t.bySlug.get(slug);
    if (!root) return [];
    const ids = new Set([root.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const row of t.byId.values())
        if (row.parent_id !== null && ids.has(row.parent_id) && !ids.has(row.id)) {
          ids.add(row.id);
          grew = true;
        }
    }
    return [...ids];
  }

  private sideOf(t: Territories, territoryId: number | null, country: string | null): Side {
    const row = territoryId === null ? undefined : t.byId.get(territoryId);
    if (row) return Number(row.is_home) === 1 || (row.is_home as unknown) === true ? "home" : "partner";
    return country === "KZ" ? "home" : "partner";
  }

  private summary(
    row: {
      id: number;
      name: string;
      name_original: string | null;
      territory_id: number | null;
      is_illustrative: number;
      side: string | null;
      size_band: string | null;
      verified_at: string | Date | null;
      logo_file: string | null;
    },
    t: Territories,
    sectors: Map<number, string[]>,
    lookingFor: Map<number, RequestKind[]>,
  ): EnterpriseSummary {
    return {
      id: row.id,
      name: local(row.name),
      nameOriginal: row.name_original,
      territory: this.territoryRef(t, row.territory_id),
      side: (row.side ?? "partner") as Side,
      sizeBand: row.size_band as SizeBand | null,
      sectors: sectors.get(row.id) ?? [],
      lookingFor: lookingFor.get(row.id) ?? [],
      illustrative: row.is_illustrative === 1,
      verifiedOn: row.verified_at ? isoOf(row.verified_at).slice(0, 10) : null,
      logo: row.logo_file ? `/files/${row.logo_file}` : null,
    };
  }

  private async sectorsAndKinds(orgIds: number[], today: string, executor: Executor = this.db) {
    const [sectorRows, kindRows] = await Promise.all([
      repo.listSectorRows(executor, orgIds),
      repo.listLookingForRows(executor, orgIds, today),
    ]);
    const sectors = new Map<number, string[]>();
    for (const r of sectorRows) sectors.set(r.organisation_id, [...(sectors.get(r.organisation_id) ?? []), r.nace]);
    const kinds = new Map<number, RequestKind[]>();
    for (const r of kindRows) kinds.set(r.organisation_id, [...(kinds.get(r.organisation_id) ?? []), r.kind as RequestKind]);
    return { sectors, kinds };
  }

  /**
   * A request as the API and pages show it. Its organisation's fields come from the row of a
   * joined read, or from partner matching's index: passed beside the row rather than merged into
   * a copy of it (a row copied with more fields per match left tens of kilobytes a request for the
   * old generation to collect, measured under load).
   */
  private presentRequest(row: repo.PresentableRequestRow, t: Territories, viewer: Viewer, org: RequestOrganisation): CooperationRequest {
    const privy = canEditEnterprise(viewer, row.organisation_id);
    const pending = privy ? parseJson<PendingRequestText | null>(row.pending_text, null) : null;
    return {
      id: row.id,
      organisation: {
        id: row.organisation_id,
        name: local(org.name),
        nameOriginal: org.nameOriginal,
        side: (org.side ?? "partner") as Side,
        territory: this.territoryRef(t, org.territoryId),
        illustrative: org.illustrative === 1,
      },
      kind: row.kind as RequestKind,
      sectors: parseJson<string[]>(row.sectors, []),
      products: parseJson<Product[]>(row.products, []),
      quantity: row.quantity,
      unit: row.unit,
      amount: row.amount,
      currency: row.currency,
      title: optionalText(row.title),
      description: optionalText(row.description),
      validUntil: row.valid_until,
      status: row.status as RequestStatus,
      createdAt: isoOf(row.created_at),
      updatedAt: isoOf(row.updated_at),
      pending:
        pending && row.pending_at
          ? { title: pending.title, description: pending.description, submittedAt: isoOf(row.pending_at) }
          : pending && privy
            ? { title: pending.title, description: pending.description, submittedAt: isoOf(row.updated_at) }
            : null,
      moderationNote: privy ? row.moderation_note : null,
    };
  }

  private brief(id: number, name: string, nameOriginal: string | null, side: string | null): OrganisationBrief {
    return { id, name: local(name), nameOriginal, side: side as Side | null };
  }

  private presentIntroduction(r: repo.IntroductionWithNamesRow, now: Date): Introduction {
    const created = toDate(r.created_at);
    const until = r.decided_at ? toDate(r.decided_at) : now;
    const ageDays = Math.max(0, Math.floor((until.getTime() - created.getTime()) / DAY));
    return {
      id: r.id,
      from: this.brief(r.from_organisation_id, r.from_name, r.from_name_original, r.from_side),
      to: this.brief(r.to_organisation_id, r.to_name, r.to_name_original, r.to_side),
      fromRequestId: r.from_request_id,
      toRequestId: r.to_request_id,
      message: r.message,
      score: r.score,
      status: r.status as IntroductionStatus,
      reason: r.reason,
      requestedBy: r.requested_by_name,
      decidedBy: r.decided_by_name,
      createdAt: created.toISOString(),
      decidedAt: isoOrNull(r.decided_at),
      ageDays,
      stale: r.status === "requested" && now.getTime() - created.getTime() > this.options.introductionStaleDays * DAY,
    };
  }

  // Reading: the directory, a profile, requests

  /** One page of the directory: published profiles, filtered, searched across scripts. */
  async directory(input: unknown, options: { today?: Date; includeUnpublished?: boolean; perPage?: number } = {}): Promise<DirectoryPage> {
    const query = DirectoryQuery.parse(input ?? {});
    const today = dayOf(options.today ?? new Date());
    const perPage = options.perPage ?? PER_PAGE;
    const t = await this.territories();
    const key = query.q ? searchKey(query.q.slice(0, 200)) : "";
    if (query.q && key.length < 2) return { items: [], total: 0, page: 1, pages: 1, perPage };
    const sector = query.sector?.replace(/^[A-U]/, "");
    const filter: repo.DirectoryFilter = {
      side: query.side,
      size: query.size,
      lookingFor: query.lookingFor,
      territoryIds: query.territory ? this.territoryIdsUnder(t, query.territory) : undefined,
      nace: sector && /^\d{2}\.\d{2}$/.test(sector) ? sector : undefined,
      nacePrefix: sector && !/^\d{2}\.\d{2}$/.test(sector) ? (sector.length === 2 ? `${sector}.` : sector) : undefined,
      searchKey: key || undefined,
      today,
      includeUnpublished: options.includeUnpublished,
      limit: perPage,
      offset: (query.page - 1) * perPage,
    };
    let rows = await repo.listDirectoryRows(this.db, filter);
    let page = query.page;
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && page > 1) {
      // Past the last page: show the last one instead of an empty list.
      const first = await repo.listDirectoryRows(this.db, { ...filter, offset: 0, limit: 1 });
      total = Number(first[0]?.total ?? 0);
      page = Math.max(1, Math.ceil(total / perPage));
      rows = total > 0 ? await repo.listDirectoryRows(this.db, { ...filter, offset: (page - 1) * perPage }) : [];
    }
    const { sectors, kinds } = await this.sectorsAndKinds(
      rows.map((r) => r.id),
      today,
    );
    return {
      items: rows.map((r) => this.summary(r, t, sectors, kinds)),
      total,
      page,
      pages: Math.max(1, Math.ceil(total / perPage)),
      perPage,
    };
  }

  /** A profile: public fields for everyone; contacts, pending text and every request for its representatives and staff. */
  async get(orgId: number, viewer: Viewer, today = new Date()): Promise<Enterprise> {
    const [row] = await repo.listEnterpriseRows(this.db, [orgId]);
    if (!row || row.profile_id === null) throw new AppError("not_found");
    const privy = canEditEnterprise(viewer, orgId);
    if (row.publication !== "published" && !privy) throw new AppError("not_found");
    const day = dayOf(today);
    const [t, { sectors, kinds }, requestRows] = await Promise.all([
      this.territories(),
      this.sectorsAndKinds([orgId], day),
      repo.listRequestRows(this.db, privy ? { orgIds: [orgId] } : { orgIds: [orgId], statuses: ["published"], validFrom: day }),
    ]);
    const pending = privy ? parseJson<PendingProfileText | null>(row.pending_description, null) : null;
    return {
      ...this.summary({ ...row, side: row.side }, t, sectors, kinds),
      country: row.country,
      website: row.website,
      yearFounded: row.year_founded,
      description: optionalText(row.description),
      products: parseJson<Product[]>(row.products, []),
      exportMarkets: parseJson<string[]>(row.export_markets, []),
      certifications: parseJson<string[]>(row.certifications, []),
      translations: this.translations(parseJson<Partial<TranslationMap>>(row.translations, {}), optionalText(row.description)),
      verified: row.verified_at ? { on: isoOf(row.verified_at).slice(0, 10), by: row.verified_by_name ?? null } : null,
      publication: (row.publication ?? "published") as Publication,
      contacts: canSeeContacts(viewer, orgId) ? this.contacts(row.contacts) : null,
      canEdit: privy,
      requests: requestRows.map((r) => this.presentRequest(r, t, viewer, organisationOfRow(r))),
      pending: pending && row.pending_at ? { description: pending.description, submittedAt: isoOf(row.pending_at) } : null,
      moderationNote: privy ? row.moderation_note : null,
      confidence: row.confidence,
      sources: parseJson<string[]>(row.sources, []),
    };
  }

  private contacts(json: string | null): NonNullable<Contacts> {
    const c = parseJson<Partial<NonNullable<Contacts>>>(json, {});
    return { person: c.person ?? null, email: c.email ?? null, phone: c.phone ?? null, address: c.address ?? null };
  }

  /** Per language: what the representative said, and "missing" wherever there is no text. */
  private translations(stated: Partial<Record<string, string>>, text: OptionalText | null): TranslationMap {
    const out = {} as TranslationMap;
    for (const lang of TEXT_LANGUAGES) {
      const has = !!text?.[lang];
      const said = stated[lang];
      out[lang] = !has ? "missing" : said === "original" || said === "human" || said === "machine" ? said : "human";
    }
    return out;
  }

  /** Published, unexpired offers and needs of published enterprises. */
  async listRequests(input: unknown, viewer: Viewer = null, today = new Date()) {
    const query = RequestsQuery.parse(input ?? {});
    const sector = query.sector?.replace(/^[A-U]/, "");
    const filter: repo.RequestFilter = {
      statuses: ["published"],
      validFrom: dayOf(today),
      publishedProfiles: true,
      kind: query.kind,
      side: query.side,
      orgIds: query.organisationId ? [query.organisationId] : undefined,
      nacePrefix: sector ? (sector.length === 2 ? `${sector}.` : sector) : undefined,
      limit: PER_PAGE,
      offset: (query.page - 1) * PER_PAGE,
    };
    const [rows, t] = await Promise.all([repo.listRequestRows(this.db, filter), this.territories()]);
    const total = Number(rows[0]?.total ?? 0);
    return {
      items: rows.map((r) => this.presentRequest(r, t, viewer, organisationOfRow(r))),
      total,
      page: query.page,
      pages: Math.max(1, Math.ceil(total / PER_PAGE)),
      perPage: PER_PAGE,
    };
  }

  /** One request: the public see it while it is published and unexpired; its representatives and staff always. */
  async getRequest(id: number, viewer: Viewer, today = new Date()): Promise<CooperationRequest> {
    const [rows, t] = await Promise.all([repo.listRequestRows(this.db, { ids: [id] }), this.territories()]);
    const row = rows[0];
    if (!row) throw new AppError("not_found");
    const publicNow = row.status === "published" && row.valid_until >= dayOf(today);
    if (!publicNow && !canEditEnterprise(viewer, row.organisation_id)) throw new AppError("not_found");
    if (publicNow && !canEditEnterprise(viewer, row.organisation_id)) {
      const profile = await repo.findProfile(this.db, row.organisation_id);
      if (profile?.publication !== "published") throw new AppError("not_found");
    }
    return this.presentRequest(row, t, viewer, organisationOfRow(row));
  }

  /** Every request of the actor's own organisation, whatever its status. */
  async ownRequests(actor: Actor): Promise<CooperationRequest[]> {
    const orgId = this.ownOrganisation(actor);
    const [rows, t] = await Promise.all([repo.listRequestRows(this.db, { orgIds: [orgId] }), this.territories()]);
    return rows.map((r) => this.presentRequest(r, t, actor, organisationOfRow(r)));
  }

  /** The actor's own organisation's profile, or null when it has none yet. */
  async ownProfile(actor: Actor): Promise<Enterprise | null> {
    const orgId = this.ownOrganisation(actor);
    const profile = await repo.findProfile(this.db, orgId);
    return profile ? this.get(orgId, actor) : null;
  }

  private ownOrganisation(actor: Actor): number {
    if (actor.organisationId === null || !isOwnRepresentative(actor, actor.organisationId)) throw new AppError("forbidden");
    return actor.organisationId;
  }

  /** The directory as CSV rows (approved text only; never contacts). */
  async exportDirectory(today = new Date()): Promise<string[][]> {
    const page = await this.directory({}, { today, perPage: 100_000 });
    const ids = page.items.map((i) => i.id);
    const rows = await repo.listEnterpriseRows(this.db, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const header = [
      "id",
      "name_kk",
      "name_ru",
      "name_zh",
      "name_en",
      "name_original",
      "side",
      "territory",
      "size_band",
      "year_founded",
      "sectors",
      "products",
      "export_markets",
      "description_en",
      "description_ru",
      "description_kk",
      "description_zh",
      "looking_for",
      "verified_on",
      "illustrative",
    ];
    const body = page.items.map((s) => {
      const r = byId.get(s.id);
      const d = optionalText(r?.description);
      return [
        String(s.id),
        s.name.kk,
        s.name.ru,
        s.name.zh ?? "",
        s.name.en,
        s.nameOriginal ?? "",
        s.side,
        s.territory?.slug ?? "",
        s.sizeBand ?? "",
        r?.year_founded ? String(r.year_founded) : "",
        s.sectors.join(" "),
        parseJson<Product[]>(r?.products, [])
          .map((p) => (p.hs ? `${p.hs} ${p.name}` : p.name))
          .join("; "),
        parseJson<string[]>(r?.export_markets, []).join(" "),
        d?.en ?? "",
        d?.ru ?? "",
        d?.kk ?? "",
        d?.zh ?? "",
        s.lookingFor.join(" "),
        s.verifiedOn ?? "",
        s.illustrative ? "yes" : "no",
      ];
    });
    return [header, ...body];
  }

  // Writing: profiles

  /**
   * The input parsed by the schema, or validation_failed with every problem at once (first message
   * per field): zod skips a schema's rules across fields while any field fails, so then `cross` runs
   * them on the raw input; `extra` (the service's own checks) runs on the parsed values, or failing
   * those on the raw ones. Both must expect values of any type.
   */
  private validate<S extends z.ZodType>(
    schema: S,
    input: unknown,
    checks: {
      cross?: (raw: Record<string, unknown>) => { path: string[]; message: string }[];
      extra?: (values: Record<string, unknown>) => Record<string, string>;
    } = {},
  ): z.output<S> {
    const parsed = schema.safeParse(input);
    const raw = input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    const extra = checks.extra?.(parsed.success ? (parsed.data as Record<string, unknown>) : raw) ?? {};
    if (parsed.success && Object.keys(extra).length === 0) return parsed.data;
    const details: Record<string, string> = {};
    if (!parsed.success)
      for (const i of [...parsed.error.issues, ...(checks.cross?.(raw) ?? [])])
        details[i.path.map(String).join(".") || "_"] ??= i.message.includes(".") ? i.message : "form.invalid";
    for (const [k, v] of Object.entries(extra)) details[k] ??= v;
    throw new AppError("validation_failed", details);
  }

  /** Well-formed NACE classes that the classification does not have (anything else is the schema's to refuse). */
  private unknownClasses(field: string, classes: unknown): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!Array.isArray(classes)) return errors;
    classes.forEach((c, i) => {
      const nace = NaceClass.safeParse(c);
      if (nace.success && !isNaceClass(nace.data)) errors[`${field}.${i}`] = "enterprises.nace_class_unknown";
    });
    return errors;
  }

  /**
   * Creates or updates the profile of an organisation of the registry. Representatives edit their
   * own only; their new or changed description waits for moderation. Staff edits are approved as
   * they are saved.
   */
  async saveProfile(actor: Actor, orgId: number, input: unknown, meta: RequestMeta = {}): Promise<Enterprise> {
    if (!canEditEnterprise(actor, orgId)) throw new AppError("forbidden");
    const staff = isStaffActor(actor);
    const data = this.validate(staff ? StaffProfileInput : ProfileInput, input, {
      extra: (v) => this.unknownClasses("sectors", v.sectors),
    }) as z.output<typeof StaffProfileInput>;
    const now = iso();
    await this.db.transaction().execute(async (trx) => {
      const [org] = await repo.listEnterpriseRows(trx, [orgId]);
      if (!org) throw new AppError("not_found");
      const t = await this.territories(trx);
      const side = this.sideOf(t, org.territory_id, org.country);
      const translations = this.translations(data.translations, data.description);
      const approved = optionalText(org.description);
      const descriptionChanged = !sameText(approved, data.description);
      const common = {
        side,
        size_band: data.sizeBand,
        year_founded: data.yearFounded,
        products: JSON.stringify(data.products),
        export_markets: JSON.stringify([...new Set(data.exportMarkets)]),
        certifications: JSON.stringify(data.certifications),
        contacts: data.contacts && Object.values(data.contacts).some((v) => v) ? JSON.stringify(data.contacts) : null,
      };
      const names = textsOf(optionalText(org.name));
      if (staff) {
        const row = {
          ...common,
          publication: data.publication,
          description: storeText(data.description),
          translations: JSON.stringify(translations),
          pending_description: null,
          pending_at: null,
          pending_by: null,
          moderation_note: null,
          text_keys: JSON.stringify(buildTextKeys([...names, ...textsOf(data.description), ...data.products.map((p) => p.name)])),
        };
        if (org.profile_id === null) await repo.insertProfile(trx, { organisation_id: orgId, ...row });
        else await repo.updateProfile(trx, orgId, row);
      } else {
        const pending: PendingProfileText | null = descriptionChanged ? { description: data.description, translations } : null;
        const row = {
          ...common,
          pending_description: pending ? JSON.stringify(pending) : null,
          pending_at: pending ? now : null,
          pending_by: pending ? actor.id : null,
          // The approved text's keys stay until staff approve the new text; products are not moderated.
          text_keys: JSON.stringify(buildTextKeys([...names, ...textsOf(approved), ...data.products.map((p) => p.name)])),
        };
        if (org.profile_id === null)
          await repo.insertProfile(trx, {
            organisation_id: orgId,
            publication: "published",
            description: null,
            translations: JSON.stringify(this.translations({}, null)),
            ...row,
          });
        else await repo.updateProfile(trx, orgId, row);
      }
      await repo.replaceSectors(trx, orgId, side, data.sectors);
      if (org.side !== null && org.side !== side) await repo.setSectorSide(trx, orgId, side);
      await this.refreshMatchData(trx, orgId);
    });
    if (staff) await this.audit(actor, "enterprises.profile_saved", "organisation", orgId, meta, { publication: data.publication });
    return this.get(orgId, actor);
  }

  /** Staff: "verified by … on …". */
  async verifyProfile(actor: Actor, orgId: number, meta: RequestMeta = {}, at = new Date()): Promise<Enterprise> {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const changed = await repo.updateProfile(this.db, orgId, { verified_at: iso(at), verified_by: actor.id > 0 ? actor.id : null });
    if (changed === 0) throw new AppError("not_found");
    await this.audit(actor, "enterprises.profile_verified", "organisation", orgId, meta);
    return this.get(orgId, actor);
  }

  /**
   * Stores a new logo of the organisation (its representatives and staff) and replaces the old one,
   * whose file is removed. The bytes are checked by content: PNG, JPEG or WebP, at most
   * MAX_LOGO_BYTES; anything else is refused before a byte is written.
   */
  async setLogo(actor: Actor, orgId: number, bytes: Uint8Array, meta: RequestMeta = {}): Promise<Enterprise> {
    if (!canEditEnterprise(actor, orgId)) throw new AppError("forbidden");
    const profile = await repo.findProfile(this.db, orgId);
    if (!profile) throw new AppError("validation_failed", { _: "enterprises.profile_first" });
    const stored = storeUpload(this.options.storageDir, bytes, { kinds: ["photo"], maxBytes: MAX_LOGO_BYTES });
    if ("rejected" in stored) throw new AppError("validation_failed", { file: LOGO_REFUSAL[stored.rejected] });
    try {
      await repo.updateProfile(this.db, orgId, { logo_file: stored.storedName });
    } catch (error) {
      await rm(path.join(this.options.storageDir, stored.storedName), { force: true });
      throw error;
    }
    if (profile.logo_file && isStoredName(profile.logo_file))
      await rm(path.join(this.options.storageDir, profile.logo_file), { force: true }).catch(() => undefined);
    if (isStaffActor(actor)) await this.audit(actor, "enterprises.logo_saved", "organisation", orgId, meta);
    return this.get(orgId, actor);
  }

  /** The type of a stored name that is some profile's logo (served under /files/), or null. */
  async logoType(storedName: string): Promise<string | null> {
    if (!isStoredName(storedName) || !(await repo.isLogo(this.db, storedName))) return null;
    return storedType(storedName);
  }

  // Writing: requests

  private checkValidUntil(value: unknown, today: Date, errors: Record<string, string>): void {
    const day = IsoDay.safeParse(value);
    if (!day.success) return;
    const todayIso = dayOf(today);
    const latest = dayOf(new Date(today.getTime() + MAX_VALID_DAYS * DAY));
    if (day.data < todayIso) errors.validUntil = "enterprises.valid_until_past";
    else if (day.data > latest) errors.validUntil = "enterprises.valid_until_far";
  }

  private parseRequest(input: unknown, today: Date) {
    return this.validate(RequestInput, input, {
      cross: requestCrossChecks,
      extra: (v) => {
        const errors = this.unknownClasses("sectors", v.sectors);
        this.checkValidUntil(v.validUntil, today, errors);
        return errors;
      },
    });
  }

  /** A new offer or need of an organisation: a draft, or sent to moderation (staff publish at once). */
  async createRequest(
    actor: Actor,
    orgId: number,
    input: unknown,
    meta: RequestMeta = {},
    today = new Date(),
  ): Promise<CooperationRequest> {
    if (!canEditEnterprise(actor, orgId)) throw new AppError("forbidden");
    const data = this.parseRequest(input, today);
    const profile = await repo.findProfile(this.db, orgId);
    if (!profile) throw new AppError("validation_failed", { _: "enterprises.profile_first" });
    const staff = isStaffActor(actor);
    const now = iso();
    const texts: PendingRequestText = { title: data.title, description: data.description };
    const status: RequestStatus = !data.submit ? "draft" : staff ? "published" : "pending";
    const id = await this.db.transaction().execute(async (trx) => {
      const requestId = await repo.insertRequest(trx, {
        organisation_id: orgId,
        ...this.requestFacts(data),
        title: status === "published" ? storeText(data.title) : null,
        description: status === "published" ? storeText(data.description) : null,
        pending_text: status === "published" ? null : JSON.stringify(texts),
        pending_at: status === "pending" ? now : null,
        status,
        text_keys: JSON.stringify(status === "published" ? this.requestKeys(texts, data.products) : []),
        created_by: actor.id > 0 ? actor.id : null,
      });
      await repo.syncRequestSectors(trx, requestId);
      await this.refreshMatchData(trx, orgId);
      return requestId;
    });
    if (staff) await this.audit(actor, "enterprises.request_created", "enterprise_request", id, meta, { status });
    return this.getRequest(id, actor, today);
  }

  private requestFacts(data: z.output<typeof RequestInput>) {
    return {
      kind: data.kind,
      sectors: JSON.stringify([...new Set(data.sectors)]),
      products: JSON.stringify(data.products),
      quantity: data.quantity,
      unit: data.unit,
      amount: data.amount,
      currency: data.currency,
      valid_until: data.validUntil,
    };
  }

  private requestKeys(texts: PendingRequestText, products: Product[]): string[] {
    return buildTextKeys([...textsOf(texts.title, texts.description), ...products.map((p) => p.name)]);
  }

  /**
   * Changes a request. Facts (kind, sectors, quantities, dates) apply at once; changed text of a
   * published request waits for moderation while the approved text stays public.
   */
  async updateRequest(actor: Actor, id: number, input: unknown, meta: RequestMeta = {}, today = new Date()): Promise<CooperationRequest> {
    const existing = await repo.findRequest(this.db, id);
    if (!existing) throw new AppError("not_found");
    if (!canEditEnterprise(actor, existing.organisation_id)) throw new AppError("forbidden");
    const data = this.parseRequest(input, today);
    const staff = isStaffActor(actor);
    const now = iso();
    const texts: PendingRequestText = { title: data.title, description: data.description };
    const approved: PendingRequestText = { title: optionalText(existing.title), description: optionalText(existing.description) };
    const hasApproved = approved.title !== null;
    const textChanged = !sameText(approved.title, texts.title) || !sameText(approved.description, texts.description);
    const facts = this.requestFacts(data);
    let change: Parameters<typeof repo.updateRequest>[2];
    if (staff && data.submit) {
      change = {
        ...facts,
        status: "published",
        title: storeText(texts.title),
        description: storeText(texts.description),
        pending_text: null,
        pending_at: null,
        moderation_note: null,
        text_keys: JSON.stringify(this.requestKeys(texts, data.products)),
        reminder_sent_at: existing.status === "expired" ? null : existing.reminder_sent_at,
      };
    } else if (!data.submit) {
      // Back to a draft: nothing of it stays public.
      change = { ...facts, status: "draft", pending_text: JSON.stringify(texts), pending_at: null };
    } else if (hasApproved && (existing.status === "published" || existing.status === "expired")) {
      change = {
        ...facts,
        status: "published",
        pending_text: textChanged ? JSON.stringify(texts) : null,
        pending_at: textChanged ? now : null,
        text_keys: JSON.stringify(this.requestKeys(approved, data.products)),
        reminder_sent_at: existing.status === "expired" ? null : existing.reminder_sent_at,
      };
    } else {
      // A draft, a rejected or a closed request sent (again) for moderation.
      change = {
        ...facts,
        status: hasApproved && !textChanged && existing.status !== "rejected" ? "published" : "pending",
        pending_text: JSON.stringify(texts),
        pending_at: now,
      };
      if (change.status === "published") {
        change.pending_text = null;
        change.pending_at = null;
      }
    }
    await this.db.transaction().execute(async (trx) => {
      await repo.updateRequest(trx, id, change);
      await repo.syncRequestSectors(trx, id);
      await this.refreshMatchData(trx, existing.organisation_id);
    });
    if (staff) await this.audit(actor, "enterprises.request_saved", "enterprise_request", id, meta, { status: change.status ?? null });
    return this.getRequest(id, actor, today);
  }

  /** The owner withdraws an offer or need (or staff take it down). */
  async closeRequest(actor: Actor, id: number, meta: RequestMeta = {}): Promise<CooperationRequest> {
    const existing = await repo.findRequest(this.db, id);
    if (!existing) throw new AppError("not_found");
    if (!canEditEnterprise(actor, existing.organisation_id)) throw new AppError("forbidden");
    await this.db.transaction().execute(async (trx) => {
      await repo.updateRequest(trx, id, { status: "closed", pending_at: null });
      await repo.syncRequestSectors(trx, id);
      await this.refreshMatchData(trx, existing.organisation_id);
    });
    if (isStaffActor(actor)) await this.audit(actor, "enterprises.request_closed", "enterprise_request", id, meta);
    return this.getRequest(id, actor);
  }

  // Moderation

  /** Pending texts, oldest first: the approved text beside the new one. */
  async moderationQueue(actor: Actor): Promise<ModerationItem[]> {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const [profiles, requests] = await Promise.all([repo.listPendingProfiles(this.db), repo.listPendingRequests(this.db)]);
    const items: ModerationItem[] = [
      ...profiles.map((p) => {
        const pending = parseJson<PendingProfileText | null>(p.pending_description, null);
        return {
          type: "profile" as const,
          id: p.organisation_id,
          organisation: this.brief(p.organisation_id, p.name, p.name_original, p.side),
          kind: null,
          old: { title: null, description: optionalText(p.description) },
          new: { title: null, description: pending?.description ?? null },
          submittedAt: isoOf(p.pending_at ?? new Date(0)),
          firstPublication: false,
        };
      }),
      ...requests.map((r) => {
        const pending = parseJson<PendingRequestText | null>(r.pending_text, null);
        return {
          type: "request" as const,
          id: r.id,
          organisation: this.brief(r.organisation_id, r.name, r.name_original, r.side),
          kind: r.kind as RequestKind,
          old: { title: optionalText(r.title), description: optionalText(r.description) },
          new: { title: pending?.title ?? null, description: pending?.description ?? null },
          submittedAt: isoOf(r.pending_at ?? new Date(0)),
          firstPublication: r.status === "pending",
        };
      }),
    ];
    return items.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }

  /** Approves or rejects a profile's pending description; the representatives are told. */
  async moderateProfile(actor: Actor, orgId: number, input: unknown, meta: RequestMeta = {}): Promise<void> {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const decision = this.validate(ModerationDecision, input);
    await this.db.transaction().execute(async (trx) => {
      const [row] = await repo.listEnterpriseRows(trx, [orgId]);
      const pending = parseJson<PendingProfileText | null>(row?.pending_description, null);
      if (!row || row.profile_id === null || !pending) throw new AppError("not_found");
      if (decision.decision === "approve") {
        await repo.updateProfile(trx, orgId, {
          description: storeText(pending.description),
          translations: JSON.stringify(pending.translations),
          pending_description: null,
          pending_at: null,
          pending_by: null,
          moderation_note: null,
          text_keys: JSON.stringify(
            buildTextKeys([
              ...textsOf(optionalText(row.name)),
              ...textsOf(pending.description),
              ...parseJson<Product[]>(row.products, []).map((p) => p.name),
            ]),
          ),
        });
      } else {
        await repo.updateProfile(trx, orgId, {
          pending_description: null,
          pending_at: null,
          pending_by: null,
          moderation_note: decision.reason,
        });
      }
      await this.refreshMatchData(trx, orgId);
      await this.notify(
        trx,
        [orgId],
        decision.decision === "approve" ? "profile_text_approved" : "profile_text_rejected",
        "organisation",
        orgId,
        {
          reason: decision.reason,
        },
      );
    });
    await this.audit(
      actor,
      `enterprises.profile_text_${decision.decision === "approve" ? "approved" : "rejected"}`,
      "organisation",
      orgId,
      meta,
      {
        reason: decision.reason,
      },
    );
  }

  /** Approves (publishes) or rejects a request's pending text; the representatives are told. */
  async moderateRequest(actor: Actor, id: number, input: unknown, meta: RequestMeta = {}): Promise<void> {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const decision = this.validate(ModerationDecision, input);
    const now = iso();
    let orgId = 0;
    await this.db.transaction().execute(async (trx) => {
      const row = await repo.findRequest(trx, id);
      const pending = parseJson<PendingRequestText | null>(row?.pending_text, null);
      if (!row || !pending || (row.status !== "pending" && row.status !== "published")) throw new AppError("not_found");
      orgId = row.organisation_id;
      const moderation = { moderated_by: actor.id > 0 ? actor.id : null, moderated_at: now, pending_text: null, pending_at: null };
      if (decision.decision === "approve") {
        await repo.updateRequest(trx, id, {
          ...moderation,
          status: "published",
          title: storeText(pending.title),
          description: storeText(pending.description),
          moderation_note: null,
          text_keys: JSON.stringify(this.requestKeys(pending, parseJson<Product[]>(row.products, []))),
        });
      } else {
        // A published request keeps its approved text; a first submission goes back to its owner.
        await repo.updateRequest(trx, id, {
          ...moderation,
          status: row.status === "published" ? "published" : "rejected",
          moderation_note: decision.reason,
        });
      }
      await repo.syncRequestSectors(trx, id);
      await this.refreshMatchData(trx, row.organisation_id);
      await this.notify(
        trx,
        [row.organisation_id],
        decision.decision === "approve" ? "request_approved" : "request_rejected",
        "enterprise_request",
        id,
        {
          reason: decision.reason,
        },
      );
    });
    await this.audit(
      actor,
      `enterprises.request_${decision.decision === "approve" ? "approved" : "rejected"}`,
      "enterprise_request",
      id,
      meta,
      {
        reason: decision.reason,
        organisationId: orgId,
      },
    );
  }

  // Expiry

  /**
   * Requests whose last day has passed leave the public lists: marked expired, and the owner's
   * representatives get one notice each (reminder_sent_at is set once). Run at start and daily.
   */
  async expireRequests(now = new Date()): Promise<{ expired: number; reminded: number }> {
    return this.db.transaction().execute(async (trx) => {
      const { expired, reminded } = await repo.expireRequests(trx, dayOf(now), iso(now));
      await repo.insertNotices(
        trx,
        reminded.map((r) => ({
          organisation_id: r.organisation_id,
          kind: "request_expired",
          subject_type: "enterprise_request",
          subject_id: r.id,
          details: JSON.stringify({ validUntil: r.valid_until, kind: r.kind, title: optionalText(r.title) }),
          created_at: iso(now),
          read_at: null,
        })),
      );
      return { expired, reminded: reminded.length };
    });
  }

  // Introductions

  /** A representative asks staff to introduce their enterprise to a counterpart of the other region. */
  async requestIntroduction(actor: Actor, input: unknown, meta: RequestMeta = {}, now = new Date()): Promise<Introduction> {
    const from = this.ownOrganisation(actor);
    const data = this.validate(IntroductionInput, input);
    const id = await this.db.transaction().execute(async (trx) => {
      const [mine, theirs] = await Promise.all([repo.findProfile(trx, from), repo.findProfile(trx, data.toOrganisationId)]);
      if (!mine) throw new AppError("validation_failed", { _: "enterprises.profile_first" });
      if (theirs?.publication !== "published") throw new AppError("validation_failed", { toOrganisationId: "coop.reference_unknown" });
      if (data.toOrganisationId === from || theirs.side === mine.side)
        throw new AppError("validation_failed", { toOrganisationId: "enterprises.introduction_same_side" });
      const requestIds = [data.fromRequestId, data.toRequestId].filter((v): v is number => v !== null);
      const requests = requestIds.length > 0 ? await repo.listRequestRows(trx, { ids: requestIds }) : [];
      const owner = new Map(requests.map((r) => [r.id, r.organisation_id]));
      if (data.fromRequestId !== null && owner.get(data.fromRequestId) !== from)
        throw new AppError("validation_failed", { fromRequestId: "coop.reference_unknown" });
      if (data.toRequestId !== null && owner.get(data.toRequestId) !== data.toOrganisationId)
        throw new AppError("validation_failed", { toRequestId: "coop.reference_unknown" });
      try {
        return await repo.insertIntroduction(
          trx,
          {
            from_organisation_id: from,
            requested_by: actor.id,
            to_organisation_id: data.toOrganisationId,
            from_request_id: data.fromRequestId,
            to_request_id: data.toRequestId,
            message: data.message,
            score: null,
            status: "requested",
            decided_by: null,
            reason: null,
            decided_at: null,
          },
          iso(now),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("validation_failed", { toOrganisationId: "enterprises.introduction_exists" });
        throw error;
      }
    });
    await this.audit(actor, "enterprises.introduction_requested", "enterprise_introduction", id, meta);
    return this.getIntroduction(id, now);
  }

  private async getIntroduction(id: number, now = new Date()): Promise<Introduction> {
    const [row] = await repo.listIntroductionRows(this.db, { ids: [id] });
    if (!row) throw new AppError("not_found");
    return this.presentIntroduction(row, now);
  }

  /** Introductions the actor's organisation asked for or was asked about. */
  async ownIntroductions(actor: Actor, now = new Date()): Promise<Introduction[]> {
    const orgId = this.ownOrganisation(actor);
    const rows = await repo.listIntroductionRows(this.db, { orgId, limit: 200 });
    // The other side learns of an introduction only once staff accepted it.
    return rows.filter((r) => r.from_organisation_id === orgId || r.status === "accepted").map((r) => this.presentIntroduction(r, now));
  }

  /** The representative who asked withdraws an open request. */
  async withdrawIntroduction(actor: Actor, id: number, meta: RequestMeta = {}, now = new Date()): Promise<Introduction> {
    const orgId = this.ownOrganisation(actor);
    const [row] = await repo.listIntroductionRows(this.db, { ids: [id] });
    if (!row || row.from_organisation_id !== orgId) throw new AppError("not_found");
    const changed = await repo.decideIntroduction(this.db, id, {
      status: "withdrawn",
      decided_by: actor.id,
      reason: null,
      decided_at: iso(now),
    });
    if (changed === 0) throw new AppError("validation_failed", { _: "enterprises.introduction_closed" });
    await this.audit(actor, "enterprises.introduction_withdrawn", "enterprise_introduction", id, meta);
    return this.getIntroduction(id, now);
  }

  /** Staff: every introduction (open ones first), with its age and the stale flag. */
  async introductionQueue(actor: Actor, filter: { status?: IntroductionStatus } = {}, now = new Date()): Promise<Introduction[]> {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const rows = await repo.listIntroductionRows(this.db, { statuses: filter.status ? [filter.status] : undefined, limit: 500 });
    const items = rows.map((r) => this.presentIntroduction(r, now));
    const open = (i: Introduction) => (i.status === "requested" ? 0 : 1);
    return items.sort(
      (a, b) => open(a) - open(b) || (open(a) === 0 ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt)),
    );
  }

  /** How many introductions have waited longer than the configured days: shown to staff. */
  async staleIntroductions(now = new Date()): Promise<number> {
    return repo.countStaleIntroductions(this.db, iso(new Date(now.getTime() - this.options.introductionStaleDays * DAY)));
  }

  /** Staff accept or decline; both organisations are told, with the reason. */
  async decideIntroduction(actor: Actor, id: number, input: unknown, meta: RequestMeta = {}, now = new Date()): Promise<Introduction> {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const decision = this.validate(IntroductionDecision, input);
    const status = decision.decision === "accept" ? "accepted" : "declined";
    await this.db.transaction().execute(async (trx) => {
      const [row] = await repo.listIntroductionRows(trx, { ids: [id] });
      if (!row) throw new AppError("not_found");
      const changed = await repo.decideIntroduction(trx, id, {
        status,
        decided_by: actor.id > 0 ? actor.id : null,
        reason: decision.reason,
        decided_at: iso(now),
      });
      if (changed === 0) throw new AppError("validation_failed", { _: "enterprises.introduction_closed" });
      await this.notify(
        trx,
        [row.from_organisation_id, row.to_organisation_id],
        status === "accepted" ? "introduction_accepted" : "introduction_declined",
        "enterprise_introduction",
        id,
        { reason: decision.reason, from: row.from_organisation_id, to: row.to_organisation_id },
        now,
      );
    });
    await this.audit(actor, `enterprises.introduction_${status}`, "enterprise_introduction", id, meta, { reason: decision.reason });
    return this.getIntroduction(id, now);
  }

  // Notices

  private async notify(
    trx: Executor,
    orgIds: number[],
    kind: NoticeKind,
    subjectType: string,
    subjectId: number,
    details: Record<string, unknown>,
    at = new Date(),
  ): Promise<void> {
    await repo.insertNotices(
      trx,
      [...new Set(orgIds)].map((organisation_id) => ({
        organisation_id,
        kind,
        subject_type: subjectType,
        subject_id: subjectId,
        details: JSON.stringify(details),
        created_at: iso(at),
        read_at: null,
      })),
    );
  }

  /** In-app notices of the actor's own organisation, newest first. */
  async notices(actor: Actor, limit = 50): Promise<Notice[]> {
    const orgId = this.ownOrganisation(actor);
    const rows = await repo.listNoticeRows(this.db, orgId, limit);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as NoticeKind,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: parseJson<Record<string, unknown>>(r.details, {}),
      createdAt: isoOf(r.created_at),
      readAt: isoOrNull(r.read_at),
    }));
  }

  async markNoticesRead(actor: Actor, now = new Date()): Promise<void> {
    await repo.markNoticesRead(this.db, this.ownOrganisation(actor), iso(now));
  }

  /** The organisation a request belongs to (for the ownership check before a body is read). */
  async requestOwner(id: number): Promise<number> {
    const row = await repo.findRequest(this.db, id);
    if (!row) throw new AppError("not_found");
    return row.organisation_id;
  }

  // Partner matching

  private toPartnerRequest(r: Pick<repo.RequestRow, "id" | "kind" | "sectors" | "products" | "text_keys" | "valid_until">): PartnerRequest {
    return {
      id: r.id,
      kind: r.kind as RequestKind,
      sectors: parseJson<string[]>(r.sectors, []),
      products: parseJson<Product[]>(r.products, [])
        .map((p) => p.hs)
        .filter((h): h is string => !!h),
      textKeys: parseJson<string[]>(r.text_keys, []),
      validUntil: r.valid_until,
    };
  }

  /**
   * Ranked counterparts of the other region for an enterprise or one of its requests. The
   * in-memory index (partners.index.ts), checked against the directory's version stamp with one
   * statement, gives the subject and at most MATCH_CANDIDATES published candidates of the other
   * side holding the subject's classes or the classes the value chain relates to them; the pure
   * rules rank them over the index's packed set; the index also has what the shown enterprises
   * display, and one statement reads their matched requests. Only approved text counts: the index
   * holds `match_data`, built from approved text.
   */
  async match(input: unknown, viewer: Viewer, i18n: I18n, today = new Date()): Promise<MatchResult> {
    const body = this.validate(MatchInput, input);
    const day = dayOf(today);
    const { index, territories: t } = await this.#partnerIndex.at(await repo.enterpriseVersion(this.db));
    let orgId = body.organisationId ?? 0;
    let subjectRequest: PartnerRequest | undefined;
    if (body.requestId !== undefined) {
      const live = index.liveRequest(body.requestId, day);
      if (live) {
        orgId = live.orgId;
        subjectRequest = live.request;
      } else {
        // Not public: a draft, pending or expired request is matched for its own organisation only.
        const row = await repo.findRequest(this.db, body.requestId);
        if (!row || !canEditEnterprise(viewer, row.organisation_id)) throw new AppError("not_found");
        orgId = row.organisation_id;
        subjectRequest = this.toPartnerRequest(row);
      }
    }
    const subjectEntry = index.profile(orgId);
    if (!subjectEntry) throw new AppError("not_found");
    if (!subjectEntry.published && !canEditEnterprise(viewer, orgId)) throw new AppError("not_found");
    const profile = subjectEntry.profile;
    const own = subjectRequest
      ? subjectRequest.sectors
      : [...profile.sectors, ...profile.requests.filter((r) => r.validUntil === null || r.validUntil >= day).flatMap((r) => r.sectors)];
    const otherSide: Side = profile.side === "home" ? "partner" : "home";
    const candidates = index.candidates(otherSide, relatedClasses(own), orgId, day, MATCH_CANDIDATES);
    const subject: MatchSubject = subjectRequest ? { profile, request: subjectRequest } : { profile };
    const ranked = rankInSet(subject, index.set, candidates, { today: day, limit: body.limit });
    const matchedRequests = await repo.listRequestRowsById(
      this.db,
      ranked.map((m) => m.requestId).filter((id): id is number => id !== null),
    );
    const requestById = new Map(matchedRequests.map((r) => [r.id, r]));
    const sectors = new Map<number, string[]>();
    const kinds = new Map<number, RequestKind[]>();
    const items = ranked.flatMap((m) => {
      const shown = index.shown(m.profileId);
      if (!shown) return [];
      sectors.set(m.profileId, index.sectors(m.profileId));
      kinds.set(m.profileId, index.liveKinds(m.profileId, day));
      const matched = m.requestId === null ? undefined : requestById.get(m.requestId);
      return [
        {
          enterprise: this.summary(shown, t, sectors, kinds),
          request: matched
            ? this.presentRequest(matched, t, viewer, {
                name: shown.name,
                nameOriginal: shown.name_original,
                territoryId: shown.territory_id,
                illustrative: shown.is_illustrative,
                side: shown.side,
              })
            : null,
          score: m.score,
          reasons: m.reasons as unknown as Record<string, unknown>[],
          explanation: explainMatch(i18n, m),
        },
      ];
    });
    return { subject: { organisationId: orgId, requestId: subjectRequest?.id ?? null }, candidatesConsidered: candidates.length, items };
  }

  /**
   * Rewrites what matching reads for some organisations (all with a profile when none are given):
   * for data changed behind the service's back (SQL, imports); the service keeps it itself.
   */
  async rebuildMatchData(orgIds?: number[]): Promise<number> {
    const ids = orgIds ?? (await repo.listProfileIds(this.db));
    for (const id of ids) await this.db.transaction().execute((trx) => this.refreshMatchData(trx, id));
    return ids.length;
  }

  /** Rewrites what matching reads of an organisation (its profile and published requests): after every write. */
  private async refreshMatchData(trx: Executor, orgId: number): Promise<void> {
    const profile = await repo.findProfile(trx, orgId);
    if (!profile) return;
    const sectors = await repo.listSectorRows(trx, [orgId]);
    const requests = await repo.listRequestRows(trx, { orgIds: [orgId], statuses: ["published"] });
    const data = buildMatchData(
      {
        sectors: sectors.map((r) => r.nace),
        products: parseJson<Product[]>(profile.products, []),
        markets: parseJson<string[]>(profile.export_markets, []),
        size: profile.size_band,
        keys: parseJson<string[]>(profile.text_keys, []),
      },
      requests.map((r) => ({
        id: r.id,
        kind: r.kind,
        sectors: parseJson<string[]>(r.sectors, []),
        products: parseJson<Product[]>(r.products, []),
        keys: parseJson<string[]>(r.text_keys, []),
        validUntil: r.valid_until,
      })),
    );
    await repo.setMatchData(trx, orgId, JSON.stringify(data));
  }

  // Back office

  /** Staff: every profile (drafts and hidden ones too) and the organisations that have none yet. */
  async adminDirectory(actor: Actor, input: unknown) {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const page = await this.directory(input, { includeUnpublished: true });
    return page;
  }

  async organisationsWithoutProfile(actor: Actor): Promise<OrganisationBrief[]> {
    if (!isStaffActor(actor)) throw new AppError("forbidden");
    const rows = await repo.listOrganisationsWithoutProfile(this.db);
    return rows.filter((r) => r.kind === "company").map((r) => this.brief(r.id, r.name, r.name_original, null));
  }

  /** The organisation's names for a form heading (any organisation of the registry, profile or not). */
  async organisationBrief(orgId: number): Promise<OrganisationBrief> {
    const [row] = await repo.listEnterpriseRows(this.db, [orgId]);
    if (!row) throw new AppError("not_found");
    return this.brief(row.id, row.name, row.name_original, row.side);
  }

  // Audit

  private async audit(
    actor: Actor,
    action: string,
    subjectType: string,
    subjectId: number,
    meta: RequestMeta,
    details?: Record<string, unknown>,
  ): Promise<void> {
    // The demo seed and reference loads write as the system (id 0): nobody to audit.
    if (actor.id <= 0) return;
    await this.accounts.recordAudit({
      action,
      actorUserId: actor.id > 0 ? actor.id : null,
      subjectType,
      subjectId: String(subjectId),
      requestId: meta.requestId,
      details,
    });
  }
}

export type { TranslationState };
