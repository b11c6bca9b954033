import { z } from "zod";
import { LocalText, OptionalText, TerritoryRef } from "../cooperation/cooperation.schemas.ts";
import { REQUEST_KINDS } from "./partners.model.ts";

export { REQUEST_KINDS };
export const SIDES = ["home", "partner"] as const;
export const SIZE_BANDS = ["micro", "small", "medium", "large"] as const;
export const PUBLICATIONS = ["draft", "published", "hidden"] as const;
export const REQUEST_STATUSES = ["draft", "pending", "published", "rejected", "closed", "expired"] as const;
export const INTRODUCTION_STATUSES = ["requested", "accepted", "declined", "withdrawn"] as const;
export const TRANSLATION_STATES = ["original", "human", "machine", "missing"] as const;
export const TEXT_LANGUAGES = ["kk", "ru", "zh", "en"] as const;
export const CURRENCIES = ["KZT", "USD", "CNY", "EUR", "RUB"] as const;
export const NOTICE_KINDS = [
  "request_expired",
  "request_approved",
  "request_rejected",
  "profile_text_approved",
  "profile_text_rejected",
  "introduction_requested",
  "introduction_accepted",
  "introduction_declined",
] as const;

export type Side = (typeof SIDES)[number];
export type SizeBand = (typeof SIZE_BANDS)[number];
export type Publication = (typeof PUBLICATIONS)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];
export type TranslationState = (typeof TRANSLATION_STATES)[number];
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];
export type NoticeKind = (typeof NOTICE_KINDS)[number];

// Inputs: the representative's pages, the back office and the API validate with the same schemas.
// Messages are message keys; pages and the API turn them into the reader's language.

const text = (max: number) => z.string().trim().max(max, "form.too_long");
const required = (max: number) => z.string().trim().min(1, "form.required").max(max, "form.too_long");
const optional = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

/** A NACE Rev. 2 class: two digits, a dot, two digits ("13.20"). Unknown classes are refused by the service. */
export const NaceClass = z
  .string()
  .trim()
  .regex(/^\d{2}\.\d{2}$/, "enterprises.nace_class_invalid");
/** An HS code, 2 to 6 digits. */
export const HsCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\d{2}){0,2}$/, "enterprises.hs_invalid");
export const CountryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, "coop.country_invalid"));
export const IsoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "form.date_invalid");

/** A text per language, any of them optional; null when every language is empty. */
export const TextInput = (max: number) =>
  z
    .object({ kk: optional(max), ru: optional(max), zh: optional(max), en: optional(max) })
    .nullable()
    .default(null)
    .transform((t) => (t && (t.kk || t.ru || t.zh || t.en) ? t : null));

export const ProductInput = z.object({
  hs: HsCode.nullable().default(null),
  name: required(200),
});
export type Product = z.output<typeof ProductInput>;

export const ContactsInput = z
  .object({
    person: optional(200),
    email: z
      .string()
      .trim()
      .max(254, "form.too_long")
      .nullable()
      .default(null)
      .transform((v) => (v === "" ? null : v))
      .pipe(z.email("form.email_invalid").nullable()),
    phone: text(60)
      .regex(/^[+\d\s()-]*$/, "enterprises.phone_invalid")
      .nullable()
      .default(null)
      .transform((v) => (v === "" ? null : v)),
    address: optional(500),
  })
  .nullable()
  .default(null);
export type Contacts = z.output<typeof ContactsInput>;

const TranslationsInput = z
  .object({
    kk: z.enum(["original", "human", "machine"], "form.choose_one").optional(),
    ru: z.enum(["original", "human", "machine"], "form.choose_one").optional(),
    zh: z.enum(["original", "human", "machine"], "form.choose_one").optional(),
    en: z.enum(["original", "human", "machine"], "form.choose_one").optional(),
  })
  .default({});

/** What a representative may change on their own organisation's profile. */
export const ProfileInput = z.object({
  sizeBand: z.enum(SIZE_BANDS, "form.choose_one").nullable().default(null),
  yearFounded: z
    .number({ error: "form.number_required" })
    .int("form.number_required")
    .min(1800, "enterprises.year_invalid")
    .max(2100, "enterprises.year_invalid")
    .nullable()
    .default(null),
  description: TextInput(4000),
  /** How each language of the description came about; languages left empty are "missing". */
  translations: TranslationsInput,
  sectors: z.array(NaceClass).min(1, "enterprises.sectors_required").max(12, "enterprises.too_many"),
  products: z.array(ProductInput).max(30, "enterprises.too_many").default([]),
  exportMarkets: z.array(CountryCode).max(60, "enterprises.too_many").default([]),
  certifications: z.array(required(200)).max(20, "enterprises.too_many").default([]),
  contacts: ContactsInput,
});
export type ProfileInput = z.input<typeof ProfileInput>;
export type ProfileData = z.output<typeof ProfileInput>;

/** Staff also decide whether the profile is shown. */
export const StaffProfileInput = ProfileInput.extend({
  publication: z.enum(PUBLICATIONS, "form.choose_one").default("published"),
});
export type StaffProfileInput = z.input<typeof StaffProfileInput>;
export type StaffProfileData = z.output<typeof StaffProfileInput>;

const Positive = z.number({ error: "form.number_required" }).positive("form.positive").max(1e15, "form.too_large");

export const RequestInput = z
  .object({
    kind: z.enum(REQUEST_KINDS, "form.choose_one"),
    sectors: z.array(NaceClass).max(8, "enterprises.too_many").default([]),
    products: z.array(ProductInput).max(20, "enterprises.too_many").default([]),
    quantity: Positive.nullable().default(null),
    unit: optional(40),
    amount: Positive.nullable().default(null),
    currency: z.enum(CURRENCIES, "form.choose_one").nullable().default(null),
    title: TextInput(200),
    description: TextInput(4000),
    /** Last day the offer or need stands, YYYY-MM-DD: today at the earliest, two years ahead at the latest. */
    validUntil: IsoDay,
    /** false keeps it as a draft; true sends it to moderation (or publishes a staff member's own change). */
    submit: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    for (const issue of requestCrossChecks(r)) ctx.addIssue({ code: "custom", ...issue });
  });

/**
 * Rules across fields of an offer or need. Also run on raw input, so a form or an API caller sees
 * them together with the per-field errors (zod skips refinements while any field is invalid): a
 * value of the wrong type counts as given (its own error says what is wrong with it).
 */
export function requestCrossChecks(r: Record<string, unknown>): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  const none = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  const t = r.title;
  const untitled = t !== null && typeof t === "object" ? TEXT_LANGUAGES.every((l) => blank((t as Record<string, unknown>)[l])) : blank(t);
  if (untitled) issues.push({ path: ["title"], message: "enterprises.title_required" });
  if (!blank(r.amount) && blank(r.currency)) issues.push({ path: ["currency"], message: "enterprises.currency_required" });
  if (!blank(r.quantity) && blank(r.unit)) issues.push({ path: ["unit"], message: "enterprises.unit_required" });
  if (none(r.sectors) && none(r.products)) issues.push({ path: ["sectors"], message: "enterprises.sectors_or_products" });
  return issues;
}
export type RequestInput = z.input<typeof RequestInput>;
export type RequestData = z.output<typeof RequestInput>;

export const ModerationDecision = z
  .object({
    decision: z.enum(["approve", "reject"], "form.choose_one"),
    reason: optional(1000),
  })
  .superRefine((d, ctx) => {
    if (d.decision === "reject" && !d.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "enterprises.reason_required" });
  });
export type ModerationDecision = z.input<typeof ModerationDecision>;

export const IntroductionInput = z.object({
  toOrganisationId: z.number({ error: "form.choose_one" }).int("form.choose_one").positive("form.choose_one"),
  fromRequestId: z.number().int().positive().nullable().default(null),
  toRequestId: z.number().int().positive().nullable().default(null),
  message: optional(2000),
});
export type IntroductionInput = z.input<typeof IntroductionInput>;

export const IntroductionDecision = z
  .object({
    decision: z.enum(["accept", "decline"], "form.choose_one"),
    reason: optional(1000),
  })
  .superRefine((d, ctx) => {
    if (d.decision === "decline" && !d.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "enterprises.reason_required" });
  });
export type IntroductionDecision = z.input<typeof IntroductionDecision>;

/** A logo: a PNG, JPEG or WebP image (checked by content) of at most this many bytes. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export const MatchInput = z
  .object({
    organisationId: z.number().int().positive().optional().describe("Match the whole enterprise"),
    requestId: z.number().int().positive().optional().describe("Match one of its published offers or needs"),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .refine((b) => (b.organisationId === undefined) !== (b.requestId === undefined), {
    message: "enterprises.match_subject",
    path: ["organisationId"],
  });
export type MatchInput = z.input<typeof MatchInput>;

export const DirectoryQuery = z.object({
  q: z.string().trim().max(200).optional().describe("A name in any script: Chint, 正泰, zhengtai, Чинт, Түркістан, Türkıstan"),
  territory: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .describe("Territory slug; a province includes its cities"),
  side: z.enum(SIDES).optional(),
  sector: z
    .string()
    .regex(/^[A-U]?\d{2}(\.\d{1,2})?$/)
    .optional()
    .describe("NACE class (13.20), group (13.2) or division (13 or C13)"),
  size: z.enum(SIZE_BANDS).optional(),
  lookingFor: z.enum(REQUEST_KINDS).optional().describe("Has a published offer or need of this kind"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type DirectoryQuery = z.input<typeof DirectoryQuery>;

export const RequestsQuery = z.object({
  kind: z.enum(REQUEST_KINDS).optional(),
  side: z.enum(SIDES).optional(),
  sector: DirectoryQuery.shape.sector,
  organisationId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type RequestsQuery = z.input<typeof RequestsQuery>;

// Output shapes (the API's public fields).

const TranslationMap = z.object({
  kk: z.enum(TRANSLATION_STATES),
  ru: z.enum(TRANSLATION_STATES),
  zh: z.enum(TRANSLATION_STATES),
  en: z.enum(TRANSLATION_STATES),
});
export type TranslationMap = z.infer<typeof TranslationMap>;

export const ProductOut = z.object({ hs: z.string().nullable(), name: z.string() });

export const EnterpriseSummary = z.object({
  id: z.number().int().describe("The organisation's id in the cooperation registry"),
  name: LocalText,
  nameOriginal: z.string().nullable(),
  territory: TerritoryRef.nullable(),
  side: z.enum(SIDES),
  sizeBand: z.enum(SIZE_BANDS).nullable(),
  sectors: z.array(z.string()).describe("NACE Rev. 2 classes"),
  lookingFor: z.array(z.enum(REQUEST_KINDS)).describe("Kinds of published, unexpired offers and needs"),
  illustrative: z.boolean().describe("Generated for the demo: not a real enterprise"),
  verifiedOn: z.string().nullable(),
  logo: z.string().nullable().describe("URL of the logo (/files/…, served sandboxed), or null"),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

export const DirectoryPage = z.object({
  items: z.array(EnterpriseSummary),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  perPage: z.number().int(),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

export const RequestOut = z.object({
  id: z.number().int(),
  organisation: z.object({
    id: z.number().int(),
    name: LocalText,
    nameOriginal: z.string().nullable(),
    side: z.enum(SIDES),
    territory: TerritoryRef.nullable(),
    illustrative: z.boolean(),
  }),
  kind: z.enum(REQUEST_KINDS),
  sectors: z.array(z.string()),
  products: z.array(ProductOut),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  title: OptionalText.nullable(),
  description: OptionalText.nullable(),
  validUntil: z.string(),
  status: z.enum(REQUEST_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  pending: z
    .object({ title: OptionalText.nullable(), description: OptionalText.nullable(), submittedAt: z.string() })
    .nullable()
    .describe("Text awaiting moderation: shown to the organisation's representatives and staff only"),
  moderationNote: z.string().nullable().describe("Why the last text was rejected (representatives and staff only)"),
});
export type CooperationRequest = z.infer<typeof RequestOut>;

export const RequestsPage = z.object({
  items: z.array(RequestOut),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  perPage: z.number().int(),
});

export const ContactsOut = z.object({
  person: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});

export const Enterprise = EnterpriseSummary.extend({
  country: z.string().nullable(),
  website: z.string().nullable(),
  yearFounded: z.number().int().nullable(),
  description: OptionalText.nullable(),
  products: z.array(ProductOut),
  exportMarkets: z.array(z.string()),
  certifications: z.array(z.string()),
  translations: TranslationMap.describe("Per language: original, human (translated by a person), machine, or missing"),
  verified: z.object({ on: z.string(), by: z.string().nullable() }).nullable().describe("Verified by … on …"),
  publication: z.enum(PUBLICATIONS),
  contacts: ContactsOut.nullable().describe("Only for signed-in staff and the organisation's own representatives"),
  canEdit: z.boolean().describe("The reader may edit this profile"),
  requests: z.array(RequestOut).describe("Published, unexpired offers and needs (all of them for its own representatives and staff)"),
  pending: z
    .object({ description: OptionalText.nullable(), submittedAt: z.string() })
    .nullable()
    .describe("Description awaiting moderation (representatives and staff only)"),
  moderationNote: z.string().nullable(),
  confidence: z.string(),
  sources: z.array(z.string()),
});
export type Enterprise = z.infer<typeof Enterprise>;

export const OrganisationBrief = z.object({
  id: z.number().int(),
  name: LocalText,
  nameOriginal: z.string().nullable(),
  side: z.enum(SIDES).nullable(),
});
export type OrganisationBrief = z.infer<typeof OrganisationBrief>;

export const Introduction = z.object({
  id: z.number().int(),
  from: OrganisationBrief,
  to: OrganisationBrief,
  fromRequestId: z.number().int().nullable(),
  toRequestId: z.number().int().nullable(),
  message: z.string().nullable(),
  score: z.number().nullable(),
  status: z.enum(INTRODUCTION_STATUSES),
  reason: z.string().nullable(),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  ageDays: z.number().int().describe("Days since it was asked for (until decided)"),
  stale: z.boolean().describe("Unanswered for longer than INTRODUCTION_STALE_DAYS"),
});
export type Introduction = z.infer<typeof Introduction>;

export const Notice = z.object({
  id: z.number().int(),
  kind: z.enum(NOTICE_KINDS),
  subjectType: z.string(),
  subjectId: z.number().int(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notice = z.infer<typeof Notice>;

export const ModerationItem = z.object({
  type: z.enum(["profile", "request"]),
  id: z.number().int().describe("Organisation id (profile) or request id"),
  organisation: OrganisationBrief,
  kind: z.enum(REQUEST_KINDS).nullable(),
  old: z.object({ title: OptionalText.nullable(), description: OptionalText.nullable() }),
  new: z.object({ title: OptionalText.nullable(), description: OptionalText.nullable() }),
  submittedAt: z.string(),
  firstPublication: z.boolean().describe("Nothing of it is public yet (a new request)"),
});
export type ModerationItem = z.infer<typeof ModerationItem>;

export const MatchReasonOut = z.record(z.string(), z.unknown()).describe("A MatchReason of partners.model.ts: {code, …}");

export const PartnerMatchOut = z.object({
  enterprise: EnterpriseSummary,
  request: RequestOut.nullable().describe("Their offer or need that matched best"),
  score: z.number(),
  reasons: z.array(MatchReasonOut),
  explanation: z.array(z.string()).describe("The reasons as sentences in the reader's language"),
});
export type PartnerMatchOut = z.infer<typeof PartnerMatchOut>;

export const MatchResult = z.object({
  subject: z.object({ organisationId: z.number().int(), requestId: z.number().int().nullable() }),
  candidatesConsidered: z.number().int(),
  items: z.array(PartnerMatchOut),
});
export type MatchResult = z.infer<typeof MatchResult>;

export const OrgIdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
