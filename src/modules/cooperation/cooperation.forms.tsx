import type { FC } from "hono/jsx";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { LOCALE_NAME } from "../../i18n/locales.ts";

/**
 * The registry's back-office forms, described once per record type and used three ways: to draw
 * the form (with what was typed and the inline errors), to turn the submitted strings into the
 * service's input (field names are the input's paths: `name.kk`, `parties.0.organisationId`), and
 * to show a stored record for editing. Repeated groups get two blank rows to add to; blank rows
 * are dropped and the rest renumbered before validation, so error paths match the redrawn form.
 */

export type Choices = [string, string][];

export type Spec =
  | {
      kind: "text" | "textarea" | "date" | "pdate" | "number" | "csv" | "lines" | "checkbox";
      name: string;
      label: MessageKey;
      hint?: MessageKey;
    }
  | { kind: "select" | "multi"; name: string; label: MessageKey; hint?: MessageKey; options: string; numeric?: boolean }
  | { kind: "local" | "optlocal"; name: string; label: MessageKey; hint?: MessageKey }
  | { kind: "group"; name: string; label: MessageKey; hint?: MessageKey; fields: Spec[] };

export type FormValues = Record<string, string | string[]>;

const LANGS = ["kk", "ru", "zh", "en"] as const;

/** The submitted body as strings (repeated keys as arrays), files dropped. */
export function bodyValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const arr = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);

function leafNames(spec: Spec, prefix: string): string[] {
  const name = `${prefix}${spec.name}`;
  if (spec.kind === "local" || spec.kind === "optlocal") return LANGS.map((l) => `${name}.${l}`);
  if (spec.kind === "group") return [];
  return [name];
}

/** Drops blank rows of repeated groups and renumbers the rest (0, 1, 2 …). */
export function compact(specs: Spec[], values: FormValues, prefix = ""): FormValues {
  const out: FormValues = {};
  for (const spec of specs) {
    if (spec.kind !== "group") {
      for (const n of leafNames(spec, prefix)) if (values[n] !== undefined) out[n] = values[n] as string | string[];
      continue;
    }
    const base = `${prefix}${spec.name}.`;
    const indices = [
      ...new Set(
        Object.keys(values)
          .filter((k) => k.startsWith(base))
          .map((k) => Number(k.slice(base.length).split(".")[0]))
          .filter((n) => Number.isInteger(n) && n >= 0 && n < 200),
      ),
    ].sort((a, b) => a - b);
    let next = 0;
    for (const i of indices) {
      const row: FormValues = {};
      const from = `${base}${i}.`;
      for (const [k, v] of Object.entries(values)) if (k.startsWith(from)) row[k.slice(from.length)] = v;
      const filled = Object.entries(row).some(([k, v]) => !k.endsWith("done") && arr(v).length > 0);
      if (!filled) continue;
      for (const [k, v] of Object.entries(compact(spec.fields, row))) out[`${base}${next}.${k}`] = v;
      next++;
    }
  }
  return out;
}

function rowCount(values: FormValues, base: string): number {
  let max = -1;
  for (const k of Object.keys(values))
    if (k.startsWith(base)) {
      const n = Number(k.slice(base.length).split(".")[0]);
      if (Number.isInteger(n)) max = Math.max(max, n);
    }
  return max + 1;
}

/** Compacted values → the service's input object (numbers parsed; what does not parse stays text, so the schema says what is wrong). */
export function toInput(specs: Spec[], values: FormValues, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const name = `${prefix}${spec.name}`;
    switch (spec.kind) {
      case "text":
      case "textarea":
      case "date":
      case "pdate": {
        const v = str(values[name]);
        out[spec.name] = v === "" ? null : v;
        break;
      }
      case "number": {
        const v = str(values[name]).replace(/\s/g, "").replace(",", ".");
        out[spec.name] = v === "" ? null : Number.isFinite(Number(v)) ? Number(v) : v;
        break;
      }
      case "csv":
        out[spec.name] = str(values[name])
          .split(/[,;\s]+/)
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "lines":
        out[spec.name] = str(values[name])
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "checkbox":
        out[spec.name] = str(values[name]) === "yes";
        break;
      case "select": {
        const v = str(values[name]);
        out[spec.name] = v === "" ? null : spec.numeric && /^\d+$/.test(v) ? Number(v) : v;
        break;
      }
      case "multi":
        out[spec.name] = arr(values[name]).map((v) => (spec.numeric && /^\d+$/.test(v) ? Number(v) : v));
        break;
      case "local":
      case "optlocal": {
        const t = Object.fromEntries(LANGS.map((l) => [l, str(values[`${name}.${l}`])]));
        if (spec.kind === "optlocal")
          out[spec.name] = LANGS.some((l) => t[l]) ? Object.fromEntries(LANGS.map((l) => [l, t[l] || null])) : null;
        else out[spec.name] = { ...t, zh: t.zh || null };
        break;
      }
      case "group": {
        const n = rowCount(values, `${name}.`);
        out[spec.name] = Array.from({ length: n }, (_, i) => toInput(spec.fields, values, `${name}.${i}.`));
        break;
      }
    }
  }
  return out;
}

/** A stored value as the form shows it. */
export function flatten(value: unknown, prefix = ""): FormValues {
  const out: FormValues = {};
  const put = (k: string, v: unknown) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== "object" || x === null)) out[k] = v.map(String);
      else for (const [i, x] of v.entries()) Object.assign(out, flatten(x, `${k}.${i}.`));
    } else if (typeof v === "object") Object.assign(out, flatten(v, `${k}.`));
    else if (typeof v === "boolean") out[k] = v ? "yes" : "";
    else out[k] = String(v);
  };
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) put(`${prefix}${k}`, v);
  return out;
}

const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

interface RenderProps {
  i18n: I18n;
  spec: Spec;
  prefix: string;
  values: FormValues;
  errors: Record<string, string>;
  choices: Record<string, Choices>;
}

const ErrorText: FC<{ id: string; error: string | undefined }> = ({ id, error }) =>
  error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;

/** One field (or a group of rows) with its label, hint, value as typed and inline error. */
export const FormField: FC<RenderProps> = ({ i18n, spec, prefix, values, errors, choices }) => {
  const t = i18n.t;
  const name = `${prefix}${spec.name}`;
  const id = fieldId(name);
  const error = errors[name];
  const hint = spec.hint ? (
    <p class="hint" id={`${id}-hint`}>
      {t(spec.hint)}
    </p>
  ) : null;
  const describedBy = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = error ? "true" : undefined;
  if (spec.kind === "local" || spec.kind === "optlocal") {
    return (
      <fieldset class={LANGS.some((l) => errors[`${name}.${l}`]) ? "field field-invalid local-text" : "field local-text"}>
        <legend>{t(spec.label)}</legend>
        {hint}
        <div class="form-grid">
          {LANGS.map((l) => {
            const n = `${name}.${l}`;
            const lid = fieldId(n);
            const e = errors[n];
            return (
              <div class={e ? "field field-invalid" : "field"}>
                <label for={lid}>{LOCALE_NAME[l]}</label>
                <ErrorText id={lid} error={e} />
                <input
                  id={lid}
                  name={n}
                  type="text"
                  lang={l === "zh" ? "zh-Hans" : l}
                  value={str(values[n])}
                  aria-invalid={e ? "true" : undefined}
                  aria-describedby={e ? `${lid}-error` : undefined}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  }
  if (spec.kind === "group") {
    const rows = rowCount(values, `${name}.`) + 2;
    return (
      <fieldset class="panel form-group" id={id}>
        <legend>{t(spec.label)}</legend>
        {hint}
        <ErrorText id={id} error={error} />
        {Array.from({ length: rows }, (_, i) => (
          <fieldset class="utility form-row">
            <legend>{t("coop.row_n", { n: i + 1 })}</legend>
            <div class="form-grid">
              {spec.fields.map((f) => (
                <FormField i18n={i18n} spec={f} prefix={`${name}.${i}.`} values={values} errors={errors} choices={choices} />
              ))}
            </div>
          </fieldset>
        ))}
      </fieldset>
    );
  }
  if (spec.kind === "checkbox") {
    return (
      <div class={error ? "field field-invalid" : "field"}>
        <ErrorText id={id} error={error} />
        <label class="check" for={id}>
          <input id={id} name={name} type="checkbox" value="yes" checked={str(values[name]) === "yes"} aria-invalid={invalid} />{" "}
          {t(spec.label)}
        </label>
      </div>
    );
  }
  let control: JSX.Element;
  if (spec.kind === "select" || spec.kind === "multi") {
    const options = choices[spec.options] ?? [];
    const selected = new Set(spec.kind === "multi" ? arr(values[name]) : [str(values[name])]);
    control = (
      <select
        id={id}
        name={name}
        multiple={spec.kind === "multi"}
        size={spec.kind === "multi" ? Math.min(8, Math.max(3, options.length)) : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      >
        {spec.kind === "select" ? <option value="">—</option> : null}
        {options.map(([v, l]) => (
          <option value={v} selected={selected.has(v)}>
            {l}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === "textarea" || spec.kind === "lines") {
    control = (
      <textarea id={id} name={name} rows={spec.kind === "lines" ? 4 : 3} aria-invalid={invalid} aria-describedby={describedBy}>
        {str(values[name])}
      </textarea>
    );
  } else {
    control = (
      <input
        id={id}
        name={name}
        type={spec.kind === "date" ? "date" : "text"}
        inputmode={spec.kind === "number" ? "decimal" : undefined}
        placeholder={spec.kind === "pdate" ? "2025-08" : undefined}
        value={str(values[name])}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    );
  }
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{t(spec.label)}</label>
      {hint}
      <ErrorText id={id} error={error} />
      {control}
    </div>
  );
};
