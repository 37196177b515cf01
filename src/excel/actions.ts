/**
 * The Office.js actions the task pane calls. Each is one Excel.run with a constant number of
 * context.sync calls; the workbook logic is here, the business rules in src/rules.
 */
import type {
  ActionResult,
  ArbitrageInput,
  CellUnderCursor,
  DiagnosticInput,
  Explanation,
  InternalisationInput,
  Language,
  PilotInput,
  SourceData,
  TransferInput,
  WorkbookProfile,
  WriteOptions,
  WrittenSheet,
} from './types';

const notYet = <T>(): Promise<ActionResult<T>> =>
  Promise.resolve({ status: 'error', code: 'unsupported', message: 'not implemented yet' });

/** Names of the workbook's tables, for the UI to offer. 1 sync. */
export function listTables(_lang: Language): Promise<ActionResult<string[]>> {
  return notYet();
}

/**
 * Reads the user's data from a table (by name) or from the selected range, detects its layout
 * and returns a bounded preview. 1 sync, whatever the size.
 */
export function readSource(_from: { table: string } | { selection: true }, _profile: WorkbookProfile): Promise<ActionResult<SourceData>> {
  return notYet();
}

/**
 * Writes the "Diagnostic" sheet: per channel spend, revenue, =MKT.ROI_RATIO and =MKT.ROI_BAND on
 * live references to the source, totals, a highlight of BELOW channels and a chart of the ratio
 * against the MKT_ROI_LOW–MKT_ROI_HIGH band. 2 syncs.
 */
export function writeDiagnostic(_input: DiagnosticInput, _options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return notYet();
}

/** Writes the internalisation inputs block and its MKT formulas. 2 syncs. */
export function writeInternalisation(_input: InternalisationInput, _options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return notYet();
}

/** Writes the "Arbitrage" sheet: =MKT.ALLOCATE spilled beside the channels, current vs proposed, chart. 2 syncs. */
export function writeArbitrage(_input: ArbitrageInput, _options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return notYet();
}

/** Writes the "Hypothèses"/"Assumptions" sheet: thresholds as named cells, decisions, checklist. 2 syncs. */
export function writeTransfer(_input: TransferInput, _options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return notYet();
}

/** Writes the three-month pilot tracker ending in =MKT.PILOT_VERDICT. 2 syncs. */
export function writePilot(_input: PilotInput, _options?: WriteOptions): Promise<ActionResult<WrittenSheet>> {
  return notYet();
}

/** Reads the active cell's formula, value and the values of its references. 2 syncs. */
export function readCellForExplain(_lang: Language): Promise<ActionResult<CellUnderCursor>> {
  return notYet();
}

/** readCellForExplain + explainFormula: why the selected MKT formula gives its result. */
export function explainSelectedCell(_lang: Language): Promise<ActionResult<Explanation>> {
  return notYet();
}
