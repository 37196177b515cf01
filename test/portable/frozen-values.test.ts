/**
 * A frozen cell always carries a value (issue 22, item 8): a file written by a library saves no
 * value for its formulas, and a call the copy must freeze (ALLOCATE stored as a plain formula, a
 * range where one value is read) then gets the value MKT computes, through the engine bridge of
 * `npm run portable`, never a blank.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/commands/portable';
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';
import { variant } from '../support/package-variants';

const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
const fx = (ref: string, formula: string) => `<c r="${ref}"><f>${formula}</f></c>`;

describe('npm run portable on a workbook with no saved values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mkt-frozen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes the value MKT computes in every frozen cell', async () => {
    const rows =
      `<row r="1">${num('A1', 100)}${num('B1', 500)}${fx('D1', '_xldudf_MKT_ALLOCATE(1000,A1:A3,B1:B3)')}${fx('E1', '_xldudf_MKT_ROI_BAND(B1:B3)')}</row>` +
      `<row r="2">${num('A2', 200)}${num('B2', 800)}${fx('E2', '_xldudf_MKT_ROI_RATIO(B1:B3,A1:A3)')}</row>` +
      `<row r="3">${num('A3', 300)}${num('B3', 300)}</row>`;
    const input = join(dir, 'library.xlsx');
    writeFileSync(input, variant({ sheets: [{ name: 'S', rows }] }));
    expect(await main([input, join(dir, 'copy.xlsx')])).toBe(0);
    const copy = readWorkbookPackage(readFileSync(join(dir, 'copy.xlsx')));
    const cell = (ref: string) => copy.contents.S.find((c) => c.row === Number(ref.slice(1)) - 1 && c.col === ref.charCodeAt(0) - 65)?.content;
    // ALLOCATE stored as a plain formula: Excel shows its first value (implicit intersection).
    expect(typeof cell('D1')).toBe('number');
    expect(cell('D1') as number).toBeGreaterThan(0);
    // A range where one value is read, in a plain formula: Excel takes the cell on the formula's row (B1 = 500).
    expect(cell('E1')).toBe("'ABOVE");
    // The translated cell stays a formula.
    expect(copy.formulas.map((f) => f.cell)).toContain('E2');
  });
});

describe('a frozen cell', () => {
  const styles =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';
  const book = () =>
    variant({
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1" t="str"><f>_xldudf_MKT_ROI_BAND(A1:A3)</f><v>BELOW</v></c><c r="C1"><f>_xldudf_MKT_ROI_RATIO(A1,1)</f><v>1</v></c></row>' }],
      extraRels: [['rIdStyles', 'styles', 'styles.xml']],
      extraParts: [{ name: 'xl/styles.xml', data: styles }],
    });

  it('is tinted (its own format, one light fill more) and carries a note saying why; a translated cell is not', async () => {
    const { makePortableCopy } = await import('../../src/portable/portable-copy');
    const { nodeCodec } = await import('../../src/xlsx/node-codec');
    const { entryText, readZip } = await import('../../src/xlsx/zip');
    const result = await makePortableCopy(new Uint8Array(book()), nodeCodec, { version: 't', lang: 'en' });
    const entries = readZip(result.bytes);
    const text = (name: string) => entryText(entries.find((e) => e.name === name)!, nodeCodec);
    const sheet = await text('xl/worksheets/sheet1.xml');
    const stylesOut = await text('xl/styles.xml');
    expect(sheet).toMatch(/<c r="B1" s="2" t="inlineStr">/);
    expect(sheet).not.toMatch(/<c r="C1" s=/);
    expect(stylesOut).toContain('<fills count="3">');
    expect(stylesOut).toMatch(/<cellXfs count="3">.*<xf fillId="2" applyFill="1" numFmtId="10"/);
    expect(sheet).toMatch(/<dataValidation allowBlank="1" showInputMessage="1" promptTitle="MKT" prompt="MKT formula frozen by the portable copy[^"]*several values[^"]*" sqref="B1"\/>/);
  });
});
