import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What we accept, recognised by content (magic bytes), never by the file's name or declared type. */
const SIGNATURES: { type: string; ext: string; kind: "photo" | "document"; test: (b: Uint8Array) => boolean }[] = [
  { type: "image/jpeg", ext: "jpg", kind: "photo", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/png",
    ext: "png",
    kind: "photo",
    test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  {
    type: "image/webp",
    ext: "webp",
    kind: "photo",
    test: (b) => String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP",
  },
  { type: "application/pdf", ext: "pdf", kind: "document", test: (b) => String.fromCharCode(...b.slice(0, 5)) === "%PDF-" },
];

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type UploadRejection = "upload.empty" | "upload.too_large" | "upload.type_not_allowed";

export interface StoredUpload {
  storedName: string;
  contentType: string;
  kind: "photo" | "document";
  sizeBytes: number;
  sha256: string;
}

/** Narrower than the defaults: only some kinds (a logo is a photo, never a PDF), a smaller size. */
export interface UploadRules {
  kinds?: readonly StoredUpload["kind"][];
  maxBytes?: number;
}

/** Checks an upload against the allow-list and stores it under a random name; the caller records it. */
export function storeUpload(dir: string, bytes: Uint8Array, rules: UploadRules = {}): StoredUpload | { rejected: UploadRejection } {
  if (bytes.length === 0) return { rejected: "upload.empty" };
  if (bytes.length > Math.min(rules.maxBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES)) return { rejected: "upload.too_large" };
  const signature = SIGNATURES.find((s) => s.test(bytes));
  if (!signature || (rules.kinds && !rules.kinds.includes(signature.kind))) return { rejected: "upload.type_not_allowed" };
  mkdirSync(dir, { recursive: true });
  const storedName = `${randomBytes(16).toString("hex")}.${signature.ext}`;
  writeFileSync(path.join(dir, storedName), bytes, { flag: "wx" });
  return {
    storedName,
    contentType: signature.type,
    kind: signature.kind,
    sizeBytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

export function isStoredName(name: string): boolean {
  return /^[0-9a-f]{32}\.(jpg|png|webp|pdf)$/.test(name);
}

/** The type a stored name was given from its content (its extension comes from the signature that matched). */
export function storedType(name: string): string | null {
  const ext = name.slice(name.lastIndexOf(".") + 1);
  return SIGNATURES.find((s) => s.ext === ext)?.type ?? null;
}
