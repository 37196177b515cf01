/**
 * The workbook layer: everything the task pane reads from or writes to the user's workbook.
 *
 * Contract for every action below (see src/excel/README.md):
 * - one `Excel.run`, a constant number of `context.sync` calls whatever the size of the data;
 * - it resolves to an `ActionResult` and never throws for a workbook problem (protected sheet,
 *   cell in edit mode, range too large): the message is in the profile's language and the
 *   workbook is left as it was;
 * - it writes only to sheets the pane creates. A second run that would replace them returns
 *   `needsConfirmation` until called with `{ replace: true }`; a clash with a user's sheet name
 *   gives a new name ("Diagnostic (2)");
 * - text from the user or the sheet is written as text (number format "@"), never as a formula;
 * - formulas are written with `range.formulas` (invariant English, commas), call `MKT.<ID>` and
 *   read thresholds from workbook-scoped names (MKT_ROI_LOW, MKT_ROI_HIGH, MKT_FLOOR, …) held on
 *   the "Hypothèses"/"Assumptions" sheet, which any write action creates when it is missing.
 *
 * Requirement sets: ExcelApi 1.9 (Range.copyFrom, suspendScreenUpdatingUntilNextSync,
 * conditional formats, chart series types).
 */
export * from './types';

export { isUsableLayout, LAYOUT_CONFIDENT } from './history/usable';
export { readHistory, suggestedPicks } from './history';
export type { HistoryRead, History, HistoryChannel, Candidate, Question, LeftOut, HistoryWarning, ReadOptions } from './history';
export { parseMktCalls, explainCall, explainFormula, blankShapeOf } from './explain/explain';
export type { BlankShape } from './explain/explain';
export { uniqueSheetName, quoteSheetName, toTextCell, currencyFormat, columnLetters } from './common/sheet-utils';
export { THRESHOLD_NAMES, thresholdCells } from './sheets/thresholds';
export { marginalWarnings, GROSS_MARGIN_NAME } from './sheets/arbitrage-marginal';
export type { ChannelWarning } from './sheets/arbitrage-marginal';
export { SHEET_NAMES } from './words/sheets';
export { LOADED_SALARY_NAME, CROSSOVER_NAME, HIRING_CHART } from './sheets/hiring';
export { crossoverWords } from './words/hiring';
export type { SheetKind } from './words/sheets';
export type { ThresholdCell } from './sheets/thresholds';

export { PREVIEW_ROWS, PREVIEW_COLUMNS, PAYLOAD_LIMIT, channelSummaries, sourceDataOf, withPicks, withSuggestedPicks } from './history/source-data';

// The actions load their module on first call (deferred.ts): the pane's first step needs none.
export {
  listTables,
  readSource,
  writeDiagnostic,
  writeInternalisation,
  writeHiringCost,
  writeArbitrage,
  writeTransfer,
  writePilot,
  readActiveCell,
  readCellForExplain,
  explainSelectedCell,
  repairMktFormulas,
  readPaneSheets,
  removeMktWrites,
  withPicksLater,
  withSuggestedPicksLater,
  exampleOffer,
  insertExample,
} from './deferred';
export type { Example, ExampleId, ExampleOffer, InsertedExample } from './insert-example';

export { repairNeedOf, planSheetRepair, repairMessage, REPAIR_TITLE } from './repair/repair';
export type { RepairReport, SheetRepair, RepairNeed } from './repair/repair';

export { planRemoval } from './write/remove';
export type { RemovalReport, RemovalPlan } from './write/remove';
export { loadMemory, saveMemory, forgetMemory, MEMORY_SETTING, MEMORY_BUDGET } from './memory';
export { trackerOf } from './write/readback';
export type { PaneSheets, PilotTracker } from './write/readback';
export { arbitragePreview, defaultMethod, usableMonths, historyOf } from './sheets/arbitrage-preview';
export type { ArbitragePreview, ArbitrageMethod, ChannelPreview } from './sheets/arbitrage-preview';
