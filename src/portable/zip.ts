/**
 * Just enough of the zip format for the portable copy: read an .xlsx package's entries, change a
 * few parts, write it back with every other entry's compressed bytes copied as they were.
 * Self-contained (no zip library), so the pane's chunk carries nothing GPL and nothing large;
 * compression is handed in (`Codec`): node's zlib in the command, the browser's streams in the pane.
 *
 * Bounded: a package over `maxEntries`, or whose parts would inflate beyond `maxInflated` bytes in
 * all (a zip bomb), is refused with a PackageError before anything is inflated beyond the cap.
 */

import { crcRefusal } from './ooxml';

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface Codec {
  /** Inflates raw deflate data; must refuse (throw) past `maxOutput` bytes. */
  inflateRaw(data: Uint8Array, maxOutput: number): Promise<Uint8Array>;
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
}

export interface ZipLimits {
  /** Total bytes all inflated parts may take. */
  maxInflated: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxInflated: 512 * 1024 * 1024, maxEntries: 20_000 };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The entry's bytes as stored (compressed when method is 8). */
  raw: Uint8Array;
  flags: number;
  time: number;
  date: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const cp437ish = new TextDecoder('latin1');

/** The package's entries, in the order of its central directory. Throws PackageError. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL) throw new PackageError('not a zip package (an .xlsx file is one)');
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new PackageError('the zip package is truncated (no central directory)');
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirStart = u32(bytes, end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new PackageError('zip64 packages (over 4 GB or 65 535 parts) are not supported');
  if (count > limits.maxEntries) throw new PackageError(`the package has ${count} parts, more than the ${limits.maxEntries} allowed`);
  if (dirStart + dirSize > bytes.length) throw new PackageError('the zip package is truncated (central directory out of bounds)');
  const entries: ZipEntry[] = [];
  let inflated = 0;
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new PackageError('the zip package is damaged (bad central directory)');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const time = u16(bytes, at + 12);
    const date = u16(bytes, at + 14);
    const crc = u32(bytes, at + 16);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : cp437ish).decode(nameBytes);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new PackageError('the package is encrypted; save it without a password');
    if (method !== 0 && method !== 8) throw new PackageError(`part ${name} uses an unsupported compression (${method})`);
    inflated += size;
    if (inflated > limits.maxInflated) {
      throw new PackageError(`the package would inflate to more than ${Math.round(limits.maxInflated / 1048576)} MB; refused (a zip bomb?)`);
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL) throw new PackageError(`the zip package is damaged (part ${name})`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw new PackageError(`the zip package is truncated (part ${name})`);
    entries.push({ name, method, crc, compressedSize, size, raw: bytes.subarray(dataStart, dataStart + compressedSize), flags, time, date });
  }
  return entries;
}

/**
 * An entry's content, inflated; refused past its declared size (the central directory can lie) and
 * when its bytes fail their checksum (the judgement check-workbook makes too: ooxml.ts).
 */
export async function entryBytes(entry: ZipEntry, codec: Codec): Promise<Uint8Array> {
  const out = entry.method === 0 ? entry.raw : await codec.inflateRaw(entry.raw, entry.size);
  if (out.length !== entry.size) throw new PackageError(`part ${entry.name} is damaged (size does not match)`);
  const refusal = crcRefusal(entry.name, entry.crc, crc32(out));
  if (refusal) throw new PackageError(refusal.message);
  return out;
}

export async function entryText(entry: ZipEntry, codec: Codec): Promise<string> {
  return utf8.decode(await entryBytes(entry, codec));
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A new entry for `content`, deflated. */
export async function makeEntry(name: string, content: Uint8Array, codec: Codec, like?: ZipEntry): Promise<ZipEntry> {
  const raw = await codec.deflateRaw(content);
  return {
    name,
    method: 8,
    crc: crc32(content),
    compressedSize: raw.length,
    size: content.length,
    raw,
    flags: 0x800,
    time: like?.time ?? 0,
    date: like?.date ?? 0x21, // 1980-01-01
  };
}

const encoder = new TextEncoder();

/** The package bytes for these entries: local headers, data, central directory. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.raw.length));
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    offsets.push(at);
    // Bit 3 (sizes in a trailing descriptor) is dropped: the sizes are written here.
    const flags = (e.flags & ~0x8) | 0x800;
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, flags, true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.compressedSize, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, names[i].length, true);
    view.setUint16(at + 28, 0, true);
    out.set(names[i], at + 30);
    out.set(e.raw, at + 30 + names[i].length);
    at += 30 + names[i].length + e.raw.length;
  });
  const dirStart = at;
  entries.forEach((e, i) => {
    const flags = (e.flags & ~0x8) | 0x800;
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, flags, true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.compressedSize, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, names[i].length, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - dirStart, true);
  view.setUint32(at + 16, dirStart, true);
  return out.subarray(0, at + 22);
}
