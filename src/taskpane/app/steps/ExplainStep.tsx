/** Tool — Explain (beside the journey, not a step): why the selected MKT formula gives its result, in plain words. */
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { explainSelectedCell, type Explanation } from '../../../excel';
import { usePane } from '../context';
import { ActionPanel } from '../components/ActionPanel';
import { useStyles } from '../components/styles';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

export function ExplainStep() {
  const { t, language, market } = usePane();
  const styles = useStyles();
  const explain = useAction<Explanation>(() => explainSelectedCell(language, market === 'QC' ? 'QC' : 'FR'), () => t('action.unexpected'));

  const renderDone = (value: Explanation) => (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <Text as="p" weight="semibold" className={styles.heading}>
          {value.summary}
        </Text>
        <ul className={styles.list} data-testid="explanation">
          {value.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );

  return (
    <StepSection step="explain" intro={t('explain.intro')}>
      <ActionPanel action={explain} label={t('explain.run')} renderDone={renderDone} />
    </StepSection>
  );
}
