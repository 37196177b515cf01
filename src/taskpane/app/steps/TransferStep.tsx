/** Step 5 — Transfer: the assumptions sheet, the decisions taken, the handover checklist. */
import { Field, Text, Textarea } from '@fluentui/react-components';
import { writeTransfer, type WrittenSheet } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { useStyles } from '../components/styles';
import { decisionsOf, transferInput } from '../model';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

export function TransferStep() {
  const { t, state, dispatch, readings, formats } = usePane();
  const styles = useStyles();
  const decisions = decisionsOf(state, readings, t, formats.amount);
  const write = useAction<WrittenSheet>(
    (options) => writeTransfer(transferInput(state, decisions), options),
    () => t('action.unexpected'),
    () => dispatch({ type: 'done', step: 'transfer' }),
  );

  return (
    <StepSection step="transfer" intro={t('transfer.intro')}>
      <Text as="h3" weight="semibold" className={styles.heading}>
        {t('transfer.decisions')}
      </Text>
      {decisions.length === 0 ? (
        <Text as="p" className={styles.heading}>
          {t('transfer.noDecisions')}
        </Text>
      ) : (
        <ul className={styles.list} data-testid="decisions">
          {decisions.map((decision, i) => (
            <li key={i}>{decision.text}</li>
          ))}
        </ul>
      )}
      <Field label={t('transfer.ownDecisions')} hint={t('transfer.onePerLine')}>
        <Textarea resize="vertical" value={state.texts.decisions} onChange={(_, data) => dispatch({ type: 'text', id: 'decisions', value: data.value })} />
      </Field>
      <Field label={t('transfer.checklist')} hint={t('transfer.checklist.hint')}>
        <Textarea resize="vertical" value={state.texts.checklist} onChange={(_, data) => dispatch({ type: 'text', id: 'checklist', value: data.value })} />
      </Field>
      <ActionPanel action={write} label={t('transfer.write')} renderDone={(value) => <WrittenMessage {...value} />} />
    </StepSection>
  );
}
