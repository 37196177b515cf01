/** Step 3 — Arbitrage: share a total budget between the Diagnostic's channels by their return. */
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ALLOCATION_FLOOR, ROI_TARGET_HIGH, ROI_TARGET_LOW } from '../../../rules';
import { writeArbitrage, type WrittenSheet } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { NumberField } from '../components/NumberField';
import { useStyles } from '../components/styles';
import { allReady, arbitrageInput } from '../model';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

export function ArbitrageStep() {
  const { t, state, readings, formats } = usePane();
  const styles = useStyles();
  const [submitted, setSubmitted] = useState(false);
  const input = arbitrageInput(state, readings);
  const write = useAction<WrittenSheet>((options) => writeArbitrage(arbitrageInput(state, readings)!, options), () => t('action.unexpected'));

  return (
    <StepSection step="arbitrage" intro={t('arbitrage.intro')}>
      <Text as="p" className={styles.heading}>
        {t('arbitrage.floorRule', {
          floor: formats.number(ALLOCATION_FLOOR),
          low: formats.number(ROI_TARGET_LOW),
          high: formats.number(ROI_TARGET_HIGH),
        })}
      </Text>
      {!input && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('arbitrage.needDiagnostic')}</MessageBarBody>
        </MessageBar>
      )}
      <NumberField id="totalBudget" label="arbitrage.budget" hint={t('arbitrage.budget.hint')} required submitted={submitted} pickable />
      <ActionPanel
        action={write}
        label={t('arbitrage.write')}
        disabled={!input}
        beforeRun={() => {
          setSubmitted(true);
          return allReady(state, readings, ['totalBudget']);
        }}
        renderDone={(value) => <WrittenMessage {...value} />}
      />
    </StepSection>
  );
}
