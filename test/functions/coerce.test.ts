import {
  readAmount,
  readChannelValues,
  readNumber,
  readOptionalNumber,
  readOptionalText,
  readScalar,
  readYesNo,
  toNumberFromText,
} from '../../src/functions/coerce';
import { RuleError } from '../../src/rules';
import { formatMessage } from '../../src/i18n/messages';

const ruleError = (fn: () => unknown): RuleError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
};

describe('amounts are summed like SUM sums references', () => {
  it('sums the numbers of a range and skips blanks, text, numeric text and booleans', () => {
    expect(readAmount('spend', [[100, null, ''], ['1500', true, 'n/a'], [50.5, false, undefined]])).toBe(150.5);
  });
  it('treats one cell like a range', () => {
    expect(readAmount('spend', [[42]])).toBe(42);
    expect(readAmount('spend', [['42']])).toBe(0);
    expect(readAmount('spend', 42)).toBe(42);
  });
  it('is 0 for an empty range', () => expect(readAmount('spend', [[null, '']])).toBe(0));
  it('rejects a negative number with #VALUE! naming the argument', () => {
    expect(ruleError(() => readAmount('revenue', [[1, -2]]))).toEqual(new RuleError('VALUE', 'negative', { arg: 'revenue' }));
  });
  it('passes an incoming Excel error on unchanged', () => {
    const error = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    expect(() => readAmount('spend', [[1, error]])).toThrow(error as unknown as Error);
  });
  it('gives #NUM! when the sum overflows', () => {
    expect(ruleError(() => readAmount('spend', [[1e308, 1e308]])).kind).toBe('NUM');
  });
});

describe('other numbers behave like Excel arithmetic', () => {
  it('reads a blank cell as 0', () => {
    expect(readNumber('weekly_hours', null)).toBe(0);
    expect(readNumber('weekly_hours', '')).toBe(0);
    expect(readNumber('weekly_hours', [['']])).toBe(0);
  });
  it('reads numeric text, trimmed, with grouping spaces and percents', () => {
    expect(readNumber('x', '1500')).toBe(1500);
    expect(readNumber('x', ' 1500 ')).toBe(1500);
    expect(readNumber('x', '1\u00a0500')).toBe(1500);
    expect(readNumber('x', '1 500.5')).toBe(1500.5);
    expect(readNumber('x', '80%')).toBeCloseTo(0.8, 12);
    expect(readNumber('x', '-2.5e3')).toBe(-2500);
  });
  it('reads TRUE as 1 and FALSE as 0', () => {
    expect(readNumber('x', true)).toBe(1);
    expect(readNumber('x', false)).toBe(0);
  });
  it('gives #VALUE! for other text', () => {
    expect(ruleError(() => readNumber('weekly_hours', 'n/a'))).toEqual(new RuleError('VALUE', 'notANumber', { arg: 'weekly_hours' }));
    expect(ruleError(() => readNumber('x', '1 5')).key).toBe('notANumber');
    expect(ruleError(() => readNumber('x', '1,5,0')).key).toBe('notANumber');
    expect(ruleError(() => readNumber('x', '   ')).key).toBe('notANumber');
  });
  it('unwraps a one-cell range and rejects a larger one', () => {
    expect(readNumber('x', [[7]])).toBe(7);
    expect(ruleError(() => readNumber('x', [[1, 2]]))).toEqual(new RuleError('VALUE', 'notOneValue', { arg: 'x' }));
    expect(ruleError(() => readScalar('x', [[1], [2]])).key).toBe('notOneValue');
  });
  it('treats an omitted optional number as undefined, so the default applies', () => {
    expect(readOptionalNumber('low', null)).toBeUndefined();
    expect(readOptionalNumber('low', undefined)).toBeUndefined();
    expect(readOptionalNumber('low', 0)).toBe(0);
  });
  it('reads a blank cell given for an optional number as 0, like Excel arithmetic', () => {
    expect(readOptionalNumber('roi_ratio', '')).toBe(0);
    expect(readOptionalNumber('roi_ratio', [['']])).toBe(0);
  });
  it('reads numeric text only when it is all number', () => {
    expect(toNumberFromText('12abc')).toBeUndefined();
    expect(toNumberFromText('.5')).toBe(0.5);
    expect(toNumberFromText('1e999')).toBeUndefined();
  });
});

describe('yes/no answers', () => {
  it.each([true, 1, 'yes', 'OUI', ' vrai ', 'True', '1'])('reads %p as yes', (value) => expect(readYesNo('data_need', value, false)).toBe(true));
  it.each([false, 0, 'no', 'Non', 'FAUX', 'false', '0', ''])('reads %p as no', (value) => expect(readYesNo('data_need', value, true)).toBe(false));
  it('uses the default when omitted', () => {
    expect(readYesNo('reporting_ok', null, true)).toBe(true);
    expect(readYesNo('data_need', null, false)).toBe(false);
  });
  it('rejects anything else', () => {
    expect(ruleError(() => readYesNo('data_need', 'maybe', false))).toEqual(new RuleError('VALUE', 'yesNo', { arg: 'data_need' }));
    expect(ruleError(() => readYesNo('data_need', 2, false)).key).toBe('yesNo');
  });
});

describe('channel values', () => {
  it('keeps one value per cell in reading order, 0 for blank, text or booleans', () => {
    expect(readChannelValues('spend_range', [[1, 'x'], [null, 4], [true, '5']])).toEqual([1, 0, 0, 4, 0, 0]);
  });
  it('rejects a negative cell', () => expect(ruleError(() => readChannelValues('spend_range', [[-1]])).key).toBe('negative'));
});

describe('text choices', () => {
  it('is undefined when blank', () => {
    expect(readOptionalText('profile', null)).toBeUndefined();
    expect(readOptionalText('profile', '  ')).toBeUndefined();
  });
  it('keeps text and turns numbers into text', () => {
    expect(readOptionalText('code', 'FULL')).toBe('FULL');
    expect(readOptionalText('code', 3)).toBe('3');
    expect(readOptionalText('code', true)).toBe('TRUE');
  });
});

describe('French numeric text (RULES.md, Conventions)', () => {
  const NBSP = '\u00a0';
  const NNBSP = '\u202f';
  it.each([
    ['0,8', 0.8],
    ['-0,25', -0.25],
    ['1 500,50', 1500.5],
    [`1${NBSP}500,50`, 1500.5],
    [`1${NNBSP}500,50`, 1500.5],
    [`12${NNBSP}345${NNBSP}678`, 12345678],
    ['80 %', 0.8],
    [`80${NBSP}%`, 0.8],
    [`12,5${NNBSP}%`, 0.125],
    ['80%', 0.8],
    ['1234,567', 1234.567],
    ['0,500', 0.5],
    [' 1 500 ', 1500],
    ['1500.5', 1500.5],
  ])('reads %j as %d', (text, expected) => expect(readNumber('weekly_hours', text)).toBeCloseTo(expected, 12));

  it.each([
    [',5', 0.5],
    ['-,25', -0.25],
    [',5 %', 0.005],
  ])('reads %j as %d, as French Excel reads a decimal comma with no digit before it (like ".5")', (text, expected) =>
    expect(readNumber('weekly_hours', text)).toBeCloseTo(expected, 12),
  );

  it.each(['1 50', '1 5000', '1,5,0', '1.500,5', '1,500.5', ',', '%', '80 % %', '1 500.5.5'])('refuses %j as not a number', (text) => {
    expect(ruleError(() => readNumber('weekly_hours', text)).key).toBe('notANumber');
  });

  it.each([
    ['1,500', 1500, 1.5],
    ['-2,250', -2250, -2.25],
    ['15,000', 15000, 15],
    ['1,500 %', 15, 0.015],
  ])('gives #VALUE! for the ambiguous %j, asking for %d or %d', (text, thousands, decimal) => {
    const error = ruleError(() => readNumber('weekly_hours', text));
    expect(error).toEqual(new RuleError('VALUE', 'ambiguousComma', { arg: 'weekly_hours', text, thousands, decimal }));
  });

  it('says so in French and English', () => {
    const error = ruleError(() => readNumber('weekly_hours', '1,500'));
    expect(formatMessage(error.key, error.params, 'fr')).toBe('heures_hebdo : « 1,500 » se lit 1500 en anglais et 1,5 en français ; saisissez 1500 ou 1,5');
    expect(formatMessage(error.key, error.params, 'en')).toBe('weekly_hours: "1,500" reads 1500 in English and 1.5 in French; enter 1500 or 1.5');
  });

  it('applies to every non-amount numeric argument of every function, and never to amounts', () => {
    // Amounts follow SUM: numeric text is skipped, French or not.
    expect(readAmount('external_fees', [['1 500,50', 10]])).toBe(10);
    expect(readOptionalNumber('low', '2,5')).toBe(2.5);
  });
});
