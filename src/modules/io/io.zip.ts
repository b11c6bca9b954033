import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";

/**
 * Zip inspection before an XLSX is parsed (QUALITY S7): the central directory is read by hand,
 * then every part is inflated once with a hard cap, so a lying header cannot smuggle a bomb.
 */

export type ZipVerdict =
  | { ok: true; entries: number; unpackedBytes: number }
  | { ok: false; reason: "invalid" | "entries" | "unpacked" | "ratio"; count?: number; size?: number };

export interface ZipLimits {
  maxZipEntries: number;
  maxUnpackedBytes: number;
  maxCompressionRatio: number;
}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export async function inspectZip(file: string, limits: ZipLimits): Promise<ZipVerdict> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { ok: false, reason: "invalid" };
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    // Zip64 markers: such a file is far beyond the import limits anyway.
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { ok: false, reason: "entries", count };
    if (count > limits.maxZipEntries) return { ok: false, reason: "entries", count };
    if (cdOffset + cdSize > size) return { ok: false, reason: "invalid" };
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: Entry[] = [];
    let pos = 0;
    let declared = 0;
    for (let i = 0; i < count; i++) {
      if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CENTRAL) return { ok: false, reason: "invalid" };
      const entry: Entry = {
        flags: cd.readUInt16LE(pos + 8),
        method: cd.readUInt16LE(pos + 10),
        compressedSize: cd.readUInt32LE(pos + 20),
        uncompressedSize: cd.readUInt32LE(pos + 24),
        localOffset: cd.readUInt32LE(pos + 42),
      };
      if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff)
        return { ok: false, reason: "unpacked", size: 0xffffffff };
      if (entry.method !== 0 && entry.method !== 8) return { ok: false, reason: "invalid" };
      declared += entry.uncompressedSize;
      if (declared > limits.maxUnpackedBytes) return { ok: false, reason: "unpacked", size: declared };
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio)
        return { ok: false, reason: "ratio" };
      entries.push(entry);
      pos += 46 + cd.readUInt16LE(pos + 28) + cd.readUInt16LE(pos + 30) + cd.readUInt16LE(pos + 32);
    }
    // The parts must tile the file up to the central directory: no hidden local entries.
    entries.sort((a, b) => a.localOffset - b.localOffset);
    let expected = 0;
    for (const entry of entries) {
      if (entry.localOffset !== expected) return { ok: false, reason: "invalid" };
      const header = Buffer.alloc(30);
      await handle.read(header, 0, 30, entry.localOffset);
      if (header.readUInt32LE(0) !== LOCAL) return { ok: false, reason: "invalid" };
      const dataStart = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      let end = dataStart + entry.compressedSize;
      if (entry.flags & 0x08) {
        const descriptor = Buffer.alloc(4);
        await handle.read(descriptor, 0, 4, end);
        end += descriptor.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
      }
      const actual = await inflatedSize(file, entry, dataStart);
      if (actual !== entry.uncompressedSize) return { ok: false, reason: actual < 0 ? "invalid" : "unpacked", size: Math.abs(actual) };
      expected = end;
    }
    if (expected !== cdOffset) return { ok: false, reason: "invalid" };
    return { ok: true, entries: count, unpackedBytes: declared };
  } catch {
    return { ok: false, reason: "invalid" };
  } finally {
    await handle.close();
  }
}

/** Inflates one part, stopping one byte past its declared size; -1 when the data is corrupt. */
function inflatedSize(file: string, entry: Entry, dataStart: number): Promise<number> {
  if (entry.compressedSize === 0) return Promise.resolve(0);
  if (entry.method === 0) return Promise.resolve(entry.compressedSize);
  const source = createReadStream(file, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let done = false;
    const finish = (n: number) => {
      if (done) return;
      done = true;
      source.destroy();
      inflate.destroy();
      resolve(n);
    };
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > entry.uncompressedSize) finish(total);
    });
    inflate.on("end", () => finish(total));
    inflate.on("error", () => finish(-1));
    source.on("error", () => finish(-1));
    source.pipe(inflate);
  });
}
