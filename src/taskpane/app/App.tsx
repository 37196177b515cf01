/** The task pane: theme, language, profile, and the steps of the seed's method. */
import { FluentProvider, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useReducer, type ComponentType } from 'react';
import { formatsFor, translate, type Language, type Market, type StringKey, type Params } from '../i18n';
import { PaneContext, usePane, type Pane } from './context';
import { Header } from './components/Header';
import { ProfileSection } from './components/ProfileSection';
import { StepNav } from './components/StepNav';
import { useStyles } from './components/styles';
import { readAll } from './model';
import { initialState, reducer, type StepId } from './state';
import { ArbitrageStep, DiagnosticStep, ExplainStep, InternaliseStep, PilotStep, preloadSteps, RepairStep, ShareStep, TransferStep } from './steps/lazy';

export interface AppProps {
  inExcel: boolean;
  language: Language;
  market: Market;
  theme: Theme;
}

const STEP_VIEWS: Record<StepId, ComponentType> = {
  diagnostic: DiagnosticStep,
  internalise: InternaliseStep,
  arbitrage: ArbitrageStep,
  transfer: TransferStep,
  pilot: PilotStep,
  explain: ExplainStep,
  repair: RepairStep,
  share: ShareStep,
};

function Pane() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Header />
      <main className={styles.section}>
        <ProfileSection />
        <StepNav />
        <CurrentStep />
      </main>
    </div>
  );
}

function CurrentStep() {
  const { state } = usePane();
  const View = STEP_VIEWS[state.step];
  // Once a step shows, the later steps' code is fetched while the browser is idle (steps/lazy.tsx).
  useEffect(() => whenIdle(preloadSteps), []);
  return <View key={state.step} />;
}

function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}

export function App({ inExcel, language, market, theme }: AppProps) {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(language, market));
  useEffect(() => {
    document.documentElement.lang = state.language;
  }, [state.language]);
  const pane = useMemo<Pane>(() => {
    const t = (key: StringKey, params?: Params) => translate(state.language, state.market, key, params);
    return {
      t,
      language: state.language,
      market: state.market,
      formats: formatsFor(state.language, state.market),
      inExcel,
      state,
      dispatch,
      readings: readAll(state),
    };
  }, [state, inExcel]);

  return (
    <FluentProvider theme={theme} lang={state.language} style={{ minHeight: '100vh' }}>
      <PaneContext.Provider value={pane}>
        <Pane />
      </PaneContext.Provider>
    </FluentProvider>
  );
}
