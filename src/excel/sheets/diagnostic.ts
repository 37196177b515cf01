/** The Diagnostic sheet: each channel's spend, revenue, ROAS and band, the totals, the ROI chart. */
import { labelLanguage, labelsFor } from '../words/sheets';
import { currencyFormat, rangeAddress, RATIO_FORMAT } from '../common/sheet-utils';
import { CellData, CellWrite, ChartPlan, formulasAt, literal, SheetPlan, textAt } from './plan';
import { ExplicitRow, explicitRows, FIRST, rowRef, SourceRows, sourceRows, TABLE_HEADER_ROW } from './source-rows';
import type { DiagnosticInput } from '../types';

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
  const rows = channelRows(explicit, src, rest, formats);
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
    charts: [roiChart(L, col)],
    validations: [],
    widths: { A: 160, B: 90, C: 90, D: 110, E: 70, F: 110, G: 70, H: 70, I: 130, J: 110 },
    // The cells written; the chart floats beside them and is replaced by its name.
    region: { row: 0, column: 0, rows: last + 1, columns: columns + 1 },
    anchor: 'A1',
  };
}

/**
 * The channels' rows. One row per channel over the same columns: one template row filled down
 * (live references that shift). Each channel with its own cells: a row each, its sums referencing them.
 */
function channelRows(explicit: ExplicitRow[] | undefined, src: SourceRows | undefined, rest: (row: number) => CellData[], formats: string[]): CellWrite {
  const r = FIRST + 1; // 1-based row of the template
  if (explicit) {
    return formulasAt(
      FIRST,
      0,
      explicit.map((e, i) => [e.name, e.spend, e.revenue, `=MKT.ROI_RATIO(C${r + i},B${r + i})`, ...rest(r + i)]),
      explicit.map(() => formats),
    );
  }
  const spendRef = rowRef(src!, src!.spend);
  const revenueRef = rowRef(src!, src!.revenue);
  const template: CellData[] = [
    `=${rowRef(src!, [src!.channelColumn, src!.channelColumn])}&""`,
    `=SUM(${spendRef})`,
    `=SUM(${revenueRef})`,
    `=MKT.ROI_RATIO(${revenueRef},${spendRef})`,
    ...rest(r),
  ];
  return formulasAt(FIRST, 0, [template], [formats]);
}

/** Each channel's ROAS against the 3:1–5:1 target lines. */
function roiChart(L: ReturnType<typeof labelsFor>, col: (c: number) => string): ChartPlan {
  return {
    name: 'MKT_DIAGNOSTIC_ROI',
    title: L.chartRoi,
    categories: col(0),
    series: [
      { name: L.roi, values: col(3) },
      { name: L.low, values: col(6), line: true },
      { name: L.high, values: col(7), line: true },
    ],
    position: ['L4', 'T22'],
  };
}
