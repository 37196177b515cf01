/**
 * A step's action: its button, the progress while the workbook layer works, the layer's message
 * when it fails, and the question before replacing sheets the pane wrote on an earlier run.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePane } from '../context';
import { later } from '../later';
import type { Action } from '../useAction';
import { useStyles } from './styles';

/** The dialog (and Fluent's) is fetched when a run first asks; preloaded with the later steps. */
function ConfirmPlaceholder({ failed }: { failed: boolean }) {
  const { t } = usePane();
  return failed ? (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t('app.loadFailed')}</MessageBarBody>
    </MessageBar>
  ) : null;
}
const Confirm = later(() => import(/* webpackChunkName: "confirm" */ './ConfirmDialog').then((m) => m.ConfirmDialog), ConfirmPlaceholder, 'ConfirmDialog');
export const preloadConfirm = Confirm.preload;

export interface ActionPanelProps<T> {
  action: Action<T>;
  label: string;
  /** Called before running: return false to stop (e.g. the fields are not valid yet). */
  beforeRun?: () => boolean;
  disabled?: boolean;
  /** What to show once the action succeeded. */
  renderDone?: (value: T) => ReactNode;
  /** The confirmation's title and button, when it asks something else than replacing sheets. */
  confirmTitle?: string;
  confirmLabel?: string;
}

export function ActionPanel<T>({ action, label, beforeRun, disabled = false, renderDone, confirmTitle, confirmLabel }: ActionPanelProps<T>) {
  const { t, inExcel } = usePane();
  const styles = useStyles();
  const { state } = action;
  const running = state.phase === 'running';

  const onClick = () => {
    if (beforeRun && !beforeRun()) return;
    void action.run();
  };

  return (
    <div className={styles.status}>
      <Button appearance="primary" disabled={!inExcel || disabled || running} onClick={onClick}>
        {label}
      </Button>
      <div aria-live="polite" className={styles.status}>
        {running && <Spinner size="tiny" label={t('action.running')} />}
        {state.phase === 'done' && (renderDone ? renderDone(state.value) : <MessageBar intent="success"><MessageBarBody>{t('action.done')}</MessageBarBody></MessageBar>)}
      </div>
      {state.phase === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('action.errorTitle')}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.phase === 'confirm' && (
        <Confirm.Component message={state.message} sheets={state.sheets} title={confirmTitle} confirmLabel={confirmLabel} onConfirm={() => void action.confirm()} onCancel={action.cancel} />
      )}
    </div>
  );
}

/** The usual "done" line for a write action: the sheet written, and what the layer says of it. */
export function WrittenMessage({ sheetName, replaced, message }: { sheetName: string; replaced: boolean; message?: string }) {
  const { t } = usePane();
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        {t(replaced ? 'action.replaced' : 'action.written', { sheet: sheetName })}
        {message ? ` ${message}` : ''}
      </MessageBarBody>
    </MessageBar>
  );
}
