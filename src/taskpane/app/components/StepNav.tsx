/** The steps, in the seed's order; the current one is marked for assistive technology. */
import { Button } from '@fluentui/react-components';
import { usePane } from '../context';
import { STEPS } from '../state';
import { useStyles } from './styles';

export function StepNav() {
  const { t, state, dispatch } = usePane();
  const styles = useStyles();
  return (
    <nav aria-label={t('app.steps')}>
      <ol className={styles.nav}>
        {STEPS.map((step, i) => {
          const current = state.step === step;
          return (
            <li key={step}>
              <Button
                size="small"
                appearance={current ? 'primary' : 'secondary'}
                aria-current={current ? 'step' : undefined}
                onClick={() => dispatch({ type: 'step', step })}
              >
                {t('app.stepButton', { n: i + 1, name: t(`step.${step}`) })}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Previous / next at the bottom of a step. */
export function StepFooter() {
  const { t, state, dispatch } = usePane();
  const styles = useStyles();
  const index = STEPS.indexOf(state.step);
  const go = (delta: number) => dispatch({ type: 'step', step: STEPS[index + delta] });
  return (
    <div className={styles.navButtons}>
      {index > 0 ? <Button onClick={() => go(-1)}>{t('app.previous')}</Button> : <span />}
      {index < STEPS.length - 1 && (
        <Button appearance="secondary" onClick={() => go(1)}>
          {t('app.next')}
        </Button>
      )}
    </div>
  );
}
