/** Tool — "Retirer ce que MKT a écrit": the pane's sheets and MKT_ names go, after a confirmation; nothing of the user's. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { removeMktWrites, type RemovalReport } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel } from '../components/ActionPanel';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

export function RemoveTool() {
  const { t, language, dispatch } = usePane();
  const quoted = (name: string) => (language === 'fr' ? `«\u00a0${name}\u00a0»` : `“${name}”`);
  const remove = useAction<RemovalReport>(
    (options) => removeMktWrites(language, options),
    () => t('action.unexpected'),
    () => dispatch({ type: 'clearDone' }),
  );

  const renderDone = (value: RemovalReport) => (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody data-testid="remove-result">
        {value.deleteSheets.length + value.clearSheets.length + value.deleteNames.length === 0
          ? t('remove.nothing')
          : t('remove.done', { sheets: value.deleteSheets.length, names: value.deleteNames.length })}
        {value.clearSheets.length > 0 && ` ${t('remove.kept', { list: value.clearSheets.map((c) => quoted(c.sheet)).join(', ') })}`}
      </MessageBarBody>
    </MessageBar>
  );

  return (
    <StepSection step="remove" intro={t('remove.intro')}>
      <ActionPanel action={remove} label={t('remove.run')} renderDone={renderDone} confirmTitle={t('remove.confirmTitle')} confirmLabel={t('remove.confirm')} />
    </StepSection>
  );
}
