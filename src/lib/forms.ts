import type { z } from "zod";

/** Form errors keyed by field; each value is a message key the page translates. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    out[field] ??= issue.message.includes(".") ? issue.message : "form.invalid";
  }
  return out;
}

/** Form values as strings, for re-rendering exactly what was typed. */
export function formStrings(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v;
  return out;
}
