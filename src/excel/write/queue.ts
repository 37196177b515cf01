/** The pipeline's write: the whole batch queued (no sync), committed (undone on a refusal), then the bind check. */
import { RECORD_COMMENT, staleRecordNames } from '../common/registry';
import { PERCENT_FORMAT, rangeAddress, TEXT_FORMAT } from '../common/sheet-utils';
import { thresholdRepairPlan } from '../sheets/assumptions';
import { GROSS_MARGIN_NAME } from '../sheets/margin-assumption';
import { thresholdCells } from '../sheets/thresholds';
import { queuePlan } from './apply';
import { BindCheck, queueBindCheck, queueRebind } from '../repair/bind';
import { nameWritesOf } from './plan';
import type { Decision, WorkbookState, WritePlan, WriteSpec } from './spec';

export interface QueuedWrite {
  /** Name formulas before the write, by upper-case name. */
  before: Map<string, string>;
  /** Names this write adds, re-points or deletes. */
  touched: Set<string>;
  created: string[];
  reused: string[];
  profileCell?: Excel.Range;
  profileValue: string;
  bind: BindCheck;
}

/**
 * Queues the whole write (no sync): cells, formats and charts first, then the workbook names, so a
 * refusal on the way leaves every name as it was. A name is never deleted but a record's area
 * names the new record no longer needs; an existing name is re-pointed (its formula set), a
 * missing one added; on a refusal `undoWrite` puts them back. Then MKT_PROFILE, the pane's own
 * cell, set to the profile chosen in the pane (read first in the same batch, to tell the user when
 * that changes it), and the first sheet activated.
 */
export function queueWrite(ctx: Excel.RequestContext, spec: WriteSpec, state: WorkbookState, decision: Decision, planned: WritePlan, onSheet: (sheet: string) => void): QueuedWrite {
  const { workbook, application } = ctx;
  const { worksheets, names } = workbook;
  application.suspendApiCalculationUntilNextSync();
  if (screenUpdatingSupported()) application.suspendScreenUpdatingUntilNextSync();
  const before = new Map(state.names.map((n) => [n.name.toUpperCase(), n.formula]));
  const created: string[] = [];
  for (const target of planned.targets) {
    onSheet(target.sheet);
    const sheet = target.create ? worksheets.add(target.sheet) : worksheets.getItem(target.sheet);
    if (target.create) created.push(target.sheet);
    if (target.previous) {
      for (const r of target.previous) {
        const old = sheet.getRange(rangeAddress(r.row, r.column, r.rows, r.columns));
        old.conditionalFormats.clearAll();
        old.clear('All');
      }
      for (const chart of planned.chartNames) sheet.charts.getItem(chart).delete();
    }
    for (const p of target.plans) queuePlan(sheet, p);
  }
  const assumptionsSheet = decision.thresholds.assumptionsEntry?.sheet;
  if (planned.repairs.length > 0) {
    queuePlan(worksheets.getItem(assumptionsSheet!), thresholdRepairPlan(spec.profile, planned.repairs.filter((r) => r.fill)));
  }
  const nameWrites = nameWritesOf(planned, assumptionsSheet);
  const touched = new Set(nameWrites.map((n) => n.name.toUpperCase()));
  for (const n of nameWrites) {
    const item = before.has(n.name.toUpperCase()) ? names.getItem(n.name) : names.add(n.name, n.formula, n.comment);
    if (before.has(n.name.toUpperCase())) item.formula = n.formula;
    if (n.hidden) item.visible = false;
  }
  for (const t of planned.targets) {
    for (const r of t.registry) {
      for (const stale of staleRecordNames(r.name, r.areas.length, state.names)) {
        touched.add(stale.toUpperCase());
        names.getItem(stale).delete();
      }
    }
  }
  const profileValue = String(thresholdCells(spec.profile.budgetProfile ?? 'standard').find((c) => c.name === 'MKT_PROFILE')!.value);
  const profileFormula = before.get('MKT_PROFILE');
  let profileCell: Excel.Range | undefined;
  if ((profileFormula !== undefined && !/#REF!/i.test(profileFormula)) || planned.repairs.some((r) => r.name === 'MKT_PROFILE')) {
    profileCell = names.getItem('MKT_PROFILE').getRange();
    profileCell.load('values');
    profileCell.numberFormat = [[TEXT_FORMAT]];
    profileCell.values = [[profileValue]];
  }
  if (planned.margin?.how === 'set' && !planned.margin.keptUser) {
    const marginCell = names.getItem(GROSS_MARGIN_NAME).getRange();
    marginCell.numberFormat = [[PERCENT_FORMAT]];
    marginCell.formulas = [[planned.margin.data]];
  }
  const first = worksheets.getItem(planned.main.sheet);
  first.activate();
  first.getRange(planned.main.plans[0].anchor).select();
  const reused = planned.targets.filter((t) => !t.create).map((t) => t.sheet);
  onSheet(reused[0] ?? planned.main.sheet);
  const bind = queueBindCheck(ctx, planned.targets.map((t) => ({ sheet: t.sheet, plans: t.plans })));
  return { before, touched, created, reused, profileCell, profileValue, bind };
}

/** Syncs the queued batch; on a refusal, undoes what it can and throws a PartialWriteError. */
export async function commitWrite(ctx: Excel.RequestContext, queued: QueuedWrite): Promise<void> {
  try {
    await ctx.sync();
  } catch (error) {
    const undone = await undoWrite(ctx, queued.before, queued.touched, queued.created);
    throw new PartialWriteError(error, queued.reused, undone ? [] : [...queued.created, ...queued.reused]);
  }
}

/**
 * After the write: the MKT cells it wrote must be bound. Under a French display language, Excel
 * leaves an English custom-function name written through `range.formulas` unbound, at #NAME?, and
 * shows the formula with that English name (office-js issue 891). The write batch read back the
 * MKT cells' `formulasLocal` and values (no extra sync); cells found unbound are rewritten through
 * `formulasLocal` with the French names, and the rows filled from them filled again: + 1 sync, only
 * then. A refusal here leaves the cells as written (the write itself is done, never undone) and
 * the result's message says what to do.
 */
export async function verifyBinding(ctx: Excel.RequestContext, queued: QueuedWrite): Promise<{ rewritten: number; failed: boolean }> {
  let rewritten = 0;
  try {
    rewritten = queueRebind(ctx, queued.bind);
    if (rewritten > 0) await ctx.sync();
    return { rewritten, failed: false };
  } catch {
    return { rewritten, failed: true };
  }
}

/** A write batch Excel refused half-way; what could not be put back. */
export class PartialWriteError extends Error {
  constructor(
    readonly cause: unknown,
    /** Existing sheets of the pane the batch had started to rewrite: their cells cannot be restored. */
    readonly rewritten: string[],
    /** Set when the undo itself was refused: the sheets to check. */
    readonly notUndone: string[],
  ) {
    super('partial write');
  }
}

/**
 * After a refused batch (2 syncs, whatever the size): names this run added are deleted, names it
 * re-pointed or deleted get their former reference back, sheets this run added are removed. Cells
 * cleared on a sheet being replaced cannot be restored (that would mean reading them all first):
 * the message says so. Returns false when Excel refused the undo too.
 */
export async function undoWrite(ctx: Excel.RequestContext, before: ReadonlyMap<string, string>, touched: ReadonlySet<string>, created: readonly string[]): Promise<boolean> {
  try {
    const names = ctx.workbook.names;
    names.load('items/name,items/formula');
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const present = new Set<string>();
    for (const n of names.items) {
      const key = n.name.toUpperCase();
      present.add(key);
      if (!touched.has(key)) continue;
      const old = before.get(key);
      if (old === undefined) n.delete();
      else if (n.formula !== old && !/#REF!/i.test(old)) n.formula = old;
    }
    // A stale record area this run deleted: added back (one area, no separator involved).
    for (const key of touched) {
      const old = before.get(key);
      if (!present.has(key) && old !== undefined && !/#REF!/i.test(old)) names.add(key, old, RECORD_COMMENT).visible = false;
    }
    const added = new Set(created.map((c) => c.toLowerCase()));
    for (const s of sheets.items) if (added.has(s.name.toLowerCase())) s.delete();
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}

function screenUpdatingSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported?.('ExcelApi', '1.9') ?? true;
  } catch {
    return true;
  }
}
