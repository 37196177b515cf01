/**
 * Tool — Share (beside the journey, not a step): a portable copy of the workbook for people without MKT, every MKT formula
 * translated into native functions (src/portable), opened as a new workbook; the open workbook
 * is never changed. The translator is loaded only when this step opens.
 */
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ShareSupport, SharedCopy } from '../../../excel/share';
import { usePane } from '../context';
import { ActionPanel } from '../components/ActionPanel';
import { useStyles } from '../components/styles';
import { useAction } from '../useAction';
import { StepSection } from './StepSection';

const loadShare = () => import(/* webpackChunkName: "share" */ '../../../excel/share');

export function ShareStep() {
  const { t, language, inExcel } = usePane();
  const styles = useStyles();
  const [support, setSupport] = useState<ShareSupport | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (inExcel) void loadShare().then((m) => live && setSupport(m.shareSupport()));
    return () => {
      live = false;
    };
  }, [inExcel]);

  const share = useAction<SharedCopy>(
    async () =>
      (await loadShare()).shareWorkbook({
        lang: language,
        messages: {
          unsupported: (missing) => t(`share.unsupported.${missing}`),
          unreadable: (detail) => t('share.unreadable', { detail }),
          failed: (detail) => t('share.failed', { detail }),
        },
      }),
    () => t('action.unexpected'),
  );

  return (
    <StepSection step="share" intro={t('share.intro')}>
      <Text as="p" className={styles.heading}>
        {t('share.unchanged')}
      </Text>
      {support && !support.supported && (
        <MessageBar intent="warning" data-testid="share-unsupported">
          <MessageBarBody>
            {t(`share.unsupported.${support.missing}`)} {t('share.desktopSteps')}
          </MessageBarBody>
        </MessageBar>
      )}
      <ActionPanel
        action={share}
        label={t('share.run')}
        disabled={!support?.supported}
        renderDone={(value) => (
          <MessageBar intent="success">
            <MessageBarBody>{t('share.done', { translated: value.translated, frozen: value.frozen, sheet: value.reportSheet })}</MessageBarBody>
          </MessageBar>
        )}
      />
    </StepSection>
  );
}
