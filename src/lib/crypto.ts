import { createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function hmac(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Hash format: `scrypt$N$r$p$salt$hash` (base64url); the parameters travel with the hash, so
 * hashes made with other parameters still verify. New hashes use r = 8, p = 3 with N = `cost`
 * (default 2^15): OWASP's equivalent of N = 2^17, p = 1 at a quarter of the memory (32 MiB a
 * hash instead of 128 MiB; docs/decisions/014-scrypt-parameters.md).
 */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const r = 8;
  const p = 3;
  const key = await scrypt(password.normalize("NFKC"), salt, 32, { N: cost, r, p, maxmem: 256 * cost * r + 1024 * 1024 });
  return ["scrypt", cost, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

const dummies = new Map<number, Promise<string>>();

/** A hash of a random password, made once per process and cost: what unknown accounts are checked against. */
export function dummyHash(cost: number): Promise<string> {
  let hash = dummies.get(cost);
  if (!hash) {
    hash = hashPassword(randomToken(), cost);
    dummies.set(cost, hash);
  }
  return hash;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const N = Number(n);
  const R = Number(r);
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64url"), expected.length, {
    N,
    r: R,
    p: Number(p),
    maxmem: 256 * N * R + 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}
