/**
 * What each action writes, as plain data: the cells, formulas, formats, names, highlights and
 * charts of one sheet. Pure: no Office.js. `office.ts` applies a plan in one batch.
 *
 * Sizes: a plan's payload does not grow with the number of channels. Per-channel rows are one
 * template row filled down with `copyFrom` (relative references shift, as when a user drags the
 * fill handle), highlights and charts take addresses. So a 100 000-row source gives the same
 * request size as a 10-row one, far under Excel on the web's 5 MB limit.
 */
import { checklistFor, labelLanguage, labelsFor, SheetKind, typeset } from './strings';
import {
  cellAddress,
  currencyFormat,
  mergeRects,
  parseAddress,
  INTEGER_FORMAT,
  PERCENT_FORMAT,
  quoteSheetName,
  RATIO_FORMAT,
  rangeAddress,
  Rect,
  TEXT_FORMAT,
  toSafeReference,
  toTextCell,
} from './sheet-utils';
import { isKeptFormula, KeptThreshold, LIVE_THRESHOLD_NAMES, SOURCES, thresholdCells, ThresholdFormat } from './thresholds';
import { GROSS_MARGIN_NAME, marginCellData, marginName, marginRowWrites } from './margin-assumption';
import { marginalArbitragePlan } from './plans-marginal';
import type {
  ArbitrageInput,
  DetectedLayout,
  DiagnosticInput,
  InputCell,
  InternalisationInput,
  PilotInput,
  SourceRef,
  TransferInput,
  WorkbookProfile,
} from './types';

export type CellData = string | number | boolean;
export type CellStyle = 'title' | 'header' | 'input' | 'total' | 'note';

/** One rectangular write. Text blocks get the "@" format before their values. */
export interface CellWrite {
  /** A1 address on the plan's sheet. */
  address: string;
  /** `formats`: number formats only (cells a spill fills), no value written. */
  kind: 'text' | 'formulas' | 'values' | 'formats';
  data: CellData[][];
  /** Number formats, same shape as data (text blocks: "@" everywhere). */
  numberFormat?: string[][];
  style?: CellStyle;
}

/** Copy a template block (formulas and formats) over a larger block: Excel shifts relative references. */
export interface FillDown {
  from: string;
  to: string;
  /** Default `all` (formulas and formats). */
  copy?: 'all' | 'formats';
}

export interface NameWrite {
  name: string;
  /** A1 address on the plan's sheet. */
  address: string;
  comment: string;
}

export interface Highlight {
  address: string;
  /** Invariant formula relative to the top-left cell of `address`. */
  formula: string;
  fill: string;
  fontColor: string;
}

export interface ChartSeriesPlan {
  name: string;
  values: string;
  /** Draw as a line (a threshold) rather than columns; on a scatter chart, a line without markers. */
  line?: boolean;
  /** Scatter charts: the series' own x values. */
  x?: string;
}

export interface ChartPlan {
  /** Chart name; the pane's charts start with "MKT". */
  name: string;
  title: string;
  /** X-axis categories (the channels); on a scatter chart, each series has its own x. */
  categories: string;
  /** Default columns; scatter: x/y points, lines where a series asks for one; line: every series a line over the categories. */
  type?: 'columns' | 'scatter' | 'line';
  series: ChartSeriesPlan[];
  /** Top-left and bottom-right cells. */
  position: [string, string];
}

export interface Validation {
  address: string;
  /** Comma-separated list, e.g. "oui,non". */
  list: string;
}

export interface SheetPlan {
  kind: SheetKind;
  writes: CellWrite[];
  fills: FillDown[];
  names: NameWrite[];
  highlights: Highlight[];
  charts: ChartPlan[];
  validations: Validation[];
  /** Column widths in points, by column letter. */
  widths: Record<string, number>;
  /** Everything the plan writes lies inside this rectangle (0-based). */
  region: Rect;
  /** The cell to select afterwards. */
  anchor: string;
  /** References the user picked, for the action to check against the workbook (sheet exists, not inside this block). */
  picks?: Array<{ ref: string; sheet: string; rect: Rect }>;
}

/**
 * The cells a plan writes (values, formulas, formats of its writes and fills), as few rectangles.
 * Cells of its region outside these — a gap in the header rows, a column left for the user's ticks
 * or actuals — are never written by the pane, so a re-run never clears them.
 */
export function writtenAreas(plan: SheetPlan): Rect[] {
  const addresses = [...plan.writes.map((w) => w.address), ...plan.fills.map((f) => f.to)];
  return mergeRects(addresses.map((a) => parseAddress(a)!.rect));
}

/** Prefix of the workbook-scoped names that record which sheet (and region) the pane wrote. */
export const REGISTRY_PREFIX = 'MKT_SHEET_';
export const registryName = (kind: SheetKind | 'transfer'): string => REGISTRY_PREFIX + kind.toUpperCase();

/** Thrown by a plan builder when an input cannot be written; the action turns it into a message. */
export class PlanInputError extends Error {
  constructor(
    readonly key: 'badReference' | 'badNumber' | 'noLayout' | 'noHiringBlock',
    readonly params: Record<string, string>,
  ) {
    super(key);
  }
}

// ---------------------------------------------------------------------------------------------

/** The tier thresholds are the article's euros: in euros for France, labelled EUR beside a Québec model's dollars. */
const EUROS_IN_CAD_FORMAT = '#,##0" EUR"';

const formatOf = (format: ThresholdFormat, profile: WorkbookProfile): string =>
  ({
    ratio: RATIO_FORMAT,
    percent: PERCENT_FORMAT,
    hours: INTEGER_FORMAT,
    months: INTEGER_FORMAT,
    money: currencyFormat(profile),
    text: TEXT_FORMAT,
    factor: '0.00',
    euros: profile.region === 'FR' ? currencyFormat(profile) : EUROS_IN_CAD_FORMAT,
  })[format];

const fill = <T>(rows: number, cols: number, value: T): T[][] => Array.from({ length: rows }, () => Array<T>(cols).fill(value));

function text(address: string, rows: unknown[][], style?: CellStyle): CellWrite {
  const data = rows.map((row) => row.map(toTextCell));
  return { address, kind: 'text', data, numberFormat: fill(data.length, data[0].length, TEXT_FORMAT), style };
}

export function textAt(row: number, column: number, rows: unknown[][], style?: CellStyle): CellWrite {
  return text(rangeAddress(row, column, rows.length, rows[0].length), rows, style);
}

export function formulasAt(row: number, column: number, data: CellData[][], formats?: string[][], style?: CellStyle): CellWrite {
  return { address: rangeAddress(row, column, data.length, data[0].length), kind: 'formulas', data, numberFormat: formats, style };
}

/** An input cell: a number or yes/no typed in the pane, or a formula pointing at the user's cell. */
export function inputFormula(field: string, input: InputCell, { singleCell = true, picks }: { singleCell?: boolean; picks?: SheetPlan['picks'] } = {}): CellData {
  if ('ref' in input) {
    const ref = toSafeReference(input.ref, { singleCell });
    if (!ref) throw new PlanInputError('badReference', { ref: String(input.ref).slice(0, 60) });
    const parsed = parseAddress(ref)!;
    picks?.push({ ref: String(input.ref).slice(0, 60), sheet: parsed.sheet!, rect: parsed.rect });
    // A range in one cell would spill in dynamic-array Excel (the functions would read its first
    // cell only): an amount over several cells is their SUM, as the functions sum amounts.
    return ref.includes(':') ? `=SUM(${ref})` : `=${ref}`;
  }
  if (typeof input.value === 'boolean') return input.value;
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) throw new PlanInputError('badNumber', { field });
  return input.value;
}

/** Invariant string literal for a formula: "fr". */
export const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;

// ---------------------------------------------------------------------------------------------
// Source references

export interface SourceRows {
  /** Sheet row (0-based) of the first channel. */
  firstRow: number;
  count: number;
  sheet: string;
  channelColumn: number;
  spend: [number, number];
  revenue: [number, number];
}

export function sourceRows(source: SourceRef, layout: DetectedLayout): SourceRows {
  // Channels with their own cells have no row pattern to fill down.
  if (layout.cells) throw new PlanInputError('noLayout', {});
  const count = layout.lastDataRow - layout.firstDataRow + 1;
  if (
    count < 1 ||
    layout.channelColumn < 0 ||
    layout.spend.count < 1 ||
    layout.revenue.count < 1 ||
    layout.spend.first < 0 ||
    layout.revenue.first < 0 ||
    Math.max(layout.channelColumn, layout.spend.first + layout.spend.count - 1, layout.revenue.first + layout.revenue.count - 1) >= source.columnCount ||
    layout.lastDataRow >= source.rowCount
  ) {
    throw new PlanInputError('noLayout', {});
  }
  const col = (c: number) => source.columnIndex + c;
  return {
    firstRow: source.rowIndex + layout.firstDataRow,
    count,
    sheet: quoteSheetName(source.sheetName),
    channelColumn: col(layout.channelColumn),
    spend: [col(layout.spend.first), col(layout.spend.first + layout.spend.count - 1)],
    revenue: [col(layout.revenue.first), col(layout.revenue.first + layout.revenue.count - 1)],
  };
}

/** Excel's limit on a formula's length; a longer SUM of scattered cells is written as its value. */
const FORMULA_CHARS = 8000;

/** Cells as few absolute rectangles: runs along a row, then runs of identical rows down. */
function cellRects(cells: ReadonlyArray<readonly [number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) byRow.set(r, [...(byRow.get(r) ?? []), c]);
  const runs: Rect[] = [];
  for (const [row, columns] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(columns)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      runs.push({ row, column: start, rows: 1, columns: sorted[i - 1] - start + 1 });
      start = sorted[i];
    }
  }
  const merged: Rect[] = [];
  for (const run of runs) {
    const above = merged.find((m) => m.column === run.column && m.columns === run.columns && m.row + m.rows === run.row);
    if (above) above.rows++;
    else merged.push({ ...run });
  }
  return merged;
}

/** One channel's row when each channel has its own cells (several rows, a journal, blocks). */
export interface ExplicitRow {
  name: CellData;
  spend: CellData;
  revenue: CellData;
}

/**
 * Each channel's name and sums, referencing its own cells: `='Budget'!$A$5&""`,
 * `=SUM('Budget'!$C$6:$N$6)`. Amounts read from text (SUM skips them) are written as the values read.
 */
export function explicitRows(source: SourceRef, layout: DetectedLayout): ExplicitRow[] {
  const cells = layout.cells;
  if (!cells || cells.length === 0) throw new PlanInputError('noLayout', {});
  const sheet = quoteSheetName(source.sheetName);
  const abs = (r: number, c: number) => cellAddress(source.rowIndex + r, source.columnIndex + c, true);
  const sum = (list: ReadonlyArray<readonly [number, number]>, value: number, asValue: boolean): CellData => {
    if (asValue || list.length === 0) return value;
    const refs = cellRects(list).map((rect) => {
      const from = abs(rect.row, rect.column);
      return rect.rows === 1 && rect.columns === 1 ? `${sheet}!${from}` : `${sheet}!${from}:${abs(rect.row + rect.rows - 1, rect.column + rect.columns - 1)}`;
    });
    const formula = `=SUM(${refs.join(',')})`;
    if (formula.length <= FORMULA_CHARS) return formula;
    // Too many scattered cells for one formula: the sum itself.
    return value;
  };
  return cells.map((c) => {
    if (c.name[0] < 0 || c.name[0] >= source.rowCount || c.name[1] < 0 || c.name[1] >= source.columnCount) throw new PlanInputError('noLayout', {});
    return { name: `=${sheet}!${abs(c.name[0], c.name[1])}&""`, spend: sum(c.spend, c.sums.spend, !!c.asValues), revenue: sum(c.revenue, c.sums.revenue, !!c.asValues) };
  });
}

/** `'Ventes'!$B2:$M2`: columns fixed, row relative, so that filling down walks the channels. */
export function rowRef(src: SourceRows, [c1, c2]: [number, number]): string {
  const a = `$${cellAddress(src.firstRow, c1).replace(/\d+$/, '')}${src.firstRow + 1}`;
  if (c1 === c2) return `${src.sheet}!${a}`;
  return `${src.sheet}!${a}:$${cellAddress(src.firstRow, c2).replace(/\d+$/, '')}${src.firstRow + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Diagnostic

/** Row (0-based) of the column headers on the Diagnostic and Arbitrage sheets (A4); totals sit above (A3), channels below (A5…). */
export const TABLE_HEADER_ROW = 3;
export const FIRST = TABLE_HEADER_ROW + 1;

export function diagnosticPlan({ source, layout, profile }: DiagnosticInput): SheetPlan {
  const L = labelsFor(profile);
  const money = currencyFormat(profile);
  const explicit = layout.cells ? explicitRows(source, layout) : undefined;
  const src = explicit ? undefined : sourceRows(source, layout);
  const n = explicit ? explicit.length : src!.count;
  const last = FIRST + n - 1;
  const col = (c: number) => rangeAddress(FIRST, c, n, 1);
  const r = FIRST + 1; // 1-based row of the template
  const lang = literal(labelLanguage(profile));

  // Beside the ROAS, when a gross margin is known (MKT_GROSS_MARGIN, set by the marginal
  // Arbitrage): what each channel leaves after its spend, and the ROAS at which it breaks even.
  // ISNUMBER is FALSE for a name not defined yet, so the cells stay empty until then.
  const known = 'ISNUMBER(MKT_GROSS_MARGIN)';
  const rest = (row: number): CellData[] => [
    `=MKT.ROI_BAND(D${row},MKT_ROI_LOW,MKT_ROI_HIGH)`,
    `=MKT.LABEL(E${row},${lang})`,
    '=MKT_ROI_LOW',
    '=MKT_ROI_HIGH',
    `=IF(${known},MKT.CONTRIBUTION(C${row},B${row},MKT_GROSS_MARGIN),"")`,
  ];
  const formats = ['General', money, money, RATIO_FORMAT, 'General', 'General', RATIO_FORMAT, RATIO_FORMAT, money];
  const columns = formats.length;
  // One row per channel over the same columns: one template row filled down (live references
  // that shift). Each channel with its own cells: a row each, its sums referencing them.
  let rows: CellWrite;
  if (explicit) {
    rows = formulasAt(
      FIRST,
      0,
      explicit.map((e, i) => [e.name, e.spend, e.revenue, `=MKT.ROI_RATIO(C${r + i},B${r + i})`, ...rest(r + i)]),
      explicit.map(() => formats),
    );
  } else {
    const spendRef = rowRef(src!, src!.spend);
    const revenueRef = rowRef(src!, src!.revenue);
    const template: CellData[] = [
      `=${rowRef(src!, [src!.channelColumn, src!.channelColumn])}&""`,
      `=SUM(${spendRef})`,
      `=SUM(${revenueRef})`,
      `=MKT.ROI_RATIO(${revenueRef},${spendRef})`,
      ...rest(r),
    ];
    rows = formulasAt(FIRST, 0, [template], [formats]);
  }
  const totals: CellData[] = [
    `=SUM(${col(1)})`,
    `=SUM(${col(2)})`,
    `=MKT.ROI_RATIO(C3,B3)`,
    `=MKT.ROI_BAND(D3,MKT_ROI_LOW,MKT_ROI_HIGH)`,
    `=MKT.LABEL(E3,${lang})`,
  ];
  const sourceText = source.tableName ? `${source.tableName} (${source.address})` : source.address;
  return {
    kind: 'diagnostic',
    writes: [
      textAt(0, 0, [[L.diagTitle]], 'title'),
      textAt(1, 0, [[L.diagSource, sourceText]], 'note'),
      textAt(2, 0, [[L.total]], 'total'),
      formulasAt(2, 1, [totals], [[money, money, RATIO_FORMAT, 'General', 'General']], 'total'),
      // The margin's totals: the contribution of all channels, and the break-even ROAS (one for all).
      formulasAt(2, 8, [[`=IF(${known},SUM(${col(8)}),"")`, `=IF(${known},IF(MKT_GROSS_MARGIN>0,MKT.BREAKEVEN_ROAS(MKT_GROSS_MARGIN),""),"")`]], [[money, RATIO_FORMAT]], 'total'),
      textAt(TABLE_HEADER_ROW, 0, [[L.channel, L.spend, L.revenue, L.roi, L.band, L.bandWords, L.low, L.high, L.contribution, L.breakevenRoas]], 'header'),
      rows,
    ],
    fills: n > 1 && !explicit ? [{ from: rangeAddress(FIRST, 0, 1, columns), to: rangeAddress(FIRST + 1, 0, n - 1, columns) }] : [],
    names: [],
    highlights: [
      { address: rangeAddress(FIRST, 0, n, 8), formula: `=$E${r}="BELOW"`, fill: '#F8CBAD', fontColor: '#9C0006' },
    ],
    charts: [
      {
        name: 'MKT_DIAGNOSTIC_ROI',
        title: L.chartRoi,
        categories: col(0),
        series: [
          { name: L.roi, values: col(3) },
          { name: L.low, values: col(6), line: true },
          { name: L.high, values: col(7), line: true },
        ],
        position: ['L4', 'T22'],
      },
    ],
    validations: [],
    widths: { A: 160, B: 90, C: 90, D: 110, E: 70, F: 110, G: 70, H: 70, I: 130, J: 110 },
    // The cells written; the chart floats beside them and is replaced by its name.
    region: { row: 0, column: 0, rows: last + 1, columns: columns + 1 },
    anchor: 'A1',
  };
}

// ---------------------------------------------------------------------------------------------
// Internalisation

/**
 * The in-house check. Signal 2's loaded salary is the owner's own value or cell when given; left to
 * the hiring block (`{ hiring: true }`), it reads `=MKT_LOADED_SALARY`, live, when that name exists.
 */
export function internalisationPlan(input: InternalisationInput, names: ReadonlySet<string> = new Set()): SheetPlan {
  const { profile } = input;
  const L = labelsFor(profile);
  const money = currencyFormat(profile);
  const lang = literal(labelLanguage(profile));
  const picks: SheetPlan['picks'] = [];
  const inputs: Array<[string, CellData, string]> = [
    [L.weeklyHours, inputFormula('weekly_hours', input.weeklyHours, { picks }), INTEGER_FORMAT],
    [L.externalFees, inputFormula('external_fees', input.externalFees, { singleCell: false, picks }), money],
    [L.loadedSalary, loadedSalaryCell(input.loadedSalary, names, picks), money],
    [L.dataNeed, inputFormula('data_need', input.dataNeed, { picks }), 'General'],
    [L.monthlyBudget, inputFormula('monthly_budget', input.monthlyBudget, { singleCell: false, picks }), money],
  ];
  // Inputs in B3:B7 (1-based rows 3–7); the thresholds come from the assumptions sheet's names.
  const signals = 'B3,B4,B5,B6,MKT_COMPLEXITY_HOURS,MKT_CRITICAL_MASS';
  const results: Array<[string, string, string, string?]> = [
    [L.signal, `=MKT.INTERNALISE_SIGNAL(${signals})`, 'General', `=MKT.LABEL(B9,${lang})`],
    [L.score, `=MKT.INTERNALISE_SCORE(${signals})`, INTEGER_FORMAT],
    [L.feesToSalary, '=MKT.FEES_TO_SALARY(B4,B5)', PERCENT_FORMAT],
    [L.breakeven, '=MKT.BREAKEVEN_FEES(B5,MKT_CRITICAL_MASS)', money],
    [L.tier, '=MKT.BUDGET_TIER(B7,MKT_PROFILE,MKT_TIER_SCALE)', 'General', `=MKT.LABEL(B13,${lang})`],
    // The one answer (RULES.md §9), live: the signals' code, the tier's and, when the hiring-cost
    // panel wrote it, the month a hire starts to pay (0 when it never does).
    [L.decisionHeadline, input.crossover ? '=MKT.DECISION(B9,B13,IFERROR(MKT_CROSSOVER_MONTH,0))' : '=MKT.DECISION(B9,B13)', 'General', `=MKT.LABEL(B14,${lang})`],
  ];
  return {
    kind: 'internalisation',
    writes: [
      textAt(0, 0, [[L.intTitle]], 'title'),
      textAt(2, 0, inputs.map(([label]) => [label])),
      formulasAt(2, 1, inputs.map(([, v]) => [v]), inputs.map(([, , f]) => [f]), 'input'),
      textAt(7, 0, [[L.results]], 'header'),
      textAt(8, 0, results.map(([label]) => [label])),
      formulasAt(8, 1, results.map(([, f]) => [f]), results.map(([, , nf]) => [nf]), 'total'),
      formulasAt(8, 2, [[results[0][3]!]]),
      formulasAt(12, 2, [[results[4][3]!], [results[5][3]!]]),
    ],
    fills: [],
    names: [],
    highlights: [],
    charts: [],
    validations: [],
    widths: { A: 330, B: 110, C: 170 },
    region: { row: 0, column: 0, rows: 14, columns: 3 },
    anchor: 'B3',
    picks,
  };
}

/** The hiring block's named loaded salary (plans-hiring.ts). */
const LOADED_SALARY = 'MKT_LOADED_SALARY';

function loadedSalaryCell(cell: InternalisationInput['loadedSalary'], names: ReadonlySet<string>, picks: NonNullable<SheetPlan['picks']>): CellData {
  if ('hiring' in cell) {
    if (!names.has(LOADED_SALARY)) throw new PlanInputError('noHiringBlock', {});
    return `=${LOADED_SALARY}`;
  }
  return inputFormula('loaded_salary', cell, { singleCell: false, picks });
}

// ---------------------------------------------------------------------------------------------
// Arbitrage

/** The months a one-column history covers: what the user said, 12 when not said. */
export function historyMonths(months: number | undefined): number {
  if (months === undefined) return 12;
  if (!Number.isInteger(months) || months < 1 || months > 600) throw new PlanInputError('badNumber', { field: 'months' });
  return months;
}

/** A channel's total (a `=SUM(…)` formula or a value read) as a monthly figure. */
function monthly(total: CellData, perMonth: string): CellData {
  if (typeof total === 'number') return total / Number(perMonth);
  return typeof total === 'string' && total.startsWith('=') ? `${total}/${perMonth}` : total;
}

export function arbitragePlan(input: ArbitrageInput): SheetPlan {
  if (input.method === 'marginal') return marginalArbitragePlan(input);
  const { source, layout, profile, totalBudget } = input;
  const L = labelsFor(profile);
  const money = currencyFormat(profile);
  const explicit = layout.cells ? explicitRows(source, layout) : undefined;
  const src = explicit ? undefined : sourceRows(source, layout);
  const n = explicit ? explicit.length : src!.count;
  const last = FIRST + n; // 1-based last channel row
  const r = FIRST + 1;
  const col = (c: number) => rangeAddress(FIRST, c, n, 1);
  const picks: SheetPlan['picks'] = [];
  const budget = inputFormula('total_budget', totalBudget, { singleCell: false, picks });
  // Today's monthly spend, one definition (RULES.md, the method section): the history's total ÷
  // its months, months with no spend counted. A one-column history covers `months` months.
  const perMonth = !explicit && layout.spend.count > 1 ? `COLUMNS(${rowRef(src!, src!.spend)})` : String(historyMonths(input.months));
  const leftRows: CellData[][] = explicit
    ? explicit.map((e, i) => [e.name, monthly(e.spend, perMonth), monthly(e.revenue, perMonth), `=MKT.ROI_RATIO(C${r + i},B${r + i})`])
    : [
        [
          `=${rowRef(src!, [src!.channelColumn, src!.channelColumn])}&""`,
          `=SUM(${rowRef(src!, src!.spend)})/${perMonth}`,
          `=SUM(${rowRef(src!, src!.revenue)})/${perMonth}`,
          `=MKT.ROI_RATIO(C${r},B${r})`,
        ],
      ];
  return {
    kind: 'arbitrage',
    writes: [
      textAt(0, 0, [[L.arbTitle]], 'title'),
      textAt(1, 0, [[L.totalBudget]]),
      formulasAt(1, 1, [[budget]], [[money]], 'input'),
      textAt(2, 0, [[L.total]], 'total'),
      formulasAt(2, 1, [[`=SUM(${col(1)})`, `=SUM(${col(2)})`, '=MKT.ROI_RATIO(C3,B3)', `=SUM(${col(4)})`, `=SUM(${col(5)})`]], [[money, money, RATIO_FORMAT, money, money]], 'total'),
      textAt(TABLE_HEADER_ROW, 0, [[L.channel, L.current, L.revenue, L.roi, L.proposed, L.change]], 'header'),
      formulasAt(FIRST, 0, leftRows, leftRows.map(() => ['General', money, money, RATIO_FORMAT])),
      // One formula; its column spills beside the channels.
      // Capped at MKT_CAP × today's spend unless the user asked for no cap (RULES.md §5).
      formulasAt(FIRST, 4, [[`=MKT.ALLOCATE($B$2,B${r}:B${last},C${r}:C${last},MKT_FLOOR${input.cap === false ? '' : ',MKT_CAP'})`]], [[money]]),
      formulasAt(FIRST, 5, [[`=E${r}-B${r}`]], [[money]]),
    ],
    // The spilled column E is left alone: filling it would block the spill (#SPILL!).
    fills:
      n > 1
        ? [
            ...(explicit ? [] : [{ from: rangeAddress(FIRST, 0, 1, 4), to: rangeAddress(FIRST + 1, 0, n - 1, 4) }]),
            { from: rangeAddress(FIRST, 5, 1, 1), to: rangeAddress(FIRST + 1, 5, n - 1, 1) },
            { from: rangeAddress(FIRST, 4, 1, 1), to: rangeAddress(FIRST + 1, 4, n - 1, 1), copy: 'formats' },
          ]
        : [],
    names: [],
    highlights: [
      { address: rangeAddress(FIRST, 0, n, 6), formula: `=AND($B${r}>0,$E${r}=0)`, fill: '#F8CBAD', fontColor: '#9C0006' },
    ],
    charts: [
      {
        name: 'MKT_ARBITRAGE_SPEND',
        title: L.chartArb,
        categories: col(0),
        series: [
          { name: L.current, values: col(1) },
          { name: L.proposed, values: col(4) },
        ],
        position: ['H4', 'P22'],
      },
    ],
    validations: [],
    widths: { A: 160, B: 110, C: 110, D: 110, E: 140, F: 110 },
    region: { row: 0, column: 0, rows: last, columns: 6 },
    anchor: 'B2',
    picks,
  };
}

// ---------------------------------------------------------------------------------------------
// Assumptions and transfer

/** Row (0-based) of the first threshold on the assumptions sheet. */
const THRESHOLD_ROW = 4;

/**
 * Row (0-based) of the i-th threshold: the live block first, then a title row, then the
 * read-only block of reference values.
 */
function thresholdRow(i: number): number {
  return i < LIVE_THRESHOLD_NAMES.length ? THRESHOLD_ROW + i : THRESHOLD_ROW + i + 1;
}

/** The row just below both blocks (MKT_GROSS_MARGIN's). */
function belowThresholds(count: number): number {
  return THRESHOLD_ROW + count + 1;
}

/**
 * The thresholds block with its named cells. `current` keeps values an accountant changed on an
 * earlier assumptions sheet (by name); otherwise the rules' constants are written. MKT_PROFILE is
 * always the pane's profile. Live thresholds sit in the editable block; the reference values
 * (no written formula reads them) in a read-only block below, which says so.
 */
export function assumptionsPlan(profile: WorkbookProfile, current: Record<string, unknown> = {}, margin?: CellData): SheetPlan {
  const L = labelsFor(profile);
  const cells = thresholdCells(profile.budgetProfile ?? 'standard', profile.region);
  const live = LIVE_THRESHOLD_NAMES.length;
  // MKT_GROSS_MARGIN, below the thresholds: the pane's margin, or the one already in the workbook.
  const keptMargin = current[GROSS_MARGIN_NAME] as KeptThreshold | undefined;
  const marginRow = margin !== undefined || (keptMargin !== undefined && keptMargin !== '') ? belowThresholds(cells.length) : undefined;
  const marginCell = marginRow === undefined ? undefined : marginCellData(margin ?? (isKeptFormula(keptMargin) ? keptMargin.formula : (keptMargin as CellData)), keptMargin);
  const derived = (c: { value: number | string }) => typeof c.value === 'string' && c.value.startsWith('=');
  // What the accountant left in a threshold cell is written back as they wrote it: a formula as
  // its formula, a text as text (the "@" format first, so "=HYPERLINK(…)" never becomes a formula).
  // The profile is the pane's current choice (the user's explicit one): always written. A value
  // derived from another (=MKT_CRITICAL_MASS+0.1) keeps its formula unless one was put there.
  const kept = (c: { name: string; value: number | string }) => {
    if (c.name === 'MKT_PROFILE') return undefined;
    const v = current[c.name];
    return derived(c) && !isKeptFormula(v) && typeof v !== 'string' ? undefined : v;
  };
  const valueOf = (c: { name: string; value: number | string }): CellData => {
    const v = kept(c);
    return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.trim() !== '') ? v : c.value;
  };
  const lang = profile.lang;
  const words = (text: string) => (lang === 'fr' ? typeset(text) : text);
  const styleOf = (c: { live: boolean }) => (c.live ? 'input' : 'note');
  return {
    kind: 'assumptions',
    writes: [
      textAt(0, 0, [[L.assTitle]], 'title'),
      textAt(1, 0, [[L.assIntro]], 'note'),
      textAt(THRESHOLD_ROW - 1, 0, [[L.name, L.value, L.meaning, L.usedBy, L.source]], 'header'),
      textAt(THRESHOLD_ROW, 0, cells.slice(0, live).map((c) => [c.name])),
      textAt(THRESHOLD_ROW + live, 0, [[L.fixedTitle]], 'header'),
      textAt(THRESHOLD_ROW + live + 1, 0, cells.slice(live).map((c) => [c.name]), 'note'),
      // Numbers as values; the profile (text) and texts an accountant typed go through text writes.
      ...cells.map((c): CellWrite => {
        const row = thresholdRow(cells.indexOf(c));
        const k = kept(c);
        if (isKeptFormula(k)) return formulasAt(row, 1, [[k.formula]], [[formatOf(c.format, profile)]], styleOf(c));
        if (c.format === 'text' || typeof k === 'string') return textAt(row, 1, [[valueOf(c)]], styleOf(c));
        if (derived(c)) return formulasAt(row, 1, [[c.value]], [[formatOf(c.format, profile)]], styleOf(c));
        return { address: cellAddress(row, 1), kind: 'values', data: [[valueOf(c)]], numberFormat: [[formatOf(c.format, profile)]], style: styleOf(c) };
      }),
      textAt(THRESHOLD_ROW, 2, cells.slice(0, live).map((c) => [words(c.name === 'MKT_CAP' ? `${c.label[lang]}. ${L.capNote}` : c.label[lang]), c.usedBy, words(SOURCES[c.source][lang])])),
      textAt(THRESHOLD_ROW + live + 1, 2, cells.slice(live).map((c) => [words(c.label[lang]), words(`${L.fixedNote} : ${c.usedBy}`), words(SOURCES[c.source][lang])]), 'note'),
      ...(marginRow !== undefined && marginCell ? marginRowWrites(marginRow, marginCell.data, marginCell.text, profile.lang) : []),
    ],
    fills: [],
    names: [
      ...cells.map((c, i) => ({ name: c.name, address: cellAddress(thresholdRow(i), 1, true), comment: c.label.en })),
      ...(marginRow !== undefined ? [marginName(marginRow)] : []),
    ],
    highlights: [],
    charts: [],
    validations: [],
    widths: { A: 190, B: 90, C: 420, D: 380, E: 420 },
    region: { row: 0, column: 0, rows: (marginRow ?? belowThresholds(cells.length) - 1) + 1, columns: 5 },
    anchor: 'B5',
  };
}

/** The default values written into the empty cells of threshold names being re-created. */
export function thresholdRepairPlan(profile: WorkbookProfile, cells: ReadonlyArray<{ name: string; row: number; column: number }>): SheetPlan {
  const defaults = thresholdCells(profile.budgetProfile ?? 'standard', profile.region);
  const writes = cells.map(({ name, row, column }): CellWrite => {
    const c = defaults.find((d) => d.name === name)!;
    const style = c.live ? 'input' : 'note';
    if (c.format === 'text') return textAt(row, column, [[c.value]], style);
    return { address: cellAddress(row, column), kind: typeof c.value === 'string' ? 'formulas' : 'values', data: [[c.value]], numberFormat: [[formatOf(c.format, profile)]], style };
  });
  return { kind: 'assumptions', writes, fills: [], names: [], highlights: [], charts: [], validations: [], widths: {}, region: { row: 0, column: 0, rows: 1, columns: 1 }, anchor: 'A1' };
}

/** Row (0-based) where the transfer block starts on the assumptions sheet: below the margin's row and a blank one. */
export function transferStartRow(): number {
  return belowThresholds(thresholdCells().length) + 2;
}

/** Decisions taken and the handover checklist, below the thresholds. */
export function transferPlan({ profile, decisions, extraChecklist = [] }: TransferInput): SheetPlan {
  const L = labelsFor(profile);
  const start = transferStartRow();
  const decisionRows = decisions.length > 0 ? decisions.map((d) => [d.text, d.note ?? '']) : [['', '']];
  const checklist = [...checklistFor(profile), ...extraChecklist];
  const checklistRow = start + 2 + decisionRows.length + 1;
  const validationsAt = rangeAddress(checklistRow + 1, 1, checklist.length, 1);
  return {
    kind: 'assumptions',
    writes: [
      textAt(start, 0, [[L.decisionsTitle]], 'header'),
      textAt(start + 1, 0, [[L.decision, L.note]], 'header'),
      textAt(start + 2, 0, decisionRows),
      textAt(checklistRow, 0, [[L.checklistTitle, L.done]], 'header'),
      textAt(checklistRow + 1, 0, checklist.map((item) => [item])),
    ],
    fills: [],
    names: [],
    highlights: [],
    charts: [],
    validations: [{ address: validationsAt, list: profile.lang === 'fr' ? 'oui,non' : 'yes,no' }],
    widths: {},
    region: { row: start, column: 0, rows: checklistRow + 1 + checklist.length - start, columns: 4 },
    anchor: cellAddress(start, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Pilot

export function pilotPlan({ profile, kpiName, monthlyTargets, useRoi = false }: PilotInput): SheetPlan {
  const L = labelsFor(profile);
  const lang = literal(labelLanguage(profile));
  const yesNo = profile.lang === 'fr' ? 'oui,non' : 'yes,no';
  // A target must be above 0 (an achievement is actual ÷ target).
  for (const t of monthlyTargets) if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0) throw new PlanInputError('badNumber', { field: L.target });
  // Months in rows 5–7 (1-based): A month, B target, C actual, D achievement, E reporting, F ROI.
  // A target the user later sets to 0 in the sheet leaves the achievement and the verdict blank,
  // never #DIV/0!.
  const months = [1, 2, 3].map((m, i): CellData[] => [m, monthlyTargets[i]]);
  const achievement = [5, 6, 7].map((r): CellData[] => [`=IF(OR(C${r}="",B${r}=0),"",C${r}/B${r})`]);
  // The pilot's thresholds come from the assumptions sheet's names.
  const thresholds = 'MKT_PILOT_MONTHS,MKT_EXPAND_KPI,MKT_EXTEND_KPI,MKT_ROI_LOW';
  const verdict = useRoi
    ? `=IF(B10="","",IF(COUNT(F5:F7)=0,MKT.PILOT_VERDICT(B9,B10,,B11,${thresholds}),MKT.PILOT_VERDICT(B9,B10,AVERAGE(F5:F7),B11,${thresholds})))`
    : `=IF(B10="","",MKT.PILOT_VERDICT(B9,B10,,B11,${thresholds}))`;
  const summary: Array<[string, string, string]> = [
    [L.monthsElapsed, '=COUNT(C5:C7)', INTEGER_FORMAT],
    [L.kpiAchievement, '=IF(B9=0,0,IF(SUMIFS(B5:B7,C5:C7,"<>")=0,"",SUM(C5:C7)/SUMIFS(B5:B7,C5:C7,"<>")))', PERCENT_FORMAT],
    [L.reportingOk, '=AND(COUNTIF(E5:E7,"non")=0,COUNTIF(E5:E7,"no")=0,COUNTIF(E5:E7,FALSE)=0)', 'General'],
    [L.verdict, verdict, 'General'],
  ];
  return {
    kind: 'pilot',
    writes: [
      textAt(0, 0, [[L.pilotTitle]], 'title'),
      textAt(1, 0, [['KPI', kpiName]], 'note'),
      textAt(3, 0, [[L.month, L.target, L.actual, L.achievement, L.reporting, L.pilotRoi]], 'header'),
      { address: 'A5:B7', kind: 'values', data: months, numberFormat: fill(3, 2, '0').map(() => ['0', '#,##0']) },
      formulasAt(4, 3, achievement, fill(3, 1, PERCENT_FORMAT)),
      textAt(8, 0, summary.map(([label]) => [label])),
      formulasAt(8, 1, summary.map(([, f]) => [f]), summary.map(([, , nf]) => [nf]), 'total'),
      formulasAt(11, 2, [[`=IF(B12="","",MKT.LABEL(B12,${lang}))`]], undefined, 'total'),
    ],
    fills: [],
    names: [],
    highlights: [],
    charts: [],
    validations: [{ address: 'E5:E7', list: yesNo }],
    widths: { A: 190, B: 90, C: 90, D: 90, E: 170, F: 130 },
    region: { row: 0, column: 0, rows: 12, columns: 6 },
    anchor: 'C5',
  };
}
