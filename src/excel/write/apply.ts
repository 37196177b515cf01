/**
 * Queues a SheetPlan on a worksheet: no sync here, the caller syncs once for the whole action.
 * Requirement sets: ExcelApi 1.9 for copyFrom; 1.7 for chart series; 1.6 for conditional formats;
 * 1.8 for data validation; 1.4 for names.
 */
import type { CellStyle, ChartPlan, SheetPlan } from '../sheets/plan';

const STYLE: Record<CellStyle, (f: Excel.RangeFormat) => void> = {
  title: (f) => {
    f.font.bold = true;
    f.font.size = 14;
  },
  header: (f) => {
    f.font.bold = true;
    f.fill.color = '#DDEBF7';
  },
  input: (f) => {
    f.fill.color = '#FFF2CC';
  },
  total: (f) => {
    f.font.bold = true;
  },
  note: (f) => {
    f.font.italic = true;
    f.font.color = '#595959';
  },
};

/** Queues every write of the plan on `sheet`. Text cells get the "@" format before their values. */
export function queuePlan(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const write of plan.writes) {
    const range = sheet.getRange(write.address);
    if (write.numberFormat) range.numberFormat = write.numberFormat;
    if (write.kind === 'formulas') range.formulas = write.data;
    else if (write.kind !== 'formats') range.values = write.data;
    if (write.style) STYLE[write.style](range.format);
  }
  for (const { from, to, copy } of plan.fills) {
    sheet.getRange(to).copyFrom(sheet.getRange(from), copy === 'formats' ? 'Formats' : 'All');
  }
  for (const h of plan.highlights) {
    const cf = sheet.getRange(h.address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = h.formula;
    cf.custom.format.fill.color = h.fill;
    cf.custom.format.font.color = h.fontColor;
  }
  for (const v of plan.validations) {
    sheet.getRange(v.address).dataValidation.rule = { list: { inCellDropDown: true, source: v.list } };
  }
  for (const [column, width] of Object.entries(plan.widths)) {
    sheet.getRange(`${column}:${column}`).format.columnWidth = width;
  }
  for (const chart of plan.charts) queueChart(sheet, chart);
}

function queueChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  if (plan.type === 'scatter') return queueScatterChart(sheet, plan);
  const [first, ...others] = plan.series;
  const chart = sheet.charts.add(plan.type === 'line' ? 'Line' : 'ColumnClustered', sheet.getRange(first.values), 'Columns');
  chart.name = plan.name;
  chart.title.text = plan.title;
  const categories = sheet.getRange(plan.categories);
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of others) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(s.values));
    series.setXAxisValues(categories);
    if (s.line) series.chartType = 'Line';
  }
  chart.legend.position = 'Bottom';
  chart.setPosition(plan.position[0], plan.position[1]);
}

/** An x/y chart: each series its own x and y ranges; markers, or a line without markers. */
function queueScatterChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  const first = plan.series[0];
  const chart = sheet.charts.add('XYScatter', sheet.getRange(first.values), 'Columns');
  chart.name = plan.name;
  chart.title.text = plan.title;
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i === 0) series.name = first.name;
    else series.setValues(sheet.getRange(s.values));
    if (s.x) series.setXAxisValues(sheet.getRange(s.x));
    if (s.line) series.chartType = 'XYScatterLinesNoMarkers';
  });
  chart.legend.position = 'Bottom';
  chart.setPosition(plan.position[0], plan.position[1]);
}

/** A rough size of the request a plan makes, in bytes (JSON of its data plus a per-operation overhead). */
export function estimatePlanBytes(plans: readonly SheetPlan[]): number {
  let bytes = 0;
  for (const plan of plans) {
    const json = JSON.stringify(plan);
    // A character beyond ASCII (the no-break spaces of French typography, accents) may travel as \uXXXX: 6 bytes.
    let wide = 0;
    for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) wide++;
    bytes += (json.length + wide * 5) * 2;
    const ops = plan.writes.length * 4 + plan.fills.length + plan.highlights.length * 4 + plan.charts.length * 12 + plan.names.length + plan.validations.length;
    bytes += ops * 300;
  }
  return bytes;
}
