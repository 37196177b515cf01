/**
 * The §8 functions' native translations (src/portable/native-hiring.ts) as a property: random
 * valid and invalid inputs laid out in a sheet; HyperFormula computes the MKT formula (the
 * add-in's adapters through the engine bridge) and its translation side by side. They agree:
 * numbers to 1e-9 relative, months exactly, and the same error code wherever MKT gives one.
 * COST_PATHS spills its table: each row is compared. Plus the contract's examples, the rates
 * tables the translation covers, and the length of LOADED_SALARY_FR's translation.
 */
import fc from 'fast-check';
import { DetailedCellError, type RawCellContent } from 'hyperformula';
import { createEngine } from '../../src/engine/engine';
import { MAX_FORMULA_LENGTH, translateFormula } from '../../src/portable/translate';
import { FR_TABLES, QC_TABLES } from '../../src/portable/native-hiring';
import { FR_KNOWN_YEARS, loadedSalaryFr, QC_KNOWN_YEARS } from '../../src/rules';

type Cell = RawCellContent;

const decimal = (min: number, max: number, step = 0.05) => fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((n) => Math.round(n * step * 1e6) / 1e6);
const errors: fc.Arbitrary<Cell> = fc.constantFrom('=1/0', '=NA()');

/** A number argument: in range mostly, out of range, numeric text, other text, booleans, blank, errors. */
function numberCells(min: number, max: number, step?: number): fc.Arbitrary<Cell> {
  const inRange = decimal(min, max, step);
  return fc.oneof(
    { weight: 8, arbitrary: inRange },
    { weight: 1, arbitrary: fc.constantFrom(-1, max + 1, max * 10, 0) },
    { weight: 1, arbitrary: inRange.map((n) => `' ${n}`) },
    { weight: 1, arbitrary: fc.constantFrom("'abc", '=""', true, false, null) },
    { weight: 1, arbitrary: errors },
  );
}

/** An amount: numbers mostly, with skipped text, booleans, blank, negatives and errors. */
function amountCells(min: number, max: number): fc.Arbitrary<Cell> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.oneof(fc.integer({ min, max }), decimal(min, max, 0.25)) },
    { weight: 1, arbitrary: fc.constantFrom("'1500", "'abc", true, false, '=""', null) },
    { weight: 1, arbitrary: fc.constantFrom(-100, -0.01) },
    { weight: 1, arbitrary: errors },
  );
}

const yesNoCells: fc.Arbitrary<Cell> = fc.constantFrom(true, false, 1, 0, 2, "'oui", "' NON ", "'yes", "'maybe", null, '=1/0');

interface ArgSpec {
  cells: fc.Arbitrary<Cell>;
  optional?: true;
  literals?: string[];
}

interface Spec {
  id: string;
  args: ArgSpec[];
}

const SPECS: Spec[] = [
  {
    id: 'LOADED_SALARY_QC',
    args: [
      { cells: amountCells(0, 250_000), literals: ['65000', '90000', '3500', '103000'] },
      { cells: numberCells(0, 0.1, 0.0001), optional: true, literals: ['0.0154', '2'] },
      { cells: amountCells(0, 9_000_000), optional: true, literals: ['1000000', '7800000', '4400000'] },
      { cells: numberCells(0, 0.1, 0.005), optional: true },
      { cells: fc.constantFrom<Cell>(2026, 2025, '=""', "'2026", null), optional: true },
    ],
  },
  {
    id: 'LOADED_SALARY_FR',
    args: [
      { cells: amountCells(0, 500_000), literals: ['24000', '48000', '120000'] },
      { cells: numberCells(1, 300, 1), optional: true, literals: ['11', '50', '10', '49', '0.5'] },
      { cells: yesNoCells, optional: true, literals: ['TRUE', '"non"'] },
      { cells: numberCells(0, 0.1, 0.0001), optional: true, literals: ['0.0208', '2'] },
      { cells: fc.constantFrom<Cell>(2025, 2026, 2027, "'2026", null), optional: true },
    ],
  },
  {
    id: 'INHOUSE_MONTHLY',
    args: [
      { cells: amountCells(0, 200_000) },
      { cells: amountCells(0, 2000), optional: true },
      { cells: numberCells(0, 168, 0.5), optional: true, literals: ['2', '169'] },
      { cells: amountCells(0, 300), optional: true },
    ],
  },
  {
    id: 'CROSSOVER_MONTH',
    args: [
      { cells: amountCells(2000, 15000), literals: ['8000', '6500'] },
      { cells: amountCells(1000, 14000), literals: ['6669.6'] },
      { cells: amountCells(0, 40000), literals: ['10650', '0'] },
      { cells: numberCells(0, 12, 0.5), optional: true, literals: ['121', '-1'] },
      { cells: numberCells(0, 12, 0.5), optional: true, literals: ['4', '61'] },
      { cells: numberCells(0, 1, 0.05), optional: true, literals: ['0.25', '25'] },
      { cells: numberCells(1, 120, 1), optional: true, literals: ['601', '0'] },
    ],
  },
];

interface CaseArg {
  cell?: Cell;
  form: 'ref' | 'literal' | 'omitted';
  literal?: string;
}

function caseArg(spec: ArgSpec): fc.Arbitrary<CaseArg> {
  const forms: Array<fc.Arbitrary<CaseArg>> = [spec.cells.map((cell) => ({ cell, form: 'ref' as const }))];
  if (spec.literals) forms.push(fc.constantFrom(...spec.literals).map((literal) => ({ form: 'literal' as const, literal })));
  if (spec.optional) forms.push(fc.constant({ form: 'omitted' as const }));
  return fc.oneof(...forms);
}

type Outcome = { error: string } | number | string | boolean | null;
const outcomeOf = (value: unknown): Outcome => (value instanceof DetailedCellError ? { error: value.value } : (value as Outcome));

function agree(mkt: Outcome, native: Outcome): boolean {
  if (typeof mkt === 'object' && mkt !== null) return typeof native === 'object' && native !== null && native.error === mkt.error;
  if (typeof mkt === 'number' && typeof native === 'number') return Math.abs(mkt - native) <= 1e-9 * Math.max(Math.abs(mkt), Math.abs(native)) || (mkt === 0 && native === 0);
  return mkt === native;
}

const letter = (c: number) => String.fromCharCode(65 + c);
const OUT = 10;

/** The formula text of a case, its arguments in row `row` (A, B, C…). */
function formulaOf(id: string, args: CaseArg[], row: number): { formula: string; cells: Cell[] } {
  const cells: Cell[] = new Array<Cell>(OUT).fill(null);
  const written = args.map((a, i) => {
    if (a.form === 'omitted') return '';
    if (a.form === 'literal') return a.literal!;
    cells[i] = a.cell ?? null;
    return `${letter(i)}${row + 1}`;
  });
  while (written.length > 0 && written[written.length - 1] === '' && args[written.length - 1].form === 'omitted') written.pop();
  return { formula: `=MKT.${id}(${written.join(',')})`, cells };
}

describe.each(SPECS)('the native translation of $id', (spec) => {
  it('computes what MKT computes, error codes included, on random valid and invalid inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(...spec.args.map(caseArg)), { minLength: 25, maxLength: 40 }), (cases) => {
        const grid: Cell[][] = [];
        const laid: Array<{ mkt: string; native: string }> = [];
        let frozen = 0;
        cases.forEach((args, row) => {
          const { formula, cells } = formulaOf(spec.id, args as CaseArg[], row);
          const t = translateFormula(formula);
          // LOADED_SALARY_FR's long form may pass 8 192 characters with long arguments (a text literal
          // for cadre, longer references): frozen, as the README says; the others always translate.
          if (!t.formula && spec.id === 'LOADED_SALARY_FR' && t.frozen?.reason === 'tooLong') {
            frozen++;
            grid.push([...cells, null, null]);
            laid.push({ mkt: '', native: '' });
            return;
          }
          if (!t.formula) throw new Error(`${formula} was not translated: ${t.frozen?.reason}`);
          expect(t.formula.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
          grid.push([...cells, formula, t.formula]);
          laid.push({ mkt: formula, native: t.formula });
        });
        const engine = createEngine({ Cases: grid });
        expect(frozen).toBeLessThanOrEqual(cases.length / 2);
        laid.forEach((l, row) => {
          if (l.mkt === '') return;
          const mkt = outcomeOf(engine.getCellValue({ sheet: 0, row, col: OUT }));
          const native = outcomeOf(engine.getCellValue({ sheet: 0, row, col: OUT + 1 }));
          if (!agree(mkt, native)) throw new Error(`${l.mkt} (inputs ${JSON.stringify(grid[row].slice(0, 7))}): MKT ${JSON.stringify(mkt)}, native ${JSON.stringify(native)}\n${l.native}`);
        });
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });
});

describe('the native translation of COST_PATHS', () => {
  const pathArgs = SPECS.find((s) => s.id === 'CROSSOVER_MONTH')!.args.slice(0, 6);
  it('spills the same table as MKT (month, outsourcing, hiring), row by row, error codes included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.tuple(...pathArgs.map(caseArg)), fc.integer({ min: 1, max: 30 }), fc.boolean()), { minLength: 8, maxLength: 12 }),
        (cases) => {
          const grid: Cell[][] = [];
          const laid: Array<{ mkt: string; native: string; row: number; rows: number }> = [];
          for (const [args, horizon, literal] of cases) {
            const row = grid.length;
            const { formula, cells } = formulaOf('COST_PATHS', args as CaseArg[], row);
            // The horizon as a literal: HyperFormula sizes a spill before reading any cell (Excel from the value).
            const mkt = formula.replace(/\)$/, `${','.repeat(Math.max(0, 6 - formula.split(',').length))},${horizon})`);
            void literal;
            const t = translateFormula(mkt, { spill: { rows: horizon, cols: 3 }, arrayFormula: true });
            if (!t.formula) throw new Error(`${mkt} was not translated: ${t.frozen?.reason}`);
            const block: Cell[][] = Array.from({ length: horizon }, () => new Array<Cell>(OUT + 8).fill(null));
            cells.forEach((v, i) => (block[0][i] = v));
            block[0][OUT] = mkt;
            block[0][OUT + 4] = t.formula;
            grid.push(...block);
            laid.push({ mkt, native: t.formula, row, rows: horizon });
          }
          const engine = createEngine({ Cases: grid });
          for (const l of laid) {
            // An error result is the anchor's alone (MKT does not spill it): only the anchor is compared.
            const anchor = outcomeOf(engine.getCellValue({ sheet: 0, row: l.row, col: OUT }));
            const failed = typeof anchor === 'object' && anchor !== null;
            for (let r = 0; r < (failed ? 1 : l.rows); r++) {
              for (let k = 0; k < (failed ? 1 : 3); k++) {
                const mkt = outcomeOf(engine.getCellValue({ sheet: 0, row: l.row + r, col: OUT + k }));
                const native = outcomeOf(engine.getCellValue({ sheet: 0, row: l.row + r, col: OUT + 4 + k }));
                if (!agree(mkt, native)) throw new Error(`${l.mkt} (row ${r + 1}, col ${k + 1}, inputs ${JSON.stringify(grid[l.row].slice(0, 7))}): MKT ${JSON.stringify(mkt)}, native ${JSON.stringify(native)}\n${l.native}`);
              }
            }
          }
        },
      ),
      { numRuns: 6, endOnFailure: true },
    );
  });

  it('is frozen outside an array formula, or stored over another shape than three columns', () => {
    expect(translateFormula('=MKT.COST_PATHS(8000,6669.6,10650)').frozen?.reason).toBe('notArrayFormula');
    expect(translateFormula('=MKT.COST_PATHS(8000,6669.6,10650)', { arrayFormula: true, spill: { rows: 36, cols: 2 } }).frozen?.reason).toBe('channelShape');
  });
});

describe('examples and coverage', () => {
  const value = (formula: string) => {
    const t = translateFormula(formula);
    if (!t.formula) throw new Error(String(t.frozen?.reason));
    return outcomeOf(createEngine({ S: [[t.formula]] }).getCellValue({ sheet: 0, row: 0, col: 0 }));
  };

  it('the contract’s examples: 72 561.30 $, 99 616.08 $; month 18; #N/A when M ≥ O', () => {
    expect(value('=MKT.LOADED_SALARY_QC(65000)')).toBeCloseTo(72561.3, 6);
    expect(value('=MKT.LOADED_SALARY_QC(90000)')).toBeCloseTo(99616.08, 2);
    expect(value('=MKT.CROSSOVER_MONTH(8000,6669.6,10650,3,4,0.25)')).toBe(18);
    expect(value('=MKT.CROSSOVER_MONTH(6500,6669.6,10650,3,4,0.25)')).toEqual({ error: '#N/A' });
  });

  it('France, 2026, 4 employees: what LOADED_SALARY_FR gives, from the SMIC to 10 PASS, cadre or not, at 11 and 50', () => {
    for (const gross of [21624, 24000, 48000, 120000, 480600]) {
      for (const [headcount, cadre] of [[4, 'FALSE'], [11, 'TRUE'], [50, 'FALSE'], [250, 'TRUE']] as const) {
        const expected = loadedSalaryFr({ grossAnnual: gross, headcount, cadre: cadre === 'TRUE', atRate: 0.0208, year: 2026 }) as number;
        expect(value(`=MKT.LOADED_SALARY_FR(${gross},${headcount},${cadre},0.0208,2026)`)).toBeCloseTo(expected, 6);
      }
    }
  });

  it('every year of the rules’ tables has its branch', () => {
    expect(QC_TABLES.map((t) => t.year)).toEqual([...QC_KNOWN_YEARS]);
    expect(FR_TABLES.map((t) => t.year)).toEqual([...FR_KNOWN_YEARS]);
  });

  it('LOADED_SALARY_FR fits Excel’s 8 192 characters on the hiring sheet’s own cells; longer arguments freeze it (tooLong)', () => {
    const own = translateFormula('=MKT.LOADED_SALARY_FR(B7,B8,B9,B10,B11)');
    expect(own.formula?.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    const q = "'Coût d’un recrutement'!";
    const elsewhere = translateFormula(`=MKT.LOADED_SALARY_FR(${q}B7,${q}B8,${q}B9,${q}B10,${q}B11)`);
    expect(elsewhere.frozen?.reason).toBe('tooLong');
  });

  it('COST_PATHS fits for the pane’s horizons on its own sheet (36 to 96 months); longer tables freeze (tooLong)', () => {
    const paths = (rows: number) => translateFormula('=MKT.COST_PATHS(B22,B19,B24,B25,B26,B27,B28)', { spill: { rows, cols: 3 }, arrayFormula: true });
    for (const rows of [36, 60, 96]) expect(paths(rows).formula?.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    expect(paths(600).frozen?.reason).toBe('tooLong');
  });
});
