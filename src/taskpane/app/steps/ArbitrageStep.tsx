/**
 * Step 3 — Arbitrage: share a monthly budget between the Diagnostic's channels, by marginal
 * return when the history allows it (MKT.ALLOCATE_MARGINAL, 6 usable months) or by average
 * return with a ceiling (MKT.ALLOCATE, cap 1.5). Before anything is written the pane shows the
 * split against today's monthly spend, a small chart, the expected revenue and, with a margin,
 * the contribution — all computed by the rules (arbitragePreview in src/excel/sheets/arbitrage-preview.ts).
 */
import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ALLOCATION_CAP, ALLOCATION_FLOOR, CURVE_MIN_MONTHS, isRuleError, MARGINAL_CAP, ROI_TARGET_HIGH, ROI_TARGET_LOW } from '../../../rules';
import { formatMessage } from '../../../i18n/messages';
import { marginalWarnings, usableMonths, type ArbitrageMethod, type ArbitragePreview, type ChannelWarning, type WrittenSheet } from '../../../excel';
import { writeArbitrage } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { NumberField } from '../components/NumberField';
import { SplitChart } from '../components/SplitChart';
import { useStyles } from '../components/styles';
import { GlossaryLink } from '../components/OutsideLink';
import { arbitrageInput, arbitrageMethod, arbitragePreviewOf, hasMonthlyHistory } from '../arbitrage-model';
import { allReady, valueOf } from '../model';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

function Preview({ preview }: { preview: ArbitragePreview }) {
  const { t, formats } = usePane();
  const styles = useStyles();
  const roas = preview.proposedTotal > 0 ? preview.expectedRevenue / preview.proposedTotal : 0;
  return (
    <>
      <table className={styles.preview} data-testid="arbitrage-preview">
        <thead>
          <tr>
            <th scope="col" align="left">{t('arbitrage.preview.channel')}</th>
            <th scope="col" align="right">{t('arbitrage.preview.today')}</th>
            <th scope="col" align="right">{t('arbitrage.preview.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.channels.map((c, i) => (
            <tr key={i}>
              <th scope="row" align="left" className={styles.channel}>
                <bdi>{c.name}</bdi>
              </th>
              <td align="right">{formats.amount(c.todayMonthly)}</td>
              <td align="right">{formats.amount(c.proposedMonthly)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" align="left">{t('arbitrage.preview.total')}</th>
            <td align="right">{formats.amount(preview.todayTotal)}</td>
            <td align="right">{formats.amount(preview.proposedTotal)}</td>
          </tr>
        </tbody>
      </table>
      <Text as="p" className={styles.heading}>
        {t('arbitrage.preview.todayDefinition', { months: preview.months })}
      </Text>
      <SplitChart channels={preview.channels} />
      <Text as="p" className={styles.heading} data-testid="arbitrage-expected">
        {t('arbitrage.preview.expected', { revenue: formats.amount(preview.expectedRevenue), budget: formats.amount(preview.proposedTotal), roas: formats.number(roas, 1) })}
        <GlossaryLink term="roas" />
      </Text>
      {preview.contribution !== undefined && preview.breakevenRoas !== undefined && (
        <Text as="p" className={styles.heading} data-testid="arbitrage-contribution">
          {t('arbitrage.preview.contribution', {
            margin: formats.percent(preview.margin ?? 0),
            contribution: formats.amount(preview.contribution),
            breakeven: formats.number(preview.breakevenRoas, 1),
          })}
          <GlossaryLink term="roas-equilibre" />
        </Text>
      )}
      {preview.contribution !== undefined && preview.contribution < 0 && preview.breakevenRoas !== undefined && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('arbitrage.preview.loss', { breakeven: formats.amount(preview.breakevenRoas) })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export function ArbitrageStep() {
  const { t, state, readings, formats, dispatch, language } = usePane();
  const styles = useStyles();
  const [submitted, setSubmitted] = useState(false);
  const input = arbitrageInput(state, readings);
  const method = arbitrageMethod(state);
  const marginal = method === 'marginal';
  const monthly = hasMonthlyHistory(state);
  const write = useAction<WrittenSheet>(
    (options) => writeArbitrage(arbitrageInput(state, readings)!, options),
    () => t('action.unexpected'),
    () => dispatch({ type: 'done', step: 'arbitrage' }),
  );
  // Plain-words warnings from the rules on the Diagnostic's months: LINEAR fits and binding ceilings.
  const warnings = marginal && monthly && state.source ? marginalWarnings({ ...state.source, layout: state.layout! }, valueOf(readings, 'totalBudget'), language) : [];
  const usable = state.source && state.layout ? usableMonths(state.source, state.layout) : 0;

  return (
    <StepSection step="arbitrage" intro={t('arbitrage.intro')}>
      {!input && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('arbitrage.needDiagnostic')}</MessageBarBody>
        </MessageBar>
      )}
      {input && (
        <Text as="p" className={styles.heading} data-testid="arbitrage-method-default">
          {usable >= CURVE_MIN_MONTHS
            ? t('arbitrage.methodDefault.marginal', { months: usable })
            : t('arbitrage.methodDefault.average', { min: CURVE_MIN_MONTHS, cap: formats.number(ALLOCATION_CAP) })}
        </Text>
      )}
      <BudgetFields marginal={marginal} askMonths={input !== undefined && !monthly} submitted={submitted} />
      {input && <PreviewSection />}
      {warnings.length > 0 && <MarginalWarnings warnings={warnings} />}
      <MethodChoice method={method} />
      {input && marginal && !monthly && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('arbitrage.marginal.needMonthly')}</MessageBarBody>
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

/** The budget to share, the history's months when the read has no months, and the gross margin. */
function BudgetFields({ marginal, askMonths, submitted }: { marginal: boolean; askMonths: boolean; submitted: boolean }) {
  const { t } = usePane();
  return (
    <>
      <NumberField
        id="totalBudget"
        label="arbitrage.budget"
        hint={t(marginal ? 'arbitrage.marginal.budget.hint' : 'arbitrage.budget.hint')}
        required
        submitted={submitted}
        pickable
      />
      {askMonths && <NumberField id="historyMonths" label="arbitrage.months" hint={t('arbitrage.months.hint')} placeholder="12" />}
      <NumberField
        id="grossMargin"
        label={marginal ? 'arbitrage.marginal.margin' : 'arbitrage.margin'}
        hint={t(marginal ? 'arbitrage.marginal.margin.hint' : 'arbitrage.margin.hint')}
        required={marginal}
        submitted={submitted}
        pickable
        glossary="contribution"
      />
    </>
  );
}

/** The split before anything is written, or why there is none yet. */
function PreviewSection() {
  const { t, state, readings, language } = usePane();
  const styles = useStyles();
  const preview = arbitragePreviewOf(state, readings);
  return (
    <section className={styles.section} aria-labelledby="mkt-preview-title" aria-live="polite">
      <Text as="h3" id="mkt-preview-title" weight="semibold" className={styles.heading}>
        {t('arbitrage.preview')}
      </Text>
      {preview === undefined ? (
        <Text as="p" className={styles.heading}>
          {t('arbitrage.preview.pending')}
        </Text>
      ) : isRuleError(preview) ? (
        <MessageBar intent="warning" layout="multiline" data-testid="arbitrage-preview-error">
          <MessageBarBody>{t('arbitrage.preview.error', { message: formatMessage(preview.key, preview.params, language) })}</MessageBarBody>
        </MessageBar>
      ) : (
        <Preview preview={preview} />
      )}
    </section>
  );
}

function MarginalWarnings({ warnings }: { warnings: readonly ChannelWarning[] }) {
  const { t } = usePane();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="marginal-warnings">
      <MessageBarBody>
        <Text as="p" weight="semibold">
          {t('arbitrage.marginal.warnings')}
          <GlossaryLink term="courbe-reponse" />
        </Text>
        <ul>
          {warnings.map((w) => (
            <li key={`${w.channel}-${w.kind}`}>{w.channel > 0 ? t('arbitrage.marginal.channel', { channel: w.channel, name: w.name, text: w.text }) : w.text}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Average return with a ceiling, or marginal return; and the rule of the chosen one. */
function MethodChoice({ method }: { method: ArbitrageMethod }) {
  const { t, formats, dispatch } = usePane();
  const styles = useStyles();
  return (
    <>
      <Field label={t('arbitrage.method')}>
        <RadioGroup value={method} onChange={(_, data) => dispatch({ type: 'method', method: data.value === 'marginal' ? 'marginal' : 'average' })}>
          <Radio value="average" label={t('arbitrage.method.average')} />
          <Radio value="marginal" label={t('arbitrage.method.marginal')} />
        </RadioGroup>
      </Field>
      <Text as="p" className={styles.heading}>
        {method === 'marginal'
          ? t('arbitrage.marginal.intro', { cap: formats.number(MARGINAL_CAP) })
          : t('arbitrage.floorRule', {
              floor: formats.number(ALLOCATION_FLOOR),
              low: formats.number(ROI_TARGET_LOW),
              high: formats.number(ROI_TARGET_HIGH),
              cap: formats.number(ALLOCATION_CAP),
            })}
        <GlossaryLink term={method === 'marginal' ? 'rendement-marginal' : 'roas'} />
      </Text>
    </>
  );
}
