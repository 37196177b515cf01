/**
 * Blank cells on every host (RULES.md, Conventions): Excel for Windows and Mac pass a referenced
 * blank cell as 0, Excel on the web as null (office-js issues 4702, 5262), and Office.js reads one
 * as "". Every function is called with each optional argument blank in each shape, and gives what
 * the function reference (reference.json `blank`, rendered in the README) says; explain reads the
 * blank the way its host passes it and agrees with the cell. French numeric text is read in every
 * non-amount numeric argument.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as functions from '../../src/functions/functions';
import reference from '../../src/functions/reference.json';
import metadata from '../golden/functions.json';
import { explainCall, explainFormula, parseMktCalls } from '../../src/excel/explain/explain';
import { labelOf } from '../../src/rules/labels';

type Param = { name: string; dimensionality?: string; optional?: boolean };
type Fn = { id: string; parameters: Param[] };
type Kind = 'number' | 'yesno' | 'choice';
type Entry = { blank?: Record<string, Kind>; example: { grid: unknown[][]; formula: string } };

const FNS = (metadata as { functions: Fn[] }).functions;
const REFERENCE = (reference as unknown as { functions: Record<string, Entry> }).functions;

/** id → the exported adapter, from the JSDoc tags of functions.ts (the source of functions.json). */
const source = fs.readFileSync(path.join(__dirname, '../../src/functions/functions.ts'), 'utf8');
const ADAPTERS: Record<string, (...args: unknown[]) => unknown> = {};
for (const m of source.matchAll(/@customfunction (\w+)[\s\S]*?export function (\w+)\(/g)) {
  ADAPTERS[m[1]] = (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[m[2]];
}

/** The result, or the error's code and message: what the cell shows. */
function shown(id: string, args: unknown[]): unknown {
  try {
    return ADAPTERS[id](...args);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { error: e.code, message: e.message };
  }
}

const cellValue = (v: unknown) => (v && typeof v === 'object' && 'en' in (v as object) ? (v as { en: string }).en : v);

/** The example's arguments, shaped as Excel passes them: a range param gets a 2-D array. */
function exampleArgs(fn: Fn): unknown[] {
  const { grid, formula } = REFERENCE[fn.id].example;
  const call = parseMktCalls(formula)[0];
  const at = (a1: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return cellValue(grid[+m[2] - 1]?.[m[1].charCodeAt(0) - 65]);
  };
  return call.args.map((arg, i) => {
    const matrix = fn.parameters[i]?.dimensionality === 'matrix';
    const range = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(arg);
    if (range) {
      const out: unknown[][] = [];
      for (let r = +range[2]; r <= +range[4]; r++) {
        const row: unknown[] = [];
        for (let c = range[1].charCodeAt(0); c <= range[3].charCodeAt(0); c++) row.push(at(`${String.fromCharCode(c)}${r}`));
        out.push(row);
      }
      return out;
    }
    const value = /^[A-Z]\d+$/.test(arg) ? at(arg) : /^".*"$/.test(arg) ? arg.slice(1, -1) : Number(arg);
    return matrix ? [[value]] : value;
  });
}

/** A valid value for each optional scalar the examples leave out. */
const SAMPLE: Record<string, unknown> = { cap: 1.5, ratio: 0.6, low: 3, high: 5, discount_rate: 0.1, retention_uplift: 0.1, cac_cut: 0.1, roi_ratio: 4, floor: 3, data_need: true, reporting_ok: true, profile: 'high_margin', lang: 'en',
  headcount: 12, cadre: true, at_rate: 0.02, year: 2026, cnesst_rate: 0.02, total_payroll: 2_000_000, benefits_rate: 0.01, tools_month: 250, management_hours_week: 2, hourly_value: 60, months_to_hire: 3, ramp_months: 4, ramp_start: 0.25, horizon: 24,
  hours_threshold: 30, fees_ratio: 0.5, scale: 1.5, pilot_months: 4, expand_at: 1.2, extend_at: 0.9, roi_floor: 2, crossover_month: 18, payback_limit: 24 };

const optionalCases = FNS.flatMap((fn) => fn.parameters.map((p, i) => ({ fn, p, i })).filter(({ p }) => p.optional));

describe('every optional argument says in the reference what a blank cell gives', () => {
  it.each(optionalCases.map(({ fn, p }) => [fn.id, p.name]))('%s(%s) has a blank kind', (id, name) => {
    expect(['number', 'yesno', 'choice']).toContain(REFERENCE[id].blank?.[name]);
  });
  it('and the reference renders it', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../docs/REFERENCE.md'), 'utf8');
    expect(readme).toContain('- `low`: a blank cell is 0 on Windows and Mac; on the web, the same as left out (3).');
    expect(readme).toContain('- `profile`: a blank cell takes the default (standard) on every host.');
    expect(readme).toContain('- `reporting_ok`: a blank cell is FALSE on Windows and Mac; on the web, the same as left out (TRUE).');
  });
});

describe.each(optionalCases.map(({ fn, p, i }) => [`${fn.id}(${p.name})`, fn, p, i] as const))('a blank %s', (_label, fn, p, i) => {
  const kind = REFERENCE[fn.id].blank?.[p.name] as Kind;
  const base = exampleArgs(fn);
  const args = Array.from({ length: fn.parameters.length }, (_, k) => (k < base.length ? base[k] : SAMPLE[fn.parameters[k].name] ?? null));
  const withArg = (v: unknown) => args.map((a, k) => (k === i ? v : a));
  const leftOut = shown(fn.id, withArg(null));
  const omitted = shown(fn.id, args.slice(0, i).concat(i < args.length - 1 ? [undefined, ...args.slice(i + 1)] : []));

  it('left out (null or undefined) takes the default', () => expect(omitted).toEqual(leftOut));

  if (kind === 'choice') {
    it.each([['0 (Windows, Mac)', 0], ['null (web)', null], ['"" (Office.js)', '']])('as %s takes the default on every host', (_h, blank) => {
      expect(shown(fn.id, withArg(blank))).toEqual(leftOut);
    });
  } else {
    const desktop = kind === 'yesno' ? false : 0;
    it(`as 0 (Windows, Mac) reads ${String(desktop)}`, () => expect(shown(fn.id, withArg(0))).toEqual(shown(fn.id, withArg(desktop))));
    it('as null (web) reads as left out', () => expect(shown(fn.id, withArg(null))).toEqual(leftOut));
    it(`as "" reads ${String(desktop)}, like the desktop`, () => expect(shown(fn.id, withArg(''))).toEqual(shown(fn.id, withArg(desktop))));
  }
});

describe('explain reads a blank cell as its host passes it, and agrees with the cell', () => {
  const cases: Array<[string, string, Record<string, unknown>, number]> = [
    ['BUDGET_TIER', '=MKT.BUDGET_TIER(B1,B2)', { B1: [[600]], B2: [['']] }, 1],
    ['ROI_BAND', '=MKT.ROI_BAND(B1,B2)', { B1: [[2]], B2: [['']] }, 1],
    ['PILOT_VERDICT', '=MKT.PILOT_VERDICT(B1,B2,B3,B4)', { B1: [[3]], B2: [[1.1]], B3: [[4]], B4: [['']] }, 3],
    ['INTERNALISE_SIGNAL', '=MKT.INTERNALISE_SIGNAL(B1,B2,B3,B4)', { B1: [[45]], B2: [[78000]], B3: [[120000]], B4: [['']] }, 3],
    ['INTERNALISE_SIGNAL', '=MKT.INTERNALISE_SIGNAL(B1,B2,B3,B4,B5)', { B1: [[45]], B2: [[78000]], B3: [[120000]], B4: [[true]], B5: [['']] }, 4],
    ['DECISION', '=MKT.DECISION(B1,B2,B3)', { B1: [['INTERNALISE']], B2: [['FULL']], B3: [['']] }, 2],
  ];
  describe.each(cases)('%s', (id, formula, inputs, blankAt) => {
    const call = parseMktCalls(formula)[0];
    const values = call.args.map((a) => inputs[a]);
    it.each([['Windows and Mac', 'zero', 0], ['the web', 'null', null]] as const)('on %s', (_host, shape, passed) => {
      const args = values.map((v, k) => (k === blankAt ? passed : v));
      const result = shown(id, args);
      const explanation = explainFormula({ address: 'C1', formula, value: result, inputs }, 'en', shape);
      expect(explanation).toEqual(explainCall(call, args, result, 'en'));
      if (typeof result === 'string') expect(explanation!.summary.toLowerCase()).toContain(String(labelOf(result, 'en')).toLowerCase());
    });
  });
  it('the two hosts really differ for an optional number (ROI_BAND low)', () => {
    const desktop = shown('ROI_BAND', [2, 0]);
    const web = shown('ROI_BAND', [2, null]);
    expect(desktop).not.toEqual(web);
    const inputs = { B1: [[2]], B2: [['']] };
    expect(explainFormula({ address: 'C1', formula: '=MKT.ROI_BAND(B1,B2)', value: desktop, inputs }, 'en', 'zero')!.summary.toLowerCase()).toContain(String(labelOf(String(desktop), 'en')).toLowerCase());
    expect(explainFormula({ address: 'C1', formula: '=MKT.ROI_BAND(B1,B2)', value: web, inputs }, 'en', 'null')!.summary.toLowerCase()).toContain(String(labelOf(String(web), 'en')).toLowerCase());
  });
  it('DECISION(INTERNALISE, FULL, blank): PREPARE on Windows and Mac (0 = never pays back), HIRE_LEAD on the web (not computed)', () => {
    expect(shown('DECISION', ['INTERNALISE', 'FULL', 0])).toBe('PREPARE');
    expect(shown('DECISION', ['INTERNALISE', 'FULL', null])).toBe('HIRE_LEAD');
  });
  it('BUDGET_TIER(600, blank) is PARTIAL on every host', () => {
    for (const blank of [0, null, '']) expect(shown('BUDGET_TIER', [[[600]], blank])).toBe('PARTIAL');
  });
});

describe('French numeric text in every non-amount numeric argument', () => {
  const NNBSP = '\u202f';
  const french = (v: number) => String(v).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const numeric = FNS.flatMap((fn) =>
    fn.parameters
      .map((p, i) => ({ fn, p, i }))
      .filter(({ fn: f, p }) => p.dimensionality !== 'matrix' && (p.optional ? REFERENCE[f.id].blank?.[p.name] === 'number' : !/(^|_)code$/.test(p.name))),
  );
  it('covers the hours, rates, ratios, months and KPI arguments', () => {
    expect(numeric.map(({ fn, p }) => `${fn.id}.${p.name}`)).toEqual(expect.arrayContaining(['INTERNALISE_SIGNAL.weekly_hours', 'LTV.retention_rate', 'PILOT_VERDICT.kpi_achievement', 'ROI_BAND.low', 'ALLOCATE.floor']));
  });
  it.each(numeric.map(({ fn, p, i }) => [`${fn.id}(${p.name})`, fn, i] as const))('%s reads "0,8"-style text as the number', (_l, fn, i) => {
    const base = exampleArgs(fn);
    const args = Array.from({ length: fn.parameters.length }, (_, k) => (k < base.length ? base[k] : SAMPLE[fn.parameters[k].name] ?? null));
    const value = typeof args[i] === 'number' ? (args[i] as number) : (SAMPLE[fn.parameters[i].name] as number);
    const withArg = (v: unknown) => args.map((a, k) => (k === i ? v : a));
    expect(shown(fn.id, withArg(french(value)))).toEqual(shown(fn.id, withArg(value)));
    const ambiguous = shown(fn.id, withArg('1,500')) as { error?: string; message?: string };
    expect(ambiguous.error).toBe('#VALUE!');
    expect(ambiguous.message).toMatch(/1500.*1[.,]5/);
  });
});

describe('a blank required number counts as 0 on every host (0, null and "" alike)', () => {
  const required = FNS.flatMap((fn) => fn.parameters.map((p, i) => ({ fn, p, i })).filter(({ p }) => !p.optional && p.dimensionality !== 'matrix' && !/(^|_)code$/.test(p.name)));
  it.each(required.map(({ fn, p, i }) => [`${fn.id}(${p.name})`, fn, i] as const))('%s', (_l, fn, i) => {
    const args = exampleArgs(fn);
    const withArg = (v: unknown) => args.map((a, k) => (k === i ? v : a));
    const zero = shown(fn.id, withArg(0));
    expect(shown(fn.id, withArg(null))).toEqual(zero);
    expect(shown(fn.id, withArg(''))).toEqual(zero);
  });
});
