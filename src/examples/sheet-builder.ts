/**
 * Small helpers to lay out example sheets with ExcelJS, and to store with each formula the value
 * the add-in computes (via the engine bridge), as Excel would have cached it.
 */
import ExcelJS from 'exceljs';
import { formulaOutput, recompute, type CellOutput } from '../engine/recompute';
import { a1, toWorkbookInput } from '../engine/workbook';

export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export const FORMATS = {
  eur: '#,##0 "€"',
  cad: '#,##0 "$"',
  ratio: '0.00',
  percent: '0%',
  integer: '0',
  /** A variance: signed, a shortfall in red, as an accountant reads it. */
  eurVariance: '+#,##0 "€";[Red]-#,##0 "€";0 "€"',
  cadVariance: '+#,##0 "$";[Red]-#,##0 "$";0 "$"',
  percentVariance: '+0.0%;[Red]-0.0%;0.0%',
} as const;

export class SheetBuilder {
  constructor(readonly sheet: ExcelJS.Worksheet) {}

  /** Plain text or number the user reads, not changes. */
  text(address: string, value: string | number, options: { bold?: boolean; size?: number; italic?: boolean } = {}): this {
    const cell = this.sheet.getCell(address);
    cell.value = value;
    if (options.bold || options.size || options.italic) {
      cell.font = { bold: options.bold, italic: options.italic, size: options.size };
    }
    return this;
  }

  /** A text that wraps within its column (a sentence of the « À lire » sheet), top-aligned. */
  wrap(address: string): this {
    const cell = this.sheet.getCell(address);
    cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
    return this;
  }

  /** A cell the user is invited to change (yellow). */
  input(address: string, value: ExcelJS.CellValue, numFmt?: string): this {
    const cell = this.sheet.getCell(address);
    cell.value = value;
    cell.fill = INPUT_FILL;
    if (numFmt) cell.numFmt = numFmt;
    return this;
  }

  /** A formula in English/invariant form, without "=", as .xlsx files store it. */
  formula(address: string, formula: string, numFmt?: string, bold = false): this {
    const cell = this.sheet.getCell(address);
    cell.value = { formula };
    if (numFmt) cell.numFmt = numFmt;
    if (bold) cell.font = { bold: true };
    // A variance's « – » and « n.s. » line up with the figures.
    if (numFmt?.includes('[Red]')) cell.alignment = { horizontal: 'right' };
    return this;
  }

  header(row: number, firstCol: number, titles: string[]): this {
    titles.forEach((title, i) => {
      const cell = this.sheet.getCell(a1(row - 1, firstCol - 1 + i));
      cell.value = title;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    return this;
  }

  /** A thin line under a row, from one column to another (1-based), closing a block. */
  ruleBelow(row: number, firstCol: number, lastCol: number): this {
    for (let col = firstCol; col <= lastCol; col++) {
      const cell = this.sheet.getCell(row, col);
      cell.border = { ...cell.border, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
    }
    return this;
  }

  widths(widths: Record<string, number>): this {
    for (const [column, width] of Object.entries(widths)) this.sheet.getColumn(column).width = width;
    return this;
  }
}

/** What a variance cell shows for a month not yet entered, and for a percentage of a zero plan. */
export const NOT_ENTERED = '–';
export const NOT_SIGNIFICANT = 'n.s.';

/**
 * A variance row's formulas (Écart = Réel − Prévu, Écart %), native and blank-safe: a month whose
 * actual cells are all empty shows « – », and a percentage of a zero plan « n.s. » (non
 * significatif) rather than #DIV/0!. The total counts the months entered only, against their plan.
 * Text, not "": a cached empty string does not survive a round trip through ExcelJS.
 */
export const variance = {
  month: (actualCells: string, actual: string, planned: string): string => `IF(COUNT(${actualCells})=0,"${NOT_ENTERED}",${actual}-${planned})`,
  total: (monthVariances: string): string => `IF(COUNT(${monthVariances})=0,"${NOT_ENTERED}",SUM(${monthVariances}))`,
  /** The plan of the months entered: the plan where the month's variance is a number. */
  plannedToDate: (monthVariances: string, planned: string): string => `SUMPRODUCT(ISNUMBER(${monthVariances})*${planned})`,
  percent: (varianceCell: string, planned: string): string =>
    `IF(ISNUMBER(${varianceCell}),IF(${planned}=0,"${NOT_SIGNIFICANT}",${varianceCell}/${planned}),"${NOT_ENTERED}")`,
};

/**
 * A small table of codes and their French words, under a bold title, so that a native lookup
 * shows the words beside a code the user picks; returns the table's absolute range.
 */
export function codeTable(sheet: SheetBuilder, top: number, title: string, entries: ReadonlyArray<readonly [string, string]>): string {
  sheet.header(top, 1, [title, 'En clair']);
  entries.forEach(([code, words], i) => sheet.text(`A${top + 1 + i}`, code).text(`B${top + 1 + i}`, words));
  return `$A$${top + 1}:$B$${top + entries.length}`;
}

/** The words for the code in `codeCell`, looked up in a codeTable: blank when the cell is blank. */
export function wordsOf(codeCell: string, table: string): string {
  return `IF(${codeCell}="","",IFERROR(VLOOKUP(${codeCell},${table},2,0),"code inconnu : choisissez dans la liste"))`;
}

export const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** Column letter of a 1-based column number. */
export function column(col: number): string {
  return a1(0, col - 1).replace(/\d+$/, '');
}

function cachedResult(value: CellOutput): ExcelJS.CellFormulaValue['result'] {
  if (value === null) return undefined;
  if (Array.isArray(value)) throw new Error('an array is cached cell by cell');
  if (typeof value === 'object') return { error: value.error as ExcelJS.CellErrorValue['error'] };
  return value;
}

/**
 * Computes every formula of the workbook in the engine and stores each value as the formula's
 * cached result; an array result becomes an array formula whose cells hold the spilled values.
 */
export function cacheComputedValues(workbook: ExcelJS.Workbook): void {
  const input = toWorkbookInput(workbook);
  const { engine } = recompute(input);
  for (const f of input.formulas) {
    const sheet = workbook.getWorksheet(f.sheet)!;
    const value = formulaOutput(engine, f);
    if (!Array.isArray(value)) {
      sheet.getCell(f.cell).value = { formula: f.formula, result: cachedResult(value) };
      continue;
    }
    const ref = `${f.cell}:${a1(f.row + value.length - 1, f.col + value[0].length - 1)}`;
    value.forEach((row, i) =>
      row.forEach((v, j) => {
        const target = sheet.getCell(a1(f.row + i, f.col + j));
        if (i === 0 && j === 0) {
          target.value = { formula: f.formula, result: cachedResult(v), shareType: 'array', ref } as ExcelJS.CellFormulaValue;
        } else {
          const result = cachedResult(v);
          target.value = result === undefined ? null : (result as ExcelJS.CellValue);
        }
      }),
    );
  }
}

/** Fixed metadata, so that regenerating an unchanged example changes nothing a reader can see. */
export function stampMetadata(workbook: ExcelJS.Workbook): void {
  workbook.creator = 'MKT';
  workbook.lastModifiedBy = 'MKT';
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = new Date(Date.UTC(2025, 0, 1));
}

/** The French profile names a user picks from (the rules read the English ones too). */
const PROFILE_CHOICES = ['standard', 'forte_marge', 'cliquable', 'local_faible_marge'];
/** Each profile's words, for the table its code is looked up in (seuils: BUDGET_TIER's thresholds). */
export const PROFILE_WORDS_FR: ReadonlyArray<readonly [string, string]> = [
  ['standard', 'Standard : seuils des paliers tels quels'],
  ['forte_marge', 'Forte marge : seuils × 0,75'],
  ['cliquable', 'Canal cliquable (vente en ligne) : seuils × 0,75'],
  ['local_faible_marge', 'Commerce local à faible marge : seuils × 1,25'],
];
const YES_NO_CHOICES = ['oui', 'non'];
const MONTH_COLUMN_WIDTH = 10;

function listValidation(choices: string[], title: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `Choisissez : ${choices.join(', ')}.`,
  };
}

/** Column width, in characters, where Excel's default applies. */
const DEFAULT_WIDTH = 9;
const MAX_LABEL_WIDTH = 80;
const LINE_HEIGHT = 15;

/** The text a cell shows: its own, or the text a formula computed (cached before finishing). */
function shownText(cell: ExcelJS.Cell): string | undefined {
  const value = cell.value;
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'formula' in value && typeof value.result === 'string') return value.result;
  return undefined;
}

const isInputCell = (cell: ExcelJS.Cell): boolean =>
  (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === (INPUT_FILL as ExcelJS.FillPattern).fgColor?.argb;

/** The columns that hold a month title (janv. … déc.). */
function monthColumnsOf(sheet: ExcelJS.Worksheet): Set<number> {
  const columns = new Set<number>();
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && MONTHS_FR.includes(cell.value.trim().toLowerCase())) columns.add(Number(cell.col));
    }),
  );
  return columns;
}

/**
 * A text (typed or computed) that the filled cell beside it would cut: outside the month columns
 * its column widens; a month column keeps its width, so the text wraps there, or shrinks when it
 * is one word (a code) that wrapping would break.
 */
function fitLabels(sheet: ExcelJS.Worksheet, monthColumns: Set<number>): void {
  const labelWidths = new Map<number, number>();
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const text = shownText(cell);
      const col = Number(cell.col); // ExcelJS types it as a string; it is the 1-based number
      if (text === undefined || cell.alignment?.wrapText || cell.isMerged || row.getCell(col + 1).value === null) return;
      if (!monthColumns.has(col)) labelWidths.set(col, Math.max(labelWidths.get(col) ?? 0, Math.min(MAX_LABEL_WIDTH, text.length + 2)));
      else if (text.length <= MONTH_COLUMN_WIDTH) return;
      else if (/\s/.test(text.trim())) cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'middle' };
      else cell.alignment = { ...cell.alignment, shrinkToFit: true };
    }),
  );
  for (const [col, width] of labelWidths) {
    const column = sheet.getColumn(col);
    if ((column.width ?? DEFAULT_WIDTH) < width) column.width = width;
  }
}

/** A dropdown on every input that holds a profile or a yes/no (recognised by fill and value). */
function offerChoices(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = typeof cell.value === 'string' ? cell.value.trim().toLowerCase() : undefined;
      if (!isInputCell(cell) || value === undefined) return;
      if (PROFILE_CHOICES.includes(value)) cell.dataValidation = listValidation(PROFILE_CHOICES, 'Profil');
      else if (YES_NO_CHOICES.includes(value)) cell.dataValidation = listValidation(YES_NO_CHOICES, 'Oui ou non');
    }),
  );
}

/** A computed code (ABOVE, TOO_EARLY…) stands centred, apart from the figure before it. */
function centreCodes(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const text = shownText(cell);
      if (typeof cell.value === 'object' && text !== undefined && /^[A-Z][A-Z_]+$/.test(text)) cell.alignment = { ...cell.alignment, horizontal: 'center' };
    }),
  );
}

/** Wrapped texts get the height of their lines (a merged cell spans rows enough already). */
function fitRowHeights(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      const text = shownText(cell);
      if (!text || !cell.alignment?.wrapText || cell.isMerged) return;
      // A column's width counts digits: a bold header's letters run wider, a sentence's narrower.
      const perChar = cell.font?.bold ? 1.3 : 0.85;
      lines = Math.max(lines, Math.ceil((text.length * perChar) / (sheet.getColumn(cell.col).width ?? DEFAULT_WIDTH)));
    });
    if (lines > 1) row.height = Math.max(row.height ?? LINE_HEIGHT, lines * LINE_HEIGHT);
  });
}

/**
 * What makes an example read like an accountant's workbook, on every sheet: landscape A4, fit to
 * one page wide; month columns of one width; texts that fit (fitLabels); wrapped headers given
 * the height of their lines; a dropdown on every profile and yes/no input.
 */
export function finishForReading(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    const monthColumns = monthColumnsOf(sheet);
    for (const col of monthColumns) sheet.getColumn(col).width = MONTH_COLUMN_WIDTH;
    fitLabels(sheet, monthColumns);
    offerChoices(sheet);
    centreCodes(sheet);
    fitRowHeights(sheet);
  });
}
