/**
 * LibreOffice Calc as the judge of portable copies (test/libreoffice/recalc.py): packages in, each
 * copy recalculated headless in one soffice process, and each former MKT cell compared with what
 * check-workbook computes for the input (or, for a frozen cell, with the value the input saved).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePortableCopy, type PortableItem, type PortableOptions } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { recomputeMktCells, type CellOutput } from '../../src/engine/recompute';
import { a1, parseA1 } from '../../src/engine/workbook';
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';

export const SOFFICE_AVAILABLE = existsSync('/usr/bin/soffice') && existsSync('/usr/bin/python3');

export interface LoCell {
  v?: number | string;
  e?: string;
  f?: string;
}
export type LoWorkbook = Record<string, Record<string, LoCell>>;

export function sameValue(expected: CellOutput, got: LoCell | undefined): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) return got?.e === expected.error;
  if (typeof expected === 'number') {
    const v = got?.v;
    return typeof v === 'number' && (v === expected || Math.abs(v - expected) <= 1e-9 * Math.max(Math.abs(v), Math.abs(expected)));
  }
  if (typeof expected === 'boolean') return got?.v === (expected ? 1 : 0) || got?.v === String(expected).toUpperCase();
  return got?.v === expected;
}

export interface Judged {
  name: string;
  items: PortableItem[];
  /** "Sheet!A1: MKT x, LibreOffice y" for every cell that differs. */
  mismatches: string[];
  /** Cells compared. */
  checked: number;
  copy: Uint8Array;
}

/** The value the input saved for a cell, as check-workbook reads it (`=#X` for an error). */
function savedValue(cached: unknown): CellOutput {
  if (typeof cached === 'string' && cached.startsWith('=#')) return { error: cached.slice(1), message: '' };
  if (typeof cached === 'string' && cached.startsWith("'")) return cached.slice(1);
  return (cached ?? null) as CellOutput;
}

/**
 * Each package copied, the copies recalculated by LibreOffice, each former MKT cell compared: a
 * translated cell with check-workbook's value for the input, a frozen one with its saved value.
 */
export async function judgeInLibreOffice(packages: Array<{ name: string; bytes: Buffer }>, options: Partial<PortableOptions> = {}): Promise<Judged[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mkt-judge-'));
  try {
    const prepared = [];
    for (const p of packages) {
      const input = readWorkbookPackage(p.bytes);
      const reports = recomputeMktCells(input);
      const { bytes, items } = await makePortableCopy(new Uint8Array(p.bytes), nodeCodec, { version: 'test', ...options });
      const path = join(dir, p.name);
      writeFileSync(path, bytes);
      prepared.push({ ...p, input, reports, items, path, copy: bytes });
    }
    const out = execFileSync('/usr/bin/python3', [join(__dirname, '..', 'libreoffice', 'recalc.py'), ...prepared.map((p) => p.path)], {
      maxBuffer: 256 * 1024 * 1024,
      timeout: 240_000,
    });
    const books = JSON.parse(out.toString('utf8')) as Record<string, LoWorkbook>;
    return prepared.map((p) => {
      const book = books[p.path] ?? {};
      const mismatches: string[] = [];
      let checked = 0;
      const action = new Map(p.items.map((i) => [`${i.sheet}!${i.cell}`, i]));
      for (const report of p.reports) {
        const key = `${report.sheet}!${report.cell}`;
        const item = action.get(key);
        const formula = p.input.formulas.find((f) => f.sheet === report.sheet && f.cell === report.cell)!;
        const expected: Array<[string, CellOutput]> = [];
        if (item?.action === 'frozen') {
          if (formula.cached === null && !item.computed) continue;
          expected.push([report.cell, item.computed !== undefined ? (item.computed as CellOutput) : savedValue(formula.cached)]);
        } else if (Array.isArray(report.value)) {
          const { row, col } = parseA1(report.cell);
          report.value.forEach((line, r) => line.forEach((v, k) => expected.push([a1(row + r, col + k), v])));
        } else expected.push([report.cell, report.value]);
        for (const [cell, value] of expected) {
          checked++;
          const got = book[report.sheet]?.[cell];
          if (!sameValue(value, got)) {
            mismatches.push(`${p.name} ${report.sheet}!${cell} ${report.formula} (${item?.action ?? '?'}): MKT ${JSON.stringify(value)}, LibreOffice ${JSON.stringify(got)}`);
          }
        }
      }
      return { name: p.name, items: p.items, mismatches, checked, copy: p.copy };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
