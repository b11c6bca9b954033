import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
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
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** One part of a zip as read from its central directory, with where its data starts. */
export interface ZipPart extends Entry {
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type FileHandle = Awaited<ReturnType<typeof open>>;

/** The end-of-central-directory record: how many parts and where their directory lies. */
async function endRecord(handle: FileHandle, size: number): Promise<{ count: number; cdSize: number; cdOffset: number } | null> {
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD)
      return { count: tail.readUInt16LE(i + 10), cdSize: tail.readUInt32LE(i + 12), cdOffset: tail.readUInt32LE(i + 16) };
  }
  return null;
}

/** The central directory's entries; null when it is malformed. */
async function directoryEntries(
  handle: FileHandle,
  size: number,
  end: { count: number; cdSize: number; cdOffset: number },
): Promise<Entry[] | null> {
  if (end.cdOffset + end.cdSize > size) return null;
  const cd = Buffer.alloc(end.cdSize);
  await handle.read(cd, 0, end.cdSize, end.cdOffset);
  const entries: Entry[] = [];
  let pos = 0;
  for (let i = 0; i < end.count; i++) {
    if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CENTRAL) return null;
    const nameLength = cd.readUInt16LE(pos + 28);
    entries.push({
      name: cd.toString("utf8", pos + 46, pos + 46 + nameLength),
      flags: cd.readUInt16LE(pos + 8),
      method: cd.readUInt16LE(pos + 10),
      compressedSize: cd.readUInt32LE(pos + 20),
      uncompressedSize: cd.readUInt32LE(pos + 24),
      localOffset: cd.readUInt32LE(pos + 42),
    });
    pos += 46 + nameLength + cd.readUInt16LE(pos + 30) + cd.readUInt16LE(pos + 32);
  }
  return entries;
}

/** Where a part's data starts, after its local header; null when that header is not there. */
async function dataStartOf(handle: FileHandle, entry: Entry): Promise<number | null> {
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.localOffset);
  if (header.readUInt32LE(0) !== LOCAL) return null;
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

export async function inspectZip(file: string, limits: ZipLimits): Promise<ZipVerdict> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const end = await endRecord(handle, size);
    if (!end) return { ok: false, reason: "invalid" };
    const { count, cdSize, cdOffset } = end;
    // Zip64 markers: such a file is far beyond the import limits anyway.
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { ok: false, reason: "entries", count };
    if (count > limits.maxZipEntries) return { ok: false, reason: "entries", count };
    const entries = await directoryEntries(handle, size, end);
    if (!entries) return { ok: false, reason: "invalid" };
    let declared = 0;
    for (const entry of entries) {
      if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff)
        return { ok: false, reason: "unpacked", size: 0xffffffff };
      if (entry.method !== 0 && entry.method !== 8) return { ok: false, reason: "invalid" };
      declared += entry.uncompressedSize;
      if (declared > limits.maxUnpackedBytes) return { ok: false, reason: "unpacked", size: declared };
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio)
        return { ok: false, reason: "ratio" };
    }
    // The parts must tile the file up to the central directory: no hidden local entries.
    entries.sort((a, b) => a.localOffset - b.localOffset);
    let expected = 0;
    for (const entry of entries) {
      if (entry.localOffset !== expected) return { ok: false, reason: "invalid" };
      const dataStart = await dataStartOf(handle, entry);
      if (dataStart === null) return { ok: false, reason: "invalid" };
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

/**
 * The parts of a zip by name, read from its central directory. Meant for a file inspectZip has
 * passed: every part is addressed directly, whatever order the parts were written in.
 */
export async function zipParts(file: string): Promise<Map<string, ZipPart>> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const end = await endRecord(handle, size);
    const entries = end && (await directoryEntries(handle, size, end));
    if (!entries) throw new Error("not a zip file");
    const parts = new Map<string, ZipPart>();
    for (const entry of entries) {
      const dataStart = await dataStartOf(handle, entry);
      if (dataStart === null) throw new Error(`no local header for ${entry.name}`);
      parts.set(entry.name, { ...entry, dataStart });
    }
    return parts;
  } finally {
    await handle.close();
  }
}

/** A part's bytes as they were before compression; onBytes hears the compressed bytes read. */
export function openZipPart(file: string, part: ZipPart, onBytes?: (bytes: number) => void): Readable {
  if (part.compressedSize === 0) return Readable.from([]);
  const source = createReadStream(file, { start: part.dataStart, end: part.dataStart + part.compressedSize - 1 });
  if (onBytes) source.on("data", (chunk) => onBytes(chunk.length));
  if (part.method === 0) return source;
  const inflate = createInflateRaw();
  source.on("error", (error) => inflate.destroy(error));
  inflate.on("close", () => source.destroy());
  return source.pipe(inflate);
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
