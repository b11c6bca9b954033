import path from "node:path";
import { z } from "zod";

/** The value shipped in the repository; production refuses to start with it. */
export const DEFAULT_SESSION_SECRET = "dev-only-insecure-session-secret-change-me";

const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** The environment, described once. Every field documents itself for the README. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development").describe("Run mode"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe("TCP port to listen on"),
  HOST: z.string().min(1).default("0.0.0.0").describe("Interface to bind"),
  DATA_DIR: z.string().min(1).default("./data").describe("Directory for the SQLite file and uploads"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || /^postgres(ql)?:\/\//.test(v), {
      message: "must start with postgres:// or postgresql:// (leave it unset for SQLite)",
    })
    .describe("postgres://… selects PostgreSQL; unset selects SQLite in DATA_DIR/jibek.db"),
  LOG_LEVEL: LogLevel.default("info").describe("pino log level"),
  PUBLIC_URL: z
    .url({ message: "must be an absolute URL such as https://invest.turkistan.gov.kz" })
    .default("http://localhost:3000")
    .describe("The address users reach the portal at; https:// turns on secure cookies and HSTS"),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1).describe("Processes serving HTTP"),
  SESSION_SECRET: z
    .string()
    .min(32, { message: "must be at least 32 characters" })
    .default(DEFAULT_SESSION_SECRET)
    .describe("Key for CSRF tokens and visitor hashes"),
  ADMIN_EMAIL: z.email().optional().describe("First-run administrator's e-mail"),
  ADMIN_PASSWORD: z.string().min(12).optional().describe("First-run administrator's password"),
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL").describe("SQLite synchronous pragma"),
  SCRYPT_COST: z.coerce
    .number()
    .int()
    .refine((n) => n >= 1024 && (n & (n - 1)) === 0, { message: "must be a power of two ≥ 1024" })
    .default(32768)
    .describe("scrypt N for new password hashes (with r = 8, p = 3: OWASP's 32 MiB setting)"),
  SITES_STALE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(180)
    .describe("Days after which an unverified site record is flagged stale"),
  INTRODUCTION_STALE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(10)
    .describe("Days after which an unanswered introduction request is flagged to staff"),
  STORAGE_DIR: z.string().min(1).optional().describe("Uploaded files; defaults to DATA_DIR/files"),
  PAGE_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(60)
    .describe(
      "Seconds an anonymous public page stays fresh in memory (a write in this process empties it at once; a stale page is served while it renders again); 0 turns the cache off",
    ),
  DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .describe("Fill an empty database with the demo data on start"),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  database: { dialect: "sqlite"; file: string; synchronous: "FULL" | "NORMAL" } | { dialect: "postgres"; url: string };
  logLevel: z.infer<typeof LogLevel>;
  publicUrl: URL;
  /** True when the portal is reached over https: secure `__Host-` cookies and HSTS. */
  secureCookies: boolean;
  workers: number;
  sessionSecret: string;
  admin: { email: string; password: string } | undefined;
  scryptCost: number;
  demoData: boolean;
  sitesStaleDays: number;
  introductionStaleDays: number;
  pageCacheSeconds: number;
  storageDir: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment once; throws ConfigError with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && e.SESSION_SECRET === DEFAULT_SESSION_SECRET) {
    throw new ConfigError(
      "Invalid configuration:\n  SESSION_SECRET: the default secret is not allowed in production; set a random value of 32+ characters",
    );
  }
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError("Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = new URL(e.PUBLIC_URL);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { dialect: "postgres", url: e.DATABASE_URL }
      : { dialect: "sqlite", file: path.join(dataDir, "jibek.db"), synchronous: e.SQLITE_SYNCHRONOUS },
    logLevel: e.LOG_LEVEL,
    publicUrl,
    secureCookies: publicUrl.protocol === "https:",
    workers: e.WORKERS,
    sessionSecret: e.SESSION_SECRET,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    scryptCost: e.SCRYPT_COST,
    demoData: e.DEMO_DATA,
    sitesStaleDays: e.SITES_STALE_DAYS,
    introductionStaleDays: e.INTRODUCTION_STALE_DAYS,
    pageCacheSeconds: e.PAGE_CACHE_SECONDS,
    storageDir: path.resolve(e.STORAGE_DIR ?? path.join(dataDir, "files")),
  };
}

/** An empty variable means "not set", as shells and .env files usually intend. */
function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}
