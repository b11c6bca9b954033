import type { Child, FC } from "hono/jsx";
import type { I18n } from "../i18n/i18n.ts";

/** A form field with its label, hint and inline error; the error is tied to the input for screen readers. */
export const Field: FC<{
  id: string;
  name: string;
  label: string;
  type?: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
}> = ({ id, name, label, type = "text", value, error, hint, required, autocomplete }) => {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>
        {label}
        {required ? (
          <span class="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
};

/** Previous / numbered / next links; keeps other query parameters. */
export const Pagination: FC<{ i18n: I18n; page: number; pages: number; baseHref: string }> = ({ i18n, page, pages, baseHref }) => {
  if (pages <= 1) return null;
  const link = (p: number) => `${baseHref}${baseHref.includes("?") ? "&" : "?"}page=${p}`;
  const around = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: Child[] = [];
  around.forEach((p, i) => {
    if (i > 0 && p - (around[i - 1] ?? p) > 1) items.push(<li class="gap">…</li>);
    items.push(
      <li>
        {p === page ? (
          <span aria-current="page">{i18n.number(p)}</span>
        ) : (
          <a href={link(p)} aria-label={i18n.t("pagination.page", { page: p })}>
            {i18n.number(p)}
          </a>
        )}
      </li>,
    );
  });
  return (
    <nav class="pagination" aria-label={i18n.t("pagination.label")}>
      <ul>
        <li>
          {page > 1 ? (
            <a href={link(page - 1)}>{i18n.t("pagination.previous")}</a>
          ) : (
            <span class="disabled">{i18n.t("pagination.previous")}</span>
          )}
        </li>
        {items}
        <li>
          {page < pages ? (
            <a href={link(page + 1)}>{i18n.t("pagination.next")}</a>
          ) : (
            <span class="disabled">{i18n.t("pagination.next")}</span>
          )}
        </li>
      </ul>
    </nav>
  );
};

export type Confidence = "verified" | "single-source" | "article-only" | "conflicting" | "estimated" | "unverified";

const CONFIDENCE_KEY = {
  verified: "confidence.verified",
  "single-source": "confidence.single_source",
  "article-only": "confidence.article_only",
  conflicting: "confidence.conflicting",
  estimated: "confidence.estimated",
  unverified: "confidence.unverified",
} as const;

/** "Says who?": a fact's confidence label with its source on hover and for screen readers. */
export const ConfidenceBadge: FC<{ i18n: I18n; confidence: string | null; source?: string | null }> = ({ i18n, confidence, source }) => {
  if (!confidence) return null;
  const key = CONFIDENCE_KEY[confidence as Confidence] ?? "confidence.unverified";
  return (
    <span class={`badge badge-${confidence}`} title={source ?? undefined}>
      {i18n.t(key)}
    </span>
  );
};

export const PageHeader: FC<{ title: string; lead?: string; lang?: string; actions?: Child }> = ({ title, lead, lang, actions }) => (
  <div class="page-header">
    <div>
      <h1 lang={lang}>{title}</h1>
      {lead ? <p class="lead">{lead}</p> : null}
    </div>
    {actions ? <div class="page-actions">{actions}</div> : null}
  </div>
);
