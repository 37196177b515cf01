/**
 * The written workbook, recalculated: the fake's sheets and names are loaded into the project's
 * HyperFormula engine (src/engine, MKT functions registered) so that the generated formulas
 * are checked by their results, not only by their text.
 */
import type { HyperFormula, RawCellContent } from 'hyperformula';
import { allocate, isRuleError, roiBand } from '../../src/rules';
import { readSource, writeArbitrage, writeDiagnostic, writeInternalisation, writePilot } from '../../src/excel';
import type { WorkbookProfile } from '../../src/excel';
import { createEngine } from '../../src/engine/engine';
import { FakeWorkbook, installFake, parseRect } from '../support/excel-fake';
import { CHANNELS_12, monthlyBudget } from './fixtures';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };

function toEngine(workbook: FakeWorkbook): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of workbook.sheets) {
    const grid: RawCellContent[][] = [];
    for (const [r, cols] of sheet.rows) {
      for (const [c, cell] of cols) {
        grid[r] ??= [];
        const text = typeof cell.value === 'string' && cell.value.startsWith('=') ? `'${cell.value}` : cell.value;
        grid[r][c] = cell.formula ?? text;
      }
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    sheets[sheet.name] = grid;
  }
  const engine = createEngine(sheets);
  for (const n of workbook.names) engine.addNamedExpression(n.name, workbook.nameFormula(n));
  return engine;
}

function valueAt(engine: HyperFormula, sheet: string, a1: string): unknown {
  const id = engine.getSheetId(sheet)!;
  const { row, column } = parseRect(a1);
  return engine.getCellValue({ sheet: id, row, col: column });
}

async function workbookWithEverything() {
  const { workbook, sheet } = monthlyBudget();
  installFake(workbook);
  const read = await readSource({ selection: true }, FR);
  if (read.status !== 'ok') throw new Error('read');
  const { source, layout } = read.value;
  await writeDiagnostic({ source, layout, profile: FR });
  await writeArbitrage({ source, layout, profile: FR, totalBudget: { value: 30000 } });
  await writeInternalisation({
    profile: FR,
    weeklyHours: { value: 45 },
    externalFees: { value: 65000 },
    loadedSalary: { value: 100000 },
    dataNeed: { value: false },
    monthlyBudget: { value: 2000 },
  });
  await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [40, 50, 60] });
  return { workbook, sheet, data: read.value };
}

describe('the generated formulas, recalculated', () => {
  it('Diagnostic: each channel gets the ROI and band the rules give for its source row', async () => {
    const { workbook, sheet } = await workbookWithEverything();
    const engine = toEngine(workbook);
    CHANNELS_12.forEach((name, i) => {
      const row = 5 + i;
      const spend = Array.from({ length: 12 }, (_, m) => sheet.cell(row - 1, 1 + m)!.value as number).reduce((a, b) => a + b);
      const revenue = Array.from({ length: 12 }, (_, m) => sheet.cell(row - 1, 13 + m)!.value as number).reduce((a, b) => a + b);
      expect(valueAt(engine, 'Diagnostic', `A${row}`)).toBe(name);
      expect(valueAt(engine, 'Diagnostic', `B${row}`)).toBe(spend);
      expect(valueAt(engine, 'Diagnostic', `D${row}`)).toBeCloseTo(revenue / spend, 10);
      expect(valueAt(engine, 'Diagnostic', `E${row}`)).toBe(roiBand(revenue / spend));
    });
    expect(valueAt(engine, 'Diagnostic', 'F5')).toBe('Sous la cible');
    // No gross margin known yet: the contribution and the break-even ROAS stay empty.
    expect([valueAt(engine, 'Diagnostic', 'I5'), valueAt(engine, 'Diagnostic', 'I3'), valueAt(engine, 'Diagnostic', 'J3')]).toEqual(['', '', '']);
  });

  it('Diagnostic: once MKT_GROSS_MARGIN is set, each channel’s contribution and the break-even ROAS beside the ROAS', async () => {
    const { workbook, sheet, data } = await workbookWithEverything();
    await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 2000 }, method: 'marginal', grossMargin: { value: 0.3 } }, { replace: true });
    const engine = toEngine(workbook);
    const spend = Array.from({ length: 12 }, (_, m) => sheet.cell(4, 1 + m)!.value as number).reduce((a, b) => a + b);
    const revenue = Array.from({ length: 12 }, (_, m) => sheet.cell(4, 13 + m)!.value as number).reduce((a, b) => a + b);
    expect(valueAt(engine, 'Diagnostic', 'I5')).toBeCloseTo(revenue * 0.3 - spend, 6);
    expect(valueAt(engine, 'Diagnostic', 'J3')).toBeCloseTo(1 / 0.3, 10);
  });

  it('Diagnostic: an accountant moving MKT_ROI_LOW on the assumptions sheet changes the bands', async () => {
    const { workbook } = await workbookWithEverything();
    const engine = toEngine(workbook);
    expect(valueAt(engine, 'Diagnostic', 'E6')).toBe('BELOW'); // ratio 2
    engine.setCellContents({ sheet: engine.getSheetId('Hypothèses')!, row: 4, col: 1 }, [[1.5]]);
    expect(valueAt(engine, 'Diagnostic', 'E6')).toBe('TARGET');
  });

  it('Arbitrage: MKT.ALLOCATE spills the rules allocation, summing to the budget', async () => {
    const { workbook } = await workbookWithEverything();
    const engine = toEngine(workbook);
    const spend: number[] = [];
    const revenue: number[] = [];
    for (let r = 5; r <= 16; r++) {
      spend.push(valueAt(engine, 'Arbitrage', `B${r}`) as number);
      revenue.push(valueAt(engine, 'Arbitrage', `C${r}`) as number);
    }
    // 30 000 is more than MKT_CAP (1.5) × what the kept channels spent: #N/A with the message.
    expect(valueAt(engine, 'Arbitrage', 'E5')).toMatchObject({ value: '#N/A', message: expect.stringContaining('1,5 ×') });
    // The budget is monthly, like the spend beside it (total ÷ months, RULES.md's method section).
    engine.setCellContents({ sheet: engine.getSheetId('Arbitrage')!, row: 1, col: 1 }, [[1500]]);
    const expected = allocate(1500, spend, revenue, 3, 1.5);
    if (isRuleError(expected)) throw new Error('rule');
    expected.forEach((amount, i) => {
      expect(valueAt(engine, 'Arbitrage', `E${5 + i}`)).toBeCloseTo(amount, 6);
      expect(amount).toBeLessThanOrEqual(1.5 * spend[i] + 1e-9);
    });
    expect(valueAt(engine, 'Arbitrage', 'E3')).toBeCloseTo(1500, 6);
    expect(valueAt(engine, 'Arbitrage', 'F5')).toBeCloseTo(expected[0] - spend[0], 6);
    // Editing MKT_CAP on the assumptions sheet changes the result.
    engine.setCellContents({ sheet: engine.getSheetId('Hypothèses')!, row: 7, col: 1 }, [[3]]);
    const wider = allocate(1500, spend, revenue, 3, 3) as number[];
    wider.forEach((amount, i) => expect(valueAt(engine, 'Arbitrage', `E${5 + i}`)).toBeCloseTo(amount, 6));
  });

  it('Internalisation: the inputs block drives the five MKT formulas', async () => {
    const { workbook } = await workbookWithEverything();
    const engine = toEngine(workbook);
    expect(valueAt(engine, 'Internalisation', 'B9')).toBe('INTERNALISE');
    expect(valueAt(engine, 'Internalisation', 'C9')).toBe('Internaliser');
    expect(valueAt(engine, 'Internalisation', 'B10')).toBe(2);
    expect(valueAt(engine, 'Internalisation', 'B11')).toBeCloseTo(0.65, 10);
    expect(valueAt(engine, 'Internalisation', 'B12')).toBeCloseTo(60000, 6);
    expect(valueAt(engine, 'Internalisation', 'B13')).toBe('REGULAR');
    // The one answer: two signals on, below the FULL tier, no cost of hiring computed → HIRE.
    expect(valueAt(engine, 'Internalisation', 'B14')).toBe('HIRE');
    expect(valueAt(engine, 'Internalisation', 'C14')).toBe('Recruter en interne');
  });

  it('every threshold of the editable block changes the results it feeds (and the reference block none)', async () => {
    const { workbook } = await workbookWithEverything();
    const engine = toEngine(workbook);
    const h = engine.getSheetId('Hypothèses')!;
    const at = (name: string) => {
      const rows = workbook.sheet('Hypothèses')!.rows;
      for (const [r, cols] of rows) if (cols.get(0)?.value === name) return r;
      throw new Error(name);
    };
    const set = (name: string, value: RawCellContent) => engine.setCellContents({ sheet: h, row: at(name), col: 1 }, [[value]]);
    // 45 h, fees at 65 %: two signals. Raise the hours threshold to 50: one signal left.
    set('MKT_COMPLEXITY_HOURS', 50);
    expect(valueAt(engine, 'Internalisation', 'B10')).toBe(1);
    expect(valueAt(engine, 'Internalisation', 'B14')).toBe('PREPARE');
    // Raise the fees ratio to 70 %: none.
    set('MKT_CRITICAL_MASS', 0.7);
    expect(valueAt(engine, 'Internalisation', 'B9')).toBe('OUTSOURCE');
    expect(valueAt(engine, 'Internalisation', 'B14')).toBe('REGULAR');
    expect(valueAt(engine, 'Hypothèses', 'B17')).toBeCloseTo(0.8, 10); // the tipping zone's end follows
    // 2 000 a month is REGULAR; at a scale of 1.5 the thresholds are 750 / 2 250 / 6 000: PARTIAL.
    set('MKT_TIER_SCALE', 1.5);
    expect(valueAt(engine, 'Internalisation', 'B13')).toBe('PARTIAL');
    // The reference values feed nothing.
    const before = [9, 10, 11, 12, 13, 14].map((r) => valueAt(engine, 'Internalisation', `B${r}`));
    for (const name of ['MKT_TIER_PARTIAL', 'MKT_TIER_REGULAR', 'MKT_TIER_FULL', 'MKT_RETENTION_UPLIFT', 'MKT_CAC_CUT']) set(name, 1);
    expect([9, 10, 11, 12, 13, 14].map((r) => valueAt(engine, 'Internalisation', `B${r}`))).toEqual(before);
    // The pilot: 90 % after three months is EXTEND; at a 6-month pilot, TOO_EARLY; with extend_at 95 %, TAKE_BACK.
    const pilot = engine.getSheetId('Pilote')!;
    engine.setCellContents({ sheet: pilot, row: 4, col: 2 }, [[40], [45], [50]]);
    engine.setCellContents({ sheet: pilot, row: 4, col: 4 }, [['oui'], ['oui'], ['oui']]);
    expect(valueAt(engine, 'Pilote', 'B12')).toBe('EXTEND');
    set('MKT_EXTEND_KPI', 0.95);
    expect(valueAt(engine, 'Pilote', 'B12')).toBe('TAKE_BACK');
    set('MKT_EXPAND_KPI', 0.9);
    expect(valueAt(engine, 'Pilote', 'B12')).toMatchObject({ value: '#VALUE!' }); // extend_at above expand_at
    set('MKT_EXTEND_KPI', 0.8);
    expect(valueAt(engine, 'Pilote', 'B12')).toBe('EXPAND');
    set('MKT_PILOT_MONTHS', 6);
    expect(valueAt(engine, 'Pilote', 'B12')).toBe('TOO_EARLY');
  });

  it('Pilote: TOO_EARLY until three months are filled, then the verdict follows the actuals and the reporting', async () => {
    const { workbook } = await workbookWithEverything();
    const engine = toEngine(workbook);
    const pilot = engine.getSheetId('Pilote')!;
    expect(valueAt(engine, 'Pilote', 'B12')).toBe('TOO_EARLY');
    engine.setCellContents({ sheet: pilot, row: 4, col: 2 }, [[40], [45], [50]]); // C5:C7: 135 of 150
    engine.setCellContents({ sheet: pilot, row: 4, col: 4 }, [['oui'], ['oui'], ['oui']]);
    expect(valueAt(engine, 'Pilote', 'B10')).toBeCloseTo(0.9, 10);
    expect(valueAt(engine, 'Pilote', 'B12')).toBe('EXTEND');
    engine.setCellContents({ sheet: pilot, row: 5, col: 4 }, [['non']]);
    expect(valueAt(engine, 'Pilote', 'B12')).toBe('STOP');
    expect(valueAt(engine, 'Pilote', 'C12')).toBe('Arrêter');
  });

  it('Pilote: targets set to 0 in the sheet give a blank achievement and verdict, never #DIV/0!', async () => {
    const { workbook } = await workbookWithEverything();
    const engine = toEngine(workbook);
    const pilot = engine.getSheetId('Pilote')!;
    engine.setCellContents({ sheet: pilot, row: 4, col: 1 }, [[0], [0], [0]]); // B5:B7
    engine.setCellContents({ sheet: pilot, row: 4, col: 2 }, [[40], [45], [50]]);
    engine.setCellContents({ sheet: pilot, row: 4, col: 4 }, [['oui'], ['oui'], ['oui']]);
    for (const a1 of ['D5', 'B10', 'B12', 'C12']) expect(valueAt(engine, 'Pilote', a1)).toBe('');
  });
});
