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

export { isUsableLayout, LAYOUT_CONFIDENT } from './layout';
export { readHistory, suggestedPicks } from './history';
export type { HistoryRead, History, HistoryChannel, Candidate, Question, LeftOut, HistoryWarning, ReadOptions } from './history';
export { parseMktCalls, explainCall, explainFormula, blankShapeOf } from './explain';
export type { BlankShape } from './explain';
export { uniqueSheetName, quoteSheetName, toTextCell, currencyFormat } from './sheet-utils';
export { THRESHOLD_NAMES, thresholdCells } from './thresholds';
export { marginalWarnings, GROSS_MARGIN_NAME } from './plans-marginal';
export type { ChannelWarning } from './plans-marginal';
export { SHEET_NAMES } from './strings';
export { LOADED_SALARY_NAME, CROSSOVER_NAME, HIRING_CHART } from './plans-hiring';
export { crossoverWords } from './strings-hiring';
export type { SheetKind } from './strings';
export type { ThresholdCell } from './thresholds';

export { PREVIEW_ROWS, PREVIEW_COLUMNS, PAYLOAD_LIMIT, channelSummaries, sourceDataOf, withPicks, withSuggestedPicks } from './source-data';

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

export { repairNeedOf, planSheetRepair, repairMessage, REPAIR_TITLE } from './repair';
export type { RepairReport, SheetRepair, RepairNeed } from './repair';

export { planRemoval } from './remove';
export type { RemovalReport, RemovalPlan } from './remove';
export { loadMemory, saveMemory, forgetMemory, MEMORY_SETTING } from './memory';
export { trackerOf } from './readback';
export type { PaneSheets, PilotTracker } from './readback';
export { arbitragePreview, defaultMethod, usableMonths, historyOf } from './preview';
export type { ArbitragePreview, ArbitrageMethod, ChannelPreview } from './preview';
