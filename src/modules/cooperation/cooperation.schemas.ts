import { z } from "zod";
import { LocalizedName } from "../territories/territories.schemas.ts";

export const ORGANISATION_KINDS = ["government_body", "company", "sez_operator", "association"] as const;
export const TIE_KINDS = ["sister_region", "partner_city", "strategic_partnership"] as const;
export const AGREEMENT_KINDS = ["memorandum", "agreement", "contract", "protocol"] as const;
export const AGREEMENT_STATUSES = ["signed", "in_force", "being_implemented", "fulfilled", "expired", "terminated"] as const;
/** The pipeline in order; `cancelled` stands outside it. */
export const PROJECT_STAGES = [
  "idea",
  "negotiation",
  "agreement_signed",
  "land_allotted",
  "construction",
  "commissioned",
  "operating",
  "cancelled",
] as const;
export const PIPELINE = PROJECT_STAGES.filter((s) => s !== "cancelled");
export const PROJECT_ROLES = ["investor", "developer", "builder", "operator", "participant"] as const;
export const SITE_KINDS = ["zone", "plot", "text"] as const;
export const CAPITAL_CURRENCIES = ["KZT", "USD", "CNY"] as const;
export const INDICATOR_UNITS = ["usd_bn", "usd_mn", "kzt_bn", "count", "pct"] as const;
export const INDICATOR_BASES = ["china_customs", "kazakh_statistics", "mirror_statistics", "official_statement", "article"] as const;
export const CONFIDENCES = ["verified", "single-source", "article-only", "conflicting", "estimated", "unverified"] as const;
export const ALIAS_KINDS = ["name", "alias", "misspelling"] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type TieKind = (typeof TIE_KINDS)[number];
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** A date known to the day, the month or only the year ("August 2025" → 2025-08). */
export const PartialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "coop.partial_date_invalid");
export const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "form.date_invalid");

const text = (max: number) => z.string().trim().max(max, "form.too_long");
const required = (max: number) => z.string().trim().min(1, "form.required").max(max, "form.too_long");
const Url = z
  .string()
  .trim()
  .max(1000, "form.too_long")
  .regex(/^https?:\/\/[^\s<>"]+$/, "coop.url_invalid");
const Slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,100}$/, "coop.territory_unknown");
const Id = z.number({ error: "form.choose_one" }).int("form.choose_one").positive("form.choose_one");
const Country = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, "coop.country_invalid");
const Nace = z
  .string()
  .trim()
  .regex(/^[A-U](\d{2}(\.\d{1,2})?)?$/, "coop.nace_invalid");
const Confidence = z.enum(CONFIDENCES, "form.choose_one").default("unverified");
const Sources = z.array(text(1000)).max(20).default([]);

/** A text in the portal's languages as typed: kk, ru and en required, zh optional. */
export const LocalTextInput = z.object({
  kk: required(500),
  ru: required(500),
  zh: text(500).nullable().default(null),
  en: required(500),
});
export type LocalTextInput = z.input<typeof LocalTextInput>;
/** The same, every language optional (a subject, a summary): null when all are empty. */
export const OptionalTextInput = z
  .object({
    kk: text(2000).nullable().default(null),
    ru: text(2000).nullable().default(null),
    zh: text(2000).nullable().default(null),
    en: text(2000).nullable().default(null),
  })
  .nullable()
  .default(null);

export const AliasInput = z.object({
  alias: required(200),
  kind: z.enum(["alias", "misspelling"], "form.choose_one").default("alias"),
});

// Output shapes (the API's public fields).

export const LocalText = LocalizedName;
export type LocalText = z.infer<typeof LocalText>;
/** Optional text: each language may be missing; pages fall back to English, then Russian. */
export const OptionalText = z.object({
  kk: z.string().nullable(),
  ru: z.string().nullable(),
  zh: z.string().nullable(),
  en: z.string().nullable(),
});
export type OptionalText = z.infer<typeof OptionalText>;

export const TerritoryRef = z.object({ slug: z.string(), name: LocalText, country: z.string() });
export type TerritoryRef = z.infer<typeof TerritoryRef>;
export const OrganisationRef = z.object({
  id: z.number().int(),
  kind: z.enum(ORGANISATION_KINDS),
  name: LocalText,
  nameOriginal: z.string().nullable(),
});
export type OrganisationRef = z.infer<typeof OrganisationRef>;
export const PersonRef = z.object({ id: z.number().int(), name: LocalText, nameOriginal: z.string().nullable() });
export type PersonRef = z.infer<typeof PersonRef>;
export const AgreementRef = z.object({
  id: z.number().int(),
  kind: z.enum(AGREEMENT_KINDS),
  title: LocalText,
  status: z.enum(AGREEMENT_STATUSES),
  signedOn: z.string().nullable(),
});
export type AgreementRef = z.infer<typeof AgreementRef>;
export const ProjectRef = z.object({ id: z.number().int(), title: LocalText, stage: z.enum(PROJECT_STAGES) });
export type ProjectRef = z.infer<typeof ProjectRef>;

const Sourcing = {
  confidence: z.string().describe("verified, single-source, article-only, conflicting, estimated, unverified"),
  sources: z.array(z.string()).describe("URLs or named sources"),
  note: z.string().nullable(),
};

export const Alias = z.object({ alias: z.string(), script: z.string(), kind: z.enum(ALIAS_KINDS) });
export type Alias = z.infer<typeof Alias>;

export const Organisation = z.object({
  id: z.number().int(),
  kind: z.enum(ORGANISATION_KINDS),
  name: LocalText,
  nameOriginal: z.string().nullable().describe("The name in its own script, as the organisation writes it"),
  territory: TerritoryRef.nullable(),
  country: z.string().nullable(),
  sectors: z.array(z.string()).describe("NACE Rev. 2 codes"),
  website: z.string().nullable(),
  aliases: z.array(Alias),
  illustrative: z.boolean(),
  ...Sourcing,
});
export type Organisation = z.infer<typeof Organisation>;

export const Position = z.object({
  organisation: OrganisationRef.nullable(),
  title: LocalText,
  since: z.string().nullable(),
  until: z.string().nullable(),
  confidence: z.string(),
  sources: z.array(z.string()),
});
export type Position = z.infer<typeof Position>;

export const Person = z.object({
  id: z.number().int(),
  name: LocalText,
  nameOriginal: z.string().nullable(),
  positions: z.array(Position),
  aliases: z.array(Alias),
  ...Sourcing,
});
export type Person = z.infer<typeof Person>;

export const Tie = z.object({
  id: z.number().int(),
  territory: TerritoryRef,
  partner: TerritoryRef,
  kind: z.enum(TIE_KINDS),
  since: z.string().nullable(),
  document: z.object({ title: z.string().nullable(), url: z.string().nullable() }).nullable(),
  agreementId: z.number().int().nullable(),
  ...Sourcing,
});
export type Tie = z.infer<typeof Tie>;

export const HistoryEntry = z.object({
  from: z.string().nullable(),
  to: z.string(),
  on: z.string().nullable().describe("When it happened (partial date)"),
  reason: z.string(),
  by: z.string().nullable(),
  recordedAt: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Agreement = z.object({
  id: z.number().int(),
  kind: z.enum(AGREEMENT_KINDS),
  title: LocalText,
  subject: OptionalText.nullable(),
  signedOn: z.string().nullable(),
  place: TerritoryRef.nullable(),
  placeNote: z.string().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  statusOn: z.string().nullable(),
  parties: z.array(
    z.object({
      organisation: OrganisationRef.extend({ territory: TerritoryRef.nullable() }),
      signatory: PersonRef.nullable(),
      signatoryNote: z.string().nullable(),
    }),
  ),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  delegationId: z.number().int().nullable(),
  projects: z.array(ProjectRef),
  history: z.array(HistoryEntry),
  illustrative: z.boolean(),
  ...Sourcing,
});
export type Agreement = z.infer<typeof Agreement>;

export const FollowUp = z.object({
  id: z.number().int(),
  delegationId: z.number().int(),
  description: z.string(),
  owner: z.object({ person: PersonRef.nullable(), organisation: OrganisationRef.nullable(), note: z.string().nullable() }),
  dueOn: z.string(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const Delegation = z.object({
  id: z.number().int(),
  title: LocalText,
  from: TerritoryRef,
  to: TerritoryRef,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  head: PersonRef.nullable(),
  headNote: z.string().nullable(),
  purpose: OptionalText.nullable(),
  members: z.array(z.object({ person: PersonRef.nullable(), organisation: OrganisationRef.nullable(), note: z.string().nullable() })),
  meetings: z.array(
    z.object({
      on: z.string().nullable(),
      person: PersonRef.nullable(),
      organisation: OrganisationRef.nullable(),
      summary: OptionalText.nullable(),
    }),
  ),
  visits: z.array(
    z.object({
      organisation: OrganisationRef.nullable().describe("null when the company's name is not published"),
      description: OptionalText.nullable().describe("What kind of company it is"),
      sector: z.string().nullable(),
    }),
  ),
  agreements: z.array(AgreementRef),
  followUps: z.array(FollowUp),
  illustrative: z.boolean(),
  ...Sourcing,
});
export type Delegation = z.infer<typeof Delegation>;

export const Capital = z.object({
  amount: z.number(),
  currency: z.enum(CAPITAL_CURRENCIES),
  kzt: z.number().nullable(),
  usd: z.number().nullable(),
  kztPerUsd: z.number().nullable().describe("The rate the KZT/USD figures were converted at; null when both were stated by the source"),
  rateOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type Capital = z.infer<typeof Capital>;

export const Site = z.object({
  kind: z.enum(SITE_KINDS),
  ref: z.string().nullable().describe("Zone slug or plot code in the catalogue"),
  text: z.string().nullable(),
});
export type Site = z.infer<typeof Site>;

export const Project = z.object({
  id: z.number().int(),
  title: LocalText,
  description: OptionalText.nullable(),
  investor: OrganisationRef.nullable(),
  investorCountry: z.string().nullable(),
  sector: z.string().nullable().describe("NACE Rev. 2"),
  territory: TerritoryRef.nullable().describe("Where in the oblast"),
  site: Site.nullable(),
  capital: Capital.nullable(),
  jobsPlanned: z.number().int().nullable(),
  jobsCreated: z.number().int().nullable(),
  stage: z.enum(PROJECT_STAGES),
  stageOn: z.string().nullable(),
  agreements: z.array(AgreementRef),
  participants: z.array(z.object({ organisation: OrganisationRef, role: z.enum(PROJECT_ROLES) })),
  history: z.array(HistoryEntry),
  illustrative: z.boolean(),
  ...Sourcing,
});
export type Project = z.infer<typeof Project>;

export const Indicator = z.object({
  id: z.number().int(),
  code: z.string(),
  name: LocalText,
  unit: z.enum(INDICATOR_UNITS),
  period: z.string(),
  value: z.number(),
  country: z.string().nullable(),
  partnerCountry: z.string().nullable(),
  territories: z.array(TerritoryRef),
  basis: z.enum(INDICATOR_BASES).describe("Whose statistics: figures on different bases are not comparable"),
  basisNote: z.string().nullable(),
  asOf: z.string().nullable(),
  ...Sourcing,
});
export type Indicator = z.infer<typeof Indicator>;

export const SearchHit = z.object({
  type: z.enum(["organisation", "person", "territory"]),
  id: z.number().int(),
  slug: z.string().nullable(),
  name: LocalText,
  matched: z.string().describe("The alias that matched"),
});
export type SearchHit = z.infer<typeof SearchHit>;

// Inputs: the back-office forms and the API validate with the same schemas.

export const OrganisationInput = z.object({
  kind: z.enum(ORGANISATION_KINDS, "form.choose_one"),
  name: LocalTextInput,
  nameOriginal: text(300).nullable().default(null),
  territorySlug: Slug.nullable().default(null),
  country: Country.nullable().default(null),
  sectors: z.array(Nace).max(20).default([]),
  website: Url.nullable().default(null),
  aliases: z.array(AliasInput).max(50).default([]),
  confidence: Confidence,
  sources: Sources,
  note: text(2000).nullable().default(null),
  illustrative: z.boolean().default(false),
});
export type OrganisationInput = z.input<typeof OrganisationInput>;
export type OrganisationData = z.output<typeof OrganisationInput>;

export const PositionInput = z.object({
  organisationId: Id.nullable().default(null),
  title: LocalTextInput,
  since: PartialDate.nullable().default(null),
  until: PartialDate.nullable().default(null),
  confidence: Confidence,
  sources: Sources,
});

export const PersonInput = z.object({
  name: LocalTextInput,
  nameOriginal: text(300).nullable().default(null),
  positions: z.array(PositionInput).max(30).default([]),
  aliases: z.array(AliasInput).max(50).default([]),
  confidence: Confidence,
  sources: Sources,
  note: text(2000).nullable().default(null),
});
export type PersonInput = z.input<typeof PersonInput>;
export type PersonData = z.output<typeof PersonInput>;

export const TieInput = z.object({
  territorySlug: Slug,
  partnerSlug: Slug,
  kind: z.enum(TIE_KINDS, "form.choose_one"),
  since: PartialDate.nullable().default(null),
  documentTitle: text(500).nullable().default(null),
  documentUrl: Url.nullable().default(null),
  agreementId: Id.nullable().default(null),
  confidence: Confidence,
  sources: Sources,
  note: text(2000).nullable().default(null),
});
export type TieInput = z.input<typeof TieInput>;
export type TieData = z.output<typeof TieInput>;

export const PartyInput = z.object({
  organisationId: Id,
  signatoryPersonId: Id.nullable().default(null),
  signatoryNote: text(300).nullable().default(null),
});

export const AgreementInput = z.object({
  kind: z.enum(AGREEMENT_KINDS, "form.choose_one"),
  title: LocalTextInput,
  subject: OptionalTextInput,
  signedOn: PartialDate.nullable().default(null),
  placeSlug: Slug.nullable().default(null),
  placeNote: text(300).nullable().default(null),
  status: z.enum(AGREEMENT_STATUSES, "form.choose_one"),
  statusOn: PartialDate.nullable().default(null),
  parties: z.array(PartyInput).max(20).default([]),
  documents: z
    .array(z.object({ title: required(300), url: Url }))
    .max(20)
    .default([]),
  delegationId: Id.nullable().default(null),
  projectIds: z.array(Id).max(100).default([]),
  confidence: Confidence,
  sources: Sources,
  note: text(2000).nullable().default(null),
  illustrative: z.boolean().default(false),
});
export type AgreementInput = z.input<typeof AgreementInput>;
export type AgreementData = z.output<typeof AgreementInput>;

export const FollowUpInput = z.object({
  description: required(1000),
  ownerPersonId: Id.nullable().default(null),
  ownerOrganisationId: Id.nullable().default(null),
  ownerNote: text(300).nullable().default(null),
  dueOn: IsoDate,
  done: z.boolean().default(false),
  doneOn: IsoDate.nullable().default(null),
});
export type FollowUpInput = z.input<typeof FollowUpInput>;

export const DelegationInput = z.object({
  title: LocalTextInput,
  fromSlug: Slug,
  toSlug: Slug,
  startsOn: PartialDate.nullable().default(null),
  endsOn: PartialDate.nullable().default(null),
  headPersonId: Id.nullable().default(null),
  headNote: text(300).nullable().default(null),
  purpose: OptionalTextInput,
  members: z
    .array(
      z.object({
        personId: Id.nullable().default(null),
        organisationId: Id.nullable().default(null),
        note: text(300).nullable().default(null),
      }),
    )
    .max(100)
    .default([]),
  meetings: z
    .array(
      z.object({
        on: PartialDate.nullable().default(null),
        personId: Id.nullable().default(null),
        organisationId: Id.nullable().default(null),
        summary: OptionalTextInput,
      }),
    )
    .max(100)
    .default([]),
  visits: z
    .array(z.object({ organisationId: Id.nullable().default(null), description: OptionalTextInput, sector: Nace.nullable().default(null) }))
    .max(100)
    .default([]),
  followUps: z.array(FollowUpInput).max(100).default([]),
  confidence: Confidence,
  sources: Sources,
  note: text(2000).nullable().default(null),
  illustrative: z.boolean().default(false),
});
export type DelegationInput = z.input<typeof DelegationInput>;
export type DelegationData = z.output<typeof DelegationInput>;

export const ProjectInput = z.object({
  title: LocalTextInput,
  description: OptionalTextInput,
  investorOrganisationId: Id.nullable().default(null),
  investorCountry: Country.nullable().default(null),
  sector: Nace.nullable().default(null),
  territorySlug: Slug.nullable().default(null),
  siteKind: z.enum(SITE_KINDS, "form.choose_one").nullable().default(null),
  siteRef: text(100).nullable().default(null),
  siteText: text(500).nullable().default(null),
  capitalAmount: z.number({ error: "form.number_required" }).positive("form.positive").max(1e15, "form.too_large").nullable().default(null),
  capitalCurrency: z.enum(CAPITAL_CURRENCIES, "form.choose_one").nullable().default(null),
  /** When the source states the other currency's figure too, it is kept as stated (no rate). */
  capitalKzt: z.number({ error: "form.number_required" }).positive("form.positive").max(1e16, "form.too_large").nullable().default(null),
  capitalUsd: z.number({ error: "form.number_required" }).positive("form.positive").max(1e14, "form.too_large").nullable().default(null),
  fxKztPerUsd: z
    .number({ error: "form.number_required" })
    .positive("form.positive")
    .max(100_000, "form.too_large")
    .nullable()
    .default(null),
  fxOn: IsoDate.nullable().default(null),
  fxNote: text(500).nullable().default(null),
  jobsPlanned: z
    .number({ error: "form.number_required" })
    .int("coop.whole_number")
    .min(0, "form.not_negative")
    .max(1_000_000, "form.too_large")
    .nullable()
    .default(null),
  jobsCreated: z
    .number({ error: "form.number_required" })
    .int("coop.whole_number")
    .min(0, "form.not_negative")
    .max(1_000_000, "form.too_large")
    .nullable()
    .default(null),
  stage: z.enum(PROJECT_STAGES, "form.choose_one"),
  stageOn: PartialDate.nullable().default(null),
  agreementIds: z.array(Id).max(100).default([]),
  participants: z
    .array(z.object({ organisationId: Id, role: z.enum(PROJECT_ROLES, "form.choose_one") }))
    .max(50)
    .default([]),
  confidence: Confidence,
  sources: Sources,
  note: text(2000).nullable().default(null),
  illustrative: z.boolean().default(false),
});
export type ProjectInput = z.input<typeof ProjectInput>;
export type ProjectData = z.output<typeof ProjectInput>;

/** Rules across fields; also run on raw form input, so a form shows every problem at once. */
export function projectCrossChecks(p: Record<string, unknown>): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const empty = (v: unknown) => v === null || v === undefined || v === "";
  if (!empty(p.capitalAmount) && empty(p.capitalCurrency)) issues.push({ path: ["capitalCurrency"], message: "coop.currency_required" });
  if ((p.siteKind === "zone" || p.siteKind === "plot") && empty(p.siteRef))
    issues.push({ path: ["siteRef"], message: "coop.site_ref_required" });
  if (p.siteKind === "text" && empty(p.siteText)) issues.push({ path: ["siteText"], message: "form.required" });
  if (!empty(p.fxKztPerUsd) && empty(p.fxOn)) issues.push({ path: ["fxOn"], message: "coop.rate_date_required" });
  if (typeof p.jobsCreated === "number" && typeof p.jobsPlanned === "number" && p.jobsCreated > p.jobsPlanned * 10)
    issues.push({ path: ["jobsCreated"], message: "form.too_large" });
  return issues;
}

export const IndicatorInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,60}$/, "coop.code_invalid"),
  name: LocalTextInput,
  unit: z.enum(INDICATOR_UNITS, "form.choose_one"),
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, "coop.period_invalid"),
  value: z.number({ error: "form.number_required" }).min(-1e15, "form.too_large").max(1e15, "form.too_large"),
  country: Country.nullable().default(null),
  partnerCountry: Country.nullable().default(null),
  territorySlugs: z.array(Slug).max(30).default([]),
  basis: z.enum(INDICATOR_BASES, "form.choose_one"),
  basisNote: text(500).nullable().default(null),
  asOf: PartialDate.nullable().default(null),
  confidence: Confidence,
  sources: Sources,
  note: text(2000).nullable().default(null),
});
export type IndicatorInput = z.input<typeof IndicatorInput>;
export type IndicatorData = z.output<typeof IndicatorInput>;

/** A stage or status change: the new value, when it happened, and why. */
export const ChangeInput = z.object({
  to: z.string().min(1, "form.choose_one"),
  on: PartialDate.nullable().default(null),
  reason: z.string().trim().min(3, "coop.reason_required").max(500, "form.too_long"),
});
export type ChangeInput = z.input<typeof ChangeInput>;

export const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
