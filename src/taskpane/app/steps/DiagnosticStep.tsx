/**
 * Step 1 — Diagnostic: point at a table or the selection; the history reader says what it read
 * (channels with their totals, the period, what it left out and why) and whether it is sure; an
 * unsure read is confirmed or corrected by the user before anything is written.
 */
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { isUsableLayout, listTables, readSource, withPicksLater, withSuggestedPicksLater, writeDiagnostic, type Candidate, type SourceData, type WrittenSheet } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { useStyles } from '../components/styles';
import { channelViews, codeLabel, diagnosticInput, roasDetail, valueOf, workbookProfile } from '../model';
import { cellName, isSureRead, leftOutLines } from './diagnostic-model';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';
import { later } from '../later';
import { GlossaryLink } from '../components/OutsideLink';

// « Insérer l'exemple »: its own chunk, fetched once the step shows; nothing while it loads.
const Example = later(() => import(/* webpackChunkName: "example-offer" */ './ExampleOffer').then((m) => m.ExampleOffer), () => null, 'ExampleOffer');

type Origin = 'table' | 'selection';

export function DiagnosticStep() {
  const { t, language, state, dispatch, formats, inExcel, readings } = usePane();
  const styles = useStyles();
  const [origin, setOrigin] = useState<Origin>('selection');
  const [table, setTable] = useState('');
  const unexpected = () => t('action.unexpected');

  const tables = useAction<string[]>(() => listTables(language), unexpected, (names) => setTable(names[0] ?? ''));
  const detect = useAction(
    () => readSource(origin === 'table' ? { table } : { selection: true }, workbookProfile(state)),
    unexpected,
    (source) => dispatch({ type: 'source', source }),
  );

  const layout = state.layout;
  const source = state.source;

  return (
    <StepSection step="diagnostic" intro={t('diagnostic.intro')}>
      <Field label={t('diagnostic.source')}>
        <RadioGroup value={origin} onChange={(_, data) => setOrigin(data.value as Origin)}>
          <Radio value="selection" label={t('diagnostic.source.selection')} />
          <Radio value="table" label={t('diagnostic.source.table')} />
        </RadioGroup>
      </Field>
      {origin === 'table' && (
        <>
          <Button disabled={!inExcel || tables.state.phase === 'running'} onClick={() => void tables.run()}>
            {t('diagnostic.loadTables')}
          </Button>
          {tables.state.phase === 'error' && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{tables.state.message}</MessageBarBody>
            </MessageBar>
          )}
          {tables.state.phase === 'done' &&
            (tables.state.value.length === 0 ? (
              <MessageBar intent="info">
                <MessageBarBody>{t('diagnostic.noTables')}</MessageBarBody>
              </MessageBar>
            ) : (
              <Field label={t('diagnostic.table')}>
                <Select value={table} onChange={(_, data) => setTable(data.value)}>
                  {tables.state.value.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
        </>
      )}
      <ActionPanel
        action={detect}
        label={t('diagnostic.detect')}
        disabled={origin === 'table' && table === ''}
        renderDone={() => null}
      />
      {source && layout ? <HistoryRead /> : inExcel && <Example.Component />}
    </StepSection>
  );
}

/** What the reader read, its questions when unsure, and the write (refused until the read is sure). */
function HistoryRead() {
  const { t, state, dispatch } = usePane();
  const styles = useStyles();
  const write = useAction<WrittenSheet>((options) => writeDiagnostic(diagnosticInput(state)!, options), () => t('action.unexpected'), () => dispatch({ type: 'done', step: 'diagnostic' }));
  const source = state.source!;
  const layout = state.layout!;
  const history = source.history;
  const sure = isSureRead(source);
  const usable = isUsableLayout(layout, source.source.columnCount);

  return (
    <section className={styles.section} aria-labelledby="mkt-layout-title">
      <Text as="h3" id="mkt-layout-title" weight="semibold" className={styles.heading}>
        {t('diagnostic.read.title')}
      </Text>
      {history && <ReadSummary source={source} history={history} />}
      <MessageBar intent={sure ? 'info' : 'warning'} layout="multiline" data-testid="history-verdict">
        <MessageBarBody>{t(sure ? 'diagnostic.read.sure' : 'diagnostic.read.unsure')}</MessageBarBody>
      </MessageBar>
      {history && <ReadQuestions source={source} history={history} sure={sure} />}
      <ChannelTotals source={source} />
      {history && history.leftOut.length > 0 && <LeftOutList source={source} history={history} />}
      {history && history.warnings.length > 0 && <ReadWarnings source={source} history={history} />}
      {!usable && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('diagnostic.badLayout')}</MessageBarBody>
        </MessageBar>
      )}
      {usable && !sure && (
        <MessageBar intent="warning" layout="multiline" data-testid="confirm-first">
          <MessageBarBody>{t('diagnostic.confirmFirst')}</MessageBarBody>
        </MessageBar>
      )}
      <ActionPanel action={write} label={t('diagnostic.write')} disabled={!usable || !sure} renderDone={(value) => <WrittenMessage {...value} />} />
    </section>
  );
}

type Read = SourceData;
type ReadHistory = NonNullable<SourceData['history']>;

/** Where the history was read, in which form, over which months. */
function ReadSummary({ source, history }: { source: Read; history: ReadHistory }) {
  const { t } = usePane();
  const styles = useStyles();
  const address = source.source.tableName ? `${source.source.tableName} (${source.source.address})` : source.source.address;
  return (
    <Text as="p" className={styles.heading} data-testid="history-source">
      {t('diagnostic.read.source', { address, form: t(`diagnostic.form.${history.form}`) })}{' '}
      {history.period.months > 0
        ? t('diagnostic.read.period', { months: history.period.months, from: history.period.from ?? '', to: (history.period.to ?? '').replace(/\.$/, '') })
        : t('diagnostic.read.noPeriod')}
    </Text>
  );
}

/** An unsure read's questions, the columns to pick for spend and revenue, and its confirmation. */
function ReadQuestions({ source, history, sure }: { source: Read; history: ReadHistory; sure: boolean }) {
  const { t, dispatch, formats } = usePane();
  const styles = useStyles();
  // The history reader loads on the first pick or confirmation (the first render goes without it).
  const pick = (role: 'spend' | 'revenue', id: string) => void withPicksLater(source, { [role]: id }).then((next) => dispatch({ type: 'source', source: next }));
  const confirm = () => void withSuggestedPicksLater(source).then((next) => dispatch({ type: 'source', source: next }));
  const optionText = (c: Candidate) => t('diagnostic.pick.option', { label: c.label || t('diagnostic.pick.unnamed'), total: formats.amount(c.total) });
  return (
    <>
      {history.questions.length > 0 && (
        <ul className={styles.list} aria-label={t('diagnostic.read.unsure')} data-testid="history-questions">
          {history.questions.map((q, i) => (
            <li key={i}>{t(`diagnostic.question.${q.reason}`)}</li>
          ))}
        </ul>
      )}
      {(['spend', 'revenue'] as const).map((role) =>
        history.alternatives[role].length > 1 || (!sure && history.alternatives[role].length > 0) ? (
          <Field key={role} label={t(`diagnostic.pick.${role}`)}>
            <Select value={history.used[role]?.id ?? ''} onChange={(_, data) => pick(role, data.value)}>
              {history.used[role] === undefined && <option value="">—</option>}
              {history.alternatives[role].map((c) => (
                <option key={c.id} value={c.id}>
                  {optionText(c)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null,
      )}
      {!sure && history.used.spend && history.used.revenue && history.questions.every((q) => q.role !== undefined) && (
        <Button appearance="primary" className={styles.pick} onClick={confirm}>
          {t('diagnostic.confirm')}
        </Button>
      )}
    </>
  );
}

/** Each channel's spend and revenue, with its ROAS and band when it has spend. */
function ChannelTotals({ source }: { source: Read }) {
  const { t, language, formats, readings } = usePane();
  const styles = useStyles();
  const margin = valueOf(readings, 'grossMargin');
  return (
    <>
      <Text as="h3" weight="semibold" className={styles.heading}>
        {t('diagnostic.channels')}
        <GlossaryLink term="roas" />
      </Text>
      <ul className={styles.list} data-testid="channels">
        {channelViews(source.channels, margin).map((channel, i) => {
          const read = source.channels[i];
          const amounts = { spend: formats.amount(read.spend), revenue: formats.amount(read.revenue) };
          return (
            <li key={i} className={styles.channel}>
              {withIsolatedName(
                channel.ratio === undefined || channel.band === undefined
                  ? t('diagnostic.channelTotalsNoSpend', { channel: NAME_SLOT, ...amounts })
                  : t('diagnostic.channelTotals', {
                      channel: NAME_SLOT,
                      ...amounts,
                      ratio: formats.number(channel.ratio, 1),
                      band: codeLabel(channel.band, language),
                      detail: roasDetail(channel, margin, t, formats),
                    }),
                channel.name,
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The rows and columns the reader left out, and why. */
function LeftOutList({ source, history }: { source: Read; history: ReadHistory }) {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <>
      <Text as="h3" weight="semibold" className={styles.heading}>
        {t('diagnostic.leftOut.title')}
      </Text>
      <ul className={styles.list} data-testid="left-out">
        {leftOutLines(history, source.source).map((line, i) => (
          <li key={i} className={styles.channel}>
            {line.kind === 'row'
              ? t('diagnostic.leftOut.rows', { rows: line.where, label: line.label, why: t(`diagnostic.leftOut.reason.${line.reason}`) })
              : t('diagnostic.leftOut.columns', { columns: line.where, label: line.label, why: t(`diagnostic.leftOut.reason.${line.reason}`) })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the reader did that the user should know: text amounts read, repeats summed, a gap. */
function ReadWarnings({ source, history }: { source: Read; history: ReadHistory }) {
  const { t } = usePane();
  const styles = useStyles();
  const warningText = (w: ReadHistory['warnings'][number]) => {
    switch (w.code) {
      case 'textAmounts':
      case 'unreadAmounts':
        return t(`diagnostic.warning.${w.code}`, { count: w.count, example: w.example, cell: cellName(source.source, w.cell) });
      case 'summedRepeats':
        return t('diagnostic.warning.summedRepeats', { count: w.channels });
      case 'incomplete':
        return t('diagnostic.warning.incomplete');
    }
  };
  return (
    <>
      <Text as="h3" weight="semibold" className={styles.heading}>
        {t('diagnostic.warnings')}
      </Text>
      <ul className={styles.list} data-testid="history-warnings">
        {history.warnings.map((w, i) => (
          <li key={i} className={styles.channel}>
            {warningText(w)}
          </li>
        ))}
      </ul>
    </>
  );
}

// Where the channel name goes in a translated line; the name itself is rendered apart.
const NAME_SLOT = '\u0000';

/**
 * A line with the channel name (workbook text) in a <bdi>: an RTL override inside the name
 * cannot reorder the rest of the line ("ROAS … 4,5:1" stays as it is).
 */
function withIsolatedName(line: string, name: string) {
  const [before, ...after] = line.split(NAME_SLOT);
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after.join(name)}
    </>
  );
}
