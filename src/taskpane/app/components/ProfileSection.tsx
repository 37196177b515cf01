/**
 * Market, business model and margin → the budget profile and the currency of what the pane writes.
 * Once confirmed (or restored from the workbook's memory) it folds into one line with "Modifier".
 */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import type { BusinessModel, MarginLevel } from '../../../rules/tiers';
import { currencyOf, type Market } from '../../i18n';
import { usePane } from '../context';
import { budgetProfileOf, profileFactor } from '../model';
import { MARGINS, MARKETS, MODELS } from '../state';
import { useStyles } from './styles';

export function ProfileSection() {
  const { t, state, dispatch, formats } = usePane();
  const styles = useStyles();
  const currency = currencyOf(state.market) ?? 'NONE';
  const summary = t('profile.summary', {
    profile: t(`profile.name.${budgetProfileOf(state)}`),
    factor: formats.number(profileFactor(state)),
    currency: t(`profile.currency.${currency}`),
  });
  if (state.profileSet) {
    return (
      <section className={styles.profileLine} aria-labelledby="mkt-profile-title">
        <Text as="h2" id="mkt-profile-title" weight="semibold" className={styles.heading}>
          {t('profile.title')}
        </Text>
        <Text as="p" className={styles.heading} data-testid="profile-summary">
          {t('profile.line', {
            market: t(`profile.market.${state.market}`),
            model: t(`profile.model.${state.model}`),
            margin: t(`profile.margin.${state.margin}`),
          })}{' '}
          <span className={styles.visuallyHidden}>{summary}</span>
        </Text>
        <Button size="small" appearance="transparent" aria-label={t('profile.editLabel')} onClick={() => dispatch({ type: 'profileSet', value: false })}>
          {t('profile.edit')}
        </Button>
      </section>
    );
  }
  return (
    <section className={styles.section} aria-labelledby="mkt-profile-title">
      <Text as="h2" id="mkt-profile-title" size={400} weight="semibold" className={styles.heading}>
        {t('profile.title')}
      </Text>
      <Field label={t('profile.market')}>
        <Select value={state.market} onChange={(_, data) => dispatch({ type: 'market', market: data.value as Market })}>
          {MARKETS.map((market) => (
            <option key={market} value={market}>
              {t(`profile.market.${market}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('profile.model')}>
        <Select value={state.model} onChange={(_, data) => dispatch({ type: 'model', model: data.value as BusinessModel })}>
          {MODELS.map((model) => (
            <option key={model} value={model}>
              {t(`profile.model.${model}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('profile.margin')}>
        <Select value={state.margin} onChange={(_, data) => dispatch({ type: 'margin', margin: data.value as MarginLevel })}>
          {MARGINS.map((margin) => (
            <option key={margin} value={margin}>
              {t(`profile.margin.${margin}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Text as="p" className={styles.heading} data-testid="profile-summary">
        {summary}
      </Text>
      <Button appearance="secondary" onClick={() => dispatch({ type: 'profileSet', value: true })}>
        {t('profile.confirm')}
      </Button>
    </section>
  );
}
