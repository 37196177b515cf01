/**
 * The Arbitrage sheet by marginal return (RULES.md §7): per channel the live fit
 * (=MKT.RESPONSE_FIT), today's average monthly spend, the proposed monthly spend
 * (=MKT.ALLOCATE_MARGINAL, spilled), the marginal ROAS at both, the optimal spend at the gross
 * margin (=MKT.OPTIMAL_SPEND) and a warning in plain words (a LINEAR fit and why; a ceiling that
 * binds); the break-even ROAS (=MKT.BREAKEVEN_ROAS); and an x/y chart of one channel (its months
 * as points, its fitted curve, the part beyond its history as a series of its own, today's and
 * the proposed spend). The gross margin is the named assumption MKT_GROSS_MARGIN, a row of the
 * assumptions sheet the write sets to the pane's margin (margin-assumption.ts); this sheet shows it
 * and its formulas read the name. Pure: no Office.js.
 *
 * Also `marginalWarnings`: the same warnings computed by the rules from the Diagnostic's preview,
 * for the pane to show before anything is written.
 */
import { allocateMarginal, CURVE_MIN_MONTHS, CURVE_MIN_SPREAD, isRuleError, MARGINAL_CAP, responseFit } from '../../rules';
import type { Language } from '../../rules/labels';
import { FIRST, rowRef, sourceRows } from './source-rows';
import { CellWrite, ChartPlan, FillDown, formulasAt, inputFormula, literal, SheetPlan, textAt } from './plan';
import { currencyFormat, PERCENT_FORMAT, RATIO_FORMAT, rangeAddress } from '../common/sheet-utils';
import { GROSS_MARGIN_NAME } from './margin-assumption';
import { fitWords, MARGINAL_LABELS, marginalLabelsFor, type MarginalLabels } from '../words/marginal';

export { GROSS_MARGIN_NAME };
import type { ArbitrageInput, SourceData } from '../types';

/** Points of the fitted curve drawn on the chart, from 0 to cap × the best month. */
export const CURVE_POINTS = 21;
export const MARGINAL_CHART = 'MKT_ARBITRAGE_CURVE';

const COL = { channel: 0, fit: 1, code: 4, today: 5, proposed: 6, roasToday: 7, roasProposed: 8, optimal: 9, warning: 10 } as const;
/** Chart data, right of the table: months (x, y), curve (x, y within, y beyond), today (x, y), proposed (x, y). */
const DATA = { monthX: 12, monthY: 13, curveX: 14, curveIn: 15, curveOut: 16, todayX: 17, todayY: 18, proposedX: 19, proposedY: 20 } as const;

const letter = (c: number) => rangeAddress(0, c).replace(/\d+$/, '');

/** What every part of the marginal Arbitrage sheet reads: its words, the channels' rows and where they sit. */
interface MarginalTable {
  L: MarginalLabels;
  money: string;
  /** Channels and months of the history. */
  n: number;
  months: number;
  /** 1-based rows of the first and last channel. */
  r: number;
  last: number;
  /** A channel's months (row relative), and every channel's (fixed): the block MKT.ALLOCATE_MARGINAL reads. */
  spendRow: string;
  revenueRow: string;
  spendBlock: string;
  revenueBlock: string;
}

export function marginalArbitragePlan({ source, layout, profile, totalBudget, grossMargin }: ArbitrageInput): SheetPlan {
  const src = sourceRows(source, layout);
  const spendRow = rowRef(src, src.spend);
  const revenueRow = rowRef(src, src.revenue);
  const table: MarginalTable = {
    L: marginalLabelsFor(profile),
    money: currencyFormat(profile),
    n: src.count,
    months: layout.spend.count,
    r: FIRST + 1,
    last: FIRST + src.count,
    spendRow,
    revenueRow,
    spendBlock: absoluteBlock(spendRow, src.firstRow, src.count),
    revenueBlock: absoluteBlock(revenueRow, src.firstRow, src.count),
  };
  const { L, money, n, r, last, spendBlock, revenueBlock } = table;
  const picks: SheetPlan['picks'] = [];
  const budget = inputFormula('total_budget', totalBudget, { singleCell: false, picks });
  // Checked here (a picked cell must exist); its value is written on the assumptions sheet (write/plan.ts).
  inputFormula('margin', grossMargin ?? { value: Number.NaN }, { picks });
  const fit = `B${r}:E${r}`;
  const row: Array<string | number> = [
    `=${rowRef(src, [src.channelColumn, src.channelColumn])}&""`,
    `=MKT.RESPONSE_FIT(${spendRow},${revenueRow})`,
  ];
  const rightOfFit: Array<string | number> = [
    // Today's monthly spend, the method's one definition: the history's total ÷ its months (months with no spend count).
    `=SUM(${spendRow})/COLUMNS(${spendRow})`,
  ];
  const afterProposed: Array<string | number> = [
    `=MKT.MARGINAL_ROAS(${fit},F${r})`,
    `=IF(AND(G${r}=0,C${r}<1),"",MKT.MARGINAL_ROAS(${fit},G${r}))`,
    `=IF(E${r}="CURVE",MKT.OPTIMAL_SPEND(${fit},${GROSS_MARGIN_NAME}),"")`,
    warningFormula(table),
  ];
  const chartRows = Math.max(table.months, CURVE_POINTS);
  return {
    kind: 'arbitrage',
    writes: [
      textAt(0, 0, [[L.title]], 'title'),
      textAt(1, 0, [[L.monthlyBudget]]),
      formulasAt(1, 1, [[budget]], [[money]], 'input'),
      textAt(1, 2, [[L.grossMargin]]),
      formulasAt(1, 3, [[`=${GROSS_MARGIN_NAME}`]], [[PERCENT_FORMAT]]),
      textAt(1, 4, [[L.breakeven]]),
      formulasAt(1, 5, [[`=MKT.BREAKEVEN_ROAS(${GROSS_MARGIN_NAME})`]], [[RATIO_FORMAT]]),
      textAt(2, 0, [[L.chartChannel]]),
      formulasAt(2, 1, [[1]], [['0']], 'input'),
      textAt(2, 2, [[L.cap]]),
      formulasAt(2, 3, [[MARGINAL_CAP]], [['0.0"×"']], 'input'),
      textAt(2, 4, [[L.total]], 'total'),
      formulasAt(2, 5, [[`=SUM(${rangeAddress(FIRST, COL.today, n, 1)})`, `=SUM(${rangeAddress(FIRST, COL.proposed, n, 1)})`]], [[money, money]], 'total'),
      textAt(FIRST - 1, 0, [[L.channel, 'a', 'b', 'r²', L.fit, L.today, L.proposed, L.roasToday, L.roasProposed, L.optimal, L.warning]], 'header'),
      formulasAt(FIRST, 0, [row], [['General', '0.00']]),
      formulasAt(FIRST, COL.today, [rightOfFit], [[money]]),
      // One formula; its column spills beside the channels.
      formulasAt(FIRST, COL.proposed, [[`=MKT.ALLOCATE_MARGINAL($B$2,${spendBlock},${revenueBlock},$D$3)`]], [[money]]),
      formulasAt(FIRST, COL.roasToday, [afterProposed], [[RATIO_FORMAT, RATIO_FORMAT, money, 'General']]),
      ...chartDataWrites(table),
    ],
    fills: marginalFills(table),
    names: [],
    highlights: [
      { address: rangeAddress(FIRST, 0, n, COL.warning + 1), formula: `=$K${r}<>""`, fill: '#FFF2CC', fontColor: '#7F6000' },
    ],
    charts: [marginalChart(table, chartRows)],
    validations: [],
    widths: { A: 160, B: 70, C: 60, D: 60, E: 70, F: 110, G: 120, H: 90, I: 90, J: 110, K: 320 },
    region: { row: 0, column: 0, rows: Math.max(last, FIRST + chartRows), columns: DATA.proposedY + 1 },
    anchor: 'B2',
    picks,
  };
}

/** The warning column: why a fit fell back to LINEAR, or that the proposed spend sits at the channel's ceiling. */
function warningFormula({ L, r, spendRow, revenueRow }: MarginalTable): string {
  const mask = `ISNUMBER(${spendRow})*ISNUMBER(${revenueRow})*(${spendRow}>0)*(${revenueRow}>0)`;
  const ceiling = `$D$3*MAX(IF(${mask},${spendRow}))`;
  return (
    `=IF(E${r}="LINEAR",IF(SUMPRODUCT(${mask})<${CURVE_MIN_MONTHS},${literal(L.warnFewMonths)},` +
    `IF(MAX(IF(${mask},${spendRow}))<${CURVE_MIN_SPREAD}*MIN(IF(${mask},${spendRow})),${literal(L.warnLittleVariation)},${literal(L.warnNotDiminishing)})),` +
    `IF(AND(G${r}>0,G${r}>=${ceiling}),${literal(L.warnCeiling)},""))`
  );
}

/** The chart's data, right of the table, for the channel chosen in B3: its months, its curve, today and proposed. */
function chartDataWrites({ L, money, r, last, spendBlock, revenueBlock }: MarginalTable): CellWrite[] {
  const pick = (col: number) => `INDEX($${letter(col)}$${r}:$${letter(col)}$${last},$B$3)`;
  const a = pick(COL.fit);
  const b = pick(COL.fit + 1);
  const best = `MAX(INDEX(${spendBlock},$B$3,0))`;
  const k = (col: number) => `ROWS(${letter(col)}$${r}:${letter(col)}${r})`;
  const curveX = `=(${k(DATA.curveX)}-1)/${CURVE_POINTS - 1}*$D$3*${best}`;
  const x = `${letter(DATA.curveX)}${r}`;
  return [
    textAt(FIRST - 1, DATA.monthX, [[L.dataMonthSpend, L.dataMonthRevenue, L.dataCurveSpend, L.dataCurveIn, L.dataCurveOut, L.dataTodaySpend, L.dataTodayRevenue, L.dataProposedSpend, L.dataProposedRevenue]], 'header'),
    formulasAt(FIRST, DATA.monthX, [[`=INDEX(${spendBlock},$B$3,${k(DATA.monthX)})`, `=INDEX(${revenueBlock},$B$3,${k(DATA.monthY)})`]], [[money, money]]),
    formulasAt(
      FIRST,
      DATA.curveX,
      [[curveX, `=IF(${x}<=${best},${a}*${x}^${b},NA())`, `=IF(${x}>=${best},${a}*${x}^${b},NA())`]],
      [[money, money, money]],
    ),
    formulasAt(
      FIRST,
      DATA.todayX,
      [[`=${pick(COL.today)}`, `=${a}*${letter(DATA.todayX)}${r}^${b}`, `=${pick(COL.proposed)}`, `=${a}*${letter(DATA.proposedX)}${r}^${b}`]],
      [[money, money, money, money]],
    ),
  ];
}

/** The template rows filled down. The spills (B:E of each fit, the proposed column G) are left alone: filling them would block the spill. */
function marginalFills({ n, months }: MarginalTable): FillDown[] {
  return [
    ...(n > 1
      ? [
          { from: rangeAddress(FIRST, 0, 1, 2), to: rangeAddress(FIRST + 1, 0, n - 1, 2) },
          { from: rangeAddress(FIRST, COL.today, 1, 1), to: rangeAddress(FIRST + 1, COL.today, n - 1, 1) },
          { from: rangeAddress(FIRST, COL.proposed, 1, 1), to: rangeAddress(FIRST + 1, COL.proposed, n - 1, 1), copy: 'formats' as const },
          { from: rangeAddress(FIRST, COL.roasToday, 1, 4), to: rangeAddress(FIRST + 1, COL.roasToday, n - 1, 4) },
        ]
      : []),
    ...(months > 1 ? [{ from: rangeAddress(FIRST, DATA.monthX, 1, 2), to: rangeAddress(FIRST + 1, DATA.monthX, months - 1, 2) }] : []),
    { from: rangeAddress(FIRST, DATA.curveX, 1, 3), to: rangeAddress(FIRST + 1, DATA.curveX, CURVE_POINTS - 1, 3) },
  ];
}

/** The x/y chart of the chosen channel: its months, its curve within and beyond its best month, today and proposed. */
function marginalChart({ L, months, last }: MarginalTable, chartRows: number): ChartPlan {
  const dataRange = (col: number, rows: number) => rangeAddress(FIRST, col, rows, 1);
  return {
    name: MARGINAL_CHART,
    title: L.chartTitle,
    type: 'scatter',
    categories: dataRange(DATA.monthX, months),
    series: [
      { name: L.seriesMonths, x: dataRange(DATA.monthX, months), values: dataRange(DATA.monthY, months) },
      { name: L.seriesCurve, x: dataRange(DATA.curveX, CURVE_POINTS), values: dataRange(DATA.curveIn, CURVE_POINTS), line: true },
      { name: L.seriesBeyond, x: dataRange(DATA.curveX, CURVE_POINTS), values: dataRange(DATA.curveOut, CURVE_POINTS), line: true },
      { name: L.seriesToday, x: dataRange(DATA.todayX, 1), values: dataRange(DATA.todayY, 1) },
      { name: L.seriesProposed, x: dataRange(DATA.proposedX, 1), values: dataRange(DATA.proposedY, 1) },
    ],
    position: [`A${Math.max(last, FIRST + chartRows) + 3}`, `K${Math.max(last, FIRST + chartRows) + 24}`],
  };
}

/** `'S'!$B5:$M5` (row relative) → `'S'!$B$5:$M$16`: the rows of every channel, fixed. */
function absoluteBlock(rowReference: string, firstRow: number, count: number): string {
  const bang = rowReference.lastIndexOf('!');
  const sheet = rowReference.slice(0, bang);
  const [from, to] = rowReference.slice(bang + 1).split(':');
  const col = (cell: string) => cell.replace(/\d+$/, '');
  return `${sheet}!${col(from)}$${firstRow + 1}:${col(to ?? from)}$${firstRow + count}`;
}

export interface ChannelWarning {
  /** 1-based channel number, in the source's order. */
  channel: number;
  name: string;
  kind: 'linear' | 'ceiling' | 'noMonth';
  text: string;
}

/**
 * The warnings the sheet will show, computed by the rules from the Diagnostic's preview: a fit
 * that falls back to LINEAR (and why), a ceiling that binds at this budget. Empty when the
 * preview does not hold a monthly history.
 */
export function marginalWarnings(data: SourceData, monthlyBudget: number | undefined, lang: Language): ChannelWarning[] {
  const { layout, preview } = data;
  if (layout.spend.count < 2 || layout.revenue.count < 2) return [];
  const L = MARGINAL_LABELS[lang];
  const spend: Array<Array<number | null>> = [];
  const revenue: Array<Array<number | null>> = [];
  const names: string[] = [];
  const cell = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  for (let row = layout.firstDataRow; row <= layout.lastDataRow && row < preview.length; row++) {
    const values = preview[row] ?? [];
    names.push(String(values[layout.channelColumn] ?? ''));
    spend.push(Array.from({ length: layout.spend.count }, (_, m) => cell(values[layout.spend.first + m])));
    revenue.push(Array.from({ length: layout.revenue.count }, (_, m) => cell(values[layout.revenue.first + m])));
  }
  const out: ChannelWarning[] = [];
  spend.forEach((months, i) => {
    const fit = responseFit(months, revenue[i]);
    if (isRuleError(fit)) out.push({ channel: i + 1, name: names[i], kind: 'noMonth', text: L.warnNoMonth });
    else if (fit.code === 'LINEAR') out.push({ channel: i + 1, name: names[i], kind: 'linear', text: fitWords(fit, lang).why ?? '' });
  });
  if (monthlyBudget !== undefined && monthlyBudget > 0 && spend.length === revenue.length && spend.length > 0) {
    const result = allocateMarginal(monthlyBudget, spend, revenue);
    if (isRuleError(result)) {
      if (result.key === 'budgetAboveCeilings') out.push({ channel: 0, name: '', kind: 'ceiling', text: L.warnBudgetAboveCeilings });
    } else {
      result.amounts.forEach((x, i) => {
        if (x > 0 && x >= result.ceilings[i]) out.push({ channel: i + 1, name: names[i], kind: 'ceiling', text: L.warnCeiling });
      });
    }
  }
  return out;
}
