import type { MessageKey } from "../i18n/i18n.ts";

/**
 * Named errors with stable codes. Services throw them; `renderError` in app.ts maps them
 * to a localized HTML page or JSON `{error:{code,message}}`. Clients and tests match codes.
 */
export type ErrorCode =
  | "not_found"
  | "territory_not_found"
  | "user_not_found"
  | "zone_not_found"
  | "plot_not_found"
  | "premises_not_found"
  | "file_not_found"
  | "forbidden"
  | "unauthenticated"
  | "csrf_failed"
  | "validation_failed"
  | "method_not_allowed"
  | "payload_too_large"
  | "internal";

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 405 | 413 | 422 | 500> = {
  not_found: 404,
  territory_not_found: 404,
  user_not_found: 404,
  zone_not_found: 404,
  plot_not_found: 404,
  premises_not_found: 404,
  file_not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  csrf_failed: 403,
  validation_failed: 422,
  method_not_allowed: 405,
  payload_too_large: 413,
  internal: 500,
};

/** The message shown to the user for each code. */
export const ERROR_MESSAGE: Record<ErrorCode, MessageKey> = {
  not_found: "error.not_found",
  territory_not_found: "error.territory_not_found",
  user_not_found: "error.user_not_found",
  zone_not_found: "error.zone_not_found",
  plot_not_found: "error.plot_not_found",
  premises_not_found: "error.premises_not_found",
  file_not_found: "error.file_not_found",
  forbidden: "error.forbidden",
  unauthenticated: "error.unauthenticated",
  csrf_failed: "error.csrf_failed",
  validation_failed: "error.validation_failed",
  method_not_allowed: "error.method_not_allowed",
  payload_too_large: "error.payload_too_large",
  internal: "error.internal",
};

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

export const NotFound = (code: Extract<ErrorCode, `${string}not_found`> = "not_found") => new AppError(code);
export const Forbidden = () => new AppError("forbidden");
export const Unauthenticated = () => new AppError("unauthenticated");
