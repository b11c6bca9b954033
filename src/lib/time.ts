/** ISO-8601 UTC: the one way timestamps are written on both engines. */
export function iso(date: Date = new Date()): string {
  return date.toISOString();
}

/** SQLite hands back the ISO string, PostgreSQL a Date: accept both. */
export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
