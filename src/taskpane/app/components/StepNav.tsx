/**
 * The journey's steps in the method's order, each marked done or current (for assistive
 * technology too: aria-current="step" and the status in the button's name), and the tools menu
 * beside it — tools are not steps and carry no number.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { usePane } from '../context';
import { isStep, STEPS, TOOLS } from '../state';
import { useStyles } from './styles';

export function StepNav() {
  const { t, state, dispatch } = usePane();
  const styles = useStyles();
  return (
    <nav aria-label={t('app.steps')}>
      <ol className={styles.nav}>
        {STEPS.map((step, i) => {
          const current = state.step === step;
          const done = state.done.includes(step);
          const status = [current ? t('app.step.current') : '', done ? t('app.step.done') : ''].filter(Boolean).join(', ');
          return (
            <li key={step}>
              <Button
                size="small"
                appearance={current ? 'primary' : done ? 'outline' : 'secondary'}
                aria-current={current ? 'step' : undefined}
                onClick={() => dispatch({ type: 'step', step })}
              >
                {done && <span aria-hidden="true">✓ </span>}
                {t('app.stepButton', { n: i + 1, name: t(`step.${step}`) })}
                {status && <span className={styles.visuallyHidden}>{` (${status})`}</span>}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * Explain, Repair, Share and Remove: one disclosure beside the journey (a button that shows the
 * tools' list), without a menu component: no popup to manage, one more package kept out of the pane.
 */
export function ToolsMenu() {
  const { t, state, dispatch } = usePane();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <nav aria-label={t('app.tools')} className={styles.tools}>
      <Button size="small" appearance={isStep(state.step) ? 'subtle' : 'primary'} aria-expanded={open} aria-controls="mkt-tools" onClick={() => setOpen(!open)}>
        {t('app.tools')}
      </Button>
      {open && (
        <ul id="mkt-tools" className={styles.nav}>
          {TOOLS.map((tool) => (
            <li key={tool}>
              <Button
                size="small"
                appearance={state.step === tool ? 'primary' : 'secondary'}
                aria-current={state.step === tool ? 'page' : undefined}
                onClick={() => {
                  dispatch({ type: 'step', step: tool });
                  setOpen(false);
                }}
              >
                {t(`step.${tool}`)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** Previous / next at the bottom of a step; a tool offers the way back to the journey. */
export function StepFooter() {
  const { t, state, dispatch } = usePane();
  const styles = useStyles();
  if (!isStep(state.step)) {
    const back = STEPS.find((s) => !state.done.includes(s)) ?? STEPS[STEPS.length - 1];
    return (
      <div className={styles.navButtons}>
        <Button onClick={() => dispatch({ type: 'step', step: back })}>{t('app.backToJourney')}</Button>
      </div>
    );
  }
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
