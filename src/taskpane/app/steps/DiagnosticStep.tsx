/** Step 1 — Diagnostic: point at a table or the selection, check the detected layout, write the sheet. */
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { isUsableLayout, listTables, readSource, writeDiagnostic, type DetectedLayout, type WrittenSheet } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { useStyles } from '../components/styles';
import { channelViews, codeLabel, columnChoices, diagnosticInput, roasDetail, valueOf, workbookProfile } from '../model';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

type Origin = 'table' | 'selection';
type ColumnRole = 'channel' | 'spend' | 'revenue';

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
  const write = useAction<WrittenSheet>((options) => writeDiagnostic(diagnosticInput(state)!, options), unexpected, () => dispatch({ type: 'done', step: 'diagnostic' }));

  const layout = state.layout;
  const source = state.source;
  const choices = source && layout ? columnChoices(source, layout) : [];
  const setColumn = (role: ColumnRole, column: number) => {
    if (!layout) return;
    const next: DetectedLayout =
      role === 'channel' ? { ...layout, channelColumn: column } : { ...layout, [role]: { ...layout[role], first: column } };
    dispatch({ type: 'layout', layout: next });
  };
  const usable = source !== undefined && layout !== undefined && isUsableLayout(layout, source.source.columnCount);
  const columnLabel = (role: ColumnRole) =>
    layout?.kind === 'monthly' && role !== 'channel' ? t(`diagnostic.column.${role}.monthly`) : t(`diagnostic.column.${role}`);
  const columnOf = (role: ColumnRole) => (!layout ? 0 : role === 'channel' ? layout.channelColumn : layout[role].first);

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
      {source && layout && (
        <section className={styles.section} aria-labelledby="mkt-layout-title">
          <Text as="h3" id="mkt-layout-title" weight="semibold" className={styles.heading}>
            {t('diagnostic.layout')}
          </Text>
          <Text as="p" className={styles.heading}>
            {t('diagnostic.layoutSource', {
              address: source.source.address,
              rows: layout.lastDataRow - layout.firstDataRow + 1,
              kind: t(`layout.kind.${layout.kind}`),
            })}
          </Text>
          <MessageBar intent={layout.confident ? 'info' : 'warning'} layout="multiline">
            <MessageBarBody>{t(layout.confident ? 'diagnostic.sure' : 'diagnostic.unsure')}</MessageBarBody>
          </MessageBar>
          {layout.issues.length > 0 && (
            <ul className={styles.list} aria-label={t('diagnostic.warnings')}>
              {layout.issues.map((issue) => (
                <li key={issue}>{t(`layout.issue.${issue}`)}</li>
              ))}
            </ul>
          )}
          {(['channel', 'spend', 'revenue'] as const).map((role) => (
            <Field key={role} label={columnLabel(role)}>
              <Select value={String(columnOf(role))} onChange={(_, data) => setColumn(role, Number(data.value))}>
                {choices.map((choice) => (
                  <option key={choice.index} value={String(choice.index)}>
                    {choice.header === undefined ? choice.letter : t('diagnostic.columnChoice', { letter: choice.letter, header: choice.header })}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Text as="h3" weight="semibold" className={styles.heading}>
            {t('diagnostic.channels')}
          </Text>
          <ul className={styles.list} data-testid="channels">
            {channelViews(source.channels, valueOf(readings, 'grossMargin')).map((channel, i) => (
              <li key={i} className={styles.channel}>
                {withIsolatedName(
                  channel.ratio === undefined || channel.band === undefined
                    ? t('diagnostic.channelNoSpend', { channel: NAME_SLOT })
                    : t('diagnostic.channelLine', {
                        channel: NAME_SLOT,
                        ratio: formats.number(channel.ratio, 1),
                        band: codeLabel(channel.band, language),
                        detail: roasDetail(channel, valueOf(readings, 'grossMargin'), t, formats),
                      }),
                  channel.name,
                )}
              </li>
            ))}
          </ul>
          {!usable && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('diagnostic.badLayout')}</MessageBarBody>
            </MessageBar>
          )}
          <ActionPanel action={write} label={t('diagnostic.write')} disabled={!usable} renderDone={(value) => <WrittenMessage {...value} />} />
        </section>
      )}
    </StepSection>
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
