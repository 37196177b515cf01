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
 * | write* rebinding MKT cells      | + 1: French display left them at #NAME? (repair/bind.ts)|
 *
 * The writes run the pipeline of write/write.ts (read, decide, inspect, plan, write, verify).
 * No write grows with the number of rows (see sheets/plan.ts), so one batch stays far under Excel on the
 * web's 5 MB request limit; `estimatePlanBytes` guards it all the same before anything is queued.
 */
import type { Language } from '../rules/labels';
import { blankShapeOf, explainFormula, parseMktCalls, referencesOf } from './explain/explain';
import { fail, failureOf } from './common/failures';
import { arbitragePlan } from './sheets/arbitrage';
import { assumptionsPlan } from './sheets/assumptions';
import { diagnosticPlan } from './sheets/diagnostic';
import { internalisationPlan } from './sheets/internalisation';
import { pilotPlan } from './sheets/pilot';
import { PlanInputError } from './sheets/plan';
import { transferPlan } from './sheets/transfer';
import { costPathsCellOf, hiringPlan } from './sheets/hiring';
import { parseAddress } from './common/sheet-utils';
import { runWrite } from './write/write';
import type {
  ActionResult,
  ArbitrageInput,
  CellUnderCursor,
  DiagnosticInput,
  Explanation,
  HiringInput,
  InternalisationInput,
  Region,
  PilotInput,
  SourceData,
  SourceRef,
  TransferInput,
  WorkbookProfile,
  WriteOptions,
  WrittenSheet,
} from './types';

// The pure reading of a source lives in history/source-data.ts, which the pane's first step imports without this module.
export { PREVIEW_ROWS, PREVIEW_COLUMNS, PAYLOAD_LIMIT, sourceDataOf, withPicks, channelSummaries } from './history/source-data';
import { PREVIEW_COLUMNS, PREVIEW_ROWS, sourceDataOf } from './history/source-data';
export { PAYLOAD_BUDGET } from './write/spec';

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
      const data = sourceDataOf(source, grid, complete, lastRow);
      return data ? { status: 'ok', value: data } : fail(lang, 'noLayout');
    });
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code === 'ItemNotFound' && !sourceName) return fail(lang, 'emptySource');
    return failureOf(lang, error, { source: sourceName || undefined });
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
    runWrite({ kind: 'internalisation', lang: input.profile.lang, profile: input.profile, build: (_, names) => [internalisationPlan(input, names)] }, options),
  );
}

/**
 * Writes the hiring-cost sheet (RULES.md §8): the live loaded salary (MKT_LOADED_SALARY), the
 * monthly cost in-house, the crossover month (MKT_CROSSOVER_MONTH), the spilled COST_PATHS table
 * and a line chart of the two cumulative paths.
 */
export function writeHiringCost(input: HiringInput, options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return guarded(input.profile.lang, () =>
    runWrite({ kind: 'hiring', lang: input.profile.lang, profile: input.profile, build: () => [hiringPlan(input)] }, options),
  );
}

/** Writes the "Arbitrage" sheet: =MKT.ALLOCATE spilled beside the channels, current vs proposed, chart. */
export function writeArbitrage(input: ArbitrageInput, options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return guarded(input.profile.lang, () =>
    runWrite(
      {
        kind: 'arbitrage',
        lang: input.profile.lang,
        profile: input.profile,
        build: () => [arbitragePlan(input)],
        ...(input.method === 'marginal' && input.grossMargin ? { margin: input.grossMargin } : {}),
      },
      options,
    ),
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

/**
 * Reads the active cell's formula, value and the values of the references its MKT call reads. 2
 * syncs; 3 for a cell of the hiring sheet's COST_PATHS table (the anchor's formula first).
 */
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
      let formula = String(cell.formulas[0][0] ?? '');
      let calls = parseMktCalls(formula);
      let spillRow: number | undefined;
      let formulaSheet: Excel.Worksheet = cell.worksheet;
      // A cell the COST_PATHS table spilled into holds a value: its formula is the anchor's (+1 sync).
      const inPaths = calls.length === 0 ? costPathsCellOf(cell.address, workbookNames.items) : undefined;
      if (inPaths) {
        formulaSheet = context.workbook.worksheets.getItem(inPaths.sheet);
        const anchor = formulaSheet.getRange(inPaths.anchor);
        anchor.load('formulas');
        await context.sync();
        const anchorFormula = String(anchor.formulas[0][0] ?? '');
        const anchorCalls = parseMktCalls(anchorFormula);
        if (anchorCalls[0]?.id === 'COST_PATHS') [formula, calls, spillRow] = [anchorFormula, anchorCalls, inPaths.row];
      }
      if (calls.length === 0) return fail(lang, 'noMktFormula');
      const refs = referencesOf(calls).slice(0, MAX_REFERENCES);
      const sheet = formulaSheet;
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
      return { status: 'ok', value: { address: cell.address, formula, value: cell.values[0][0], inputs, ...(spillRow !== undefined ? { spillRow } : {}) } };
    });
  } catch (error) {
    return failureOf(lang, error);
  }
}

/** The platform Office runs on (`Office.context.platform`), undefined outside Office. */
function officePlatform(): string | undefined {
  try {
    return (globalThis as unknown as { Office?: { context?: { platform?: string } } }).Office?.context?.platform;
  } catch {
    return undefined;
  }
}

/**
 * readCellForExplain + explainFormula: why the selected MKT formula gives its result. Blank cells
 * are read as this host passes them to the function (0 on Windows and Mac, null on the web).
 * `region`: the wording of the §8 explanations (Québec: embauche, impartition).
 */
export async function explainSelectedCell(lang: Language, region?: Region): Promise<ActionResult<Explanation>> {
  const read = await readCellForExplain(lang);
  if (read.status !== 'ok') return read;
  const explanation = explainFormula(read.value, lang, blankShapeOf(officePlatform()), region);
  return explanation ? { status: 'ok', value: explanation } : fail(lang, 'noMktFormula');
}

