/** What every part of the pane needs: words, formats, the host, the state and its readings. */
import { createContext, useContext, type Dispatch } from 'react';
import type { Formats, Language, Market, Translate } from '../i18n';
import type { Readings } from './model';
import type { PaneAction, PaneState } from './state';

export interface Pane {
  t: Translate;
  language: Language;
  market: Market;
  formats: Formats;
  inExcel: boolean;
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  readings: Readings;
}

export const PaneContext = createContext<Pane | undefined>(undefined);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane must be used inside <PaneContext.Provider>');
  return pane;
}
