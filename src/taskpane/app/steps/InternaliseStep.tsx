/**
 * Step 2 — Décision (file name kept from the in-house check it grew from): the three signals of
 * seed 000, the budget tier of seed 003 and, when the workbook holds it, the cost of hiring
 * (MKT_CROSSOVER_MONTH) give ONE recommendation, MKT.DECISION's rule, with its reason in one
 * sentence, the next step, and a warning when the inputs disagree. The signals follow as the
 * details of the why.
 */
import { Badge, Card, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { COMPLEXITY_HOURS, CRITICAL_MASS_RATIO, CRITICAL_MASS_STRONG_RATIO } from '../../../rules';
import { writeInternalisation, type WrittenSheet } from '../../../excel';
import type { StringKey } from '../../i18n';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { NumberField } from '../components/NumberField';
import { useStyles } from '../components/styles';
import {
  allReady,
  decisionPreview,
  decisionWords,
  feesDisagree,
  INTERNALISE_FIELDS,
  internalisationInput,
  internalisePreview,
  labelLanguage,
  salaryLeftToHiring,
  valueOf,
} from '../model';
import { useAction } from '../useAction';
import { HiringCostPanel } from './HiringCostPanel';
import { StepSection } from './StepSection';

function Signal({ title, status, on, rule, value }: { title: string; status: string; on: boolean | undefined; rule: string; value?: string }) {
  const styles = useStyles();
  return (
    <Card className={styles.signal}>
      <div className={styles.signalHead}>
        <Text as="h4" weight="semibold" className={styles.heading}>
          {title}
        </Text>
        <Badge appearance={on ? 'filled' : 'outline'} color={on ? 'brand' : 'informative'}>
          {status}
        </Badge>
      </div>
      <Text as="p" className={styles.heading}>
        {rule}
      </Text>
      {value && (
        <Text as="p" className={styles.heading}>
          {value}
        </Text>
      )}
    </Card>
  );
}

/** The one recommendation: headline, reason, next step; a warning when the figures disagree. */
function Recommendation({ hiringLoaded }: { hiringLoaded: number | undefined }) {
  const { t, state, readings, formats } = usePane();
  const styles = useStyles();
  const preview = decisionPreview(state, readings, hiringLoaded);
  const words = preview && decisionWords(preview, state, readings, t, formats, labelLanguage(state));
  const disagree = feesDisagree(readings);
  return (
    <section className={styles.section} aria-labelledby="mkt-decision-title" aria-live="polite">
      <Text as="h3" id="mkt-decision-title" weight="semibold" className={styles.heading}>
        {t('decision.title')}
      </Text>
      {words ? (
        <Card>
          <Text as="p" className={styles.headline} data-testid="decision-headline">
            {words.headline}
          </Text>
          <Text as="p" className={styles.heading} data-testid="decision-reason">
            {words.reason}
          </Text>
          <Text as="p" className={styles.heading} data-testid="decision-next">
            {words.next}
          </Text>
        </Card>
      ) : (
        <Text as="p" className={styles.heading} data-testid="decision-headline">
          {t('decision.pending')}
        </Text>
      )}
      {disagree && (
        <MessageBar intent="warning" layout="multiline" data-testid="decision-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('decision.warning.title')}</MessageBarTitle>
            {t('decision.warning.disagree', { fees: formats.amount(disagree.fees), yearly: formats.amount(disagree.yearly) })}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * Where the cost of hiring goes. Issue 16's HiringCostPanel (gross salary → loaded salary, cost
 * of hiring, crossover) mounts here; it writes MKT_CROSSOVER_MONTH, which the pane reads back
 * (state.crossoverMonth) and MKT.DECISION takes as its third argument.
 */
function HiringCostSlot({ yearlyFees, onLoadedSalary }: { yearlyFees: number | undefined; onLoadedSalary: (v: number | undefined) => void }) {
  const { t, state, market } = usePane();
  const styles = useStyles();
  const month = state.crossoverMonth;
  return (
    <section className={styles.section} data-testid="hiring-cost-slot">
      <HiringCostPanel key={market} yearlyFees={yearlyFees} onLoadedSalary={onLoadedSalary} />
      {month !== undefined && (
        <Text as="p" className={styles.heading}>
          {t('decision.hiringCost', { text: month > 0 ? t('decision.hiringCost.month', { month }) : t('decision.hiringCost.never') })}
        </Text>
      )}
    </section>
  );
}

export function InternaliseStep() {
  const { t, state, dispatch, readings } = usePane();
  const [submitted, setSubmitted] = useState(false);
  // The hiring-cost panel's loaded salary stands in for an empty salary field (Signal 2).
  const [hiringLoaded, setHiringLoaded] = useState<number>();
  const onLoadedSalary = useCallback((v: number | undefined) => setHiringLoaded(v), []);
  const write = useAction<WrittenSheet>(
    (options) => writeInternalisation(internalisationInput(state, readings), options),
    () => t('action.unexpected'),
    () => dispatch({ type: 'done', step: 'internalise' }),
  );

  return (
    <StepSection step="internalise" intro={t('internalise.intro')}>
      <DecisionFields submitted={submitted} />
      <HiringCostSlot yearlyFees={valueOf(readings, 'fees')} onLoadedSalary={onLoadedSalary} />

      <Recommendation hiringLoaded={hiringLoaded} />

      <ActionPanel
        action={write}
        label={t('internalise.write')}
        beforeRun={() => {
          setSubmitted(true);
          return allReady(state, readings, INTERNALISE_FIELDS);
        }}
        renderDone={(value) => <WrittenMessage {...value} />}
      />


      <SignalDetails hiringLoaded={hiringLoaded} />
    </StepSection>
  );
}

/** What the decision reads: hours, fees, salary (or the hiring panel's), the data need, the budget. */
function DecisionFields({ submitted }: { submitted: boolean }) {
  const { t, state, dispatch, readings } = usePane();
  return (
    <>
      <NumberField id="hours" label="internalise.hours" hint={t('internalise.hours.hint')} required submitted={submitted} pickable />
      <NumberField id="fees" label="internalise.fees" hint={t('internalise.fees.hint')} required submitted={submitted} pickable />
      <NumberField
        id="salary"
        label="internalise.salary"
        hint={salaryLeftToHiring(state, readings) ? `${t('internalise.salary.hint')} ${t('hiring.fromHiring')}` : t('internalise.salary.hint')}
        submitted={submitted}
        pickable
      />
      <Checkbox
        checked={state.flags.dataNeed}
        onChange={(_, data) => dispatch({ type: 'flag', id: 'dataNeed', value: data.checked === true })}
        label={t('internalise.data')}
      />
      <NumberField id="monthlyBudget" label="internalise.budget" hint={t('internalise.budget.hint')} required submitted={submitted} pickable />
    </>
  );
}

/** The details of the why: the three signals, their rule, and the budget tiers. */
function SignalDetails({ hiringLoaded }: { hiringLoaded: number | undefined }) {
  const { t, state, readings, formats } = usePane();
  const styles = useStyles();
  const preview = internalisePreview(state, readings, hiringLoaded);
  const a = preview.assessment;
  const hours = valueOf(readings, 'hours');
  const pending = t('internalise.badgePending');
  const onOff = (on: boolean | undefined): string => (on === undefined ? pending : t(on ? 'internalise.on' : 'internalise.off'));
  const zoneKey: Record<string, StringKey> = { OFF: 'internalise.off', TIPPING: 'internalise.tipping', STRONG: 'internalise.strong' };
  return (
    <section className={styles.section} aria-labelledby="mkt-signals-title">
      <Text as="h3" id="mkt-signals-title" weight="semibold" className={styles.heading}>
        {t('decision.details')}
      </Text>
      <Signal
        title={t('internalise.s1.title')}
        on={a?.complexity}
        status={onOff(a?.complexity)}
        rule={t('internalise.s1.rule', { hours: formats.hours(COMPLEXITY_HOURS) })}
        value={hours === undefined ? undefined : t('internalise.s1.value', { hours: formats.hours(hours) })}
      />
      <Signal
        title={t('internalise.s2.title')}
        on={a?.criticalMass}
        status={a ? t(zoneKey[a.criticalMassZone]) : pending}
        rule={t('internalise.s2.rule', {
          ratio: formats.percent(CRITICAL_MASS_RATIO),
          low: formats.percent(CRITICAL_MASS_RATIO),
          high: formats.percent(CRITICAL_MASS_STRONG_RATIO),
        })}
        value={[
          a ? t('internalise.s2.value', { ratio: formats.percent(a.feesToSalary) }) : '',
          preview.breakeven === undefined ? '' : t('internalise.s2.breakeven', { amount: formats.amount(preview.breakeven) }),
        ]
          .filter(Boolean)
          .join(' ')}
      />
      <Signal
        title={t('internalise.s3.title')}
        on={state.flags.dataNeed}
        status={onOff(state.flags.dataNeed)}
        rule={t('internalise.s3.rule')}
        value={t(state.flags.dataNeed ? 'internalise.s3.value.yes' : 'internalise.s3.value.no')}
      />
      <Text as="p" className={styles.heading}>
        {t('internalise.rule')}
      </Text>
      <Text as="p" className={styles.heading}>
        {t('internalise.thresholds', {
          partial: formats.amount(preview.thresholds.partial),
          regular: formats.amount(preview.thresholds.regular),
          full: formats.amount(preview.thresholds.full),
        })}
      </Text>
    </section>
  );
}
