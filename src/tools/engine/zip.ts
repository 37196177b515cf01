/**
 * Reading a zip package (an .xlsx) from its central directory, with every size checked against
 * LIMITS before anything is inflated, and inflation capped: a part that inflates past its cap
 * (a zip bomb lies about its sizes) stops at the cap.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { crcRefusal } from '../../portable/ooxml';
import { LIMITS, formatBytes, formatCount } from './limits';

/** The package breaks a limit or is not a zip file; the message says which. */
export class PackageError extends Error {
  /** `damaged`: the file is broken (not a limit): the message says what is wrong in it. */
  constructor(message: string, readonly damaged = false) {
    super(message);
    this.name = 'PackageError';
  }
}

/** A broken package: `what` is wrong in it. */
export function damaged(what: string): PackageError {
  return new PackageError(what, true);
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(private readonly bytes: Buffer) {
    const eocd = findEndOfCentralDirectory(bytes);
    const count = bytes.readUInt16LE(eocd + 10);
    const directorySize = bytes.readUInt32LE(eocd + 12);
    let at = bytes.readUInt32LE(eocd + 16);
    if (count === 0xffff || at === 0xffffffff) throw new PackageError('is a zip64 package, larger than any workbook check-workbook reads');
    if (count > LIMITS.parts) throw new PackageError(`has ${formatCount(count)} parts; check-workbook reads at most ${formatCount(LIMITS.parts)}`);
    if (at + directorySize > bytes.length) throw damaged('its zip directory is damaged');
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw damaged('its zip directory is damaged');
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const entry: Entry = {
        method: bytes.readUInt16LE(at + 10),
        crc: bytes.readUInt32LE(at + 16),
        compressedSize: bytes.readUInt32LE(at + 20),
        size: bytes.readUInt32LE(at + 24),
        localHeaderOffset: bytes.readUInt32LE(at + 42),
        name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      };
      // Part names are case-insensitive in OOXML.
      this.entries.set(entry.name.replace(/^\//, '').toLowerCase(), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** A part's bytes, inflated under its cap and the package's; undefined when there is no such part. */
  read(name: string): Buffer | undefined {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return undefined;
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL) throw damaged(`part ${entry.name} is damaged`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw damaged(`part ${entry.name} is cut short`);
    const data = this.bytes.subarray(start, end);
    const cap = Math.min(LIMITS.partInflatedBytes, LIMITS.totalInflatedBytes - this.inflated);
    if (entry.size > cap) throw this.tooLarge(entry); // an honest zip bomb says so in its directory
    let out: Buffer;
    if (entry.method === 0) out = Buffer.from(data);
    else if (entry.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw this.tooLarge(entry);
        throw damaged(`part ${entry.name} does not inflate: ${(error as Error).message}`);
      }
    } else throw new PackageError(`uses a compression Excel does not write (method ${entry.method} in ${entry.name})`);
    if (out.length > cap) throw this.tooLarge(entry);
    // The same judgement as the portable copy's reader: a part whose bytes fail their checksum is damaged.
    const refusal = crcRefusal(entry.name, entry.crc, crc32(out) >>> 0);
    if (refusal) throw damaged(refusal.message);
    this.inflated += out.length;
    return out;
  }

  private tooLarge(entry: Entry): PackageError {
    return new PackageError(
      `inflates past check-workbook's limit (${entry.name}: more than ${formatBytes(LIMITS.partInflatedBytes)} for one part, ${formatBytes(LIMITS.totalInflatedBytes)} in all); a zip bomb, or a workbook too large to check here`,
    );
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  throw damaged('no zip directory at its end');
}
