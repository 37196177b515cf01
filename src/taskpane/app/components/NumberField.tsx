/**
 * A numeric field: label, hint, its validation message linked by aria-describedby (Fluent's
 * Field does the linking), and in Excel a button that takes the value of the selected cell.
 */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { readActiveCell } from '../../../excel';
import type { StringKey } from '../../i18n';
import { usePane } from '../context';
import { describeIssue } from '../input';
import { issueOf } from '../model';
import type { FieldId } from '../state';
import { useStyles } from './styles';
import { GlossaryLink, type GlossaryTerm } from './OutsideLink';

export interface NumberFieldProps {
  id: FieldId;
  label: StringKey;
  hint?: string;
  required?: boolean;
  /** The user tried the step's action: missing required values are flagged. */
  submitted?: boolean;
  pickable?: boolean;
  placeholder?: string;
  /** The glossary entry of the term the label uses (a « ? » link after the field). */
  glossary?: GlossaryTerm;
}

export function NumberField({ id, label, hint, required = false, submitted = false, pickable = false, placeholder, glossary }: NumberFieldProps) {
  const { t, language, state, dispatch, readings, inExcel } = usePane();
  const styles = useStyles();
  const [pickError, setPickError] = useState<string>();
  const labelText = t(label);
  const issue = issueOf(state, readings, id, required, submitted);
  const value = state.fields[id];
  const message = pickError ?? (issue ? describeIssue(issue, labelText, language, t) : undefined);
  const hintText = value.ref ? t('field.linked', { cell: value.ref }) : hint;

  const pick = async () => {
    setPickError(undefined);
    const result = await readActiveCell(language);
    if (result.status === 'ok') {
      dispatch({ type: 'field', id, value: { text: String(result.value.value ?? ''), ref: result.value.address } });
    } else if (result.status === 'error') {
      setPickError(result.message);
    }
  };

  return (
    <div className={styles.fieldBlock}>
      <Field
        label={labelText}
        required={required}
        // The glossary's « ? » ends the hint it explains, rather than a line of its own.
        hint={glossary ? <>{hintText}{hintText ? ' ' : ''}<GlossaryLink term={glossary} /></> : hintText}
        validationMessage={message}
        validationState={message ? 'error' : 'none'}
      >
        <Input
          inputMode="decimal"
          autoComplete="off"
          placeholder={placeholder}
          value={value.text}
          onChange={(_, data) => {
            setPickError(undefined);
            dispatch({ type: 'field', id, value: { text: data.value } });
          }}
        />
      </Field>
      {pickable && (
        <Button
          className={styles.pick}
          size="small"
          appearance="subtle"
          aria-label={t('field.pickCell', { field: labelText })}
          disabled={!inExcel}
          onClick={pick}
        >
          {t('field.pickCellShort')}
        </Button>
      )}
    </div>
  );
}
