/** Tool — Repair (beside the journey, not a step): re-enter the MKT formulas Excel keeps at #NAME? (typed while MKT was not loaded, or prefixed). */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { repairMktFormulas, type RepairReport } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel } from '../components/ActionPanel';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

export function RepairStep() {
  const { t, language } = usePane();
  const repair = useAction<RepairReport>(() => repairMktFormulas(language), () => t('action.unexpected'));

  const renderDone = (value: RepairReport) => (
    <MessageBar intent={value.protectedSheets.length || value.unknownFunction.length || value.legacyArrays.length ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody data-testid="repair-result">{value.message}</MessageBarBody>
    </MessageBar>
  );

  return (
    <StepSection step="repair" intro={t('repair.intro')}>
      <ActionPanel action={repair} label={t('repair.run')} renderDone={renderDone} />
    </StepSection>
  );
}
