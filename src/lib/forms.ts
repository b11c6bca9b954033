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

/** How a form field's text becomes a typed value for the zod schema. */
export type FieldKind = "text" | "textarea" | "number" | "date" | "select" | "bool";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** For selects: the allowed values (labels come from the page). */
  options?: readonly string[];
}

/**
 * Turns submitted strings into the values a schema expects: "" → null, numbers with a comma or
 * a dot, "yes"/"no" → booleans. A number that does not parse stays a string, so the schema
 * rejects it with a message (and the form shows what was typed).
 */
export function coerceForm(specs: readonly FieldSpec[], body: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const raw = (body[spec.name] ?? "").trim();
    if (raw === "") {
      out[spec.name] = null;
      continue;
    }
    switch (spec.kind) {
      case "number": {
        const n = Number(raw.replace(/\s/g, "").replace(",", "."));
        out[spec.name] = Number.isFinite(n) ? n : raw;
        break;
      }
      case "bool":
        out[spec.name] = raw === "yes" ? true : raw === "no" ? false : null;
        break;
      default:
        out[spec.name] = raw;
    }
  }
  return out;
}
