/**
 * The example workbooks' XML read back: every MKT formula stored as Excel stores a bound call
 * (`_xldudf_MKT_ID(` in a dynamic-array formula whose cm points at valid metadata), ALLOCATE a
 * real spill, the metadata part declared, and the files byte for byte what the generator writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMktCalls } from '../../src/formula/mkt-calls';
import { buildExampleFile, EXAMPLES } from '../../src/examples/build-examples';
import { formulaCells } from '../../src/xlsx/cells';
import { dynamicArrayCellMetadata, METADATA_CONTENT_TYPE, metadataPath } from '../../src/xlsx/dynamic-arrays';
import { XlsxPackage } from '../../src/xlsx/package';

jest.setTimeout(60_000);

const EXAMPLES_DIR = join(__dirname, '..', '..', 'assets', 'examples');

describe.each(Object.keys(EXAMPLES))('%s as stored', (name) => {
  let pkg: XlsxPackage;
  let sheets: Array<{ name: string; xml: string }>;
  beforeAll(async () => {
    pkg = await XlsxPackage.load(readFileSync(join(EXAMPLES_DIR, name)));
    sheets = await Promise.all((await pkg.sheets()).map(async (s) => ({ name: s.name, xml: await pkg.readText(s.path) })));
  });

  it('declares xl/metadata.xml with its content type and workbook relationship', async () => {
    expect(await metadataPath(pkg)).toBe('xl/metadata.xml');
    expect(await pkg.readText('[Content_Types].xml')).toContain(`<Override PartName="/xl/metadata.xml" ContentType="${METADATA_CONTENT_TYPE}"/>`);
  });

  it('stores every MKT formula as _xldudf_MKT_ID in a dynamic array whose cm points at valid metadata', async () => {
    const valid = dynamicArrayCellMetadata(await pkg.readText('xl/metadata.xml'));
    expect([...valid]).toEqual([1]);
    const problems: string[] = [];
    let mkt = 0;
    for (const sheet of sheets) {
      for (const cell of formulaCells(sheet.xml)) {
        const calls = findMktCalls(cell.formula!.text);
        const at = `${sheet.name}!${cell.attrs.r}`;
        if (calls.length === 0) {
          if (cell.attrs.cm !== undefined) problems.push(`${at}: cm on a formula without MKT`);
          continue;
        }
        mkt++;
        if (!calls.every((c) => c.form === 'stored' && c.known)) problems.push(`${at}: ${cell.formula!.text}`);
        if (!valid.has(Number(cell.attrs.cm))) problems.push(`${at}: cm=${cell.attrs.cm}`);
        const { t, ref } = cell.formula!.attrs;
        if (t !== 'array' || !ref || ref.split(':')[0] !== cell.attrs.r) problems.push(`${at}: <f t="${t}" ref="${ref}">`);
      }
    }
    expect(problems).toEqual([]);
    expect(mkt).toBeGreaterThan(20);
  });

  it('writes ALLOCATE as a spill over several cells, and no legacy {=} array', () => {
    const arrays = sheets.flatMap((s) => formulaCells(s.xml)).filter((c) => c.formula!.attrs.t === 'array');
    const allocate = arrays.filter((c) => c.formula!.text.startsWith('_xldudf_MKT_ALLOCATE('));
    expect(allocate.length).toBeGreaterThan(0);
    for (const cell of allocate) expect(cell.formula!.attrs.ref).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    expect(arrays.filter((c) => c.attrs.cm === undefined)).toEqual([]);
  });

  it('is byte for byte what npm run examples writes', async () => {
    expect((await buildExampleFile(name)).equals(readFileSync(join(EXAMPLES_DIR, name)))).toBe(true);
  });
});
