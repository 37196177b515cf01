/**
 * The steps' components, for App.tsx. The first step ships with the pane, since it shows at once;
 * every other step is a chunk of its own, fetched when the user opens it or, once the first step
 * is shown, when the browser is idle (`preloadSteps`). A new step is one line in LATER.
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ComponentType } from 'react';
import { usePane } from '../context';
import { DiagnosticStep } from './DiagnosticStep';

type StepModule = Record<string, ComponentType>;

const LATER = {
  InternaliseStep: () => import(/* webpackChunkName: "step-internalise" */ './InternaliseStep'),
  ArbitrageStep: () => import(/* webpackChunkName: "step-arbitrage" */ './ArbitrageStep'),
  TransferStep: () => import(/* webpackChunkName: "step-transfer" */ './TransferStep'),
  PilotStep: () => import(/* webpackChunkName: "step-pilot" */ './PilotStep'),
  ExplainStep: () => import(/* webpackChunkName: "step-explain" */ './ExplainStep'),
  RepairStep: () => import(/* webpackChunkName: "step-repair" */ './RepairStep'),
  ShareStep: () => import(/* webpackChunkName: "step-share" */ './ShareStep'),
} satisfies Record<string, () => Promise<StepModule>>;

type LaterStep = keyof typeof LATER;
const loaded = new Map<LaterStep, ComponentType>();
const loading = new Map<LaterStep, Promise<ComponentType>>();

function load(name: LaterStep): Promise<ComponentType> {
  let pending = loading.get(name);
  if (!pending) {
    pending = (LATER[name]() as Promise<StepModule>).then((module) => {
      loaded.set(name, module[name]);
      return module[name];
    });
    // A failed fetch is tried again the next time the step opens.
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** A step whose code is fetched on its first render; rendered at once when already there. */
function later(name: LaterStep): ComponentType {
  function Later() {
    const { t } = usePane();
    const [Step, setStep] = useState<ComponentType | undefined>(() => loaded.get(name));
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Step) return undefined;
      let live = true;
      load(name).then(
        (component) => live && setStep(() => component),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [Step]);
    if (Step) return <Step />;
    if (failed) {
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('app.stepLoadFailed')}</MessageBarBody>
        </MessageBar>
      );
    }
    return <Spinner size="tiny" label={t('app.loadingStep')} />;
  }
  Later.displayName = `Later(${name})`;
  return Later;
}

/** Fetches every later step's code; a failed fetch is left for when its step opens. */
export function preloadSteps(): Promise<void> {
  return Promise.all((Object.keys(LATER) as LaterStep[]).map((name) => load(name).catch(() => undefined))).then(() => undefined);
}

export { DiagnosticStep };
export const InternaliseStep = later('InternaliseStep');
export const ArbitrageStep = later('ArbitrageStep');
export const TransferStep = later('TransferStep');
export const PilotStep = later('PilotStep');
export const ExplainStep = later('ExplainStep');
export const RepairStep = later('RepairStep');
export const ShareStep = later('ShareStep');
