/**
 * An .xlsx package as its named parts, on zip.ts: found by name as OOXML names them
 * (case-insensitive, a leading "/" ignored), read within one inflation budget, and — for the
 * writers — changed, added or dropped, then written back with every other entry's compressed
 * bytes as they were. Browser-safe: the codec is handed in.
 */
import { dtdRefusal } from './ooxml';
import {
  entryBytes,
  entryBytesSync,
  InflationBudget,
  makeEntry,
  PackageError,
  readZip,
  writeZip,
  type Codec,
  type ReadOptions,
  type SyncInflate,
  type ZipEntry,
} from './zip';

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A part name as a key: OOXML part names are case-insensitive. */
const keyOf = (name: string) => name.replace(/^\//, '').toLowerCase();

/** The entries of a package by part name. */
class PartIndex {
  protected readonly byName = new Map<string, ZipEntry>();

  /** `entries`: the package's, in the zip's order. */
  constructor(readonly entries: readonly ZipEntry[]) {
    for (const entry of entries) this.byName.set(keyOf(entry.name), entry);
  }

  /** The zip entry holding a part, under the name the file gives it. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(keyOf(name));
  }

  has(name: string): boolean {
    return this.byName.has(keyOf(name));
  }
}

/** Throws a DTD as the package's refusal: Excel never writes one (ooxml.ts). */
export function refuseDtd(part: string, head: string): void {
  const refusal = dtdRefusal(part, head);
  if (refusal) throw new PackageError(refusal.message);
}

/** A package read at once (check-workbook's worker): each part inflated when asked for. */
export class SyncPackage extends PartIndex {
  private readonly budget: InflationBudget;

  constructor(
    bytes: Uint8Array,
    private readonly codec: SyncInflate,
    options: ReadOptions = {},
  ) {
    super(readZip(bytes, options));
    this.budget = new InflationBudget(options);
  }

  /** A part's bytes, inflated under its cap and the package's; undefined when there is no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entry(name);
    return entry && entryBytesSync(entry, this.codec, this.budget);
  }
}

/** A part to write: its content, and the entry whose date it takes. */
interface Pending {
  content: Uint8Array;
  dated: Pick<ZipEntry, 'time' | 'date'>;
}

/** A package to read and change part by part (the portable copy, the example builder). */
export class PackageParts extends PartIndex {
  private readonly budget: InflationBudget;
  private readonly pending = new Map<string, Pending>();
  private readonly added: string[] = [];
  private readonly dropped = new Set<string>();

  constructor(
    entries: ZipEntry[],
    protected readonly codec: Codec,
    options: ReadOptions = {},
  ) {
    super(entries);
    this.budget = new InflationBudget(options);
  }

  /** The package of these bytes, refused at once when its directory declares more than may be inflated. */
  static open(bytes: Uint8Array, codec: Codec, options: ReadOptions = {}): PackageParts {
    const parts = new PackageParts(readZip(bytes, options), codec, options);
    parts.budget.refuseDeclaredPastLimit(parts.entries);
    return parts;
  }

  /** A part's text as written last (or as in the file); undefined when there is no such part. Refuses a DTD. */
  async text(name: string): Promise<string | undefined> {
    const pending = this.pending.get(keyOf(name));
    if (pending) return utf8.decode(pending.content);
    const entry = this.entry(name);
    if (!entry || this.dropped.has(keyOf(name))) return undefined;
    const text = utf8.decode(await entryBytes(entry, this.codec, this.budget));
    refuseDtd(name, text.slice(0, 4096));
    return text;
  }

  /**
   * Sets a part's content: an existing part keeps its name and date, a new one goes last, dated
   * as `dated` (1980-01-01 when not given).
   */
  write(name: string, content: string | Uint8Array, dated?: Pick<ZipEntry, 'time' | 'date'>): void {
    const key = keyOf(name);
    const existing = this.entry(name);
    if (!existing && !this.pending.has(key)) this.added.push(name);
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    this.pending.set(key, { content: bytes, dated: existing ?? dated ?? this.pending.get(key)?.dated ?? { time: 0, date: 0x21 } });
  }

  /** Leaves a part out of the written package. */
  drop(name: string): void {
    this.dropped.add(keyOf(name));
  }

  /** The package's bytes: the parts in their order, changed ones deflated anew, added ones last. */
  async toBytes(): Promise<Uint8Array> {
    const written: ZipEntry[] = [];
    for (const entry of this.entries) {
      const key = keyOf(entry.name);
      if (this.dropped.has(key)) continue;
      const pending = this.pending.get(key);
      written.push(pending ? await makeEntry(entry.name, pending.content, this.codec, pending.dated) : entry);
    }
    for (const name of this.added) {
      const pending = this.pending.get(keyOf(name))!;
      if (!this.dropped.has(keyOf(name))) written.push(await makeEntry(name, pending.content, this.codec, pending.dated));
    }
    return writeZip(written);
  }
}
