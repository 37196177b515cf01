/**
 * MKT calls outside the cells (issue 22, item 7) and the report sheet's name: conditional-format
 * rules and data validations are translated, or kept and listed on the report sheet; the report
 * sheet takes a free name when "Copie portable" is taken.
 */
import { makePortableCopy } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { entryText, readZip } from '../../src/xlsx/zip';
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

describe('external links', () => {
  const link = (extraCell = '') =>
    variant({
      sheets: [{ name: 'S', rows: `<row r="1"><c r="A1"><v>8</v></c><c r="B1"><v>2</v></c><c r="C1"><f>[1]!_xldudf_MKT_ROI_RATIO(A1,B1)</f></c>${extraCell}</row>` }],
      workbookTail: '<{p}externalReferences><{p}externalReference r:id="rId9"/></{p}externalReferences>',
      extraRels: [['rId9', 'externalLink', 'externalLinks/externalLink1.xml']],
      extraParts: [
        { name: 'xl/externalLinks/externalLink1.xml', data: '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1"/></externalLink>' },
        { name: 'xl/externalLinks/_rels/externalLink1.xml.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="MKT.xla" TargetMode="External"/></Relationships>' },
      ],
    });

  it('drops a link only MKT calls used (an add-in file), with its relationship and reference', async () => {
    const result = await makePortableCopy(new Uint8Array(link()), nodeCodec, { version: 't' });
    const entries = readZip(result.bytes);
    expect(result.droppedLinks).toEqual(['xl/externalLinks/externalLink1.xml']);
    expect(entries.map((e) => e.name).filter((n) => n.includes('externalLink'))).toEqual([]);
    const workbook = await entryText(entries.find((e) => e.name === 'xl/workbook.xml')!, nodeCodec);
    const rels = await entryText(entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!, nodeCodec);
    expect(workbook).not.toMatch(/externalReference/);
    expect(rels).not.toMatch(/externalLink/);
  });

  it('keeps a link another formula still uses', async () => {
    const result = await makePortableCopy(new Uint8Array(link('<c r="D1"><f>[1]!Budget*2</f></c>')), nodeCodec, { version: 't' });
    expect(result.droppedLinks).toEqual([]);
    expect(readZip(result.bytes).some((e) => e.name === 'xl/externalLinks/externalLink1.xml')).toBe(true);
  });
});

describe("a table's calculated column", () => {
  it('is translated, so that rows Excel adds to the table compute without MKT', async () => {
    const table =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Canaux" displayName="Canaux" ref="A1:C3"><tableColumns count="3">' +
      '<tableColumn id="1" name="Revenu"/><tableColumn id="2" name="Dépense"/>' +
      '<tableColumn id="3" name="ROI"><calculatedColumnFormula>_xldudf_MKT_ROI_RATIO(Canaux[[#This Row],[Revenu]],Canaux[[#This Row],[Dépense]])</calculatedColumnFormula></tableColumn>' +
      '</tableColumns></table>';
    const bytes = variant({
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>8</v></c></row>' }],
      extraParts: [
        { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>' },
        { name: 'xl/tables/table1.xml', data: table },
      ],
    });
    const result = await makePortableCopy(new Uint8Array(bytes), nodeCodec, { version: 't' });
    expect(result.items.map((i) => [i.cell, i.outside, i.action])).toEqual([['Canaux[ROI]', 'calculatedColumn', 'translated']]);
    const out = await entryText(readZip(result.bytes).find((e) => e.name === 'xl/tables/table1.xml')!, nodeCodec);
    expect(out).not.toContain('_xldudf_');
    expect(out).toContain('Canaux[[#This Row],[Revenu]]');
  });
});
