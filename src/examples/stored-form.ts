/**
 * Rewrites a workbook's MKT formulas the way Excel stores a bound custom function: the call as
 * `_xldudf_MKT_ID(` (toStoredForm), the cell as a dynamic-array formula (`cm` pointing at the
 * XLDAPR record of xl/metadata.xml, `<f t="array" ref="…">`), even when the result is one cell.
 * A legacy array ExcelJS wrote for a spilling call keeps its ref and becomes a real spill.
 * Everything else in the file stays byte for byte.
 */
import { hasMktCall, toStoredForm } from '../formula/mkt-calls';
import { rewriteFormulaCells, type CellXml } from '../xlsx/cells';
import { ensureDynamicArrayMetadata } from '../xlsx/dynamic-arrays';
import { XlsxPackage } from '../xlsx/package';

/** The cell's attributes with cm set, placed where Excel writes it (after r, s, t). */
function withCellMetadata(attrs: Record<string, string>, cm: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) if (key !== 'cm' && key !== 'vm') out[key] = value;
  out.cm = String(cm);
  if (attrs.vm !== undefined) out.vm = attrs.vm;
  return out;
}

function asBoundDynamicArray(cell: CellXml, cm: number): CellXml | undefined {
  const formula = cell.formula!;
  if (!hasMktCall(formula.text)) return undefined;
  if (formula.attrs.t === 'shared' || formula.text === '') {
    throw new Error(`cell ${cell.attrs.r}: a shared MKT formula cannot be stored as a dynamic array; write each cell's formula`);
  }
  const ref = formula.attrs.t === 'array' && formula.attrs.ref ? formula.attrs.ref : cell.attrs.r;
  const attrs: Record<string, string> = { t: 'array', ref };
  for (const [key, value] of Object.entries(formula.attrs)) if (key !== 't' && key !== 'ref') attrs[key] = value;
  return { attrs: withCellMetadata(cell.attrs, cm), formula: { attrs, text: toStoredForm(formula.text) } };
}

/** The counts of what was rewritten, for the generator's log and tests. */
export interface StoredFormResult {
  bytes: Buffer;
  /** MKT formula cells rewritten, per sheet name. */
  cells: Record<string, number>;
}

/** The .xlsx bytes with every MKT formula stored as Excel stores a bound call. */
export async function storeMktFormulasAsExcelDoes(bytes: Uint8Array): Promise<StoredFormResult> {
  const pkg = await XlsxPackage.load(bytes);
  const sheets = await pkg.sheets();
  const texts = await Promise.all(sheets.map((sheet) => pkg.readText(sheet.path)));
  const cells: Record<string, number> = {};
  let cm: number | undefined;
  for (const [i, sheet] of sheets.entries()) {
    if (!hasAnyMktFormula(texts[i])) continue;
    cm ??= await ensureDynamicArrayMetadata(pkg);
    let count = 0;
    const rewritten = rewriteFormulaCells(texts[i], (cell) => {
      const bound = asBoundDynamicArray(cell, cm!);
      if (bound) count++;
      return bound;
    });
    cells[sheet.name] = count;
    pkg.writeText(sheet.path, rewritten);
  }
  if (cm !== undefined) await useCurrentCalcEngine(pkg);
  return { bytes: await pkg.toBuffer(), cells };
}

/**
 * Excel 365's calculation engine id, the highest that Excel-saved files in the real-world corpus
 * carry (Apache POI's test files saved by Excel 365: calcId="191029"). A lower id (ExcelJS writes
 * 171027) makes Excel recalculate the whole file on open, so that without MKT loaded every MKT
 * cell shows #NAME? at once instead of its saved value. Only Excel can confirm what it does.
 */
export const CURRENT_CALC_ID = '191029';

async function useCurrentCalcEngine(pkg: XlsxPackage): Promise<void> {
  const workbook = await pkg.readText('xl/workbook.xml');
  const updated = /<calcPr\b[^>]*\bcalcId="/.test(workbook)
    ? workbook.replace(/(<calcPr\b[^>]*\bcalcId=")\d*"/, `$1${CURRENT_CALC_ID}"`)
    : workbook.replace(/<calcPr\b/, `<calcPr calcId="${CURRENT_CALC_ID}"`);
  if (updated !== workbook) pkg.writeText('xl/workbook.xml', updated);
}

// A cheap first look, so sheets without any MKT text are not parsed at all.
function hasAnyMktFormula(sheetXml: string): boolean {
  return /mkt/i.test(sheetXml);
}
