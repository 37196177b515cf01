/**
 * The zip-level helpers (src/xlsx/): cells read and rewritten without touching anything
 * else, dynamic-array metadata read and declared as Excel does, MKT formulas stored as Excel
 * stores a bound call.
 */
import ExcelJS from 'exceljs';
import { formulaCells, rewriteFormulaCells } from '../../src/xlsx/cells';
import { DYNAMIC_ARRAY_METADATA_XML, dynamicArrayCellMetadata, ensureDynamicArrayMetadata, metadataPath } from '../../src/xlsx/dynamic-arrays';
import { XlsxPackage } from '../../src/xlsx/package';
import { storeMktFormulasAsExcelDoes } from '../../src/examples/stored-form';

const SHEET =
  '<worksheet><cols><col min="1" max="2" width="9"/></cols><sheetData><row r="1">' +
  '<c r="A1" s="1"/><c r="B1"><v>3</v></c>' +
  '<c r="C1" t="str"><f>IF(B1&lt;4,MKT.LABEL("A&amp;B"),"")</f><v>x</v></c>' +
  '<c r="D1"><f t="shared" ref="D1:D2" si="0">B1*2</f><v>6</v></c></row>' +
  '<row r="2"><c r="D2"><f t="shared" si="0"/><v>0</v></c></row></sheetData></worksheet>';

describe('formula cells of a worksheet part', () => {
  it('reads each formula unescaped, with its attributes, shared followers included', () => {
    expect(formulaCells(SHEET).map((c) => [c.attrs.r, c.formula!.attrs.t, c.formula!.text, c.value])).toEqual([
      ['C1', undefined, 'IF(B1<4,MKT.LABEL("A&B"),"")', 'x'],
      ['D1', 'shared', 'B1*2', '6'],
      ['D2', 'shared', '', '0'],
    ]);
  });

  it('leaves the part byte for byte when nothing is edited, and rewrites only what is', () => {
    expect(rewriteFormulaCells(SHEET, () => undefined)).toBe(SHEET);
    const edited = rewriteFormulaCells(SHEET, (cell) =>
      cell.attrs.r === 'C1' ? { attrs: { ...cell.attrs, cm: '1' }, formula: { attrs: { t: 'array', ref: 'C1' }, text: cell.formula!.text.replace('MKT.', '_xldudf_MKT_') } } : undefined,
    );
    expect(edited).toBe(SHEET.replace('<c r="C1" t="str"><f>IF(B1&lt;4,MKT.LABEL', '<c r="C1" t="str" cm="1"><f t="array" ref="C1">IF(B1&lt;4,_xldudf_MKT_LABEL'));
  });
});

describe('dynamic-array metadata', () => {
  it('knows which cm values mark a dynamic array, whatever the order of metadata types', () => {
    expect([...dynamicArrayCellMetadata(DYNAMIC_ARRAY_METADATA_XML)]).toEqual([1]);
    const mixed =
      '<metadata><metadataTypes count="2"><metadataType name="XLRICHVALUE"/><metadataType name="XLDAPR"/></metadataTypes>' +
      '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
      '<cellMetadata count="2"><bk><rc t="1" v="0"/></bk><bk><rc t="2" v="0"/></bk></cellMetadata></metadata>';
    expect([...dynamicArrayCellMetadata(mixed)]).toEqual([2]);
  });
});

async function workbookBytes(formulas: Record<string, string>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Feuil 1');
  sheet.getCell('A1').value = 2;
  for (const [address, formula] of Object.entries(formulas)) sheet.getCell(address).value = { formula, result: 1 };
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('storeMktFormulasAsExcelDoes', () => {
  it('stores MKT formulas as one-cell dynamic arrays pointing at declared metadata, other formulas untouched', async () => {
    const { bytes, cells } = await storeMktFormulasAsExcelDoes(await workbookBytes({ B1: 'MKT.ROI_RATIO(A1,1)&"<&>"', C1: 'SUM(A1)', D1: 'MKT.RATIO_ROI(A1,2)' }));
    expect(cells).toEqual({ 'Feuil 1': 2 });
    const pkg = await XlsxPackage.load(bytes);
    expect(await metadataPath(pkg)).toBe('xl/metadata.xml');
    expect(await pkg.readText('[Content_Types].xml')).toContain('PartName="/xl/metadata.xml"');
    const [sheet] = await pkg.sheets();
    expect(sheet.name).toBe('Feuil 1');
    const read = formulaCells(await pkg.readText(sheet.path)).map((c) => [c.attrs.r, c.attrs.cm, c.formula!.attrs.t, c.formula!.attrs.ref, c.formula!.text]);
    expect(read).toEqual([
      ['B1', '1', 'array', 'B1', '_xldudf_MKT_ROI_RATIO(A1,1)&"<&>"'],
      ['C1', undefined, undefined, undefined, 'SUM(A1)'],
      ['D1', '1', 'array', 'D1', '_xldudf_MKT_ROI_RATIO(A1,2)'],
    ]);
    // ExcelJS still reads it, formula and cached value.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet('Feuil 1')!.getCell('B1').formula).toBe('_xldudf_MKT_ROI_RATIO(A1,1)&"<&>"');
  });

  it('gives the same bytes when run again on its own output, and leaves a workbook without MKT as it was', async () => {
    const once = (await storeMktFormulasAsExcelDoes(await workbookBytes({ B1: 'MKT.LTV(A1,0.5)' }))).bytes;
    expect((await storeMktFormulasAsExcelDoes(once)).bytes.equals(once)).toBe(true);
    const plain = await storeMktFormulasAsExcelDoes(await workbookBytes({ B1: 'SUM(A1)' }));
    expect(plain.cells).toEqual({});
    expect(await metadataPath(await XlsxPackage.load(plain.bytes))).toBeUndefined();
  });

  it("saves the workbook with Excel 365's calculation engine id, so Excel shows the saved values on open", async () => {
    const pkg = await XlsxPackage.load((await storeMktFormulasAsExcelDoes(await workbookBytes({ B1: 'MKT.LTV(A1,0.5)' }))).bytes);
    expect(await pkg.readText('xl/workbook.xml')).toMatch(/<calcPr\b[^>]*calcId="191029"/);
  });

  it('refuses a metadata part that has no dynamic-array record rather than pointing cm at the wrong one', async () => {
    const pkg = await XlsxPackage.load((await storeMktFormulasAsExcelDoes(await workbookBytes({ B1: 'MKT.LTV(A1,0.5)' }))).bytes);
    pkg.writeText('xl/metadata.xml', '<metadata><metadataTypes count="1"><metadataType name="XLRICHVALUE"/></metadataTypes><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>');
    await expect(ensureDynamicArrayMetadata(pkg)).rejects.toThrow(/no dynamic-array record/);
  });
});
