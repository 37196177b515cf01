/**
 * The examples' Prévu/Réel variance rows and the French words beside their codes, computed by
 * the engine (HyperFormula) and by LibreOffice Calc: as shipped, with a month not entered and with
 * a month planned at 0 (« – » and « n.s. », never #DIV/0!); every profile's words looked up.
 * LibreOffice (Debian's libreoffice-calc-nogui + python3-uno) is skipped with a line when absent,
 * except in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { CODE_LABELS, QUEBEC_LABELS, type DecisionCode } from '../../src/rules/labels';
import { buildExample } from '../../src/examples/build-examples';
import { column, NOT_ENTERED, NOT_SIGNIFICANT, PROFILE_WORDS_FR } from '../../src/examples/sheet-builder';
import { recompute } from '../../src/engine/recompute';
import { parseA1, toWorkbookInput } from '../../src/engine/workbook';

const SOFFICE = '/usr/bin/soffice';
const PYTHON = '/usr/bin/python3';
const libreOffice = existsSync(SOFFICE) && existsSync(PYTHON);
if (!libreOffice) {
  if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is missing in CI: install libreoffice-calc-nogui and python3-uno');
  // eslint-disable-next-line no-console
  console.log('skipped: the variance rows in LibreOffice (apt install libreoffice-calc-nogui python3-uno)');
}

/** Where an example's variance rows stand and which input cells they read. */
interface VarianceRows {
  file: string;
  sheet: string;
  /** Month m (0…11) → its column letter. */
  monthColumn: (m: number) => string;
  plannedCells: (col: string) => string[];
  actualCells: (col: string) => string[];
  amountRow: number;
  percentRow: number;
  totalColumn: string;
}

const TPE_CHANNELS = 5;
const TPE: VarianceRows = {
  file: 'budget-tpe-fr.xlsx',
  sheet: 'Budget',
  monthColumn: (m) => column(3 + m),
  plannedCells: (col) => Array.from({ length: TPE_CHANNELS }, (_, c) => `${col}${5 + 3 * c}`),
  actualCells: (col) => Array.from({ length: TPE_CHANNELS }, (_, c) => `${col}${6 + 3 * c}`),
  amountRow: 23,
  percentRow: 24,
  totalColumn: 'O',
};
const QC: VarianceRows = {
  file: 'budget-pme-qc.xlsx',
  sheet: 'Internalisation',
  monthColumn: (m) => column(2 + m),
  plannedCells: (col) => [`${col}19`],
  actualCells: (col) => [`${col}8`, `${col}9`],
  amountRow: 21,
  percentRow: 22,
  totalColumn: 'N',
};

type Shown = number | string;

const numberIn = (sheet: ExcelJS.Worksheet, address: string): number | null => {
  const value = sheet.getCell(address).value;
  return typeof value === 'number' ? value : null;
};

/** What each variance cell must show, worked out from the input cells alone. */
function expectedVariance(workbook: ExcelJS.Workbook, rows: VarianceRows): Map<string, Shown> {
  const sheet = workbook.getWorksheet(rows.sheet)!;
  const expected = new Map<string, Shown>();
  let variance = 0;
  let plannedToDate = 0;
  let monthsEntered = 0;
  for (let m = 0; m < 12; m++) {
    const col = rows.monthColumn(m);
    const planned = rows.plannedCells(col).reduce((sum, a) => sum + (numberIn(sheet, a) ?? 0), 0);
    const actual = rows.actualCells(col).map((a) => numberIn(sheet, a));
    if (actual.every((v) => v === null)) {
      expected.set(`${col}${rows.amountRow}`, NOT_ENTERED).set(`${col}${rows.percentRow}`, NOT_ENTERED);
      continue;
    }
    const amount = actual.reduce<number>((sum, v) => sum + (v ?? 0), 0) - planned;
    expected.set(`${col}${rows.amountRow}`, amount).set(`${col}${rows.percentRow}`, planned === 0 ? NOT_SIGNIFICANT : amount / planned);
    variance += amount;
    plannedToDate += planned;
    monthsEntered++;
  }
  const total = `${rows.totalColumn}`;
  expected.set(`${total}${rows.amountRow}`, monthsEntered === 0 ? NOT_ENTERED : variance);
  expected.set(`${total}${rows.percentRow}`, monthsEntered === 0 ? NOT_ENTERED : plannedToDate === 0 ? NOT_SIGNIFICANT : variance / plannedToDate);
  return expected;
}

function same(expected: Shown, got: unknown): boolean {
  if (typeof expected === 'number') return typeof got === 'number' && Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return got === expected;
}

/** The example with January's plan at 0 and October's (TPE) or January's (QC) actuals cleared. */
function edited(rows: VarianceRows, plannedZero: number, notEntered: number): ExcelJS.Workbook {
  const workbook = buildExample(rows.file);
  const sheet = workbook.getWorksheet(rows.sheet)!;
  for (const a of rows.plannedCells(rows.monthColumn(plannedZero))) sheet.getCell(a).value = 0;
  for (const a of rows.actualCells(rows.monthColumn(notEntered))) sheet.getCell(a).value = null;
  return workbook;
}

/** Each case, and the markers it must show besides figures. */
const cases: Array<[string, VarianceRows, () => ExcelJS.Workbook, string[]]> = [
  ['budget-tpe-fr.xlsx as shipped (November and December not entered)', TPE, () => buildExample(TPE.file), [NOT_ENTERED]],
  ['budget-tpe-fr.xlsx with January planned at 0 and October not entered', TPE, () => edited(TPE, 0, 9), [NOT_ENTERED, NOT_SIGNIFICANT]],
  ['budget-pme-qc.xlsx as shipped (December planned at 0)', QC, () => buildExample(QC.file), [NOT_SIGNIFICANT]],
  ['budget-pme-qc.xlsx with March planned at 0 and January not entered', QC, () => edited(QC, 2, 0), [NOT_ENTERED, NOT_SIGNIFICANT]],
];

/** The engine's value of each cell, errors as their code. */
function engineValues(workbook: ExcelJS.Workbook, sheetName: string, cells: string[]): Map<string, unknown> {
  const { engine } = recompute(toWorkbookInput(workbook));
  const sheet = engine.getSheetId(sheetName)!;
  return new Map(
    cells.map((cell) => {
      const value = engine.getCellValue({ sheet, ...parseA1(cell) });
      return [cell, typeof value === 'object' && value !== null && 'value' in value ? (value as { value: string }).value : value];
    }),
  );
}

describe.each(cases)('%s', (_, rows, make, markers) => {
  const workbook = make();
  const expected = expectedVariance(workbook, rows);

  it('shows a variance and a percentage for each month entered, « – » for a month not entered, « n.s. » for a zero plan', () => {
    const shown = [...expected.values()];
    expect([NOT_ENTERED, NOT_SIGNIFICANT].filter((m) => shown.includes(m))).toEqual(markers);
    expect(shown.filter((v) => typeof v === 'number').length).toBeGreaterThan(10);
  });

  it('is computed so by the engine', () => {
    const got = engineValues(workbook, rows.sheet, [...expected.keys()]);
    const wrong = [...expected].filter(([cell, value]) => !same(value, got.get(cell))).map(([cell, value]) => `${cell}: expected ${value}, engine ${String(got.get(cell))}`);
    expect(wrong).toEqual([]);
  });
});

(libreOffice ? describe : describe.skip)('the variance rows recalculated by LibreOffice Calc', () => {
  let dir: string;
  let recalculated: Record<string, Record<string, Record<string, { v?: number | string; e?: string }>>> = {};
  const files = cases.map((_, i) => `case-${i}.xlsx`);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mkt-variance-'));
    for (const [i, [, , make]] of cases.entries()) await make().xlsx.writeFile(join(dir, files[i]));
    const out = execFileSync(PYTHON, [join(__dirname, '..', 'libreoffice', 'recalc.py'), ...files.map((f) => join(dir, f))], { maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
    recalculated = JSON.parse(out.toString('utf8'));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases.map(([name, rows, make], i) => [name, rows, make, i] as const))('%s: every variance cell as expected', (_, rows, make, i) => {
    const book = recalculated[join(dir, files[i])];
    expect(book).toBeDefined();
    const wrong: string[] = [];
    for (const [cell, value] of expectedVariance(make(), rows)) {
      const got = book[rows.sheet]?.[cell];
      if (got?.e !== undefined || !same(value, got?.v)) wrong.push(`${cell}: expected ${value}, LibreOffice ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('looks up the profile’s words natively', () => {
    const book = recalculated[join(dir, files[0])];
    expect(book['Décision'].C5?.v).toBe(PROFILE_WORDS_FR.find(([code]) => code === 'local_faible_marge')![1]);
  });
});

describe('the French words beside each code', () => {
  it.each(PROFILE_WORDS_FR.map(([code, words]) => [code, words]))('profile %s reads « %s » beside it', (code, words) => {
    const workbook = buildExample('budget-tpe-fr.xlsx');
    workbook.getWorksheet('Décision')!.getCell('B5').value = code;
    expect(engineValues(workbook, 'Décision', ['C5']).get('C5')).toBe(words);
  });

  it('a blank profile shows no words, an unknown one says so', () => {
    const workbook = buildExample('budget-tpe-fr.xlsx');
    workbook.getWorksheet('Décision')!.getCell('B5').value = null;
    expect(engineValues(workbook, 'Décision', ['C5']).get('C5')).toBe('');
    workbook.getWorksheet('Décision')!.getCell('B5').value = 'premium';
    expect(engineValues(workbook, 'Décision', ['C5']).get('C5')).toMatch(/^code inconnu/);
  });

  it.each(['budget-tpe-fr.xlsx', 'budget-pme-qc.xlsx'])('%s: every code a formula shows has its French words further along its row', (name) => {
    const workbook = buildExample(name);
    const { input, engine } = recompute(toWorkbookInput(workbook));
    const quebec = name.includes('-qc');
    const missing: string[] = [];
    let codes = 0;
    for (const sheet of workbook.worksheets) {
      const id = engine.getSheetId(sheet.name)!;
      const formulas = input.formulas.filter((f) => f.sheet === sheet.name);
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const value = engine.getCellValue({ sheet: id, row: r - 1, col: c - 1 });
          if (typeof value !== 'string' || !(value in CODE_LABELS)) return;
          codes++;
          const words = quebec ? (QUEBEC_LABELS[value as DecisionCode] ?? CODE_LABELS[value as DecisionCode].fr) : CODE_LABELS[value as DecisionCode].fr;
          const reader = formulas.find((f) => f.row === r - 1 && f.col > c - 1 && new RegExp(`\\b${cell.address}\\b`).test(f.formula));
          const shown = reader && engine.getCellValue({ sheet: id, row: reader.row, col: reader.col });
          if (shown !== words) missing.push(`${sheet.name}!${cell.address} ${value}: ${reader ? `${reader.cell} shows ${String(shown)}` : 'no words beside it'}`);
        }),
      );
    }
    expect(missing).toEqual([]);
    expect(codes).toBeGreaterThan(5);
  });
});
