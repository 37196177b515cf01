/**
 * MKT_GROSS_MARGIN, the gross margin the marginal Arbitrage reads (RULES.md §7), kept as a named
 * assumption: one row of the assumptions sheet, just below the thresholds block. Set by the
 * marginal Arbitrage write to the margin given in the pane (the user's explicit choice), the way
 * every write sets MKT_PROFILE; a cell the accountant set by a formula or a text is kept, never
 * overwritten. Pure: no Office.js.
 */
import type { CellData, CellWrite, SheetPlan } from './plan';
import { PERCENT_FORMAT, rangeAddress, TEXT_FORMAT } from '../common/sheet-utils';
import { isKeptFormula, KeptThreshold } from './thresholds';
import type { Language } from '../types';

export const GROSS_MARGIN_NAME = 'MKT_GROSS_MARGIN';

const LABEL: Record<Language, string> = {
  fr: 'Marge brute (part du chiffre d’affaires après coûts directs), saisie dans le volet',
  en: 'Gross margin (share of revenue after direct costs), entered in the pane',
};
const USED_BY = 'MKT.OPTIMAL_SPEND, MKT.BREAKEVEN_ROAS';
const COMMENT = 'Gross margin rate (MKT task pane, marginal arbitrage)';

/** What the margin cell gets: the pane's value, or what the accountant left there (formula, text). */
export function marginCellData(pane: CellData, kept: KeptThreshold | undefined): { data: CellData; text: boolean; keptUser: boolean } {
  if (isKeptFormula(kept) && kept.formula !== pane) return { data: kept.formula, text: false, keptUser: true };
  if (typeof kept === 'string') return { data: kept, text: true, keptUser: true };
  return { data: pane, text: false, keptUser: false };
}

/** The margin's row (name, value, meaning, used by) at a 0-based row, with its name. */
export function marginRowWrites(row: number, data: CellData, text: boolean, lang: Language): CellWrite[] {
  return [
    { address: rangeAddress(row, 0), kind: 'values', data: [[GROSS_MARGIN_NAME]] },
    text
      ? { address: rangeAddress(row, 1), kind: 'values', data: [[data]], numberFormat: [[TEXT_FORMAT]], style: 'input' }
      : { address: rangeAddress(row, 1), kind: 'formulas', data: [[data]], numberFormat: [[PERCENT_FORMAT]], style: 'input' },
    { address: rangeAddress(row, 2, 1, 2), kind: 'values', data: [[LABEL[lang], USED_BY]] },
  ];
}

export const marginName = (row: number): SheetPlan['names'][number] => ({ name: GROSS_MARGIN_NAME, address: `$B$${row + 1}`, comment: COMMENT });

/** The row alone, appended on an existing assumptions sheet (the repair path). */
export function marginRowPlan(row: number, data: CellData, text: boolean, lang: Language): SheetPlan {
  return {
    kind: 'assumptions',
    writes: marginRowWrites(row, data, text, lang),
    fills: [],
    names: [marginName(row)],
    highlights: [],
    charts: [],
    validations: [],
    widths: {},
    region: { row, column: 0, rows: 1, columns: 4 },
    anchor: `B${row + 1}`,
  };
}

export const MARGIN_CHANGED: Record<Language, (from: string, to: string) => string> = {
  fr: (from, to) => `La marge brute (MKT_GROSS_MARGIN) est passée de ${from} à ${to}, la marge saisie dans le volet : MKT.OPTIMAL_SPEND et MKT.BREAKEVEN_ROAS la suivent.`,
  en: (from, to) => `The gross margin (MKT_GROSS_MARGIN) changed from ${from} to ${to}, the margin entered in the pane: MKT.OPTIMAL_SPEND and MKT.BREAKEVEN_ROAS follow it.`,
};
export const MARGIN_KEPT: Record<Language, (held: string) => string> = {
  fr: (held) => `La marge brute (MKT_GROSS_MARGIN) garde ce que sa cellule contient (${held}) ; la marge du volet n’y est pas écrite. Videz la cellule pour qu’elle le soit.`,
  en: (held) => `The gross margin (MKT_GROSS_MARGIN) keeps what its cell holds (${held}); the pane's margin is not written there. Clear the cell to let it be.`,
};
export const MARGIN_ADDED: Record<Language, (sheet: string) => string> = {
  fr: (sheet) => `La marge brute (MKT_GROSS_MARGIN) est ajoutée à la feuille « ${sheet} », sous les seuils.`,
  en: (sheet) => `The gross margin (MKT_GROSS_MARGIN) is added to the sheet "${sheet}", below the thresholds.`,
};
