/**
 * The portable copy's report sheet prints as a report: landscape, one page wide, its print area the
 * columns a reader needs (sheet, cell, formula, status, reason), and its long sentences cut into
 * rows that fit that width — not dozens of pages of formula text overflowing to the right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printedLines } from '../../src/portable/copy-report';
import { makePortableCopy } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { entryText, readZip } from '../../src/xlsx/zip';
import { xlsx, f, n, row } from '../support/hostile-corpus';

const EXAMPLE = join(__dirname, '..', '..', 'assets', 'examples', 'budget-tpe-fr.xlsx');

async function reportOf(bytes: Uint8Array) {
  const copy = await makePortableCopy(bytes, nodeCodec, { version: 'test' });
  const entries = readZip(copy.bytes);
  const text = async (name: string) => entryText(entries.find((e) => e.name === name)!, nodeCodec);
  const workbook = await text('xl/workbook.xml');
  const sheetNames = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
  const index = sheetNames.indexOf(copy.reportSheet);
  const sheets = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).map((e) => e.name).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return { copy, workbook, index, sheetNames, xml: await text(sheets[sheets.length - 1]) };
}

describe('the report sheet, printed', () => {
  it('has the print area A:E on its own sheet, landscape, one page wide', async () => {
    const { copy, workbook, index, sheetNames, xml } = await reportOf(new Uint8Array(readFileSync(EXAMPLE)));
    expect(index).toBe(sheetNames.length - 1);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">'${copy.reportSheet}'!$A:$E</definedName>`);
    expect(xml).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><cols>/);
    expect(xml).toMatch(/<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"\/><\/worksheet>$/);
  });

  it('adds its print area beside the names a workbook already has, and creates the list when it has none', async () => {
    const sheet = { name: 'S', rows: row(1, n('A1', 10), n('B1', 4), f('C1', 'MKT.ROI_RATIO(A1,B1)')) };
    const withNames = await reportOf(new Uint8Array(xlsx({ sheets: [sheet], names: '<definedName name="Taux">S!$A$1</definedName>' })));
    expect(withNames.workbook).toMatch(/<definedNames><definedName name="Taux">S!\$A\$1<\/definedName><definedName name="_xlnm.Print_Area" localSheetId="1">/);
    const without = await reportOf(new Uint8Array(xlsx({ sheets: [sheet] })));
    expect(without.workbook).toMatch(/<\/sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'Copie portable'!\$A:\$E<\/definedName><\/definedNames>/);
  });

  it('cuts a long sentence between words into rows of the printed width, losing no word', () => {
    const sentence = '• ' + Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' ');
    const lines = printedLines(sentence, 40);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(lines.join(' ').split(/\s+/).filter(Boolean)).toEqual(sentence.split(' '));
    expect(printedLines('court', 40)).toEqual(['court']);
  });
});
