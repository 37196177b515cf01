/**
 * check-workbook's statuses are honest (issue 22): what Excel stores commonly is parsed and
 * computed (exponent literals, doubled quotes, sheet names in any letters), and a cell the engine
 * cannot parse or evaluate is `beyond-engine`, never `computed`.
 */
import { recompute, recomputeMktCells } from '../../src/engine/recompute';
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';
import { toEngineText } from '../../src/engine/formula-text';
import { xmlText } from '../support/hostile-corpus';
import { variant } from '../support/package-variants';

const cell = (ref: string, formula: string) => `<c r="${ref}"><f>${xmlText(formula)}</f></c>`;

function reports(formulas: string[], extraSheets: Array<{ name: string; rows: string }> = []) {
  const rows = formulas.map((f, i) => `<row r="${i + 2}">${cell(`B${i + 2}`, f)}</row>`).join('');
  const bytes = variant({
    sheets: [{ name: 'S', rows: `<row r="1"><c r="A1"><v>8</v></c><c r="B1" t="inlineStr"><is><t>a"b</t></is></c></row>${rows}` }, ...extraSheets],
    names: '<{p}definedName name="Rate">_xldudf_MKT_ROI_RATIO(S!$A$1,2)</{p}definedName>',
  });
  const input = readWorkbookPackage(bytes);
  // Both paths (the direct one and the engine) must agree.
  const viaEngine = recompute(input).mktCells;
  const fast = recomputeMktCells(input);
  expect(fast.map((r) => [r.cell, r.status])).toEqual(viaEngine.map((r) => [r.cell, r.status]));
  return fast;
}

describe('what Excel stores commonly is computed', () => {
  it.each([
    ['_xldudf_MKT_ROI_RATIO(1E+20,1E+19)', 10],
    ['_xldudf_MKT_ROI_RATIO(A1,2)+1E-09*0', 4],
    ['_xldudf_MKT_ROI_RATIO(売上!A1,2)', 3],
    ['_xldudf_MKT_ROI_RATIO(Données!A1,2)', 2],
    ['IF(B1="a""b",_xldudf_MKT_ROI_RATIO(A1,2),0)', 4],
    ['_xldudf_MKT_ROI_RATIO(Rate,1)', 4],
  ])('%s is %p, computed', (formula, value) => {
    const [report] = reports([formula], [
      { name: '売上', rows: '<row r="1"><c r="A1"><v>6</v></c></row>' },
      { name: 'Données', rows: '<row r="1"><c r="A1"><v>4</v></c></row>' },
    ]);
    expect(report.status).toBe('computed');
    expect(report.value).toBe(value);
  });

  it('writes the engine text for each of them', () => {
    expect(toEngineText('MKT.X(1E+20,-1E-09,"1E+5")')).toBe('MKT.X(1e+20,-1e-09,"1E+5")');
    expect(toEngineText('IF(B1="a""b",1,{"x""y"})')).toBe('IF(B1=("a"&CHAR(34)&"b"),1,{"x""y"})');
    expect(toEngineText("売上!A1+'売上'!A2+E1")).toBe("'売上'!A1+'売上'!A2+E1");
  });
});

describe('what the engine cannot parse or evaluate is beyond-engine', () => {
  it.each([
    ['_xldudf_MKT_ROI_RATIO(Table1[Spend],1)'],
    ['_xldudf_MKT_ROI_RATIO(A1#,1)'],
    ['_xldudf_MKT_ROI_RATIO(SUM(S:T!A1),1)'],
    ['_xldudf_MKT_ROI_RATIO(INDIRECT("A1"),1)'],
    ['_xldudf_MKT_ROI_RATIO(_xlfn.LET(_xlpm.x,A1,_xlpm.x),1)'],
    ['_xldudf_MKT_ROI_RATIO(_xlfn.LAMBDA(_xlpm.x,_xlpm.x)(A1),1)'],
    ['_xldudf_MKT_ROI_BAND(A1:A3)'],
  ])('%s', (formula) => {
    const [report] = reports([formula], [{ name: 'T', rows: '' }]);
    expect(report.status).toBe('beyond-engine');
    expect(report.value).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/not computed/) });
  });
});

describe('structured references', () => {
  const table =
    '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Canaux" displayName="Canaux" ref="A1:C4" totalsRowCount="1"><tableColumns count="3">' +
    '<tableColumn id="1" name="Revenu"/><tableColumn id="2" name="Dépense"/><tableColumn id="3" name="ROI"/></tableColumns></table>';
  const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
  const rows =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Revenu</t></is></c><c r="B1" t="inlineStr"><is><t>Dépense</t></is></c><c r="C1" t="inlineStr"><is><t>ROI</t></is></c></row>' +
    `<row r="2">${n('A2', 800)}${n('B2', 200)}${cell('C2', '_xldudf_MKT_ROI_RATIO(Canaux[[#This Row],[Revenu]],Canaux[[#This Row],[Dépense]])')}</row>` +
    `<row r="3">${n('A3', 400)}${n('B3', 200)}${cell('C3', '_xldudf_MKT_ROI_RATIO(Canaux[[#This Row],[Revenu]],Canaux[[#This Row],[Dépense]])')}</row>` +
    `<row r="4">${n('A4', 99999)}${n('B4', 1)}</row>` +
    `<row r="6">${cell('E6', '_xldudf_MKT_ROI_RATIO(Canaux[Revenu],Canaux[Dépense])')}${cell('F6', '_xldudf_MKT_ROI_RATIO(Canaux[[#All],[Revenu]],1)')}${cell('G6', '_xldudf_MKT_ROI_RATIO(Canaux[[Revenu]:[Dépense]],1)')}${cell('H6', '_xldudf_MKT_ROI_RATIO(Autre[Revenu],1)')}</row>`;

  it('are read through the workbook\'s tables (data body, this row, #All, a span of columns); an unknown table is beyond-engine', () => {
    const bytes = variant({
      sheets: [{ name: 'S', rows }],
      extraParts: [
        { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>' },
        { name: 'xl/tables/table1.xml', data: table },
      ],
    });
    const got = Object.fromEntries(recomputeMktCells(readWorkbookPackage(bytes)).map((r) => [r.cell, [r.status, r.value]]));
    expect(got.C2).toEqual(['computed', 4]);
    expect(got.C3).toEqual(['computed', 2]);
    expect(got.E6).toEqual(['computed', 3]);
    expect(got.F6).toEqual(['computed', 101199]);
    expect(got.G6).toEqual(['computed', 1600]);
    expect(got.H6[0]).toBe('beyond-engine');
  });
});
