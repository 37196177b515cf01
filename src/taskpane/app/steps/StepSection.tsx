/** The frame of a step: its heading (focused when the step opens), intro, body and footer. */
import { Text } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { usePane } from '../context';
import { StepFooter } from '../components/StepNav';
import { useStyles } from '../components/styles';
import { isStep, STEPS, type ViewId } from '../state';

export function StepSection({ step, intro, children }: { step: ViewId; intro: string; children: ReactNode }) {
  const { t } = usePane();
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new step's heading when the user changes step, not on the first render.
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);
  return (
    <section className={styles.section} aria-labelledby={`mkt-step-${step}`}>
      <Text as="h2" id={`mkt-step-${step}`} size={400} weight="semibold" className={styles.heading} ref={heading} tabIndex={-1}>
        {isStep(step)
          ? t('app.stepHeading', { n: STEPS.indexOf(step) + 1, total: STEPS.length, name: t(`step.${step}`) })
          : t('app.toolHeading', { name: t(`step.${step}`) })}
      </Text>
      <Text as="p" className={styles.heading}>
        {intro}
      </Text>
      {children}
      <StepFooter />
    </section>
  );
}
