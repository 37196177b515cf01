/** The assumptions sheet ("Hypothèses"): the thresholds in force as named cells, the reference values, MKT_GROSS_MARGIN's row. */
import { labelsFor } from '../words/sheets';
import { typeset } from '../words/typography';
import { cellAddress, currencyFormat, INTEGER_FORMAT, PERCENT_FORMAT, RATIO_FORMAT, TEXT_FORMAT } from '../common/sheet-utils';
import { CellData, CellWrite, formulasAt, SheetPlan, textAt } from './plan';
import { isKeptFormula, KeptThreshold, LIVE_THRESHOLD_NAMES, SOURCES, thresholdCells, ThresholdFormat } from './thresholds';
import { GROSS_MARGIN_NAME, marginCellData, marginName, marginRowWrites } from './margin-assumption';
import type { WorkbookProfile } from '../types';

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
export function belowThresholds(count: number): number {
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
