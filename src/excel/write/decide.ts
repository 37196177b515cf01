/** The pipeline's first steps: what the workbook holds (sync 1), whether to go on (pure), what a reused sheet holds (sync 2). */
import { fail } from '../common/failures';
import { readRegistry, registryName } from '../common/registry';
import { rangeAddress, subtractRects } from '../common/sheet-utils';
import { GROSS_MARGIN_NAME } from '../sheets/margin-assumption';
import { writtenAreas } from '../sheets/plan';
import { keptThreshold, THRESHOLD_NAMES } from '../sheets/thresholds';
import { CONFIRM_REPLACE } from '../words/write';
import type { ActionResult, WriteOptions, WrittenSheet } from '../types';
import type { Decision, Inspection, NameItem, WorkbookState, WriteSpec } from './spec';

/** Sync 1: the workbook's sheets, names and structure protection. */
export async function readWorkbook(ctx: Excel.RequestContext): Promise<WorkbookState> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const names = ctx.workbook.names;
  names.load('items/name,items/formula');
  const protection = ctx.workbook.protection;
  protection.load('protected');
  await ctx.sync();
  return {
    sheets: worksheets.items.map((s) => ({ name: s.name, protected: s.protection.protected })),
    names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
    structureProtected: protection.protected,
  };
}

/** The threshold names that exist and point at a cell (not #REF!). Pure. */
export function validThresholds(names: ReadonlyArray<NameItem>): Set<string> {
  const valid = new Set(names.filter((n) => !/#REF!/i.test(String(n.formula ?? ''))).map((n) => n.name.toUpperCase()));
  return new Set(THRESHOLD_NAMES.filter((n) => valid.has(n)));
}

/** True when every threshold name exists and points at a cell (not #REF!). Pure. */
export function thresholdsInPlace(names: ReadonlyArray<NameItem>): boolean {
  return validThresholds(names).size === THRESHOLD_NAMES.length;
}

/**
 * What the record says and whether to go on: `needsConfirmation` on a re-run not yet confirmed, an
 * error on a protected pane sheet. Pure.
 */
export function decide(spec: WriteSpec, state: WorkbookState, options: WriteOptions): Decision | ActionResult<WrittenSheet> {
  const { kind, lang } = spec;
  const registry = readRegistry(state.names, state.sheets);
  const existing = registry[registryName(kind)];
  const asks = spec.transfer ? registry[registryName('transfer')] !== undefined : true;
  if (existing && asks && !options.replace) {
    return { status: 'needsConfirmation', sheets: [existing.sheet], message: CONFIRM_REPLACE[lang]([existing.sheet]) };
  }
  if (existing && state.sheets.find((s) => s.name === existing.sheet)?.protected) {
    return fail(lang, 'protected', { sheet: existing.sheet });
  }
  // Threshold names an accountant may have broken (deleted, #REF!): only those are re-created, on
  // the existing assumptions sheet when their cell is still there, keeping its value.
  const valid = validThresholds(state.names);
  const assumptionsEntry = registry[registryName('assumptions')];
  const broken = THRESHOLD_NAMES.filter((n) => !valid.has(n));
  const repair = broken.length > 0 && (valid.size > 0 || assumptionsEntry !== undefined);
  const marginValid = state.names.some((n) => n.name.toUpperCase() === GROSS_MARGIN_NAME && !/#REF!/i.test(String(n.formula ?? '')));
  const names = new Set(state.names.filter((n) => !/#REF!/i.test(String(n.formula ?? ''))).map((n) => n.name.toUpperCase()));
  return { registry, existing, thresholds: { valid, broken, assumptionsEntry, repair, marginValid }, names };
}

/**
 * Sync 2, only when a sheet of the pane is reused or a threshold name is repaired: is there user
 * content where we would write, which charts are the pane's, what the thresholds hold.
 *
 * A re-run never destroys a user's cell. The record holds exactly the cells the pane wrote (not
 * the rectangle around them), so a note typed in a gap of the block is never cleared; only the
 * recorded cells are. Where the new plan writes a cell the pane did not write before, that cell
 * must be empty, else the whole write goes to a new sheet. The check is one
 * getUsedRangeOrNullObject per rectangle of (new cells − recorded cells): a number that depends on
 * the plan's shape, never on the number of rows.
 */
export async function inspect(ctx: Excel.RequestContext, spec: WriteSpec, decision: Decision): Promise<Inspection> {
  const { existing, registry, thresholds } = decision;
  const out: Inspection = { current: {}, reuse: existing, previous: [], chartNames: [], block: [] };
  // The margin cell (kept when the accountant set it by a formula) or the room below the block for it.
  const marginRead = spec.margin !== undefined && (thresholds.marginValid || thresholds.assumptionsEntry !== undefined);
  if (!existing && !thresholds.repair && !marginRead) return out;
  const worksheets = ctx.workbook.worksheets;
  const draft = spec.build({}, decision.names);
  let used: Excel.Range[] = [];
  let charts: Excel.ChartCollection | undefined;
  if (existing) {
    const sheet = worksheets.getItem(existing.sheet);
    const transferEntry = spec.transfer ? registry[registryName('transfer')] : undefined;
    // The oldest record (one rectangle) does not say which cells were the pane's: assume none.
    const known = existing.areas !== undefined && (!transferEntry || transferEntry.areas !== undefined);
    out.previous = known ? [...existing.areas!, ...(transferEntry?.areas ?? [])] : [];
    const fresh = subtractRects(draft.flatMap(writtenAreas), out.previous);
    used = fresh.map((r) => {
      const u = sheet.getRange(rangeAddress(r.row, r.column, r.rows, r.columns)).getUsedRangeOrNullObject(true);
      u.load('address');
      return u;
    });
    charts = sheet.charts;
    charts.load('items/name');
  }
  const cells = [...thresholds.valid, ...(thresholds.marginValid ? [GROSS_MARGIN_NAME] : [])].map((n) => {
    const r = ctx.workbook.names.getItem(n).getRange();
    // With the formulas, in the same sync: a threshold the accountant set by a formula keeps its formula.
    r.load('values,formulas');
    return [n, r] as const;
  });
  const a = thresholds.assumptionsEntry?.rect;
  const blockRange = a && thresholds.broken.length > 0 ? worksheets.getItem(thresholds.assumptionsEntry!.sheet).getRange(rangeAddress(a.row, a.column, a.rows, 2)) : undefined;
  blockRange?.load('values,formulas');
  const below = a && spec.margin !== undefined && !thresholds.marginValid ? worksheets.getItem(thresholds.assumptionsEntry!.sheet).getRange(rangeAddress(a.row + a.rows, a.column, 1, 4)).getUsedRangeOrNullObject(true) : undefined;
  below?.load('address');
  await ctx.sync();
  if (below) out.belowEmpty = below.isNullObject;
  if (blockRange && a) {
    out.block = blockRange.values.map((row, i) => ({
      name: String(row[0] ?? '').trim().toUpperCase(),
      value: keptThreshold(row[1], blockRange.formulas[i][1]) ?? row[1],
      row: a.row + i,
      column: a.column + 1,
    }));
  }
  // MKT_PROFILE is the pane's choice and is compared as text; every other threshold is kept as written.
  out.current = Object.fromEntries(
    cells.map(([n, r]) => [n, n === 'MKT_PROFILE' ? r.values[0][0] : (keptThreshold(r.values[0][0], r.formulas[0][0]) ?? r.values[0][0])]),
  );
  for (const n of thresholds.broken) {
    const cell = out.block.find((b) => b.name === n);
    if (cell && !isEmptyValue(cell.value)) out.current[n] = cell.value;
  }
  if (charts) {
    const ours = new Set(draft.flatMap((p) => p.charts.map((c) => c.name)));
    out.chartNames = charts.items.map((c) => c.name).filter((n) => ours.has(n));
  }
  if (used.some((u) => !u.isNullObject)) {
    // The user wrote where we would write: their cells stay. Write to a new sheet.
    out.reuse = undefined;
    out.previous = [];
    out.chartNames = [];
  }
  return out;
}

export const isEmptyValue = (v: unknown) => v === '' || v === null || v === undefined;
