import pino, { type DestinationStream, type Logger } from "pino";

/** Paths that must never reach a log line, wherever they appear. */
export const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "email",
  "*.email",
  "cookie",
  "*.cookie",
  "req.headers.cookie",
  "req.headers.authorization",
  "headers.cookie",
  "headers.authorization",
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, base: { app: "jibek" } }, destination);
}
