/**
 * The Office.js actions the task pane calls. Each is one `Excel.run`; the number of
 * `context.sync` calls does not depend on the size of the data:
 *
 * | action                          | syncs                                               |
 * |---------------------------------|-----------------------------------------------------|
 * | listTables, readSource          | 1                                                   |
 * | write* (first run)              | 2: read the workbook's sheets and names; write      |
 * | write* (a pane sheet exists)    | 3: + check that sheet (user content, charts); write |
 * | write* repairing threshold names| 3: + read the assumptions block; write              |
 * | write* refused (ask, protected) | 1, nothing written                                  |
 * | readCellForExplain              | 2: the cell; the values its formula reads           |
 * | a failed write                  | + 2 to undo: names put back, added sheets removed   |
 *
 * No write grows with the number of rows (see plans.ts), so one batch stays far under Excel on the
 * web's 5 MB request limit; `estimatePlanBytes` guards it all the same before anything is queued.
 */
import type { Language } from '../rules/labels';
import { estimatePlanBytes, queuePlan } from './apply';
import { explainFormula, parseMktCalls, referencesOf } from './explain';
import { fail, failureOf } from './failures';
import { detectLayout, isUsableLayout } from './layout';
import {
  arbitragePlan,
  assumptionsPlan,
  diagnosticPlan,
  internalisationPlan,
  pilotPlan,
  PlanInputError,
  REGISTRY_PREFIX,
  registryName,
  SheetPlan,
  thresholdRepairPlan,
  transferPlan,
  writtenAreas,
} from './plans';
import { CONFIRM_REPLACE, NOT_UNDONE, PARTIAL_REPLACE, PROFILE_CHANGED, SheetKind, SHEET_NAMES, stripNothingChanged } from './strings';
import { areasFormula, intersects, parseAddress, parseAreas, quoteSheetName, rangeAddress, Rect, subtractRects, uniqueSheetName } from './sheet-utils';
import { THRESHOLD_NAMES, keptThreshold, thresholdCells } from './thresholds';
import { TEXT_FORMAT } from './sheet-utils';
import type {
  ActionResult,
  ArbitrageInput,
  CellUnderCursor,
  ChannelSummary,
  DetectedLayout,
  DiagnosticInput,
  Explanation,
  InternalisationInput,
  PilotInput,
  SourceData,
  SourceRef,
  TransferInput,
  WorkbookProfile,
  WriteOptions,
  WrittenSheet,
} from './types';

/** The preview `readSource` returns: enough for the layout and a 12-channel budget, bounded for a huge one. */
export const PREVIEW_ROWS = 200;
export const PREVIEW_COLUMNS = 64;
/** Excel on the web refuses requests over 5 MB; we stay under 4.5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET = 4.5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Reading

/** Names of the workbook's tables, for the UI to offer. 1 sync. */
export async function listTables(lang: Language): Promise<ActionResult<string[]>> {
  try {
    return await Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name');
      await context.sync();
      return { status: 'ok', value: tables.items.map((t) => t.name) };
    });
  } catch (error) {
    return failureOf(lang, error);
  }
}

/**
 * Reads the user's data from a table (by name) or from the selected range, detects its layout
 * and returns a bounded preview (PREVIEW_ROWS × PREVIEW_COLUMNS). Whole-column selections are
 * trimmed to the used cells. 1 sync, whatever the size.
 */
export async function readSource(from: { table: string } | { selection: true }, profile: WorkbookProfile): Promise<ActionResult<SourceData>> {
  const lang = profile.lang;
  const sourceName = 'table' in from ? from.table : '';
  try {
    return await Excel.run(async (context): Promise<ActionResult<SourceData>> => {
      const workbook = context.workbook;
      const base = 'table' in from ? workbook.tables.getItem(from.table).getRange() : workbook.getSelectedRange();
      // Throws ItemNotFound when the range holds no value: reported as an empty selection.
      const used = base.getUsedRange(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      const sheet = used.worksheet;
      sheet.load('name');
      const top = used.getCell(0, 0).getResizedRange(PREVIEW_ROWS - 1, PREVIEW_COLUMNS - 1).getIntersection(used);
      top.load('values');
      const bottom = used.getLastRow().getCell(0, 0).getResizedRange(0, PREVIEW_COLUMNS - 1).getIntersection(used);
      bottom.load('values');
      await context.sync();

      const grid = top.values;
      const lastRow = bottom.values[0];
      const layout = detectLayout(grid, used.rowCount, lastRow);
      if (!layout) return fail(lang, 'noLayout');
      const source: SourceRef = {
        sheetName: sheet.name,
        address: used.address,
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
        ...('table' in from ? { tableName: from.table } : {}),
      };
      const complete = used.rowCount <= PREVIEW_ROWS && used.columnCount <= PREVIEW_COLUMNS;
      return { status: 'ok', value: { source, layout, preview: grid, complete, channels: channelSummaries(grid, layout) } };
    });
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code === 'ItemNotFound' && !sourceName) return fail(lang, 'emptySource');
    return failureOf(lang, error, { source: sourceName || undefined });
  }
}

/** Channel names (as text, never interpreted) and totals for the rows of the grid. Pure. */
export function channelSummaries(grid: readonly (readonly unknown[])[], layout: DetectedLayout): ChannelSummary[] {
  const out: ChannelSummary[] = [];
  if (layout.channelColumn < 0) return out;
  const sum = (row: readonly unknown[], first: number, count: number) => {
    let total = 0;
    for (let c = first; c < first + count; c++) if (typeof row[c] === 'number' && Number.isFinite(row[c])) total += row[c] as number;
    return total;
  };
  for (let r = layout.firstDataRow; r <= Math.min(layout.lastDataRow, grid.length - 1); r++) {
    const row = grid[r];
    out.push({
      name: String(row[layout.channelColumn] ?? ''),
      spend: sum(row, layout.spend.first, layout.spend.count),
      revenue: sum(row, layout.revenue.first, layout.revenue.count),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing: which sheet, asked or not, then one batch

interface SheetInfo {
  name: string;
  protected: boolean;
}

const union = (a: Rect, b: Rect): Rect => {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    row,
    column,
    rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
    columns: Math.max(a.column + a.columns, b.column + b.columns) - column,
  };
};

interface RegistryEntry {
  sheet: string;
  /** Bounding box of what the pane wrote. */
  rect: Rect;
  /** The cells the pane wrote, or undefined for a record of an older version (one rectangle, cells not known). */
  areas?: Rect[];
}

/**
 * Where the pane wrote before, from the MKT_SHEET_* names. Each name refers to exactly the cells the
 * pane wrote (`=Diagnostic!$A$1,Diagnostic!$A$2:$B$2,…`), so Excel keeps the record right when
 * rows are inserted or the sheet renamed. Pure.
 */
export function readRegistry(names: ReadonlyArray<{ name: string; formula: string }>, sheets: readonly SheetInfo[]): Record<string, RegistryEntry> {
  const out: Record<string, RegistryEntry> = {};
  for (const { name, formula } of names) {
    if (!name.toUpperCase().startsWith(REGISTRY_PREFIX)) continue;
    const parsed = parseAreas(String(formula ?? ''));
    if (!parsed) continue; // #REF!: the sheet was deleted
    const sheet = sheets.find((s) => s.name.toLowerCase() === parsed.sheet.toLowerCase());
    if (!sheet) continue;
    const rect = parsed.rects.reduce(union);
    out[name.toUpperCase()] = { sheet: sheet.name, rect, areas: parsed.rects.length > 1 ? parsed.rects : undefined };
  }
  return out;
}

/** The threshold names that exist and point at a cell (not #REF!). Pure. */
export function validThresholds(names: ReadonlyArray<{ name: string; formula: string }>): Set<string> {
  const valid = new Set(names.filter((n) => !/#REF!/i.test(String(n.formula ?? ''))).map((n) => n.name.toUpperCase()));
  return new Set(THRESHOLD_NAMES.filter((n) => valid.has(n)));
}

/** True when every threshold name exists and points at a cell (not #REF!). Pure. */
export function thresholdsInPlace(names: ReadonlyArray<{ name: string; formula: string }>): boolean {
  return validThresholds(names).size === THRESHOLD_NAMES.length;
}

interface Target {
  kind: SheetKind;
  /** Registry names to (re)point at this sheet, with the cells each records. */
  registry: Array<{ name: string; areas: Rect[] }>;
  plans: SheetPlan[];
  /** The sheet's name, existing or to create. */
  sheet: string;
  create: boolean;
  /** Cells the pane wrote on an earlier run, cleared before writing (only when reusing). */
  previous?: Rect[];
}


interface WriteSpec {
  kind: SheetKind;
  lang: Language;
  profile: WorkbookProfile;
  /** Builds the plans for the target sheet; `current` holds threshold values already in the workbook. */
  build: (current: Record<string, unknown>) => SheetPlan[];
  /** The transfer block lives on the assumptions sheet and is recorded under its own name. */
  transfer?: boolean;
}

async function runWrite(spec: WriteSpec, options: WriteOptions = {}): Promise<ActionResult<WrittenSheet>> {
  const { kind, lang, profile } = spec;
  const created: string[] = [];
  let sheetForMessage: string | undefined;
  try {
    return await Excel.run(async (ctx): Promise<ActionResult<WrittenSheet>> => {
      const workbook = ctx.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load('items/name,items/protection/protected');
      const names = workbook.names;
      names.load('items/name,items/formula');
      const protection = workbook.protection;
      protection.load('protected');
      await ctx.sync(); // 1: what is there

      const sheets: SheetInfo[] = worksheets.items.map((s) => ({ name: s.name, protected: s.protection.protected }));
      const nameList = names.items.map((n) => ({ name: n.name, formula: n.formula }));
      const registry = readRegistry(nameList, sheets);
      const mainKey = registryName(kind);
      const existing: RegistryEntry | undefined = registry[mainKey];
      const asks = spec.transfer ? registry[registryName('transfer')] !== undefined : true;
      if (existing && asks && !options.replace) {
        return { status: 'needsConfirmation', sheets: [existing.sheet], message: CONFIRM_REPLACE[lang]([existing.sheet]) };
      }
      if (existing && sheets.find((s) => s.name === existing.sheet)?.protected) {
        sheetForMessage = existing.sheet;
        return fail(lang, 'protected', { sheet: existing.sheet });
      }

      // Sync 2, only when a sheet of the pane is reused: is there user content where we would write?
      //
      // A re-run never destroys a user's cell. The registry name records exactly the cells the
      // pane wrote (not the rectangle around them), so a note typed in a gap of the block (a
      // header row, the column beside the inputs, the pilot's actuals, the checklist's ticks) is
      // never cleared; only the recorded cells are. And where the new plan writes a cell the pane
      // did not write before, that cell must be empty, else the whole write goes to a new sheet.
      // The check is one getUsedRangeOrNullObject per rectangle of (new cells − recorded cells):
      // a number that depends on the plan's shape, never on the number of rows.
      const taken = sheets.map((s) => s.name);
      let current: Record<string, unknown> = {};
      let reuse: RegistryEntry | undefined = existing;
      let previous: Rect[] = [];
      let chartNames: string[] = [];
      // Threshold names an accountant may have broken (deleted, #REF!): only those are re-created,
      // on the existing assumptions sheet when their cell is still there, keeping its value. This
      // needs the assumptions block's names and values: read in sync 2 (a repair adds it when no
      // pane sheet is reused — a rare path, still a constant count).
      const valid = validThresholds(nameList);
      const assumptionsKey = registryName('assumptions');
      const assumptionsEntry = registry[assumptionsKey];
      const broken = THRESHOLD_NAMES.filter((n) => !valid.has(n));
      const repair = broken.length > 0 && (valid.size > 0 || assumptionsEntry !== undefined);
      let block: Array<{ name: string; value: unknown; row: number; column: number }> = [];
      if (existing || repair) {
        const draft = spec.build({});
        let used: Excel.Range[] = [];
        let charts: Excel.ChartCollection | undefined;
        if (existing) {
          const sheet = worksheets.getItem(existing.sheet);
          const transferEntry = spec.transfer ? registry[registryName('transfer')] : undefined;
          // An older record (one rectangle) does not say which cells were the pane's: assume none.
          const known = existing.areas !== undefined && (!transferEntry || transferEntry.areas !== undefined);
          previous = known ? [...existing.areas!, ...(transferEntry?.areas ?? [])] : [];
          const fresh = subtractRects(draft.flatMap(writtenAreas), previous);
          used = fresh.map((r) => {
            const u = sheet.getRange(rangeAddress(r.row, r.column, r.rows, r.columns)).getUsedRangeOrNullObject(true);
            u.load('address');
            return u;
          });
          charts = sheet.charts;
          charts.load('items/name');
        }
        const cells = [...valid].map((n) => {
          const r = names.getItem(n).getRange();
          // With the formulas: a threshold the accountant set by a formula keeps its formula.
          r.load('values,formulas');
          return [n, r] as const;
        });
        const a = assumptionsEntry?.rect;
        const blockRange = a && broken.length > 0 ? worksheets.getItem(assumptionsEntry!.sheet).getRange(rangeAddress(a.row, a.column, a.rows, 2)) : undefined;
        blockRange?.load('values,formulas');
        await ctx.sync(); // 2
        if (blockRange && a) {
          block = blockRange.values.map((row, i) => ({
            name: String(row[0] ?? '').trim().toUpperCase(),
            value: keptThreshold(row[1], blockRange.formulas[i][1]) ?? row[1],
            row: a.row + i,
            column: a.column + 1,
          }));
        }
        // MKT_PROFILE is the pane's choice and is compared as text; every other threshold is kept as written.
        current = Object.fromEntries(cells.map(([n, r]) => [n, n === 'MKT_PROFILE' ? r.values[0][0] : (keptThreshold(r.values[0][0], r.formulas[0][0]) ?? r.values[0][0])]));
        for (const n of broken) {
          const cell = block.find((b) => b.name === n);
          if (cell && cell.value !== '' && cell.value !== null && cell.value !== undefined) current[n] = cell.value;
        }
        if (charts) {
          const ours = new Set(draft.flatMap((p) => p.charts.map((c) => c.name)));
          chartNames = charts.items.map((c) => c.name).filter((n) => ours.has(n));
        }
        if (used.some((u) => !u.isNullObject)) {
          // The user wrote where we would write: their cells stay. Write to a new sheet.
          reuse = undefined;
          previous = [];
          chartNames = [];
        }
      }

      const plans = spec.build(current);
      const targets: Target[] = [];
      const main: Target = {
        kind,
        registry: [],
        plans,
        sheet: reuse ? reuse.sheet : uniqueSheetName(SHEET_NAMES[kind][lang], taken),
        create: !reuse,
        previous: reuse ? previous : undefined,
      };
      if (main.create) taken.push(main.sheet);
      targets.push(main);

      // The assumptions sheet: every formula reads its names, so any write makes sure they exist.
      // A broken name whose row is still on the assumptions sheet is re-pointed there (its value
      // kept, or the default written into its empty cell); only when a row is gone is a new
      // assumptions sheet written (with every value still readable kept).
      const repairs: Array<{ name: string; row: number; column: number; fill: boolean }> = [];
      if (kind === 'assumptions') {
        main.registry.push({ name: assumptionsKey, areas: writtenAreas(plans[0]) });
        if (plans.length > 1) main.registry.push({ name: registryName('transfer'), areas: writtenAreas(plans[1]) });
      } else {
        main.registry.push({ name: mainKey, areas: plans.flatMap(writtenAreas) });
        const rows = broken.map((n) => block.find((b) => b.name === n));
        if (broken.length > 0 && assumptionsEntry && rows.every((r) => r !== undefined)) {
          broken.forEach((name, i) => {
            const { row, column, value } = rows[i]!;
            repairs.push({ name, row, column, fill: value === '' || value === null || value === undefined });
          });
        } else if (broken.length > 0) {
          const sheet = uniqueSheetName(SHEET_NAMES.assumptions[lang], taken);
          taken.push(sheet);
          const plan = assumptionsPlan(profile, current);
          targets.push({ kind: 'assumptions', registry: [{ name: assumptionsKey, areas: writtenAreas(plan) }], plans: [plan], sheet, create: true });
        }
      }
      // A picked reference must be on an existing sheet and outside the block being written
      // (else a circular reference). Checked before anything is queued.
      for (const t of targets) {
        for (const pick of t.plans.flatMap((p) => p.picks ?? [])) {
          if (!sheets.some((s) => s.name.toLowerCase() === pick.sheet.toLowerCase())) return fail(lang, 'refSheetMissing', { ref: pick.ref, sheet: pick.sheet });
          const inside = t.plans.some((p) => intersects(p.region, pick.rect));
          if (pick.sheet.toLowerCase() === t.sheet.toLowerCase() && inside) return fail(lang, 'refInsideBlock', { ref: pick.ref, sheet: t.sheet });
        }
      }
      if (targets.some((t) => t.create) && protection.protected) return fail(lang, 'workbookProtected');
      if (estimatePlanBytes(targets.flatMap((t) => t.plans)) > PAYLOAD_BUDGET) {
        return fail(lang, 'tooLarge', { detail: '> 4.5 MB' });
      }

      // Sync 3 (or 2): one batch for everything.
      ctx.application.suspendApiCalculationUntilNextSync();
      if (screenUpdatingSupported()) ctx.application.suspendScreenUpdatingUntilNextSync();
      // Cells, formats and charts first; the workbook names last, so a refusal on the way leaves
      // every name as it was. A name is never deleted: an existing one is re-pointed (its formula
      // set), a missing one added; on a refusal `undoWrite` puts them back.
      const before = new Map(nameList.map((n) => [n.name.toUpperCase(), n.formula]));
      const nameWrites: Array<{ name: string; formula: string; comment: string }> = [];
      for (const target of targets) {
        sheetForMessage = target.sheet;
        const sheet = target.create ? worksheets.add(target.sheet) : worksheets.getItem(target.sheet);
        if (target.create) created.push(target.sheet);
        if (target.previous) {
          for (const r of target.previous) {
            const old = sheet.getRange(rangeAddress(r.row, r.column, r.rows, r.columns));
            old.conditionalFormats.clearAll();
            old.clear('All');
          }
          for (const chart of chartNames) sheet.charts.getItem(chart).delete();
        }
        for (const plan of target.plans) queuePlan(sheet, plan);
        nameWrites.push(
          ...target.registry.map((r) => ({ name: r.name, formula: areasFormula(target.sheet, r.areas), comment: 'MKT task pane' })),
          ...target.plans.flatMap((p) => p.names.map((n) => ({ name: n.name, formula: areasFormula(target.sheet, [parseAddress(n.address)!.rect]), comment: n.comment }))),
        );
      }
      if (repairs.length > 0) {
        const sheet = worksheets.getItem(assumptionsEntry!.sheet);
        queuePlan(sheet, thresholdRepairPlan(profile, repairs.filter((r) => r.fill)));
        for (const r of repairs) {
          nameWrites.push({ name: r.name, formula: areasFormula(assumptionsEntry!.sheet, [{ row: r.row, column: r.column, rows: 1, columns: 1 }]), comment: 'MKT task pane' });
        }
      }
      for (const n of nameWrites) {
        if (before.has(n.name.toUpperCase())) names.getItem(n.name).formula = n.formula;
        else names.add(n.name, n.formula, n.comment);
      }
      // MKT_PROFILE is the pane's own cell: every write sets it to the profile chosen in the pane
      // (read first in the same batch, to tell the user when that changes it). Queued after the names,
      // so a refusal earlier in the batch leaves it as it was.
      const profileValue = String(thresholdCells(profile.budgetProfile ?? 'standard').find((c) => c.name === 'MKT_PROFILE')!.value);
      const profileFormula = before.get('MKT_PROFILE');
      let profileCell: Excel.Range | undefined;
      if ((profileFormula !== undefined && !/#REF!/i.test(profileFormula)) || repairs.some((r) => r.name === 'MKT_PROFILE')) {
        profileCell = names.getItem('MKT_PROFILE').getRange();
        profileCell.load('values');
        profileCell.numberFormat = [[TEXT_FORMAT]];
        profileCell.values = [[profileValue]];
      }
      const first = worksheets.getItem(main.sheet);
      first.activate();
      first.getRange(plans[0].anchor).select();
      const reused = targets.filter((t) => !t.create).map((t) => t.sheet);
      sheetForMessage = reused[0] ?? main.sheet;
      try {
        await ctx.sync();
      } catch (error) {
        // Excel refused part of the batch: put the names back, remove the sheets this run added.
        const undone = await undoWrite(ctx, before, new Set(nameWrites.map((n) => n.name.toUpperCase())), created);
        throw new PartialWriteError(error, reused, undone ? [] : [...created, ...reused]);
      }

      // The transfer rewrites the cell itself before the load: its value from sync 2 is the one before.
      const previousProfile = 'MKT_PROFILE' in current ? String(current.MKT_PROFILE ?? '') : profileCell ? String(profileCell.values[0][0] ?? '') : profileValue;
      const profileChanged = previousProfile.trim().toLowerCase() !== profileValue.toLowerCase();
      return {
        status: 'ok',
        value: {
          ...(profileChanged ? { message: PROFILE_CHANGED[lang](previousProfile, profileValue) } : {}),
          sheetName: main.sheet,
          anchor: `${quoteSheetName(main.sheet)}!${plans[0].anchor}`,
          names: targets.flatMap((t) => t.plans.flatMap((p) => p.names.map((n) => n.name))),
          replaced: !main.create,
        },
      };
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
class PartialWriteError extends Error {
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
 * re-pointed get their former formula back, sheets this run added are removed. Cells cleared on a
 * sheet being replaced cannot be restored (that would mean reading them all first): the message
 * says so. Returns false when Excel refused the undo too.
 */
async function undoWrite(ctx: Excel.RequestContext, before: ReadonlyMap<string, string>, touched: ReadonlySet<string>, created: readonly string[]): Promise<boolean> {
  try {
    const names = ctx.workbook.names;
    names.load('items/name,items/formula');
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    for (const n of names.items) {
      const key = n.name.toUpperCase();
      if (!touched.has(key)) continue;
      const old = before.get(key);
      if (old === undefined) n.delete();
      else if (n.formula !== old && !/#REF!/i.test(old)) n.formula = old;
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

// ---------------------------------------------------------------------------------------------
// The five write actions

/**
 * Writes the "Diagnostic" sheet: per channel spend, revenue, =MKT.ROI_RATIO and =MKT.ROI_BAND on
 * live references to the source, totals, a highlight of BELOW channels and a chart of the ratio
 * against the MKT_ROI_LOW–MKT_ROI_HIGH band.
 */
export function writeDiagnostic(input: DiagnosticInput, options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return guarded(input.profile.lang, () =>
    runWrite({ kind: 'diagnostic', lang: input.profile.lang, profile: input.profile, build: () => [diagnosticPlan(input)] }, options),
  );
}

/** Writes the internalisation inputs block and its MKT formulas. */
export function writeInternalisation(input: InternalisationInput, options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return guarded(input.profile.lang, () =>
    runWrite({ kind: 'internalisation', lang: input.profile.lang, profile: input.profile, build: () => [internalisationPlan(input)] }, options),
  );
}

/** Writes the "Arbitrage" sheet: =MKT.ALLOCATE spilled beside the channels, current vs proposed, chart. */
export function writeArbitrage(input: ArbitrageInput, options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return guarded(input.profile.lang, () =>
    runWrite({ kind: 'arbitrage', lang: input.profile.lang, profile: input.profile, build: () => [arbitragePlan(input)] }, options),
  );
}

/**
 * Writes the "Hypothèses"/"Assumptions" sheet: every threshold as a named cell (values an
 * accountant changed are kept), the decisions taken and the handover checklist.
 */
export function writeTransfer(input: TransferInput, options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return guarded(input.profile.lang, () =>
    runWrite(
      {
        kind: 'assumptions',
        transfer: true,
        lang: input.profile.lang,
        profile: input.profile,
        build: (current) => [assumptionsPlan(input.profile, current), transferPlan(input)],
      },
      options,
    ),
  );
}

/** Writes the three-month pilot tracker ending in =MKT.PILOT_VERDICT. */
export function writePilot(input: PilotInput, options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return guarded(input.profile.lang, () =>
    runWrite({ kind: 'pilot', lang: input.profile.lang, profile: input.profile, build: () => [pilotPlan(input)] }, options),
  );
}

/** Input problems found before Excel is touched become messages too. */
async function guarded<T>(lang: Language, body: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof PlanInputError) return fail(lang, error.key, error.params);
    return failureOf(lang, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Explain

/** At most this many references of a formula are read. */
const MAX_REFERENCES = 16;

/**
 * The active cell's sheet-qualified address and value, for "take the value from the selected
 * cell": the address can be passed back as an `InputCell` reference. 1 sync, read only.
 */
export async function readActiveCell(lang: Language): Promise<ActionResult<{ address: string; value: unknown }>> {
  try {
    return await Excel.run(async (context): Promise<ActionResult<{ address: string; value: unknown }>> => {
      const cell = context.workbook.getActiveCell();
      cell.load('address,values');
      await context.sync();
      return { status: 'ok', value: { address: cell.address, value: cell.values[0][0] } };
    });
  } catch (error) {
    return failureOf(lang, error);
  }
}

/** Reads the active cell's formula, value and the values of the references its MKT call reads. 2 syncs. */
export async function readCellForExplain(lang: Language): Promise<ActionResult<CellUnderCursor>> {
  try {
    return await Excel.run(async (context): Promise<ActionResult<CellUnderCursor>> => {
      const cell = context.workbook.getActiveCell();
      cell.load('address,formulas,values');
      // The workbook's names (a short list; all scalar properties, so no item path is needed): an
      // identifier in the formula that is not one of them (a LET variable, a sheet-scoped or
      // deleted name) is skipped instead of failing the whole read with ItemNotFound.
      const workbookNames = context.workbook.names;
      workbookNames.load();
      await context.sync(); // 1
      const formula = String(cell.formulas[0][0] ?? '');
      const calls = parseMktCalls(formula);
      if (calls.length === 0) return fail(lang, 'noMktFormula');
      const refs = referencesOf(calls).slice(0, MAX_REFERENCES);
      const sheet = cell.worksheet;
      const rangeNames = new Map(
        workbookNames.items.filter((n) => n.type === 'Range' && !/#REF!/i.test(String(n.formula ?? ''))).map((n) => [n.name.toUpperCase(), n.name]),
      );
      const loaded = refs.flatMap((ref) => {
        let range: Excel.Range;
        if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(ref) && !parseAddress(ref)) {
          const name = rangeNames.get(ref.toUpperCase());
          if (!name) return [];
          range = context.workbook.names.getItem(name).getRange();
        } else {
          const parsed = parseAddress(ref);
          range = parsed?.sheet ? context.workbook.worksheets.getItem(parsed.sheet).getRange(ref.slice(ref.lastIndexOf('!') + 1)) : sheet.getRange(ref);
        }
        range.load('values');
        return [[ref, range] as const];
      });
      await context.sync(); // 2
      const inputs: Record<string, unknown> = {};
      for (const [ref, range] of loaded) inputs[ref] = range.values;
      return { status: 'ok', value: { address: cell.address, formula, value: cell.values[0][0], inputs } };
    });
  } catch (error) {
    return failureOf(lang, error);
  }
}

/** readCellForExplain + explainFormula: why the selected MKT formula gives its result. */
export async function explainSelectedCell(lang: Language): Promise<ActionResult<Explanation>> {
  const read = await readCellForExplain(lang);
  if (read.status !== 'ok') return read;
  const explanation = explainFormula(read.value, lang);
  return explanation ? { status: 'ok', value: explanation } : fail(lang, 'noMktFormula');
}

