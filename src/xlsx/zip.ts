/**
 * The zip container of an .xlsx package, read and written without a zip library, so the pane's
 * chunk carries nothing large: the entries from the central directory, a part inflated within
 * the limits (src/xlsx/limits.ts), and the package written back with every entry not changed
 * copied as its compressed bytes were. Compression is handed in (`Codec`): node's zlib in Node
 * (node-codec.ts), the browser's streams in the pane (browser-codec.ts).
 *
 * Bounded: the entry count is checked before the directory is walked, and a part is inflated
 * only up to what may still be inflated (a zip bomb lies about its sizes: inflation stops at the
 * cap). Messages read after the file's name ("book.xlsx has 12 006 parts; …").
 */
import { formatBytes, formatCount, PACKAGE_LIMITS, type PackageLimits } from './limits';
import { crcRefusal } from './ooxml';

/** The package breaks a limit or is not a zip file; the message says which. */
export class PackageError extends Error {
  /** `damaged`: the file is broken (not a limit): the message says what is wrong in it. */
  constructor(
    message: string,
    readonly damaged = false,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

/** A broken package: `what` is wrong in it. */
export function damaged(what: string): PackageError {
  return new PackageError(what, true);
}

/** Thrown by a codec when a part inflates past the cap it was given. */
export class InflatedPastCap extends Error {
  constructor() {
    super('inflates past its cap');
    this.name = 'InflatedPastCap';
  }
}

export interface Codec {
  /** Inflates raw deflate data; throws InflatedPastCap past `maxOutput` bytes. */
  inflateRaw(data: Uint8Array, maxOutput: number): Promise<Uint8Array>;
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
}

/** Inflation at once (Node's zlib), for check-workbook's reader, which runs synchronously. */
export interface SyncInflate {
  inflateRawSync(data: Uint8Array, maxOutput: number): Uint8Array;
}

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

/** Who reads the package, as its messages name it ("check-workbook reads at most 10 000"). */
export interface ReadOptions {
  limits?: PackageLimits;
  reader?: string;
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

function endOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (u32(bytes, at) === END) return at;
  throw damaged('no zip directory at its end');
}

/** The entry the central directory describes at `at`, and where the next one starts. */
function centralEntry(bytes: Uint8Array, at: number): { entry: ZipEntry; next: number } {
  if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw damaged('its zip directory is damaged');
  const flags = u16(bytes, at + 8);
  const nameLength = u16(bytes, at + 28);
  const name = (flags & 0x800 ? utf8 : cp437ish).decode(bytes.subarray(at + 46, at + 46 + nameLength));
  const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  const compressedSize = u32(bytes, at + 20);
  const localOffset = u32(bytes, at + 42);
  if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL) throw damaged(`part ${name} is damaged`);
  const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
  if (dataStart + compressedSize > bytes.length) throw damaged(`part ${name} is cut short`);
  const entry: ZipEntry = {
    name,
    method: u16(bytes, at + 10),
    crc: u32(bytes, at + 16),
    compressedSize,
    size: u32(bytes, at + 24),
    raw: bytes.subarray(dataStart, dataStart + compressedSize),
    flags,
    time: u16(bytes, at + 12),
    date: u16(bytes, at + 14),
  };
  return { entry, next };
}

/** The package's entries, in the order of its central directory. Throws PackageError. */
export function readZip(bytes: Uint8Array, options: ReadOptions = {}): ZipEntry[] {
  const { limits, reader } = readOptions(options);
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL) throw damaged('not a zip package (an .xlsx file is one)');
  const end = endOfCentralDirectory(bytes);
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new PackageError(`is a zip64 package, larger than any workbook ${reader} reads`);
  if (count > limits.maxEntries) throw new PackageError(`has ${formatCount(count)} parts; ${reader} reads at most ${formatCount(limits.maxEntries)}`);
  if (at + dirSize > bytes.length) throw damaged('its zip directory is damaged');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const { entry, next } = centralEntry(bytes, at);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function readOptions(options: ReadOptions): Required<ReadOptions> {
  return { limits: options.limits ?? PACKAGE_LIMITS, reader: options.reader ?? 'check-workbook' };
}

/**
 * What may still be inflated from one package: one part at most `maxPartInflated`, all the parts
 * read `maxInflated`. One budget per package read; each part read is counted.
 */
export class InflationBudget {
  private inflated = 0;
  private readonly limits: PackageLimits;
  private readonly reader: string;

  constructor(options: ReadOptions = {}) {
    ({ limits: this.limits, reader: this.reader } = readOptions(options));
  }

  /**
   * Refuses, before anything is inflated, a package whose directory declares more than may be
   * inflated in all: for a writer, which keeps every part (check-workbook counts the parts it reads).
   */
  refuseDeclaredPastLimit(entries: readonly ZipEntry[]): void {
    let declared = 0;
    for (const entry of entries) {
      declared += entry.size;
      if (declared > this.limits.maxInflated) throw this.tooLarge(entry);
    }
  }

  /** The cap for this part; refuses one whose directory already says it is larger (an honest zip bomb). */
  capFor(entry: ZipEntry): number {
    // Refused when read, as a compression Excel does not write: a part nothing reads stays harmless.
    if (entry.flags & 1) throw new PackageError('is encrypted; save it without a password');
    if (entry.method !== 0 && entry.method !== 8) throw new PackageError(`uses a compression Excel does not write (method ${entry.method} in ${entry.name})`);
    const cap = Math.min(this.limits.maxPartInflated ?? this.limits.maxInflated, this.limits.maxInflated - this.inflated);
    if (entry.size > cap) throw this.tooLarge(entry);
    return cap;
  }

  /** The inflated bytes, once their size and checksum match the directory's; counted. */
  accept(entry: ZipEntry, out: Uint8Array): Uint8Array {
    // The same judgement in every reader: a part whose bytes fail their checksum is damaged (ooxml.ts).
    const refusal = crcRefusal(entry.name, entry.crc, crc32(out));
    if (refusal) throw damaged(refusal.message);
    if (out.length !== entry.size) throw damaged(`part ${entry.name} is damaged (its size does not match)`);
    this.inflated += out.length;
    return out;
  }

  /** The error for a codec's failure on this part. */
  failure(entry: ZipEntry, error: unknown): PackageError {
    if (error instanceof InflatedPastCap) return this.tooLarge(entry);
    return damaged(`part ${entry.name} does not inflate: ${(error as Error).message}`);
  }

  private tooLarge(entry: ZipEntry): PackageError {
    const part = this.limits.maxPartInflated ?? this.limits.maxInflated;
    return new PackageError(
      `inflates past ${this.reader}'s limit (${entry.name}: more than ${formatBytes(part)} for one part, ${formatBytes(this.limits.maxInflated)} in all); a zip bomb, or a workbook too large to check here`,
    );
  }
}

/** An entry's content, inflated within the budget and checked against its size and checksum. */
export async function entryBytes(entry: ZipEntry, codec: Codec, budget = new InflationBudget()): Promise<Uint8Array> {
  const cap = budget.capFor(entry);
  let out: Uint8Array;
  try {
    out = entry.method === 0 ? entry.raw : await codec.inflateRaw(entry.raw, cap);
  } catch (error) {
    throw budget.failure(entry, error);
  }
  return budget.accept(entry, out);
}

/** entryBytes at once, for a reader that cannot wait (check-workbook's worker). */
export function entryBytesSync(entry: ZipEntry, codec: SyncInflate, budget: InflationBudget): Uint8Array {
  const cap = budget.capFor(entry);
  let out: Uint8Array;
  try {
    out = entry.method === 0 ? entry.raw : codec.inflateRawSync(entry.raw, cap);
  } catch (error) {
    throw budget.failure(entry, error);
  }
  return budget.accept(entry, out);
}

export async function entryText(entry: ZipEntry, codec: Codec, budget?: InflationBudget): Promise<string> {
  return utf8.decode(await entryBytes(entry, codec, budget));
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

/** A new entry for `content`, deflated; dated as `like` (or 1980-01-01). */
export async function makeEntry(name: string, content: Uint8Array, codec: Codec, like?: Pick<ZipEntry, 'time' | 'date'>): Promise<ZipEntry> {
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
    date: like?.date ?? 0x21,
  };
}

/** An entry's date and time as the zip format stores them (DOS fields, local time read as UTC). */
export function zipDateTime(date: Date): Pick<ZipEntry, 'time' | 'date'> {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const encoder = new TextEncoder();

/** The header fields a local header and the central directory share, from "version needed" on. */
function writeCommonHeader(view: DataView, at: number, e: ZipEntry, nameLength: number): void {
  // Bit 3 (sizes in a trailing descriptor) is dropped: the sizes are written here.
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, (e.flags & ~0x8) | 0x800, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, e.time, true);
  view.setUint16(at + 8, e.date, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.compressedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, nameLength, true);
}

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
    view.setUint32(at, LOCAL, true);
    writeCommonHeader(view, at + 4, e, names[i].length);
    out.set(names[i], at + 30);
    out.set(e.raw, at + 30 + names[i].length);
    at += 30 + names[i].length + e.raw.length;
  });
  const dirStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    writeCommonHeader(view, at + 6, e, names[i].length);
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
