/**
 * Step 3 — Arbitrage: share a budget between the Diagnostic's channels, by their average return
 * (MKT.ALLOCATE) or by their marginal return from the monthly history (MKT.ALLOCATE_MARGINAL).
 */
import { MessageBar, MessageBarBody, Radio, RadioGroup, Field, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ALLOCATION_FLOOR, MARGINAL_CAP, ROI_TARGET_HIGH, ROI_TARGET_LOW } from '../../../rules';
import { marginalWarnings, writeArbitrage, type WrittenSheet } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { NumberField } from '../components/NumberField';
import { useStyles } from '../components/styles';
import { allReady, arbitrageInput, hasMonthlyHistory, valueOf } from '../model';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

export function ArbitrageStep() {
  const { t, state, readings, formats, dispatch, language } = usePane();
  const styles = useStyles();
  const [submitted, setSubmitted] = useState(false);
  const input = arbitrageInput(state, readings);
  const marginal = state.flags.marginal;
  const monthly = hasMonthlyHistory(state);
  const write = useAction<WrittenSheet>((options) => writeArbitrage(arbitrageInput(state, readings)!, options), () => t('action.unexpected'));
  // Plain-words warnings from the rules on the Diagnostic's months: LINEAR fits and binding ceilings.
  const warnings = marginal && monthly && state.source ? marginalWarnings({ ...state.source, layout: state.layout! }, valueOf(readings, 'totalBudget'), language) : [];

  return (
    <StepSection step="arbitrage" intro={t('arbitrage.intro')}>
      <Field label={t('arbitrage.method')}>
        <RadioGroup
          value={marginal ? 'marginal' : 'average'}
          onChange={(_, data) => dispatch({ type: 'flag', id: 'marginal', value: data.value === 'marginal' })}
        >
          <Radio value="average" label={t('arbitrage.method.average')} />
          <Radio value="marginal" label={t('arbitrage.method.marginal')} />
        </RadioGroup>
      </Field>
      <Text as="p" className={styles.heading}>
        {marginal
          ? t('arbitrage.marginal.intro', { cap: formats.number(MARGINAL_CAP) })
          : t('arbitrage.floorRule', {
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
      {input && marginal && !monthly && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('arbitrage.marginal.needMonthly')}</MessageBarBody>
        </MessageBar>
      )}
      <NumberField
        id="totalBudget"
        label={marginal ? 'arbitrage.marginal.budget' : 'arbitrage.budget'}
        hint={t(marginal ? 'arbitrage.marginal.budget.hint' : 'arbitrage.budget.hint')}
        required
        submitted={submitted}
        pickable
      />
      {marginal && (
        <NumberField id="grossMargin" label="arbitrage.marginal.margin" hint={t('arbitrage.marginal.margin.hint')} required submitted={submitted} pickable />
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="marginal-warnings">
          <MessageBarBody>
            <Text as="p" weight="semibold">
              {t('arbitrage.marginal.warnings')}
            </Text>
            <ul>
              {warnings.map((w) => (
                <li key={`${w.channel}-${w.kind}`}>{w.channel > 0 ? t('arbitrage.marginal.channel', { channel: w.channel, name: w.name, text: w.text }) : w.text}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <ActionPanel
        action={write}
        label={t('arbitrage.write')}
        disabled={!input || (marginal && !monthly)}
        beforeRun={() => {
          setSubmitted(true);
          return allReady(state, readings, marginal ? ['totalBudget', 'grossMargin'] : ['totalBudget']);
        }}
        renderDone={(value) => <WrittenMessage {...value} />}
      />
    </StepSection>
  );
}
