/** The Arbitrage sheet by average return (`MKT.ALLOCATE`); by marginal return it is arbitrage-marginal.ts's. */
import { labelsFor } from '../words/sheets';
import { currencyFormat, rangeAddress, RATIO_FORMAT } from '../common/sheet-utils';
import { CellData, formulasAt, inputFormula, PlanInputError, SheetPlan, textAt } from './plan';
import { explicitRows, FIRST, rowRef, sourceRows, TABLE_HEADER_ROW } from './source-rows';
import { marginalArbitragePlan } from './arbitrage-marginal';
import type { ArbitrageInput } from '../types';

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
