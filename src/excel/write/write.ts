/**
 * The write pipeline every write action runs, as named steps inside one `Excel.run`:
 *
 * | step            | what                                                              | syncs            |
 * |-----------------|-------------------------------------------------------------------|------------------|
 * | `readWorkbook`  | sheets, names, protection                                         | 1                |
 * | `decide`        | the pane's record, ask first, protected, which thresholds broke   | 0 (pure)         |
 * | `inspect`       | reused sheet: user cells where we would write, charts; thresholds' values and formulas; the gross margin's cell or the row for it | 1, only when a pane sheet is reused, a threshold name is repaired or MKT_GROSS_MARGIN is set on an existing assumptions sheet |
 * | `plan`          | the sheets to write, name repairs, pre-checks (picks, size)        | 0 (pure)         |
 * | `queueWrite` + `commitWrite` | one batch: cells, charts, then the names, MKT_PROFILE, MKT_GROSS_MARGIN | 1 (+ 2 to undo a refused batch) |
 * | `verifyBinding` | MKT cells left unbound (French display, issue 891) rewritten      | 0, + 1 when a cell is rewritten |
 *
 * No step's request grows with the number of rows. A new sheet kind needs only its plan builder
 * and a `WriteSpec` (see the write actions in actions.ts).
 */
import type { Language } from '../../rules/labels';
import { estimatePlanBytes, queuePlan } from './apply';
import { BindCheck, queueBindCheck, queueRebind } from './bind';
import { fail, failureOf } from '../common/failures';
import { GROSS_MARGIN_NAME, MARGIN_ADDED, MARGIN_CHANGED, MARGIN_KEPT, marginCellData, marginRowPlan } from '../sheets/margin-assumption';
import { assumptionsPlan, thresholdRepairPlan } from '../sheets/assumptions';
import { CellData, inputFormula, PlanInputError, SheetPlan, writtenAreas } from '../sheets/plan';
import { registryName, areaFormula, readRegistry, RECORD_COMMENT, RecordName, recordNames, RegistryEntry, SheetInfo, staleRecordNames } from '../common/registry';
import { CONFIRM_REPLACE, NOT_BOUND, NOT_UNDONE, PARTIAL_REPLACE, PROFILE_CHANGED, stripNothingChanged } from '../words/write';
import { SheetKind, SHEET_NAMES } from '../words/sheets';
import { intersects, parseAddress, PERCENT_FORMAT, quoteSheetName, rangeAddress, Rect, subtractRects, TEXT_FORMAT, uniqueSheetName } from '../common/sheet-utils';
import { isKeptFormula, keptThreshold, KeptThreshold, THRESHOLD_NAMES, thresholdCells } from '../sheets/thresholds';
import type { ActionResult, InputCell, WorkbookProfile, WriteOptions, WrittenSheet } from '../types';

/** Excel on the web refuses requests over 5 MB; we stay under 4.5 MB. */
export const PAYLOAD_BUDGET = 4.5 * 1024 * 1024;

export interface WriteSpec {
  kind: SheetKind;
  lang: Language;
  profile: WorkbookProfile;
  /**
   * Builds the plans for the target sheet; `current` holds threshold values already in the
   * workbook, `names` the workbook names that point at a cell (upper case).
   */
  build: (current: Record<string, unknown>, names: ReadonlySet<string>) => SheetPlan[];
  /** The transfer block lives on the assumptions sheet and is recorded under its own name. */
  transfer?: boolean;
  /** The gross margin entered in the pane: MKT_GROSS_MARGIN is set to it (marginal Arbitrage). */
  margin?: InputCell;
}

type NameItem = { name: string; formula: string };

/** What sync 1 reads. */
export interface WorkbookState {
  sheets: SheetInfo[];
  names: NameItem[];
  structureProtected: boolean;
}

/** The threshold names an accountant may have broken, and where the assumptions block is. */
interface ThresholdState {
  valid: Set<string>;
  broken: string[];
  assumptionsEntry?: RegistryEntry;
  /** A broken name is re-created from the existing block (needs its values: read in `inspect`). */
  repair: boolean;
  /** MKT_GROSS_MARGIN exists and points at a cell. */
  marginValid: boolean;
}

export interface Decision {
  registry: Record<string, RegistryEntry>;
  /** The pane's earlier sheet of this kind. */
  existing?: RegistryEntry;
  thresholds: ThresholdState;
  /** The workbook names that point at a cell (not #REF!), upper case. */
  names: ReadonlySet<string>;
}

export interface Inspection {
  current: Record<string, unknown>;
  /** The pane's earlier sheet, reused (undefined: a new sheet is written). */
  reuse?: RegistryEntry;
  /** Cells the pane wrote on the reused sheet, cleared before writing. */
  previous: Rect[];
  /** The pane's charts on the reused sheet (exact names), deleted before writing. */
  chartNames: string[];
  /** The assumptions block's rows: name, value and the value cell. */
  block: Array<{ name: string; value: unknown; row: number; column: number }>;
  /** The row just below the assumptions block is empty (MKT_GROSS_MARGIN can be added there). */
  belowEmpty?: boolean;
}

export interface Target {
  kind: SheetKind;
  /** Records to (re)write for this sheet, with the cells each holds. */
  registry: Array<{ name: string; areas: Rect[] }>;
  plans: SheetPlan[];
  /** The sheet's name, existing or to create. */
  sheet: string;
  create: boolean;
  /** Cells the pane wrote on an earlier run, cleared before writing (only when reusing). */
  previous?: Rect[];
}

export interface Repair {
  name: string;
  row: number;
  column: number;
  /** Its cell is empty: the default is written into it. */
  fill: boolean;
}

export interface WritePlan {
  targets: Target[];
  main: Target;
  repairs: Repair[];
  chartNames: string[];
  current: Record<string, unknown>;
  /** How MKT_GROSS_MARGIN is set: its cell (existing, rewritten in the batch) or a row added. */
  margin?: MarginWrite;
}

export interface MarginWrite {
  /** `set`: the existing named cell; `row`: a row added to the assumptions sheet (a target); `sheet`: on a new assumptions sheet. */
  how: 'set' | 'row' | 'sheet';
  data: CellData;
  /** What the cell held before (undefined: nothing). */
  before?: unknown;
  /** The accountant's formula or text, kept instead of the pane's margin. */
  keptUser: boolean;
  sheet?: string;
}

// ---------------------------------------------------------------------------------------------
// Steps

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

const isEmptyValue = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * The sheets to write and the names to repair, then the pre-checks that refuse before anything is
 * queued: a picked reference on a missing sheet or inside the block (circular), a new sheet in a
 * protected workbook, a batch over the size budget. Pure.
 */
export function plan(spec: WriteSpec, state: WorkbookState, decision: Decision, inspection: Inspection): WritePlan | ActionResult<WrittenSheet> {
  const { kind, lang, profile } = spec;
  const { current, reuse, previous, block } = inspection;
  const { broken, assumptionsEntry } = decision.thresholds;
  const taken = state.sheets.map((s) => s.name);
  const plans = spec.build(current, decision.names);
  const main: Target = {
    kind,
    registry: [],
    plans,
    sheet: reuse ? reuse.sheet : uniqueSheetName(SHEET_NAMES[kind][lang], taken),
    create: !reuse,
    previous: reuse ? previous : undefined,
  };
  if (main.create) taken.push(main.sheet);
  const targets: Target[] = [main];

  // The assumptions sheet: every formula reads its names, so any write makes sure they exist. A
  // broken name whose row is still on the assumptions sheet is re-pointed there (its value kept,
  // or the default written into its empty cell); only when a row is gone is a new assumptions
  // sheet written (with every value still readable kept).
  const repairs: Repair[] = [];
  const assumptionsKey = registryName('assumptions');
  if (kind === 'assumptions') {
    main.registry.push({ name: assumptionsKey, areas: writtenAreas(plans[0]) });
    if (plans.length > 1) main.registry.push({ name: registryName('transfer'), areas: writtenAreas(plans[1]) });
  } else {
    main.registry.push({ name: registryName(kind), areas: plans.flatMap(writtenAreas) });
    const rows = broken.map((n) => block.find((b) => b.name === n));
    if (broken.length > 0 && assumptionsEntry && rows.every((r) => r !== undefined)) {
      broken.forEach((name, i) => {
        const { row, column, value } = rows[i]!;
        repairs.push({ name, row, column, fill: isEmptyValue(value) });
      });
    } else if (broken.length > 0) {
      const sheet = uniqueSheetName(SHEET_NAMES.assumptions[lang], taken);
      taken.push(sheet);
      const assumptions = assumptionsPlan(profile, current);
      targets.push({ kind: 'assumptions', registry: [{ name: assumptionsKey, areas: writtenAreas(assumptions) }], plans: [assumptions], sheet, create: true });
    }
  }
  const margin = spec.margin ? planMargin(spec, decision, inspection, targets, taken) : undefined;
  for (const t of targets) {
    for (const pick of t.plans.flatMap((p) => p.picks ?? [])) {
      if (!state.sheets.some((s) => s.name.toLowerCase() === pick.sheet.toLowerCase())) return fail(lang, 'refSheetMissing', { ref: pick.ref, sheet: pick.sheet });
      const inside = t.plans.some((p) => intersects(p.region, pick.rect));
      if (pick.sheet.toLowerCase() === t.sheet.toLowerCase() && inside) return fail(lang, 'refInsideBlock', { ref: pick.ref, sheet: t.sheet });
    }
  }
  if (targets.some((t) => t.create) && state.structureProtected) return fail(lang, 'workbookProtected');
  if (estimatePlanBytes(targets.flatMap((t) => t.plans)) > PAYLOAD_BUDGET) return fail(lang, 'tooLarge', { detail: '> 4.5 MB' });
  return { targets, main, repairs, chartNames: inspection.chartNames, current, ...(margin ? { margin } : {}) };
}

/**
 * Where MKT_GROSS_MARGIN gets the pane's margin: its existing cell (a formula or a text the
 * accountant left there is kept), else a row added below the assumptions block when that row is
 * empty (the repair path: nothing else on the sheet is rewritten), else on the assumptions sheet
 * being written (a new one when none can take the row, every value still readable kept). Pure;
 * may add or rebuild an assumptions target.
 */
function planMargin(spec: WriteSpec, decision: Decision, inspection: Inspection, targets: Target[], taken: string[]): MarginWrite {
  const pane = inputFormula('margin', spec.margin!);
  const { current } = inspection;
  const { assumptionsEntry, marginValid } = decision.thresholds;
  const assumptionsKey = registryName('assumptions');
  const writeSheet = (t: Target): MarginWrite => {
    const p = assumptionsPlan(spec.profile, current, pane);
    t.plans = [p];
    t.registry = [{ name: assumptionsKey, areas: writtenAreas(p) }];
    const held = current[GROSS_MARGIN_NAME] as KeptThreshold | undefined;
    return { how: 'sheet', ...marginCellData(pane, held), before: held, sheet: t.sheet };
  };
  const fresh = targets.find((t) => t.kind === 'assumptions' && t.create);
  if (fresh) return writeSheet(fresh);
  if (marginValid) {
    const held = current[GROSS_MARGIN_NAME] as KeptThreshold | undefined;
    const { data, keptUser } = marginCellData(pane, held);
    return { how: 'set', data, keptUser, before: held };
  }
  if (assumptionsEntry && inspection.belowEmpty) {
    const a = assumptionsEntry.rect;
    const row = a.row + a.rows;
    const p = marginRowPlan(row, pane, false, spec.lang);
    const areas = [...(assumptionsEntry.areas ?? [a]), ...writtenAreas(p)];
    targets.push({ kind: 'assumptions', registry: [{ name: assumptionsKey, areas }], plans: [p], sheet: assumptionsEntry.sheet, create: false });
    return { how: 'row', data: pane, keptUser: false, sheet: assumptionsEntry.sheet };
  }
  const sheet = uniqueSheetName(SHEET_NAMES.assumptions[spec.lang], taken);
  taken.push(sheet);
  const t: Target = { kind: 'assumptions', registry: [], plans: [], sheet, create: true };
  targets.push(t);
  return writeSheet(t);
}

/** A margin as the message shows it: 0.45 → "45 %", a formula as its text. */
const showMargin = (v: unknown, lang: Language): string =>
  typeof v === 'number' ? `${Number((v * 100).toFixed(4)).toString().replace('.', lang === 'fr' ? ',' : '.')} %` : isKeptFormula(v) ? v.formula : String(v);

function marginMessage(spec: WriteSpec, m: MarginWrite | undefined): string[] {
  if (!m) return [];
  if (m.keptUser) return [MARGIN_KEPT[spec.lang](showMargin(m.before, spec.lang))];
  if (m.how === 'row') return [MARGIN_ADDED[spec.lang](m.sheet!)];
  const before = isKeptFormula(m.before) ? m.before.formula : m.before;
  if (before === undefined || before === '' || before === null || before === m.data) return [];
  return [MARGIN_CHANGED[spec.lang](showMargin(m.before, spec.lang), showMargin(m.data, spec.lang))];
}

/** The names a write sets, in order: records, the plans' own names, repaired thresholds. Pure. */
export function nameWritesOf(planned: WritePlan, assumptionsSheet?: string): RecordName[] {
  const out: RecordName[] = [];
  for (const target of planned.targets) {
    for (const r of target.registry) out.push(...recordNames(r.name, target.sheet, r.areas));
    for (const p of target.plans) {
      for (const n of p.names) out.push({ name: n.name, formula: areaFormula(target.sheet, parseAddress(n.address)!.rect), comment: n.comment });
    }
  }
  if (assumptionsSheet) {
    for (const r of planned.repairs) {
      out.push({ name: r.name, formula: areaFormula(assumptionsSheet, { row: r.row, column: r.column, rows: 1, columns: 1 }), comment: RECORD_COMMENT });
    }
  }
  return out;
}

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

/** The result the pane shows. */
export function writtenSheet(spec: WriteSpec, planned: WritePlan, queued: QueuedWrite, bound: { failed: boolean } = { failed: false }): ActionResult<WrittenSheet> {
  const { current, main, targets } = planned;
  // The transfer rewrites the cell itself before the load: its value from sync 2 is the one before.
  const previousProfile = 'MKT_PROFILE' in current ? String(current.MKT_PROFILE ?? '') : queued.profileCell ? String(queued.profileCell.values[0][0] ?? '') : queued.profileValue;
  const profileChanged = previousProfile.trim().toLowerCase() !== queued.profileValue.toLowerCase();
  const messages = [
    ...(profileChanged ? [PROFILE_CHANGED[spec.lang](previousProfile, queued.profileValue)] : []),
    ...marginMessage(spec, planned.margin),
    ...(bound.failed ? [NOT_BOUND[spec.lang](main.sheet)] : []),
  ];
  return {
    status: 'ok',
    value: {
      ...(messages.length > 0 ? { message: messages.join(' ') } : {}),
      sheetName: main.sheet,
      anchor: `${quoteSheetName(main.sheet)}!${main.plans[0].anchor}`,
      names: targets.flatMap((t) => t.plans.flatMap((p) => p.names.map((n) => n.name))),
      replaced: !main.create,
    },
  };
}

const isResult = (x: object): x is ActionResult<WrittenSheet> => 'status' in x;

/** The pipeline: read, decide, inspect, plan, write, verify. */
export async function runWrite(spec: WriteSpec, options: WriteOptions = {}): Promise<ActionResult<WrittenSheet>> {
  const { lang } = spec;
  let sheetForMessage: string | undefined;
  try {
    return await Excel.run(async (ctx): Promise<ActionResult<WrittenSheet>> => {
      const state = await readWorkbook(ctx);
      const decision = decide(spec, state, options);
      if (isResult(decision)) return decision;
      const inspection = await inspect(ctx, spec, decision);
      const planned = plan(spec, state, decision, inspection);
      if (isResult(planned)) return planned;
      const queued = queueWrite(ctx, spec, state, decision, planned, (s) => (sheetForMessage = s));
      await commitWrite(ctx, queued);
      const bound = await verifyBinding(ctx, queued);
      return writtenSheet(spec, planned, queued, bound);
    });
  } catch (error) {
    if (error instanceof PlanInputError) return fail(lang, error.key, error.params);
    if (error instanceof PartialWriteError) {
      const base = failureOf<WrittenSheet>(lang, error.cause, { sheet: sheetForMessage });
      if (base.status !== 'error' || (error.rewritten.length === 0 && error.notUndone.length === 0)) return base;
      const message = `${stripNothingChanged(base.message)} ${error.notUndone.length > 0 ? NOT_UNDONE[lang](error.notUndone) : PARTIAL_REPLACE[lang](error.rewritten)}`;
      return { ...base, message };
    }
    return failureOf(lang, error, { sheet: sheetForMessage });
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
