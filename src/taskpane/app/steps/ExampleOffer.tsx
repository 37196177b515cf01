/**
 * « Insérer l'exemple », where a new user with no history meets it (the Diagnostic step before
 * anything was read): the example of the profile's region (France or Québec) put into the open
 * workbook where the host can insert sheets from a file (ExcelApi 1.13), otherwise — or when a
 * sheet of the same name is already there, or Excel refused — the file to download and open.
 * A chunk of its own (DiagnosticStep loads it after the first render).
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { exampleOffer, insertExample, type ExampleOffer as Offer, type InsertedExample } from '../../../excel';
import { usePane } from '../context';
import { OutsideLink } from '../components/OutsideLink';
import { useStyles } from '../components/styles';
import { exampleText, type ExampleKey } from '../../i18n/example';
import type { Params } from '../../i18n';

// The file's link in the theme's link colour (light and dark).
const useOfferStyles = makeStyles({ link: { color: tokens.colorBrandForegroundLink, alignSelf: 'flex-start' } });

type Phase = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; value: InsertedExample } | { phase: 'error'; detail: string };

export function ExampleOffer() {
  const { t: paneText, language, market, inExcel } = usePane();
  const t = (key: ExampleKey, params?: Params) => exampleText(language, key, params);
  const styles = useStyles();
  const offerStyles = useOfferStyles();
  const [offer, setOffer] = useState<Offer>();
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  useEffect(() => {
    let live = true;
    // A failed fetch of the layer's module leaves the offer out: the step works without it.
    exampleOffer(market).then((o) => live && setOffer(o), () => undefined);
    return () => {
      live = false;
    };
  }, [market]);
  if (!offer) return null;

  const quoted = (names: readonly string[]) => names.map((n) => (language === 'fr' ? `«\u00a0${n}\u00a0»` : `“${n}”`)).join(', ');
  const insert = async () => {
    setState({ phase: 'running' });
    try {
      const result = await insertExample(offer);
      setState(result.status === 'ok' ? { phase: 'done', value: result.value } : { phase: 'error', detail: result.message });
    } catch (error) {
      setState({ phase: 'error', detail: String((error as Error)?.message ?? error) });
    }
  };
  const inserted = state.phase === 'done' && state.value.inserted;
  const offerFile = !offer.canInsert || (state.phase === 'done' && !state.value.inserted) || state.phase === 'error';

  return (
    <section className={styles.section} aria-labelledby="mkt-example-title" data-testid="example-offer">
      <Text as="p" id="mkt-example-title" className={styles.heading}>
        {t(offer.example.id === 'budget-pme-qc' ? 'example.offer.QC' : 'example.offer.FR')}
      </Text>
      {offer.canInsert ? (
        <Button className={styles.pick} disabled={!inExcel || state.phase === 'running' || inserted} onClick={() => void insert()}>
          {t('example.insert')}
        </Button>
      ) : (
        <Text as="p" className={styles.heading} data-testid="example-no-insert">
          {t('example.noInsert')}
        </Text>
      )}
      <div aria-live="polite" className={styles.status}>
        {state.phase === 'running' && <Spinner size="tiny" label={paneText('action.running')} />}
        {state.phase === 'done' && (
          <MessageBar intent={state.value.inserted ? 'success' : 'warning'} layout="multiline" data-testid="example-result">
            <MessageBarBody>
              {state.value.inserted
                ? t('example.inserted', { sheets: quoted(state.value.sheets), first: state.value.sheets[0] })
                : t('example.clash', { count: state.value.clashes.length, names: quoted(state.value.clashes) })}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.phase === 'error' && (
          <MessageBar intent="error" layout="multiline" role="alert" data-testid="example-result">
            <MessageBarBody>{t('example.failed', { detail: state.detail })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {offerFile && (
        <OutsideLink href={offer.url} download={offer.example.file} className={offerStyles.link}>
          {t('example.download', { file: offer.example.file })}
        </OutsideLink>
      )}
    </section>
  );
}
