/** The task pane: theme, language, profile, the journey of the seed's method and the tools beside it. */
import { FluentProvider, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useReducer, type ComponentType } from 'react';
import { formatsFor, translate, type Language, type Market, type StringKey, type Params } from '../i18n';
import { PaneContext, usePane, type Pane } from './context';
import { Header } from './components/Header';
import { ProfileSection } from './components/ProfileSection';
import { StepNav, ToolsMenu } from './components/StepNav';
import { useStyles } from './components/styles';
import { readAll } from './model';
import { initialState, reducer, type ViewId } from './state';
import { useWorkbookMemory } from './useMemory';
import { ArbitrageStep, DiagnosticStep, ExplainStep, InternaliseStep, PilotStep, preloadSteps, RemoveTool, RepairStep, ShareStep, TransferStep } from './steps/lazy';

export interface AppProps {
  inExcel: boolean;
  language: Language;
  market: Market;
  theme: Theme;
}

/** One map from a step or tool to its view; every view but the first loads when needed (steps/lazy.tsx). */
const VIEWS: Record<ViewId, ComponentType> = {
  diagnostic: DiagnosticStep,
  internalise: InternaliseStep,
  arbitrage: ArbitrageStep,
  pilot: PilotStep,
  transfer: TransferStep,
  explain: ExplainStep,
  repair: RepairStep,
  share: ShareStep,
  remove: RemoveTool,
};

function Pane() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Header />
      <main className={styles.section}>
        <StepNav />
        <ToolsMenu />
        <ProfileSection />
        <CurrentStep />
      </main>
    </div>
  );
}

function CurrentStep() {
  const { state } = usePane();
  const View = VIEWS[state.step];
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
  useWorkbookMemory(state, dispatch, inExcel);
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
