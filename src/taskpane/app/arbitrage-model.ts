/**
 * The Arbitrage step's model: the method in force, the months of the history, the input of the
 * write and the preview before it. Apart from model.ts so that the preview's rules (the marginal
 * fit and allocation) load with the Arbitrage step, not with the pane's first render.
 */
import { arbitragePreview, defaultMethod, type ArbitrageInput, type ArbitrageMethod, type ArbitragePreview } from '../../excel';
import { cell, valueOf, workbookProfile, type Readings } from './model';
import type { PaneState } from './state';

/** The method in force: the user's choice, else marginal when the history allows it (6 usable months). */
export function arbitrageMethod(state: PaneState): ArbitrageMethod {
  return state.method ?? defaultMethod(state.source, state.layout);
}

/** The months of the history: its monthly columns, or what the user says a one-column history covers. */
export function historyMonthsOf(state: PaneState, readings: Readings): number {
  if (state.layout && state.layout.spend.count > 1) return state.layout.spend.count;
  // Grouped rows, journals, blocks: the history reader counted the months of the period.
  const read = state.source?.history?.period.months;
  if (read !== undefined && read > 0) return read;
  const typed = valueOf(readings, 'historyMonths');
  return typed !== undefined && Number.isInteger(typed) && typed >= 1 ? typed : 12;
}

export function arbitrageInput(state: PaneState, readings: Readings): ArbitrageInput | undefined {
  if (!state.source || !state.layout || state.source.history?.confident === false) return undefined;
  const base = {
    source: state.source.source,
    layout: state.layout,
    profile: workbookProfile(state),
    totalBudget: cell(state, readings, 'totalBudget'),
    months: historyMonthsOf(state, readings),
  };
  return arbitrageMethod(state) === 'marginal' ? { ...base, method: 'marginal', grossMargin: cell(state, readings, 'grossMargin') } : base;
}

/** The split before anything is written, computed by the rules from the Diagnostic's history. */
export function arbitragePreviewOf(state: PaneState, readings: Readings): ArbitragePreview | RuleErrorLike | undefined {
  const budget = valueOf(readings, 'totalBudget');
  if (!state.source || !state.layout || budget === undefined) return undefined;
  return arbitragePreview(state.source, state.layout, {
    budget,
    method: arbitrageMethod(state),
    months: historyMonthsOf(state, readings),
    margin: valueOf(readings, 'grossMargin'),
  });
}
export type RuleErrorLike = Exclude<ReturnType<typeof arbitragePreview>, ArbitragePreview>;

/** The marginal method needs one column a month for spend and for revenue. */
export function hasMonthlyHistory(state: PaneState): boolean {
  return !!state.layout && state.layout.spend.count > 1 && state.layout.revenue.count > 1;
}
