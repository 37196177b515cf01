/**
 * Native forms of the one recommendation (RULES.md §9: DECISION) and of the words for codes
 * (§6: LABEL, from the rules' one table of labels, so a new code is translated too).
 */
import { isRuleError } from '../rules/errors';
import { CODE_LABELS, labelOf, parseLanguage, type LabelLanguage } from '../rules/labels';
import { VALUE_ERROR, type NativeEntry } from './native-entry';
import { failing, guarded, optional, p, read, TEXT_LITERAL } from './readings';
import { operand } from './references';

const oneOf = (x: string, codes: readonly string[]) => `OR(${codes.map((c) => `${x}="${c}"`).join(',')})`;

// LABEL's words come from the rules' one table, so a new code (CURVE, LINEAR…) is translated too.
const LABEL_CODES: ReadonlyArray<readonly [string, string, string]> = Object.entries(CODE_LABELS).map(([code, words]) => [code, words.fr, words.en] as const);
/** fr-CA's words, in LABEL_CODES order (French where Québec says the same). */
const QUEBEC_WORDS: readonly string[] = LABEL_CODES.map(([code]) => labelOf(code, 'fr-CA') as string);

/** The codes LABEL knows, for the test that keeps this table equal to src/rules/labels.ts. */
export const LABEL_TABLE: ReadonlyArray<readonly [string, string, string]> = LABEL_CODES;

const arrayConstant = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  `{${rows.map((row) => row.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join(';')}}`;

export const DECISION_NATIVE: Readonly<Record<string, NativeEntry>> = {
  DECISION: {
    params: [p('signal_code', 'text'), p('tier_code', 'text'), optional('crossover_month', 'number'), p('payback_limit', 'number', '36')],
    result: 'text',
    translate(args) {
      const crossoverOmitted = args[2] === undefined || args[2].omitted;
      const r = read(this.params, args);
      const [signal, tier, crossover, limit] = r;
      const [c, l] = [crossover, limit].map(operand);
      // Codes compare with = (case-insensitive); the tier's code comes back in capitals, as MKT gives it.
      const refused = crossoverOmitted ? `${l}<1` : `OR(${c}<0,${l}<1)`;
      const neverInTime = crossoverOmitted ? undefined : `OR(${c}=0,${c}>${l})`;
      const internalise = `IF(${tier}="FULL","HIRE_LEAD","HIRE")`;
      const body =
        `IF(NOT(${oneOf(signal, ['INTERNALISE', 'PREPARE', 'OUTSOURCE'])}),${VALUE_ERROR},` +
        `IF(NOT(${oneOf(tier, ['IN_HOUSE', 'PARTIAL', 'REGULAR', 'FULL'])}),${VALUE_ERROR},` +
        `IF(${refused},${VALUE_ERROR},IF(${signal}="OUTSOURCE",UPPER(${tier}),IF(${signal}="PREPARE","PREPARE",` +
        `${neverInTime ? `IF(${neverInTime},"PREPARE",${internalise})` : internalise})))))`;
      return guarded([failing(signal), failing(tier), crossoverOmitted ? undefined : failing(crossover), failing(limit)], body, [signal]);
    },
  },
  LABEL: {
    params: [p('code', 'text'), p('lang', 'text', '""')],
    result: 'text',
    translate(args) {
      const r = read(this.params, args);
      const [code, lang] = r;
      const codes = arrayConstant([LABEL_CODES.map(([c]) => c)]);
      const rows: Record<LabelLanguage, readonly string[]> = { fr: LABEL_CODES.map(([, fr]) => fr), en: LABEL_CODES.map(([, , en]) => en), 'fr-CA': QUEBEC_WORDS };
      // A language written in the formula ("en", the pane's "fr-CA") is read here: one row of words.
      const known = TEXT_LITERAL.test(lang) ? parseLanguage(lang.slice(1, -1).replace(/""/g, '"') || 'fr') : undefined;
      if (isRuleError(known)) return guarded([failing(code)], VALUE_ERROR);
      const words = arrayConstant(known ? [rows[known]] : [rows.fr, rows.en, rows['fr-CA']]);
      const two = `LEFT(${lang},2)`;
      const third = `MID(${lang},3,1)`;
      // Row 3, Québec: fr-CA, fr_CA or qc (= ignores case).
      const langRow = known
        ? '1'
        : `IF(${lang}="",1,IF(OR(${lang}="fr-ca",${lang}="fr_ca",${lang}="qc"),3,IF(AND(OR(${two}="fr",${two}="en"),OR(LEN(${lang})=2,${third}="-",${third}="_")),` +
          `IF(${two}="fr",1,2),${VALUE_ERROR})))`;
      const at = `MATCH(${code},${codes},0)`;
      if (args[0]?.resultKind === 'text') {
        // A code from a translated MKT call is a valid code, or an error MATCH passes on.
        return guarded([failing(lang) ? code : undefined, failing(lang) ? langRow : undefined], `INDEX(${words},${langRow},${at})`);
      }
      // MATCH reads * and ? as wildcards: the code found must equal the code given.
      return guarded(
        [failing(code), failing(lang) ? langRow : undefined],
        `IF(ISNA(${at}),${VALUE_ERROR},IF(INDEX(${codes},1,${at})<>${code},${VALUE_ERROR},INDEX(${words},${langRow},${at})))`,
      );
    },
  },
};
