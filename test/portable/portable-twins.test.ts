/**
 * The portable twins shipped beside the examples (assets/examples/*-portable.xlsx), for people who
 * open them without the add-in: each is the portable copy of its example as shipped, holds no MKT
 * call, and LibreOffice Calc (no add-in) computes every former MKT cell to the value the add-in
 * computes. Needs Debian's libreoffice-calc-nogui and python3-uno for the last part; without
 * soffice that part is skipped with a printed line, except in CI (CI=true), where it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasMktCall } from '../../src/formula/mkt-calls';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { unescapeXml } from '../../src/portable/portable-copy';
import { entryText, readZip } from '../../src/xlsx/zip';
import { buildExample, buildPortableTwin, EXAMPLES, EXAMPLES_DIR, portableTwinName } from '../../src/examples/build-examples';
import { recompute, type CellOutput } from '../../src/engine/recompute';
import { a1, parseA1, toWorkbookInput } from '../../src/engine/workbook';

const SOFFICE = '/usr/bin/soffice';
const PYTHON = '/usr/bin/python3';
const libreOffice = existsSync(SOFFICE) && existsSync(PYTHON);
if (!libreOffice) {
  if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is missing in CI: install libreoffice-calc-nogui and python3-uno');
  // eslint-disable-next-line no-console
  console.log('skipped: the twins in LibreOffice (apt install libreoffice-calc-nogui python3-uno)');
}

const names = Object.keys(EXAMPLES);
const shipped = (name: string) => new Uint8Array(readFileSync(join(EXAMPLES_DIR, name)));

describe.each(names)('the portable twin of %s', (name) => {
  const twinName = portableTwinName(name);

  it('is shipped beside it, as the portable copy of the example makes it (npm run examples)', async () => {
    expect(existsSync(join(EXAMPLES_DIR, twinName))).toBe(true);
    const fresh = await buildPortableTwin(shipped(name));
    expect(Buffer.from(fresh).equals(Buffer.from(shipped(twinName)))).toBe(true);
  });

  it('holds no MKT call in any formula or name', async () => {
    const left: string[] = [];
    for (const entry of readZip(shipped(twinName))) {
      if (!/^xl\/(worksheets\/sheet\d+|workbook)\.xml$/.test(entry.name)) continue;
      const xml = await entryText(entry, nodeCodec);
      for (const m of xml.matchAll(/<(f|definedName)\b[^>]*>([^<]*)<\/\1>/g)) {
        if (hasMktCall(unescapeXml(m[2]))) left.push(`${entry.name}: ${m[2]}`);
      }
    }
    expect(left).toEqual([]);
  });
});

describe('the example sheets', () => {
  it.each(names)('%s speaks to a user: no command to type', async (name) => {
    for (const file of [name, portableTwinName(name)]) {
      for (const entry of readZip(shipped(file))) {
        if (!/^xl\/sharedStrings\.xml$|^xl\/worksheets\/sheet\d+\.xml$|^docProps\//.test(entry.name)) continue;
        expect({ file, part: entry.name, text: await entryText(entry, nodeCodec) }).toEqual({ file, part: entry.name, text: expect.not.stringMatching(/\bnpm\b|check-workbook|npx /) });
      }
    }
  });
});

(libreOffice ? describe : describe.skip)('the twins recalculated by LibreOffice Calc', () => {
  type LoCell = { v?: number | string; e?: string };
  let recalculated: Record<string, Record<string, Record<string, LoCell>>> = {};
  beforeAll(() => {
    const files = names.map((name) => join(EXAMPLES_DIR, portableTwinName(name)));
    const out = execFileSync(PYTHON, [join(__dirname, '..', 'libreoffice', 'recalc.py'), ...files], { maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
    recalculated = JSON.parse(out.toString('utf8'));
  }, 300_000);

  function sameValue(expected: CellOutput, got: LoCell | undefined): boolean {
    if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) return got?.e === expected.error;
    if (typeof expected === 'number') {
      const v = got?.v;
      return typeof v === 'number' && Math.abs(v - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    }
    return got?.v === expected;
  }

  it.each(names)('%s: every former MKT cell shows the add-in\'s value', (name) => {
    const book = recalculated[join(EXAMPLES_DIR, portableTwinName(name))];
    expect(book).toBeDefined();
    const mismatches: string[] = [];
    let checked = 0;
    for (const m of recompute(toWorkbookInput(buildExample(name))).mktCells) {
      const { row, col } = parseA1(m.cell);
      const values = Array.isArray(m.value) ? m.value : [[m.value]];
      values.forEach((line, r) =>
        line.forEach((value, k) => {
          const cell = a1(row + r, col + k);
          checked++;
          if (!sameValue(value, book[m.sheet]?.[cell])) mismatches.push(`${m.sheet}!${cell}: MKT ${JSON.stringify(value)}, LibreOffice ${JSON.stringify(book[m.sheet]?.[cell])}`);
        }),
      );
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
