/**
 * TEST-ONLY page (test/browser/run.mjs): the Diagnostic step, the pane's own component, showing
 * channel names as if read from a workbook, which a plain browser cannot do (outside Excel the
 * pane lists no channels, and the Excel fake does not run in a browser). One name is 10 000
 * characters of Arabic with an RTL override (U+202E) inside: the browser test measures that it
 * stays inside the pane and does not reorder "ROI 4,5:1".
 *
 * Built only into the offline build (dist/channel-names-fixture.html); never into the production
 * build, which test/build/no-test-only-code.test.ts checks.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useMemo, useReducer } from 'react';
import { createRoot } from 'react-dom/client';
import type { SourceData } from '../../excel';
import { formatsFor, translate, type Params, type StringKey } from '../i18n';
import { PaneContext, type Pane } from '../app/context';
import { readAll } from '../app/model';
import { initialState, reducer } from '../app/state';
import { DiagnosticStep } from '../app/steps/DiagnosticStep';

/** 10 000 characters, no space: Arabic letters with an RTL override in the middle, left open. */
export const LONG_RTL_NAME = `${'قناة'.repeat(1250)}\u202E${'إعلان'.repeat(1000)}`.slice(0, 10_000);

const source: SourceData = {
  source: { sheetName: 'Ventes', address: 'Ventes!A1:C3', rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 3 },
  layout: {
    kind: 'single',
    headerRow: 0,
    channelColumn: 0,
    spend: { first: 1, count: 1 },
    revenue: { first: 2, count: 1 },
    firstDataRow: 1,
    lastDataRow: 2,
    confidence: 1,
    confident: true,
    issues: [],
  },
  preview: [],
  complete: true,
  // ROI 4,5:1 for the long name (fr-FR formats), and a short name after it.
  channels: [
    { name: LONG_RTL_NAME, spend: 1000, revenue: 4500 },
    { name: 'Salon', spend: 1000, revenue: 2000 },
  ],
};

function Fixture() {
  const [state, dispatch] = useReducer(reducer, undefined, () => reducer(initialState('fr', 'FR'), { type: 'source', source }));
  const pane = useMemo<Pane>(
    () => ({
      t: (key: StringKey, params?: Params) => translate(state.language, state.market, key, params),
      language: state.language,
      market: state.market,
      formats: formatsFor(state.language, state.market),
      inExcel: false,
      state,
      dispatch,
      readings: readAll(state),
    }),
    [state],
  );
  return (
    <FluentProvider theme={webLightTheme} lang={state.language} style={{ minHeight: '100vh' }}>
      <PaneContext.Provider value={pane}>
        <DiagnosticStep />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<Fixture />);
