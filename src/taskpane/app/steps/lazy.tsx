/**
 * The steps' components, for App.tsx. The first step ships with the pane, since it shows at once;
 * every other step is a chunk of its own, fetched when the user opens it or, once the first step
 * is shown, when the browser is idle (`preloadSteps`). A new step is one line in LATER.
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { usePane } from '../context';
import { later } from '../later';
import { preloadConfirm } from '../components/ActionPanel';
import { DiagnosticStep } from './DiagnosticStep';

/** What shows while a step's code loads, or when it could not. */
function StepPlaceholder({ failed }: { failed: boolean }) {
  const { t } = usePane();
  if (!failed) return <Spinner size="tiny" label={t('app.loading')} />;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t('app.loadFailed')}</MessageBarBody>
    </MessageBar>
  );
}

const LATER = {
  internalise: later(() => import(/* webpackChunkName: "step-internalise" */ './InternaliseStep').then((m) => m.InternaliseStep), StepPlaceholder, 'InternaliseStep'),
  arbitrage: later(() => import(/* webpackChunkName: "step-arbitrage" */ './ArbitrageStep').then((m) => m.ArbitrageStep), StepPlaceholder, 'ArbitrageStep'),
  transfer: later(() => import(/* webpackChunkName: "step-transfer" */ './TransferStep').then((m) => m.TransferStep), StepPlaceholder, 'TransferStep'),
  pilot: later(() => import(/* webpackChunkName: "step-pilot" */ './PilotStep').then((m) => m.PilotStep), StepPlaceholder, 'PilotStep'),
  explain: later(() => import(/* webpackChunkName: "step-explain" */ './ExplainStep').then((m) => m.ExplainStep), StepPlaceholder, 'ExplainStep'),
  repair: later(() => import(/* webpackChunkName: "step-repair" */ './RepairStep').then((m) => m.RepairStep), StepPlaceholder, 'RepairStep'),
  share: later(() => import(/* webpackChunkName: "step-share" */ './ShareStep').then((m) => m.ShareStep), StepPlaceholder, 'ShareStep'),
  remove: later(() => import(/* webpackChunkName: "tool-remove" */ './RemoveTool').then((m) => m.RemoveTool), StepPlaceholder, 'RemoveTool'),
};

/** Fetches every later step's code, and the confirmation dialog's; never rejects. */
export function preloadSteps(): Promise<void> {
  return Promise.all([...Object.values(LATER).map((step) => step.preload()), preloadConfirm()]).then(() => undefined);
}

export { DiagnosticStep };
export const InternaliseStep = LATER.internalise.Component;
export const ArbitrageStep = LATER.arbitrage.Component;
export const TransferStep = LATER.transfer.Component;
export const PilotStep = LATER.pilot.Component;
export const ExplainStep = LATER.explain.Component;
export const RepairStep = LATER.repair.Component;
export const ShareStep = LATER.share.Component;
export const RemoveTool = LATER.remove.Component;
