/**
 * "Retirer ce que MKT a écrit": removes the sheets and names the pane wrote, and nothing else.
 *
 * What is MKT's comes from the write registry (common/registry.ts): a sheet holding an `MKT_SHEET_*`
 * record, and the `MKT_`-prefixed workbook names that point into such a sheet (or are records
 * left at #REF!). A user's own content is never removed:
 * - a sheet where the user typed something outside the cells the pane recorded (a note, the
 *   pilot's actuals), or that a name of the user's points into, is kept: only the pane's cells
 *   are cleared and its charts (`MKT_*`) deleted;
 * - a name without the `MKT_` prefix is never deleted, nor an `MKT_` name pointing elsewhere.
 *
 * One `Excel.run`: sync 1 reads sheets and names; a first call (not confirmed) stops there with
 * `needsConfirmation` listing the sheets; a confirmed call reads the used ranges, the cells of
 * the gaps between the pane's areas and the charts (sync 2), then deletes (sync 3).
 */
import type { Language } from '../../rules/labels';
import { fail, failureOf } from '../common/failures';
import { REGISTRY_PREFIX, parseRecordFormula, readRegistry, type RegistryEntry } from '../common/registry';
import { intersects, parseAddress, rangeAddress, type Rect, subtractRects } from '../common/sheet-utils';
import { CONFIRM_REMOVE } from '../words/write';
import type { ActionResult, WriteOptions } from '../types';
import { readWorkbook } from './decide';
import { type WorkbookState } from './spec';

export interface RemovalPlan {
  /** Sheets deleted whole: everything on them is the pane's. */
  deleteSheets: string[];
  /** Sheets kept, where only the pane's cells are cleared. */
  clearSheets: Array<{ sheet: string; areas: Rect[] }>;
  /** Workbook names deleted. */
  deleteNames: string[];
}

export interface RemovalReport extends RemovalPlan {}

/** What a sheet holds besides the pane's cells, as read in sync 2. */
export interface SheetContent {
  /** True when a non-empty cell lies outside the pane's recorded areas. */
  userCells: boolean;
}

const isMktName = (name: string) => name.toUpperCase().startsWith('MKT_');

/** The pane's sheets, from the registry: sheet name → its recorded areas (all records on it). Pure. */
export function mktSheets(state: WorkbookState): Map<string, Rect[] | undefined> {
  const registry: Record<string, RegistryEntry> = readRegistry(state.names, state.sheets);
  const out = new Map<string, Rect[] | undefined>();
  for (const entry of Object.values(registry)) {
    const prior = out.get(entry.sheet);
    // The oldest record form knows no cells: none is then taken to be the pane's.
    if (!entry.areas || (out.has(entry.sheet) && prior === undefined)) out.set(entry.sheet, undefined);
    else out.set(entry.sheet, [...(prior ?? []), ...entry.areas]);
  }
  return out;
}

function sheetOfName(formula: string): string | undefined {
  return parseRecordFormula(formula)?.sheet;
}

/**
 * What to remove, given the pane's sheets and what each holds besides the pane's cells. Pure.
 * @param content per pane sheet, whether the user wrote there (read in sync 2)
 */
export function planRemoval(state: WorkbookState, content: ReadonlyMap<string, SheetContent>): RemovalPlan {
  const sheets = mktSheets(state);
  const lower = new Map([...sheets.keys()].map((s) => [s.toLowerCase(), s]));
  const deleteNames: string[] = [];
  const userNamedSheets = new Set<string>();
  for (const n of state.names) {
    const formula = String(n.formula ?? '');
    const target = sheetOfName(formula);
    const sheet = target === undefined ? undefined : lower.get(target.toLowerCase());
    if (isMktName(n.name)) {
      if (sheet !== undefined) deleteNames.push(n.name);
      else if (n.name.toUpperCase().startsWith(REGISTRY_PREFIX) && /#REF!/i.test(formula)) deleteNames.push(n.name);
    } else if (sheet !== undefined) {
      userNamedSheets.add(sheet);
    }
  }
  const deleteSheets: string[] = [];
  const clearSheets: RemovalPlan['clearSheets'] = [];
  for (const [sheet, areas] of sheets) {
    if (!areas) continue; // cells not known: nothing on it is taken to be the pane's
    const keep = content.get(sheet)?.userCells !== false || userNamedSheets.has(sheet);
    if (keep) clearSheets.push({ sheet, areas });
    else deleteSheets.push(sheet);
  }
  return { deleteSheets, clearSheets, deleteNames };
}

/** The parts of a used range outside the pane's areas. Pure. */
export function gapsOf(used: Rect, areas: readonly Rect[]): Rect[] {
  return subtractRects([used], areas.filter((a) => intersects(a, used)));
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** Removes what the pane wrote; asks first (`needsConfirmation`) unless `{ replace: true }`. */
export async function removeMktWrites(lang: Language, options: WriteOptions = {}): Promise<ActionResult<RemovalReport>> {
  try {
    return await Excel.run(async (ctx): Promise<ActionResult<RemovalReport>> => {
      const state = await readWorkbook(ctx); // 1
      const sheets = mktSheets(state);
      const known = [...sheets.entries()].filter(([, areas]) => areas !== undefined).map(([s]) => s);
      const names = state.names.filter((n) => isMktName(n.name));
      if (known.length === 0 && names.length === 0) return { status: 'ok', value: { deleteSheets: [], clearSheets: [], deleteNames: [] } };
      if (!options.replace) return { status: 'needsConfirmation', sheets: known, message: CONFIRM_REMOVE[lang](known) };
      if (state.structureProtected) return fail(lang, 'workbookProtected');
      const locked = state.sheets.find((s) => s.protected && known.includes(s.name));
      if (locked) return fail(lang, 'protected', { sheet: locked.name });

      // 2: what each pane sheet holds outside the pane's cells, and its charts.
      const reads = known.map((sheet) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address,isNullObject');
        ws.charts.load('items/name');
        return { sheet, ws, used };
      });
      await ctx.sync();
      const gapReads = reads.flatMap(({ sheet, ws, used }) => {
        if (used.isNullObject) return [];
        const rect = parseAddress(used.address)?.rect;
        if (!rect) return [];
        return gapsOf(rect, sheets.get(sheet)!).map((gap) => {
          const range = ws.getRange(rangeAddress(gap.row, gap.column, gap.rows, gap.columns));
          range.load('formulas');
          return { sheet, range };
        });
      });
      if (gapReads.length > 0) await ctx.sync();
      const content = new Map<string, { userCells: boolean }>(known.map((s) => [s, { userCells: false }]));
      for (const { sheet, range } of gapReads) if (range.formulas.some((row) => row.some((v) => !isBlank(v)))) content.get(sheet)!.userCells = true;
      const plan = planRemoval(state, content);

      // 3: names first (they would turn #REF!), then cells and charts of kept sheets, then sheets.
      for (const name of plan.deleteNames) ctx.workbook.names.getItem(name).delete();
      for (const { sheet, areas } of plan.clearSheets) {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        for (const a of areas) ws.getRange(rangeAddress(a.row, a.column, a.rows, a.columns)).clear('Contents');
        const charts = reads.find((r) => r.sheet === sheet)!.ws.charts.items;
        for (const c of charts) if (isMktName(c.name)) ws.charts.getItem(c.name).delete();
      }
      for (const sheet of plan.deleteSheets) ctx.workbook.worksheets.getItem(sheet).delete();
      await ctx.sync();
      return { status: 'ok', value: plan };
    });
  } catch (error) {
    return failureOf(lang, error);
  }
}
