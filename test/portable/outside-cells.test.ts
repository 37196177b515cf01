/**
 * MKT calls outside the cells (issue 22, item 7) and the report sheet's name: conditional-format
 * rules and data validations are translated, or kept and listed on the report sheet; the report
 * sheet takes a free name when "Copie portable" is taken.
 */
import { makePortableCopy } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/portable/node-codec';
import { entryText, readZip } from '../../src/portable/zip';
import { variant } from '../support/package-variants';

const ROWS = '<row r="1"><c r="A1"><v>8</v></c><c r="B1"><v>2</v></c></row>';
const AFTER =
  '<conditionalFormatting sqref="A1:A5"><cfRule type="expression" dxfId="0" priority="1"><formula>_xldudf_MKT_ROI_BAND(A1)="ABOVE"</formula></cfRule></conditionalFormatting>' +
  '<conditionalFormatting sqref="C1"><cfRule type="expression" dxfId="0" priority="2"><formula>SUM(_xldudf_MKT_ALLOCATE(100,A1:A2,B1:B2))&gt;0</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="custom" sqref="B1:B5"><formula1>_xldudf_MKT_ROI_RATIO(A1,B1)&gt;=1</formula1></dataValidation></dataValidations>';

async function copy(sheets: Array<{ name: string; rows: string; after?: string }>) {
  const result = await makePortableCopy(new Uint8Array(variant({ sheets })), nodeCodec, { version: 't', lang: 'en' });
  const entries = readZip(result.bytes);
  const sheet1 = await entryText(entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!, nodeCodec);
  return { ...result, sheet1 };
}

describe('MKT calls outside the cells', () => {
  it('translates conditional-format rules and validations, keeps and lists what cannot be', async () => {
    const { items, sheet1 } = await copy([{ name: 'S', rows: ROWS, after: AFTER }]);
    expect(items.map((i) => [i.cell, i.outside, i.action])).toEqual([
      ['A1:A5', 'conditionalFormat', 'translated'],
      ['C1', 'conditionalFormat', 'kept'],
      ['B1:B5', 'validation', 'translated'],
    ]);
    expect(sheet1).not.toMatch(/_xldudf_MKT_ROI/);
    expect(sheet1).toContain('_xldudf_MKT_ALLOCATE');
    expect(sheet1).toMatch(/<formula>\(IF\(/);
  });
});

describe('the report sheet', () => {
  it('takes a free name when a sheet is already called so', async () => {
    const { reportSheet } = await copy([{ name: 'Portable copy', rows: ROWS.replace('</row>', '<c r="C1"><f>_xldudf_MKT_ROI_RATIO(A1,B1)</f></c></row>') }, { name: 'portable copy (2)', rows: '' }]);
    expect(reportSheet).toBe('Portable copy (3)');
  });
});
