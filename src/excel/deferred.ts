/**
 * The workbook actions as the pane calls them: each module is fetched on the first call of one of
 * its actions, so the pane's first step shows before the Office.js write code (actions, the write
 * pipeline, the plans, explain, repair and their words) is loaded. Same signatures and results as
 * the modules below; a failed load rejects, which the pane reports like any unexpected error.
 */
import type * as ActionsModule from './actions';
import type * as InsertExampleModule from './insert-example';
import type * as ReadbackModule from './write/readback';
import type * as RemoveModule from './write/remove';
import type * as RepairModule from './repair/repair';
import type * as SourceDataModule from './history/source-data';

const actions = () => import(/* webpackChunkName: "workbook" */ './actions');
const repair = () => import(/* webpackChunkName: "repair" */ './repair/repair');
// The history reader itself: the first step needs it only when the user picks or confirms a read.
const sourceData = () => import(/* webpackChunkName: "history" */ './history/source-data');
const readback = () => import(/* webpackChunkName: "workbook" */ './write/readback');
const remove = () => import(/* webpackChunkName: "remove" */ './write/remove');
const example = () => import(/* webpackChunkName: "example" */ './insert-example');

type AsyncFunction = (...args: never[]) => Promise<unknown>;

/** `module[name]`, loading the module on the first call. */
function onFirstCall<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] & AsyncFunction {
  const call = async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => Promise<unknown>)(...args);
  return call as unknown as M[K] & AsyncFunction;
}

type Actions = typeof ActionsModule;

export const listTables: Actions['listTables'] = onFirstCall(actions, 'listTables');
export const readSource: Actions['readSource'] = onFirstCall(actions, 'readSource');
export const writeDiagnostic: Actions['writeDiagnostic'] = onFirstCall(actions, 'writeDiagnostic');
export const writeInternalisation: Actions['writeInternalisation'] = onFirstCall(actions, 'writeInternalisation');
export const writeArbitrage: Actions['writeArbitrage'] = onFirstCall(actions, 'writeArbitrage');
export const writeTransfer: Actions['writeTransfer'] = onFirstCall(actions, 'writeTransfer');
export const writePilot: Actions['writePilot'] = onFirstCall(actions, 'writePilot');
export const writeHiringCost: Actions['writeHiringCost'] = onFirstCall(actions, 'writeHiringCost');
export const readActiveCell: Actions['readActiveCell'] = onFirstCall(actions, 'readActiveCell');
export const readCellForExplain: Actions['readCellForExplain'] = onFirstCall(actions, 'readCellForExplain');
export const explainSelectedCell: Actions['explainSelectedCell'] = onFirstCall(actions, 'explainSelectedCell');
export const repairMktFormulas: (typeof RepairModule)['repairMktFormulas'] = onFirstCall(repair, 'repairMktFormulas');
export const readPaneSheets: (typeof ReadbackModule)['readPaneSheets'] = onFirstCall(readback, 'readPaneSheets');
export const removeMktWrites: (typeof RemoveModule)['removeMktWrites'] = onFirstCall(remove, 'removeMktWrites');
export const exampleOffer: (typeof InsertExampleModule)['exampleOffer'] = onFirstCall(example, 'exampleOffer');
export const insertExample: (typeof InsertExampleModule)['insertExample'] = onFirstCall(example, 'insertExample');
type SourceData = typeof SourceDataModule;
export const withPicksLater = async (...args: Parameters<SourceData['withPicks']>) => (await sourceData()).withPicks(...args);
export const withSuggestedPicksLater = async (...args: Parameters<SourceData['withSuggestedPicks']>) => (await sourceData()).withSuggestedPicks(...args);
