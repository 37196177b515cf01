/**
 * The artifact Excel loads: dist/functions.js run in a fresh VM context with a stub of Excel's
 * CustomFunctions runtime, called by id with arguments shaped as Excel sends them.
 */
import fs from 'node:fs';
import vm from 'node:vm';
import { built, readJson } from '../support/dist';
import { createRuntimeStub, CustomFunctionsErrorStub, RuntimeStub } from '../support/custom-functions-runtime';
import reference from '../../src/functions/reference.json';

type Param = { name: string; dimensionality?: string; optional?: boolean };
type Fn = { id: string; parameters: Param[]; result: { dimensionality?: string } };

function loadBundle(): RuntimeStub {
  const runtime = createRuntimeStub();
  const context = vm.createContext({ CustomFunctions: runtime, console });
  vm.runInContext(fs.readFileSync(built('dist', 'functions.js'), 'utf8'), context, { filename: 'functions.js' });
  return runtime;
}

const runtime = loadBundle();
const metadata = readJson<{ functions: Fn[] }>(built('dist', 'functions.json'));
const call = (id: string, ...args: unknown[]) => {
  const fn = runtime.associated.get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  return fn(...args);
};
function excelError(thunk: () => unknown): CustomFunctionsErrorStub {
  try {
    thunk();
  } catch (error) {
    if (error instanceof CustomFunctionsErrorStub) return error;
    throw error;
  }
  throw new Error('expected a CustomFunctions.Error');
}

describe('the built functions.js', () => {
  it('associates exactly the ids of functions.json, once each', () => {
    expect([...runtime.associated.keys()].sort()).toEqual(metadata.functions.map((fn) => fn.id).sort());
  });
  it('does not touch Office, React or the pane when it loads', () => {
    const source = fs.readFileSync(built('dist', 'functions.js'), 'utf8');
    expect(source).not.toMatch(/react|fluentui|Excel\.run/i);
  });
  it('answers a one-cell range as a 2-D array and an omitted optional argument as null', () => {
    expect(call('ROI_RATIO', [[4000]], [[1000]])).toBe(4);
    expect(call('ROI_BAND', 4, null, null)).toBe('TARGET');
    expect(call('BUDGET_TIER', [[1500]], null)).toBe('REGULAR');
    expect(call('BREAKEVEN_FEES', [[100000]], null)).toBeCloseTo(60000, 6);
    expect(call('PILOT_VERDICT', 3, 1, null, null)).toBe('EXPAND');
    expect(call('LABEL', 'FULL', null)).toBe('Externalisation complète');
  });
  it('spills ALLOCATE as a column', () => {
    expect(call('ALLOCATE', [[100]], [[10], [10]], [[40], [60]], null)).toEqual([[40], [60]]);
  });
  it('spills RESPONSE_FIT as a row of four and ALLOCATE_MARGINAL as a column', () => {
    const spend = [[1000, 1200, 1400, 1600, 1800, 2000]];
    const revenue = [spend[0].map((s) => 40 * Math.sqrt(s))];
    const fit = call('RESPONSE_FIT', spend, revenue) as unknown[][];
    expect(fit).toHaveLength(1);
    expect(fit[0]).toHaveLength(4);
    expect(fit[0][0]).toBeCloseTo(40, 9);
    expect(fit[0][1]).toBeCloseTo(0.5, 12);
    expect(fit[0][3]).toBe('CURVE');
    expect(call('MARGINAL_ROAS', fit, 1600)).toBeCloseTo(0.5, 9);
    expect(call('OPTIMAL_SPEND', fit, 0.4)).toBeCloseTo(64, 6);
    expect(call('BREAKEVEN_ROAS', 0.25)).toBe(4);
    const amounts = call('ALLOCATE_MARGINAL', [[6000]], [spend[0], spend[0]], [revenue[0], revenue[0]], null) as number[][];
    expect(amounts).toEqual([[3000], [3000]]);
  });
  it('throws the errors of section 7 with their messages', () => {
    expect(excelError(() => call('RESPONSE_FIT', [[0, 'x', true]], [[1, 2, 3]]))).toMatchObject({ code: '#N/A', message: expect.stringContaining('0') });
    expect(excelError(() => call('MARGINAL_ROAS', [[4, 0.5]], 0)).code).toBe('#NUM!');
    expect(excelError(() => call('OPTIMAL_SPEND', [[4, 1]], 0.4)).code).toBe('#NUM!');
    expect(excelError(() => call('BREAKEVEN_ROAS', 40))).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('0,4') });
    expect(excelError(() => call('ALLOCATE_MARGINAL', [[1e9]], [[100]], [[300]], null))).toMatchObject({ code: '#N/A' });
    expect(excelError(() => call('ALLOCATE_MARGINAL', [[10]], [[100]], [[300]], 0.5)).code).toBe('#VALUE!');
  });
  it('throws real Excel errors with their messages', () => {
    expect(excelError(() => call('ROI_RATIO', [[1]], [[0]])).code).toBe('#DIV/0!');
    expect(excelError(() => call('LTV', [[1]], 1, null)).code).toBe('#NUM!');
    expect(excelError(() => call('ALLOCATE', [[1]], [[1]], [[1]], null))).toMatchObject({ code: '#N/A', message: expect.stringContaining('3:1') });
    expect(excelError(() => call('INTERNALISE_SIGNAL', 169, [[1]], [[1]], null))).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('168') });
  });
});

/** Resolves an example formula like Excel: references into the grid, per the parameter's dimensionality. */
function evaluateExample(formula: string, grid: unknown[][]): unknown {
  const match = /^=MKT\.([A-Z_]+)\((.*)\)$/.exec(formula);
  if (!match) throw new Error(`cannot read ${formula}`);
  const [, id, argText] = match;
  const fn = metadata.functions.find((f) => f.id === id)!;
  const cellValue = (ref: string) => {
    const [, col, row] = /^([A-Z])(\d+)$/.exec(ref)!;
    const value = grid[Number(row) - 1]?.[col.charCodeAt(0) - 65];
    return value && typeof value === 'object' ? (value as { en: string }).en : (value ?? null);
  };
  const args = argText.split(',').map((raw, i) => {
    const text = raw.trim();
    let value: unknown[][];
    const range = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(text);
    if (range) {
      const [, c1, r1, c2, r2] = range;
      value = [];
      for (let r = Number(r1); r <= Number(r2); r++) {
        const row: unknown[] = [];
        for (let c = c1.charCodeAt(0); c <= c2.charCodeAt(0); c++) row.push(cellValue(`${String.fromCharCode(c)}${r}`));
        value.push(row);
      }
    } else if (/^[A-Z]\d+$/.test(text)) value = [[cellValue(text)]];
    else if (text.startsWith('"')) value = [[text.slice(1, -1)]];
    else value = [[Number(text)]];
    return fn.parameters[i].dimensionality === 'matrix' ? value : value[0][0];
  });
  while (args.length < fn.parameters.length) args.push(null);
  return call(id, ...args);
}

describe('the examples of the help page and the README', () => {
  it.each(Object.entries(reference.functions))('%s gives the result they show', (id, { example }) => {
    expect(example.formula.startsWith(`=MKT.${id}(`)).toBe(true);
    const result = evaluateExample(example.formula, example.grid as unknown[][]);
    if (typeof example.result === 'number') expect(result).toBeCloseTo(example.result, 9);
    else if (Array.isArray(example.result)) {
      const expected = example.result as Array<Array<number | string>>;
      expect((result as unknown[][]).map((row) => row.length)).toEqual(expected.map((row) => row.length));
      (result as Array<Array<number | string>>).forEach((row, i) =>
        row.forEach((value, j) => {
          if (typeof expected[i][j] === 'number') expect(value).toBeCloseTo(expected[i][j] as number, 6);
          else expect(value).toBe(expected[i][j]);
        }),
      );
    } else expect(result).toBe(example.result);
  });
});
