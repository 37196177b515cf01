/** Title, language switch and, outside Excel, the notice that the workbook actions need Excel. */
import { Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Text } from '@fluentui/react-components';
import type { Language } from '../../i18n';
import { usePane } from '../context';
import { useStyles } from './styles';

const LANGUAGES: readonly Language[] = ['fr', 'en'];

export function Header() {
  const { t, language, dispatch, inExcel } = usePane();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold" className={styles.heading}>
        {t('app.title')}
      </Text>
      <Text as="p" className={styles.heading}>
        {t('app.subtitle')}
      </Text>
      <Field label={t('app.language')}>
        <Select value={language} onChange={(_, data) => dispatch({ type: 'language', language: data.value as Language })}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`app.language.${code}`)}
            </option>
          ))}
        </Select>
      </Field>
      {!inExcel && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('app.outsideExcel.title')}</MessageBarTitle>
            {t('app.outsideExcel.body')}
          </MessageBarBody>
        </MessageBar>
      )}
    </header>
  );
}
