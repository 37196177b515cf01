/**
 * The Transfert step keeps what the accountant wrote in the threshold cells of the assumptions
 * sheet: a text stays text (even "=HYPERLINK(…)"), a formula keeps its formula, a number stays,
 * and a re-run never replaces any of them without asking.
 */
import { readSource, writeDiagnostic, writeTransfer } from '../../src/excel';
import type { WorkbookProfile } from '../../src/excel';
import { keptThreshold } from '../../src/excel/sheets/thresholds';
import { installFake } from '../support/excel-fake';
import { monthlyBudget } from './fixtures';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };
const HOSTILE = '=HYPERLINK("http://x";"y")';
const USER_FORMULA = "='Budget 2025'!$B$2*0+2";

async function withAssumptions() {
  const { workbook } = monthlyBudget();
  installFake(workbook);
  const read = await readSource({ selection: true }, FR);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  await writeDiagnostic({ source: read.value.source, layout: read.value.layout, profile: FR });
  const h = workbook.sheet('Hypothèses')!;
  // The accountant's edits: B5 MKT_ROI_LOW as text (the cell formatted as text first, as Excel
  // stores it), B6 MKT_ROI_HIGH as a formula, B7 MKT_FLOOR as another number.
  const b5 = h.get('B5')!;
  b5.numberFormat = '@';
  b5.value = HOSTILE;
  const b6 = h.get('B6')!;
  b6.formula = USER_FORMULA;
  b6.value = 2;
  h.put('B7', [[2.5]]);
  return { workbook, h };
}

function expectKept(h: ReturnType<typeof Object>) {
  const sheet = h as import('../support/excel-fake').FakeSheet;
  expect(sheet.get('B5')).toMatchObject({ value: HOSTILE, numberFormat: '@' });
  expect(sheet.get('B5')!.formula).toBeUndefined();
  expect(sheet.get('B6')!.formula).toBe(USER_FORMULA);
  expect(sheet.get('B7')!.value).toBe(2.5);
}

describe('Transfert on an assumptions sheet the accountant edited', () => {
  it('keeps a threshold written as text as text: =HYPERLINK(…) never becomes a formula', async () => {
    const { h } = await withAssumptions();
    const result = await writeTransfer({ profile: FR, decisions: [] });
    expect(result.status).toBe('ok');
    expectKept(h);
  });

  it('keeps a threshold set by a formula as that formula, not its value', async () => {
    const { h } = await withAssumptions();
    await writeTransfer({ profile: FR, decisions: [] });
    expect(h.get('B6')!.formula).toBe(USER_FORMULA);
  });

  it('a re-run asks before replacing, and replacing still keeps every edited threshold', async () => {
    const { h } = await withAssumptions();
    await writeTransfer({ profile: FR, decisions: [{ text: 'Couper Google Ads' }] });
    const again = await writeTransfer({ profile: FR, decisions: [] });
    expect(again.status).toBe('needsConfirmation');
    expectKept(h); // asking changed nothing
    const replaced = await writeTransfer({ profile: FR, decisions: [] }, { replace: true });
    expect(replaced.status).toBe('ok');
    expectKept(h);
  });

  it('writes the defaults where the thresholds were left as the pane wrote them', async () => {
    const { workbook } = monthlyBudget();
    installFake(workbook);
    const read = await readSource({ selection: true }, FR);
    if (read.status !== 'ok') throw new Error('read');
    await writeDiagnostic({ source: read.value.source, layout: read.value.layout, profile: FR });
    await writeTransfer({ profile: FR, decisions: [] });
    const h = workbook.sheet('Hypothèses')!;
    expect([h.get('B5')!.value, h.get('B6')!.value, h.get('B5')!.formula]).toEqual([3, 5, undefined]);
  });
});

describe('keptThreshold', () => {
  it('tells a formula from a text that starts with "=" by its value', () => {
    expect(keptThreshold(2, USER_FORMULA)).toEqual({ formula: USER_FORMULA });
    expect(keptThreshold(HOSTILE, HOSTILE)).toBe(HOSTILE);
    expect(keptThreshold(2.5, 2.5)).toBe(2.5);
    expect(keptThreshold('', '')).toBeUndefined();
  });
});
