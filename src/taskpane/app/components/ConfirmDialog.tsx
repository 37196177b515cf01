/** The question before replacing sheets the pane wrote on an earlier run (ActionPanel loads it when asked). */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { usePane } from '../context';
import { useStyles } from './styles';

export interface ConfirmDialogProps {
  message: string;
  sheets: readonly string[];
  /** When it asks something else than replacing sheets (removing MKT's writes). */
  title?: string;
  confirmLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ message, sheets, title, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title ?? t('confirm.title')}</DialogTitle>
          <DialogContent>
            <p>{message}</p>
            <ul className={styles.list}>
              {sheets.map((sheet) => (
                <li key={sheet}>{sheet}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {confirmLabel ?? t('confirm.replace')}
            </Button>
            <Button onClick={onCancel}>{t('confirm.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
