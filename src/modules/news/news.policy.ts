import type { Actor, Role } from "../accounts/accounts.policy.ts";
import type { ArticleStatus } from "./news.schemas.ts";

/**
 * Who may do what with news (docs/decisions/011-news.md):
 * - managers, editors and admins write drafts and send them for review, and see previews;
 * - only editors and admins publish, schedule, archive, send back and edit a story once it is out;
 * - editors and admins moderate comments.
 */
export type NewsAction = "news:write" | "news:publish" | "news:moderate" | "news:preview";

const WRITERS: readonly Role[] = ["admin", "editor", "manager"];
const PUBLISHERS: readonly Role[] = ["admin", "editor"];

const RULES: Record<NewsAction, (actor: Actor) => boolean> = {
  "news:write": (a) => WRITERS.includes(a.role),
  "news:publish": (a) => PUBLISHERS.includes(a.role),
  "news:moderate": (a) => PUBLISHERS.includes(a.role),
  "news:preview": (a) => WRITERS.includes(a.role),
};

export function canNews(actor: Actor | null | undefined, action: NewsAction): boolean {
  return actor ? RULES[action](actor) : false;
}

/** Workflow steps: from → the statuses it may go to, and the permission each step needs. */
export const TRANSITIONS: Record<ArticleStatus, Partial<Record<ArticleStatus, NewsAction>>> = {
  draft: { in_review: "news:write", scheduled: "news:publish", published: "news:publish" },
  in_review: { draft: "news:publish", scheduled: "news:publish", published: "news:publish" },
  scheduled: { draft: "news:publish", published: "news:publish" },
  published: { archived: "news:publish", draft: "news:publish" },
  archived: { published: "news:publish", draft: "news:publish" },
};

/** A writer may edit a story until it is scheduled; after that only publishers may. */
export function canEdit(actor: Actor | null | undefined, status: ArticleStatus): boolean {
  if (status === "draft" || status === "in_review") return canNews(actor, "news:write");
  return canNews(actor, "news:publish");
}

export function canTransition(actor: Actor | null | undefined, from: ArticleStatus, to: ArticleStatus): boolean {
  const needs = TRANSITIONS[from][to];
  return needs !== undefined && canNews(actor, needs);
}
