/**
 * Repair: re-enters every MKT formula Excel will not calculate, so Excel binds it to the add-in.
 *
 * Why (office-js issues 6611, 6395, 4185, 2568; Excel-Custom-Functions issue 108): a formula typed
 * while MKT was not loaded stays #NAME? after the add-in loads, even after a full recalculation,
 * until the cell is re-entered; a call Excel could not bind shows its stored name
 * (`_xldudf_MKT_ROI_RATIO(`), and another add-in's file in between leaves a workbook prefix
 * (`[1]!_xldudf_…`). Re-entering the formula as `MKT.ID(` (toDottedForm) binds it; under a French
 * display language, where an English name written by an add-in stays #NOM? (issue 891), it is
 * re-entered through `formulasLocal` as `MKT.` + the French name (toLocalFrenchForm), read in the
 * same batch as the formulas.
 *
 * Steps: read (sheets and their protection; the formula cells of each, found with
 * getSpecialCellsOrNullObject, formulas and values in one batch) → decide (pure: which cells,
 * what text) → write (one batch) → on a refused write, put every planned cell back as it was.
 * 4 syncs whatever the number of sheets or cells (+1 to undo a refused write). Only the formulas
 * of the cells decided are written: no value, format or other formula is touched; a protected
 * sheet is read, counted and left untouched.
 */
import { frenchNameOf } from '../../formula/function-names';
import { findMktCalls, renameCalls, toDottedForm } from '../../formula/mkt-calls';
import type { Language } from '../../rules/labels';
import { isFrenchDisplay } from './bind';
import { failureOf } from '../common/failures';
import { parseAddress, quoteSheetName, rangeAddress } from '../common/sheet-utils';
import type { ActionResult } from '../types';

// ---------------------------------------------------------------------------------------------
// Deciding (pure)

/** The error Excel shows for an unknown name (English and French Excel). */
const NAME_ERRORS = new Set(['#NAME?', '#NOM?']);

export type RepairNeed =
  | { kind: 'repair'; formula: string }
  /** An MKT call whose name MKT does not have: re-entering would not help. */
  | { kind: 'unknownFunction' }
  | { kind: 'none' };

/**
 * What a formula cell needs: re-entering (prefix removed, `MKT.` + English id) when it calls MKT
 * in a form Excel will not calculate — a prefixed form (`_xldudf_MKT_…`, `[1]!…`), which Excel
 * shows only for a call it did not bind, or the plain form whose value is #NAME?.
 * @example repairNeedOf('=[1]!_xldudf_MKT_ROI_RATIO(B2,C2)', '#NAME?') //=> { kind: 'repair', formula: '=MKT.ROI_RATIO(B2,C2)' }
 */
export function repairNeedOf(formula: unknown, value: unknown): RepairNeed {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return { kind: 'none' };
  const calls = findMktCalls(formula);
  if (calls.length === 0) return { kind: 'none' };
  // Any prefix (`_xldudf_`, `[1]!`, `_xludf.`) is text Excel shows only for a call it did not bind.
  const prefixed = calls.some((call) => call.form !== 'dotted' || !/^MKT\./i.test(call.written));
  const stuck = typeof value === 'string' && NAME_ERRORS.has(value.toUpperCase());
  if (!prefixed && !stuck) return { kind: 'none' };
  if (calls.some((call) => !call.known)) return { kind: 'unknownFunction' };
  return { kind: 'repair', formula: toDottedForm(formula) };
}

/** One area of formula cells as read: its address and its formulas and values, row by row. */
export interface FormulaArea {
  address: string;
  formulas: unknown[][];
  values: unknown[][];
  /**
   * Read under a French display language only: there Excel binds a custom function written
   * through `range.formulas` with its English name to nothing (#NOM?, office-js issue 891), so
   * the cells are re-entered through `formulasLocal`, with the French names.
   */
  formulasLocal?: unknown[][];
}

/**
 * A local formula with every MKT call as French Excel binds it: `MKT.` + the French name, any
 * prefix removed; everything else (French built-ins, separators) as the host rendered it.
 * @example toLocalFrenchForm('=SI(A1>0;[1]!_xldudf_MKT_ROI_BAND(A1);"")') //=> '=SI(A1>0;MKT.ZONE_ROI(A1);"")'
 */
export function toLocalFrenchForm(local: string): string {
  return renameCalls(local, findMktCalls(local), (call) => `MKT.${frenchNameOf(call.id)}`);
}

/** One write: a column run of cells to re-enter, with what they held, to undo a refused batch. */
export interface RepairWrite {
  /** Address on the sheet, without the sheet name: "B4:B9". */
  address: string;
  formulas: string[][];
  original: string[][];
  /** Written through `formulasLocal` (French display language), the originals too. */
  local?: boolean;
}

export interface SheetPlan {
  writes: RepairWrite[];
  /** Cells to re-enter. */
  cells: number;
  /** Cells calling a name MKT does not have (left as they are). */
  unknownFunction: number;
  /**
   * Legacy {=…} arrays of a spilling call (ALLOCATE saved over its range before MKT wrote real
   * spills, or ALLOCATE_MARGINAL entered with Ctrl+Shift+Enter): Excel refuses to change part of
   * one, so they are left for the user to re-enter.
   */
  legacyArrays: string[];
}

/** The MKT functions whose result spills down a column (COST_PATHS down three columns). */
const COLUMN_SPILLS: ReadonlySet<string> = new Set(['ALLOCATE', 'ALLOCATE_MARGINAL', 'COST_PATHS']);

/** A column run holding the same spilling call in every cell: a legacy {=…} array, not copies. */
function isLegacyArray(run: RepairWrite): boolean {
  if (run.original.length < 2 || run.original.some(([f]) => f !== run.original[0][0])) return false;
  const [outer] = findMktCalls(run.original[0][0]);
  return outer !== undefined && COLUMN_SPILLS.has(outer.id);
}

/** Which cells of a sheet's formula areas to re-enter, grouped in column runs (one write each). */
export function planSheetRepair(areas: readonly FormulaArea[]): SheetPlan {
  const plan: SheetPlan = { writes: [], cells: 0, unknownFunction: 0, legacyArrays: [] };
  for (const area of areas) {
    const parsed = parseAddress(area.address);
    if (!parsed) continue;
    const { row, column } = parsed.rect;
    const rows = area.formulas.length;
    const columns = area.formulas[0]?.length ?? 0;
    for (let c = 0; c < columns; c++) {
      let run: RepairWrite | undefined;
      let runStart = 0;
      const close = (done: RepairWrite) => {
        done.address = rangeAddress(row + runStart, column + c, done.formulas.length, 1);
        if (isLegacyArray(done)) plan.legacyArrays.push(done.address);
        else {
          plan.writes.push(done);
          plan.cells += done.formulas.length;
        }
        run = undefined;
      };
      for (let r = 0; r <= rows; r++) {
        const need = r < rows ? repairNeedOf(area.formulas[r][c], area.values[r]?.[c]) : ({ kind: 'none' } as const);
        if (need.kind === 'unknownFunction') plan.unknownFunction++;
        if (need.kind === 'repair') {
          const local = area.formulasLocal?.[r]?.[c];
          const viaLocal = typeof local === 'string' && local.startsWith('=');
          if (run && (run.local ?? false) !== viaLocal) close(run);
          if (!run) {
            run = { address: '', formulas: [], original: [], ...(viaLocal ? { local: true } : {}) };
            runStart = r;
          }
          run.formulas.push([viaLocal ? toLocalFrenchForm(local) : need.formula]);
          run.original.push([viaLocal ? local : String(area.formulas[r][c])]);
          continue;
        }
        if (run) close(run);
      }
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Result and words

export interface SheetRepair {
  sheet: string;
  /** Cells re-entered (or, on a protected sheet, that would need it). */
  cells: number;
}

export interface RepairReport {
  /** Sheets whose cells were re-entered, in workbook order. */
  repaired: SheetRepair[];
  /** Protected sheets with cells to repair, left untouched. */
  protectedSheets: SheetRepair[];
  /** Sheets with cells calling a name MKT does not have, left as they are. */
  unknownFunction: SheetRepair[];
  /** Legacy {=…} arrays left for the user to re-enter, as "Sheet!F16:F20". */
  legacyArrays: string[];
  /** Cells re-entered in all. */
  total: number;
  message: string;
}

const list = (sheets: readonly SheetRepair[], lang: Language) =>
  sheets.map((s) => (lang === 'fr' ? `« ${s.sheet} » (${s.cells})` : `"${s.sheet}" (${s.cells})`)).join(', ');

const WORDS = {
  fr: {
    title: 'Réparer les formules MKT',
    nothing: 'Aucune formule MKT à réparer : Excel les calcule toutes.',
    repaired: (n: number, sheets: string) => `${n} formule${n > 1 ? 's' : ''} MKT ressaisie${n > 1 ? 's' : ''} : ${sheets}.`,
    protectedSheets: (sheets: string) =>
      `Feuille(s) protégée(s), laissée(s) telle(s) quelle(s) : ${sheets}. Ôtez la protection (Révision › Ôter la protection de la feuille), puis relancez Réparer.`,
    unknownFunction: (sheets: string) =>
      `Non réparée(s), car la fonction n’existe pas dans MKT (#NOM? restera) : ${sheets}. Corrigez le nom de la fonction.`,
    legacyArrays: (ranges: string) =>
      `Ancienne formule matricielle {=…}, que Excel ne laisse pas modifier en partie, à ressaisir vous-même : ${ranges}. Sélectionnez la plage, appuyez sur Suppr, puis saisissez la formule dans sa première cellule.`,
    undone: 'Excel a refusé la ressaisie : rien n’a été modifié.',
    undoFailed: 'Excel a refusé la ressaisie et certaines cellules n’ont pas pu être remises : annulez avec Ctrl+Z.',
  },
  en: {
    title: 'Repair MKT formulas',
    nothing: 'No MKT formula to repair: Excel calculates them all.',
    repaired: (n: number, sheets: string) => `Re-entered ${n} MKT formula${n > 1 ? 's' : ''}: ${sheets}.`,
    protectedSheets: (sheets: string) =>
      `Protected sheet(s) left untouched: ${sheets}. Unprotect them (Review › Unprotect Sheet), then run Repair again.`,
    unknownFunction: (sheets: string) =>
      `Not repaired, because MKT has no such function (#NAME? stays): ${sheets}. Correct the function name.`,
    legacyArrays: (ranges: string) =>
      `Old {=…} array formula, which Excel does not let a part of be changed, to re-enter yourself: ${ranges}. Select the range, press Delete, then type the formula in its first cell.`,
    undone: 'Excel refused to re-enter the formulas: nothing was changed.',
    undoFailed: 'Excel refused to re-enter the formulas and some cells could not be put back: undo with Ctrl+Z.',
  },
} as const;

export const REPAIR_TITLE: Record<Language, string> = { fr: WORDS.fr.title, en: WORDS.en.title };

const HINT: Record<Language, string> = {
  fr: 'Excel n’a pas relié cette formule à MKT (saisie quand MKT n’était pas chargé, ou enregistrée à travers un autre complément) : elle affiche #NOM? tant qu’elle n’est pas ressaisie. Utilisez l’étape Réparer.',
  en: 'Excel has not bound this formula to MKT (typed while MKT was not loaded, or saved through another add-in): it shows #NAME? until it is re-entered. Use the Repair step.',
};

/** The line explain adds for a cell Repair would re-enter; undefined for any other cell. */
export function repairHintFor(formula: unknown, value: unknown, lang: Language): string | undefined {
  return repairNeedOf(formula, value).kind === 'repair' ? HINT[lang] : undefined;
}

/** The result's sentence: what was repaired where, and what was not and why. */
export function repairMessage(report: Omit<RepairReport, 'message'>, lang: Language): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (report.total > 0) parts.push(w.repaired(report.total, list(report.repaired, lang)));
  if (report.protectedSheets.length) parts.push(w.protectedSheets(list(report.protectedSheets, lang)));
  if (report.unknownFunction.length) parts.push(w.unknownFunction(list(report.unknownFunction, lang)));
  if (report.legacyArrays.length) parts.push(w.legacyArrays(report.legacyArrays.join(', ')));
  return parts.length ? parts.join(' ') : w.nothing;
}

// ---------------------------------------------------------------------------------------------
// The action

function nothingToRepair(lang: Language): RepairReport {
  const report = { repaired: [], protectedSheets: [], unknownFunction: [], legacyArrays: [], total: 0 };
  return { ...report, message: repairMessage(report, lang) };
}

/** Writes a run through `formulas`, or `formulasLocal` when it was planned from the local formulas. */
function setFormulas(range: Excel.Range, write: RepairWrite, formulas: string[][]): void {
  if (write.local) range.formulasLocal = formulas;
  else range.formulas = formulas;
}

class RefusedWrite extends Error {
  constructor(
    readonly cause: unknown,
    readonly undone: boolean,
  ) {
    super('refused');
  }
}

/**
 * Re-enters every MKT formula of the workbook that Excel will not calculate. 4 syncs whatever the
 * number of sheets and cells; a refused write is undone (+1 sync) and reported as an error.
 */
export async function repairMktFormulas(lang: Language): Promise<ActionResult<RepairReport>> {
  try {
    return await Excel.run(async (context): Promise<ActionResult<RepairReport>> => {
      // Read: the sheets and their protection.
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/protection/protected');
      await context.sync(); // 1
      const sheets = worksheets.items.map((sheet) => ({
        sheet,
        name: sheet.name,
        isProtected: sheet.protection.protected,
        formulas: sheet.getRange().getSpecialCellsOrNullObject('Formulas') // Excel.SpecialCellType.formulas,
      }));
      for (const s of sheets) s.formulas.load('isNullObject');
      await context.sync(); // 2
      const withFormulas = sheets.filter((s) => !s.formulas.isNullObject);
      if (withFormulas.length === 0) return { status: 'ok', value: nothingToRepair(lang) };
      const french = isFrenchDisplay();
      for (const s of withFormulas) s.formulas.areas.load(french ? 'address,formulas,values,formulasLocal' : 'address,formulas,values');
      await context.sync(); // 3

      // Decide.
      const plans = withFormulas.map((s) => ({
        ...s,
        plan: planSheetRepair(
          s.formulas.areas.items.map((a) => ({
            address: a.address,
            formulas: a.formulas,
            values: a.values,
            ...(french ? { formulasLocal: a.formulasLocal } : {}),
          })),
        ),
      }));
      const toWrite = plans.filter((p) => !p.isProtected && p.plan.cells > 0);
      const report: Omit<RepairReport, 'message'> = {
        repaired: toWrite.map((p) => ({ sheet: p.name, cells: p.plan.cells })),
        protectedSheets: plans.filter((p) => p.isProtected && p.plan.cells > 0).map((p) => ({ sheet: p.name, cells: p.plan.cells })),
        unknownFunction: plans.filter((p) => p.plan.unknownFunction > 0).map((p) => ({ sheet: p.name, cells: p.plan.unknownFunction })),
        legacyArrays: plans.filter((p) => !p.isProtected).flatMap((p) => p.plan.legacyArrays.map((a) => `${quoteSheetName(p.name)}!${a}`)),
        total: toWrite.reduce((n, p) => n + p.plan.cells, 0),
      };
      if (toWrite.length === 0) return { status: 'ok', value: { ...report, message: repairMessage(report, lang) } };

      // Write: formulas only, the planned cells only, in one batch.
      for (const p of toWrite) for (const w of p.plan.writes) setFormulas(p.sheet.getRange(w.address), w, w.formulas);
      try {
        await context.sync(); // 4
      } catch (error) {
        // Excel applies a batch up to the operation it refuses: put back every planned cell.
        for (const p of toWrite) for (const w of p.plan.writes) setFormulas(p.sheet.getRange(w.address), w, w.original);
        let undone = true;
        try {
          await context.sync();
        } catch {
          undone = false;
        }
        throw new RefusedWrite(error, undone);
      }
      return { status: 'ok', value: { ...report, message: repairMessage(report, lang) } };
    });
  } catch (error) {
    if (error instanceof RefusedWrite) {
      const base = failureOf<RepairReport>(lang, error.cause);
      if (base.status !== 'error') return base;
      return { ...base, message: `${base.message} ${error.undone ? WORDS[lang].undone : WORDS[lang].undoFailed}` };
    }
    return failureOf(lang, error);
  }
}
