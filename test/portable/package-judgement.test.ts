/**
 * portable and check-workbook judge a package the same way (src/xlsx/ooxml.ts): Strict and
 * transitional names, any prefix, the workbook found through _rels/.rels, checksums checked, and
 * the same files refused.
 */
import { makePortableCopy, PackageError } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { entryText, readZip } from '../../src/xlsx/zip';
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';
import { STRICT } from '../../src/xlsx/ooxml';
import { variant, variantParts, withBadCrc, type VariantSpec } from '../support/package-variants';
import { zip } from '../support/hostile-corpus';

const ROWS = '<{p}row r="1"><{p}c r="A1"><{p}v>8</{p}v></{p}c><{p}c r="B1"><{p}v>2</{p}v></{p}c><{p}c r="C1"><{p}f>_xldudf_MKT_ROI_RATIO(A1,B1)</{p}f><{p}v>4</{p}v></{p}c></{p}row>';
const base: VariantSpec = { sheets: [{ name: 'Données', rows: ROWS }] };

async function copyOf(bytes: Buffer) {
  const result = await makePortableCopy(new Uint8Array(bytes), nodeCodec, { version: 't' });
  const entries = readZip(result.bytes);
  const text = async (name: string) => entryText(entries.find((e) => e.name === name)!, nodeCodec);
  return { ...result, entries, text };
}

describe.each<[string, VariantSpec]>([
  ['transitional', base],
  ['Strict Open XML', { ...base, strict: true }],
  ['prefixed x:', { ...base, prefix: 'x' }],
  ['prefixed ns0:, relationships too', { ...base, prefix: 'ns0', relsPrefix: 'ns1' }],
  ['Strict and prefixed', { ...base, strict: true, prefix: 'x' }],
  ['a workbook part at another path', { ...base, mainPart: 'wb/book.xml' }],
])('a %s package', (_, spec) => {
  const bytes = variant(spec);

  it('is read by check-workbook: the MKT cell is found', () => {
    const input = readWorkbookPackage(bytes);
    expect(input.sheetNames).toEqual(['Données']);
    expect(input.formulas.map((f) => f.formula)).toEqual(['_xldudf_MKT_ROI_RATIO(A1,B1)']);
  });

  it('is copied by portable: the call translated, the report sheet listed in the workbook in its own vocabulary', async () => {
    const copy = await copyOf(bytes);
    expect(copy.items.map((i) => [i.sheet, i.cell, i.action])).toEqual([['Données', 'C1', 'translated']]);
    const main = spec.mainPart ?? 'xl/workbook.xml';
    const p = spec.prefix ? `${spec.prefix}:` : '';
    const workbook = await copy.text(main);
    expect(workbook).toContain(`<${p}sheet name="Copie portable"`);
    // The copy is read back by check-workbook: the report sheet is a worksheet there, the call native.
    const again = readWorkbookPackage(Buffer.from(copy.bytes));
    expect(again.sheetNames).toEqual(['Données', 'Copie portable']);
    expect(again.formulas[0].formula).not.toMatch(/MKT/);
    const sheet = copy.entries.find((e) => /sheet1\.xml$/.test(e.name))!;
    expect(await entryText(sheet, nodeCodec)).toContain(`<${p}c r="C1"><${p}f>IF(`);
    const reportName = again.sheetNames.length === 2 ? copy.entries[copy.entries.length - 1].name : '';
    const report = await copy.text(reportName);
    if (spec.strict) {
      expect(report).toContain(STRICT.main);
      const rels = copy.entries.find((e) => e.name.endsWith(`${main.slice(main.lastIndexOf('/') + 1)}.rels`))!;
      expect(await entryText(rels, nodeCodec)).toContain(`${STRICT.relationships}/worksheet`);
      expect(await entryText(rels, nodeCodec)).not.toContain('schemas.openxmlformats.org/officeDocument');
    }
  });
});

describe('the same refusals', () => {
  const billion = `<!DOCTYPE workbook [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
  const cases: Array<[string, Buffer, RegExp]> = [
    ['a DTD (entity expansion)', variant({ ...base, workbookProlog: billion }), /DTD/],
    ['a cell at A0', variant({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A0"><v>1</v></c><c r="B1"><f>MKT.ROI_RATIO(8,2)</f></c></row>' }] }), /no cell address/],
    ['a part whose checksum does not match', withBadCrc(variant(base), 'xl/worksheets/sheet1.xml'), /checksum/],
    ['a workbook part whose checksum does not match', withBadCrc(variant(base), 'xl/workbook.xml'), /checksum/],
    ['a cell left open', variant({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><f>MKT.ROI_RATIO(8,2)</f>' }] }), /not closed/],
    [
      'a sheet whose part is missing',
      zip(variantParts({ sheets: [{ name: 'S', rows: ROWS.replace(/\{p\}/g, '') }, { name: 'T', rows: '' }] }).filter((part) => part.name !== 'xl/worksheets/sheet2.xml')),
      /is missing/,
    ],
  ];

  it.each(cases)('%s: check-workbook and portable both refuse it, with the same words', async (_, bytes, says) => {
    let engineMessage = '';
    try {
      readWorkbookPackage(bytes);
    } catch (error) {
      engineMessage = (error as Error).message;
    }
    expect(engineMessage).toMatch(says);
    const portable = makePortableCopy(new Uint8Array(bytes), nodeCodec, { version: 't' });
    await expect(portable).rejects.toBeInstanceOf(PackageError);
    await expect(portable).rejects.toThrow(engineMessage);
  });

  it('a cell at A0 on a sheet without any formula is refused too (every sheet is judged)', async () => {
    const bytes = variant({ sheets: [{ name: 'S', rows: ROWS.replace(/\{p\}/g, '') }, { name: 'T', rows: '<row r="1"><c r="A0"><v>1</v></c></row>' }] });
    expect(() => readWorkbookPackage(bytes)).toThrow(/no cell address/);
    await expect(makePortableCopy(new Uint8Array(bytes), nodeCodec, { version: 't' })).rejects.toThrow(/no cell address/);
  });
});
