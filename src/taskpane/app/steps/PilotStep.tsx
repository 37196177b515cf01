/**
 * Step 4 — Pilot (before the Transfer): seed 003's three-month test of outsourcing, when the
 * decision is to outsource or test. A tracker in the workbook, and where a running pilot stands —
 * read back from the tracker when the pane wrote it (useMemory.ts), not asked again.
 */
import { Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { EXPAND_KPI, EXTEND_KPI, PILOT_MONTHS, ROI_TARGET_LOW } from '../../../rules';
import { writePilot, type WrittenSheet } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { NumberField } from '../components/NumberField';
import { useStyles } from '../components/styles';
import { allReady, codeLabel, decisionPreview, PILOT_FIELDS, pilotInput, pilotPreview } from '../model';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

export function PilotStep() {
  const { t, language, state, dispatch, readings, formats } = usePane();
  const styles = useStyles();
  const [submitted, setSubmitted] = useState(false);
  const write = useAction<WrittenSheet>(
    (options) => writePilot(pilotInput(state, readings), options),
    () => t('action.unexpected'),
    () => dispatch({ type: 'done', step: 'pilot' }),
  );
  const recommendation = decisionPreview(state, readings)?.code;
  const hiring = recommendation === 'HIRE' || recommendation === 'HIRE_LEAD';
  const kpiMissing = submitted && state.texts.kpiName.trim() === '';
  const kpiLabel = t('pilot.kpi');

  return (
    <StepSection step="pilot" intro={t('pilot.intro', { months: PILOT_MONTHS })}>
      {hiring && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('pilot.notNeeded')}</MessageBarBody>
        </MessageBar>
      )}
      {state.done.includes('pilot') && state.texts.kpiName !== '' && (
        <Text as="p" className={styles.heading} data-testid="pilot-from-tracker">
          {t('pilot.fromTracker')}
        </Text>
      )}
      <Field
        label={kpiLabel}
        hint={t('pilot.kpi.hint')}
        required
        validationMessage={kpiMissing ? t('field.required', { field: kpiLabel }) : undefined}
        validationState={kpiMissing ? 'error' : 'none'}
      >
        <Input value={state.texts.kpiName} onChange={(_, data) => dispatch({ type: 'text', id: 'kpiName', value: data.value })} />
      </Field>
      <NumberField id="target1" label="pilot.target1" required submitted={submitted} />
      <NumberField id="target2" label="pilot.target2" required submitted={submitted} />
      <NumberField id="target3" label="pilot.target3" required submitted={submitted} />
      <Checkbox
        checked={state.flags.useRoi}
        onChange={(_, data) => dispatch({ type: 'flag', id: 'useRoi', value: data.checked === true })}
        label={t('pilot.useRoi', { roi: formats.number(ROI_TARGET_LOW) })}
      />
      <Text as="p" className={styles.heading}>
        {t('pilot.rules', {
          months: PILOT_MONTHS,
          expand: formats.percent(EXPAND_KPI),
          extend: formats.percent(EXTEND_KPI),
          roi: formats.number(ROI_TARGET_LOW),
        })}
      </Text>
      <ActionPanel
        action={write}
        label={t('pilot.write')}
        beforeRun={() => {
          setSubmitted(true);
          return state.texts.kpiName.trim() !== '' && allReady(state, readings, PILOT_FIELDS);
        }}
        renderDone={(value) => <WrittenMessage {...value} />}
      />

      <PilotStatus />
    </StepSection>
  );
}

/** Where a running pilot stands: months elapsed, achievement, ROI, reporting; the verdict. */
function PilotStatus() {
  const { t, language, state, dispatch, readings } = usePane();
  const styles = useStyles();
  const verdict = pilotPreview(state, readings);
  return (
    <section className={styles.section} aria-labelledby="mkt-pilot-status">
      <Text as="h3" id="mkt-pilot-status" weight="semibold" className={styles.heading}>
        {t('pilot.status')}
      </Text>
      <NumberField id="monthsElapsed" label="pilot.monthsElapsed" />
      <NumberField id="achievement" label="pilot.achievement" hint={t('pilot.achievement.hint')} />
      <NumberField id="pilotRoi" label="pilot.roi" hint={t('pilot.roi.hint')} />
      <Checkbox
        checked={state.flags.reportingOk}
        onChange={(_, data) => dispatch({ type: 'flag', id: 'reportingOk', value: data.checked === true })}
        label={t('pilot.reportingOk')}
      />
      <Text as="p" weight="semibold" className={styles.heading} aria-live="polite" data-testid="pilot-verdict">
        {verdict ? t('pilot.verdict', { verdict: codeLabel(verdict, language) }) : t('pilot.verdictPending')}
      </Text>
    </section>
  );
}
