/**
 * The pane's memory of the workbook: restored once when the pane opens in Excel (document
 * settings, then what the pane's own sheets hold), saved again after each change.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import { loadMemory, readPaneSheets, saveMemory, type PaneSheets } from '../../excel';
import type { Language } from '../i18n';
import { fromMemory, toMemory } from './memory';
import type { FieldId, PaneAction, PaneState, StepId } from './state';

/** Waits this long after the last change before saving (typing does not save at every key). */
export const SAVE_DELAY_MS = 400;

const DONE_OF: Record<PaneSheets['kinds'][number], StepId | undefined> = {
  diagnostic: 'diagnostic',
  internalisation: 'internalise',
  hiring: 'internalise',
  arbitrage: 'arbitrage',
  pilot: 'pilot',
  transfer: 'transfer',
  assumptions: undefined,
};

/** What the pane's sheets say, as actions on the state: done marks, the pilot's tracker, the crossover month. */
export function sheetActions(sheets: PaneSheets, language: Language): PaneAction[] {
  const actions: PaneAction[] = [];
  for (const kind of sheets.kinds) {
    const step = DONE_OF[kind];
    if (step) actions.push({ type: 'done', step });
  }
  actions.push({ type: 'crossover', month: sheets.crossoverMonth });
  const pilot = sheets.pilot;
  if (pilot) {
    const text = (n: number) => (language === 'fr' ? String(n).replace('.', ',') : String(n));
    const field = (id: FieldId, n: number | undefined) => n !== undefined && actions.push({ type: 'field', id, value: { text: text(n) } });
    actions.push({ type: 'text', id: 'kpiName', value: pilot.kpiName });
    pilot.targets.forEach((t, i) => field(`target${i + 1}` as FieldId, t));
    field('monthsElapsed', pilot.monthsElapsed);
    field('achievement', pilot.achievement === undefined ? undefined : Math.round(pilot.achievement * 10_000) / 10_000);
    if (pilot.roi.length > 0) field('pilotRoi', Math.round((pilot.roi.reduce((s, r) => s + r, 0) / pilot.roi.length) * 100) / 100);
    actions.push({ type: 'flag', id: 'reportingOk', value: pilot.reportingOk });
  }
  return actions;
}

export function useWorkbookMemory(state: PaneState, dispatch: Dispatch<PaneAction>, inExcel: boolean): void {
  const restored = useRef(!inExcel);
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    if (!inExcel) return;
    let live = true;
    const raw = loadMemory();
    if (raw !== undefined) dispatch({ type: 'restore', state: fromMemory(raw, latest.current) });
    void readPaneSheets(latest.current.language)
      .then((result) => {
        if (live && result.status === 'ok') for (const action of sheetActions(result.value, latest.current.language)) dispatch(action);
      })
      .finally(() => {
        // Saving starts once what the workbook holds is read, so a first save never overwrites it.
        restored.current = true;
      });
    return () => {
      live = false;
    };
  }, [inExcel, dispatch]);

  useEffect(() => {
    if (!inExcel || !restored.current) return;
    const timer = setTimeout(() => void saveMemory(toMemory(state), state.language), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, inExcel]);
}
