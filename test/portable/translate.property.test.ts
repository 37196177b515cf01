/**
 * The translator as a property: for each MKT function, random valid and invalid inputs are laid
 * out in a sheet, and HyperFormula computes the MKT formula (the add-in's own adapters, through
 * the engine bridge) and its native translation side by side. They agree: numbers to 1e-9
 * relative, codes and words exactly, and an error of the same code wherever MKT gives one.
 *
 * The inputs are those the translation claims to read as MKT does; what it cannot (no-break
 * spaces, French decimal commas, text Excel's VALUE reads wider) is listed in the README's limits
 * and left out of the generators on purpose.
 */
import fc from 'fast-check';
import { DetailedCellError, type RawCellContent } from 'hyperformula';
import { createEngine } from '../../src/engine/engine';
import { translateFormula } from '../../src/portable/translate';

type Cell = RawCellContent;

const blank: fc.Arbitrary<Cell> = fc.constant(null);
const errors: fc.Arbitrary<Cell> = fc.constantFrom('=1/0', '=NA()', '=SQRT(-1)');
const decimal = (min: number, max: number, step = 0.05) => fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((n) => Math.round(n * step * 1e6) / 1e6);
const asText = (values: fc.Arbitrary<number>) =>
  fc.tuple(values, fc.constantFrom('', ' ', '  ')).map(([n, pad]) => `'${pad}${n}${pad}`);

/** Cells for a number argument: numbers, numeric text, percent text, other text, booleans, blank, errors. */
function numberCells(min: number, max: number, step?: number): fc.Arbitrary<Cell> {
  const inRange = decimal(min, max, step);
  return fc.oneof(
    { weight: 6, arbitrary: inRange },
    { weight: 1, arbitrary: fc.constantFrom(-1, -0.5, max + 1, max * 10, 0) },
    { weight: 1, arbitrary: asText(inRange) },
    { weight: 1, arbitrary: decimal(0, 100, 5).map((n) => `'${n}%`) },
    { weight: 1, arbitrary: fc.constantFrom("'abc", "'n/a", '=""', "'  ", true, false) },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: errors },
  );
}

/** Cells for an amount: numbers, text (skipped, numeric or not), booleans, blank, a few negatives and errors. */
const amountCells: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(fc.integer({ min: 0, max: 200_000 }), decimal(0, 5000, 0.25)) },
  { weight: 1, arbitrary: fc.constantFrom("'1500", "' 90000 ", "'abc", true, false, '=""') },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: fc.constantFrom(-100, -0.01) },
  { weight: 1, arbitrary: errors },
);

const yesNoCells: fc.Arbitrary<Cell> = fc.constantFrom(
  true, false, 1, 0, 2, -1, 0.5, "'oui", "' NON ", "'Vrai", "'faux", "'yes", "'No", "'TRUE", "'false", "'1", "'0", "'maybe", '=""', null, '=1/0', '=NA()',
);

const profileCells: fc.Arbitrary<Cell> = fc.constantFrom(
  "'standard", "' Forte_Marge ", "'cliquable", "'LOCAL_LOW_MARGIN", "'high_margin", "'clickable", "'local_faible_marge", "'luxe", "'  ", '=""', null, 5, true, '=NA()',
);

const signalCells: fc.Arbitrary<Cell> = fc.constantFrom("'INTERNALISE", "' prepare ", "'Outsource", "'HIRE", "'nope", '=""', null, 0, 3, true, '=1/0');
const tierCells: fc.Arbitrary<Cell> = fc.constantFrom("'IN_HOUSE", "' partial ", "'Regular", "'FULL", "'TARGET", '=""', null, 0, true, '=NA()');

const codeCells: fc.Arbitrary<Cell> = fc.constantFrom(
  "'TARGET", "' below ", "'In_House", "'FULL", "'TOO_EARLY", "'retention", "'ACQUISITION", "'INTERNALISE", "'take_back", "'CURVE", "' linear ", "'HIRE_LEAD", "'OUTSOURCE", "'IN*", "'TARG?T", "'nope", '=""', null, 3, true, '=1/0',
);

const langCells: fc.Arbitrary<Cell> = fc.constantFrom("'fr", "'EN", "'fr-CA", "' QC ", "'fr_ca", "'FR-ca", "'en_US", "' en ", "'de", "'f", "'english", '=""', null, 1, '=NA()');

/** How an argument is written in the formula. */
type ArgSpec =
  | { kind: 'cell'; cells: fc.Arbitrary<Cell> }
  | { kind: 'amount' }
  | { kind: 'channels' }
  | { kind: 'fit' };

interface FunctionSpec {
  id: string;
  args: Array<ArgSpec & { optional?: true; literals?: string[] }>;
}

const cell = (cells: fc.Arbitrary<Cell>, extra: { optional?: true; literals?: string[] } = {}) => ({ kind: 'cell' as const, cells, ...extra });
const amount = (extra: { optional?: true; literals?: string[] } = {}) => ({ kind: 'amount' as const, ...extra });

const SPECS: FunctionSpec[] = [
  { id: 'INTERNALISE_SIGNAL', args: [cell(numberCells(0, 168, 4)), amount(), amount(), cell(yesNoCells, { optional: true, literals: ['TRUE', '"oui"'] })] },
  { id: 'INTERNALISE_SCORE', args: [cell(numberCells(0, 168, 4), { literals: ['40', '"45"'] }), amount(), amount(), cell(yesNoCells, { optional: true })] },
  {
    id: 'INTERNALISE_SIGNAL',
    args: [
      cell(numberCells(0, 168, 4)),
      amount(),
      amount(),
      cell(yesNoCells, { optional: true }),
      cell(numberCells(0, 170, 5), { optional: true, literals: ['40', '30'] }),
      cell(numberCells(0, 1, 0.05), { optional: true, literals: ['0.6', '0.5', '"50%"'] }),
    ],
  },
  { id: 'FEES_TO_SALARY', args: [amount({ literals: ['60000', '"abc"'] }), amount()] },
  { id: 'BREAKEVEN_FEES', args: [amount(), cell(numberCells(0, 1), { optional: true, literals: ['0.7', '"0.65"', '80'] })] },
  { id: 'ROI_RATIO', args: [amount(), amount({ literals: ['0', '1200'] })] },
  { id: 'ROI_BAND', args: [cell(numberCells(0, 8, 0.25), { literals: ['4', '"3.5"', '-1'] }), cell(numberCells(0, 6, 0.5), { optional: true }), cell(numberCells(0, 8, 0.5), { optional: true })] },
  { id: 'LTV', args: [amount(), cell(numberCells(0, 1, 0.05), { literals: ['0.8', '"80%"'] }), cell(numberCells(0, 1, 0.05), { optional: true })] },
  {
    id: 'RETENTION_LEVER',
    args: [amount(), cell(numberCells(0, 1, 0.05)), amount(), cell(numberCells(0, 1, 0.05), { optional: true }), cell(numberCells(0, 1, 0.05), { optional: true })],
  },
  { id: 'BUDGET_TIER', args: [amount({ literals: ['1500', '4000.5'] }), cell(profileCells, { optional: true, literals: ['"forte_marge"', '"x"'] })] },
  {
    id: 'BUDGET_TIER',
    args: [amount({ literals: ['1500', '4000.5'] }), cell(profileCells, { optional: true }), cell(numberCells(0, 3, 0.25), { optional: true, literals: ['1', '1.5'] })],
  },
  {
    id: 'PILOT_VERDICT',
    args: [cell(numberCells(0, 12, 1)), cell(numberCells(0, 12, 0.1)), cell(numberCells(0, 8, 0.5), { optional: true }), cell(yesNoCells, { optional: true })],
  },
  {
    id: 'PILOT_VERDICT',
    args: [
      cell(numberCells(0, 12, 1)),
      cell(numberCells(0, 3, 0.1)),
      cell(numberCells(0, 8, 0.5), { optional: true }),
      cell(yesNoCells, { optional: true }),
      cell(numberCells(0, 40, 1), { optional: true, literals: ['3', '6'] }),
      cell(numberCells(0, 2, 0.1), { optional: true, literals: ['1'] }),
      cell(numberCells(0, 2, 0.1), { optional: true, literals: ['0.8'] }),
      cell(numberCells(0, 6, 0.5), { optional: true, literals: ['3'] }),
    ],
  },
  { id: 'CONTRIBUTION', args: [amount(), amount({ literals: ['0', '1200'] }), cell(numberCells(0, 1, 0.05), { literals: ['0.3', '"30%"', '30'] })] },
  {
    id: 'DECISION',
    args: [
      cell(signalCells, { literals: ['"INTERNALISE"', '"x"'] }),
      cell(tierCells, { literals: ['"FULL"', '" partial "'] }),
      cell(numberCells(0, 60, 1), { optional: true, literals: ['0', '18'] }),
      cell(numberCells(0, 60, 1), { optional: true, literals: ['36', '12'] }),
    ],
  },
  { id: 'ALLOCATE', args: [amount(), { kind: 'channels' }, { kind: 'channels' }, cell(numberCells(0, 6, 0.5), { optional: true })] },
  { id: 'MARGINAL_ROAS', args: [{ kind: 'fit' }, cell(numberCells(0, 5000, 50), { literals: ['0', '1200', '"800"', '-5'] })] },
  { id: 'OPTIMAL_SPEND', args: [{ kind: 'fit' }, cell(numberCells(0, 1, 0.05), { literals: ['0.45', '0', '1', '"40"', '40'] })] },
  { id: 'BREAKEVEN_ROAS', args: [cell(numberCells(0, 1, 0.05), { literals: ['0.25', '0', '"0.4"', '40'] })] },
  { id: 'LABEL', args: [cell(codeCells, { literals: ['"TARGET"', '"x"'] }), cell(langCells, { optional: true, literals: ['"en"', '"fr"'] })] },
];

/** One argument of one case: the cells it needs and how it is written (`@` = its first cell). */
interface CaseArg {
  cells: Cell[];
  /** 'ref' (one cell), 'range' (the cells in a row), 'literal' (text in the formula), 'omitted'. */
  form: 'ref' | 'range' | 'literal' | 'omitted';
  literal?: string;
}

function caseArg(spec: FunctionSpec['args'][number]): fc.Arbitrary<CaseArg> {
  const forms: Array<fc.Arbitrary<CaseArg>> = [];
  if (spec.kind === 'cell') {
    forms.push(spec.cells.map((c) => ({ cells: [c], form: 'ref' as const })));
  } else if (spec.kind === 'amount') {
    forms.push(amountCells.map((c) => ({ cells: [c], form: 'ref' as const })));
    // A range holding both a negative number and an error: MKT reports whichever comes first, the
    // copy the error (MIN passes it on). A documented limit, left out here.
    forms.push(
      fc
        .array(amountCells, { minLength: 2, maxLength: 4 })
        .filter((cells) => !negativeAndError(cells))
        .map((cells) => ({ cells, form: 'range' as const })),
    );
  } else if (spec.kind === 'fit') {
    forms.push(fc.array(fitCells, { minLength: 1, maxLength: 5 }).map((cells) => ({ cells, form: cells.length === 1 ? ('ref' as const) : ('range' as const) })));
  } else {
    forms.push(fc.constant({ cells: [], form: 'range' as const }));
  }
  if (spec.literals) forms.push(fc.constantFrom(...spec.literals).map((literal) => ({ cells: [], form: 'literal' as const, literal })));
  if (spec.optional) forms.push(fc.constant({ cells: [], form: 'omitted' as const }));
  return fc.oneof(...forms);
}

/** A range holding both a negative number and an error (a documented limit: see caseArg). */
const negativeAndError = (cells: Cell[]) =>
  cells.some((v) => typeof v === 'number' && v < 0) && cells.some((v) => typeof v === 'string' && v.startsWith('=') && v !== '=""');

/** Cells of a fit range (a RESPONSE_FIT row): a, b, r2 and a code, with text, blanks, errors and out-of-bounds numbers among them. */
const fitCells: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: decimal(0, 300, 0.5) },
  { weight: 4, arbitrary: decimal(0, 1, 0.01) },
  { weight: 1, arbitrary: fc.constantFrom(1, 0, -0.5, 1.5, 2) },
  { weight: 1, arbitrary: fc.constantFrom("'CURVE", "'LINEAR", "'0.5", true, false, '=""') },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: errors },
);

/** ALLOCATE's channels: a column of spend and one of revenue, same length. */
const channelColumns = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: decimal(0, 1000, 10) }, { weight: 1, arbitrary: amountCells }), { minLength: n, maxLength: n }).filter((c) => !negativeAndError(c)),
    fc.array(fc.oneof({ weight: 6, arbitrary: decimal(0, 6000, 50) }, { weight: 1, arbitrary: amountCells }), { minLength: n, maxLength: n }).filter((c) => !negativeAndError(c)),
  ),
);

const WIDTH = 24; // input cells per row, formulas after them

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Outcome = { error: string } | number | string | boolean | null;

function outcomeOf(value: unknown): Outcome {
  if (value instanceof DetailedCellError) return { error: value.value };
  return value as Outcome;
}

function agree(mkt: Outcome, native: Outcome): boolean {
  if (typeof mkt === 'object' && mkt !== null) return typeof native === 'object' && native !== null && native.error === mkt.error;
  if (typeof mkt === 'number' && typeof native === 'number') {
    return Math.abs(mkt - native) <= 1e-9 * Math.max(Math.abs(mkt), Math.abs(native)) || (mkt === 0 && native === 0);
  }
  return mkt === native;
}

interface Laid {
  mkt: string;
  native: string;
  row: number;
  /** Rows the result spills over (ALLOCATE). */
  rows: number;
}

/** Lays a batch of cases out in one sheet (one row per case, ALLOCATE one block per case) and compares. */
function checkBatch(spec: FunctionSpec, cases: Array<{ args: CaseArg[]; channels: [Cell[], Cell[]] }>): void {
  const grid: Cell[][] = [];
  const laid: Laid[] = [];
  let row = 0;
  for (const c of cases) {
    const height = spec.id === 'ALLOCATE' ? c.channels[0].length : 1;
    const cells: Cell[][] = Array.from({ length: height }, () => new Array<Cell>(WIDTH + 2).fill(null));
    let col = 0;
    let channel = 0;
    const written = c.args.map((arg, i) => {
      const specArg = spec.args[i];
      if (specArg.kind === 'channels') {
        const values = c.channels[channel++];
        const at = col;
        values.forEach((v, r) => (cells[r][at] = v));
        col++;
        return `${columnName(at)}${row + 1}:${columnName(at)}${row + values.length}`;
      }
      if (arg.form === 'omitted') return '';
      if (arg.form === 'literal') return arg.literal!;
      const at = col;
      arg.cells.forEach((v, k) => (cells[0][at + k] = v));
      col += arg.cells.length;
      const first = `${columnName(at)}${row + 1}`;
      return arg.form === 'range' ? `${first}:${columnName(at + arg.cells.length - 1)}${row + 1}` : first;
    });
    // Trailing omitted arguments are left out; inner ones stay empty (`MKT.X(A1,,B1)`).
    while (written.length > 0 && written[written.length - 1] === '' && c.args[written.length - 1].form === 'omitted') written.pop();
    const mkt = `=MKT.${spec.id}(${written.join(',')})`;
    const translation = translateFormula(mkt, spec.id === 'ALLOCATE' ? { spill: { rows: height, cols: 1 }, arrayFormula: true } : {});
    if (!translation.formula) throw new Error(`${mkt} was not translated: ${translation.frozen?.reason}`);
    cells[0][WIDTH] = mkt;
    cells[0][WIDTH + 1] = translation.formula;
    grid.push(...cells);
    laid.push({ mkt, native: translation.formula, row, rows: height });
    row += height;
  }
  const engine = createEngine({ Cases: grid });
  for (const l of laid) {
    for (let r = 0; r < l.rows; r++) {
      const mkt = outcomeOf(engine.getCellValue({ sheet: 0, row: l.row + r, col: WIDTH }));
      const native = outcomeOf(engine.getCellValue({ sheet: 0, row: l.row + r, col: WIDTH + 1 }));
      // An error result fills the whole spill in HyperFormula, but only the anchor in Excel.
      if (r > 0 && typeof mkt === 'object' && mkt !== null) continue;
      if (!agree(mkt, native)) {
        const inputs = grid.slice(l.row, l.row + l.rows).map((line) => line.slice(0, WIDTH));
        throw new Error(`${l.mkt} (row ${l.row + r + 1}, inputs ${JSON.stringify(inputs)}): MKT ${JSON.stringify(mkt)}, native ${JSON.stringify(native)}\n${l.native}`);
      }
    }
  }
}

describe.each(SPECS)('the native translation of $id', (spec) => {
  it('computes what MKT computes, error codes included, on random valid and invalid inputs', () => {
    const oneCase = fc.record({ args: fc.tuple(...spec.args.map(caseArg)), channels: channelColumns });
    fc.assert(
      fc.property(fc.array(oneCase, { minLength: 20, maxLength: 30 }), (cases) => {
        checkBatch(spec, cases as Array<{ args: CaseArg[]; channels: [Cell[], Cell[]] }>);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});

/**
 * RESPONSE_FIT: one channel's history per case, a row of spend and a row (or a column) of revenue;
 * the MKT call spills its row of four, the translation (an array formula in Excel) beside it.
 */
describe('the native translation of RESPONSE_FIT', () => {
  /** A month's spend: mostly positive and varied, with zeros, blanks, text, TRUE/FALSE, a few negatives and errors. */
  const spendMonth: fc.Arbitrary<Cell> = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => n * 100) },
    { weight: 2, arbitrary: fc.constantFrom(0, null, 0.5, 2500) },
    { weight: 1, arbitrary: fc.constantFrom("'1500", "'abc", true, false, '=""') },
    { weight: 1, arbitrary: fc.constantFrom(-100, '=1/0', '=NA()') },
  );
  /** How a month's revenue follows its spend: a curve with scatter, a constant ratio, a constant, or anything. */
  const ALL_RULES = ['curve', 'curve', 'curve', 'ratio', 'constant', 'random', 'convex'];
  const history = (rules: string[]) => fc
    .record({
      months: fc.integer({ min: 1, max: 14 }),
      rule: fc.constantFrom(...rules),
      a: fc.integer({ min: 2, max: 90 }),
      b: fc.constantFrom(0.3, 0.5, 0.62, 0.8, 0.95),
      revenueMonths: fc.integer({ min: -1, max: 1 }),
      column: fc.boolean(),
      // Spend within a narrow band (1000 to 1550): the 1.5 spread test, exactly 1.5 included (1000 and 1500).
      narrow: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 16, maxLength: 16 }),
      isNarrow: fc.boolean(),
      seed: fc.array(fc.double({ min: 0.8, max: 1.2, noNaN: true }), { minLength: 16, maxLength: 16 }),
      odd: fc.array(spendMonth, { minLength: 16, maxLength: 16 }),
      oddRevenue: fc.array(fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom<Cell>(0, null, "'x", true, -5, '=1/0') }), {
        minLength: 16,
        maxLength: 16,
      }),
    })
    .map((h) => {
      const spend = h.isNarrow ? h.narrow.slice(0, h.months).map((k, i) => (i === 3 ? h.odd[i] : 1000 + 50 * k)) : h.odd.slice(0, h.months);
      const count = Math.max(1, h.months + (h.revenueMonths === 0 || h.months < 3 ? 0 : h.revenueMonths));
      const revenue: Cell[] = Array.from({ length: count }, (_, i) => {
        if (h.oddRevenue[i] !== undefined) return h.oddRevenue[i];
        const s = typeof spend[i] === 'number' && (spend[i] as number) > 0 ? (spend[i] as number) : 1000;
        switch (h.rule) {
          case 'curve':
            return Math.round(h.a * Math.pow(s, h.b) * h.seed[i] * 100) / 100;
          case 'ratio':
            return s * 3;
          case 'constant':
            return 5000;
          case 'convex':
            return Math.round(s * s * h.seed[i]) / 100;
          default:
            return Math.round(h.seed[i] * 100000) / 10;
        }
      });
      return { spend, revenue, column: h.column && h.months > 1 };
    });

  /** The cases laid out on sheet `sheet` (a long name makes the translator take its compact form). */
  function check(sheet: string, rules: string[], r2Tolerance = 0): void {
    const q = sheet === 'Cases' ? '' : `'${sheet}'!`;
    fc.assert(
      fc.property(fc.array(history(rules), { minLength: 15, maxLength: 25 }), (cases) => {
        const grid: Cell[][] = [];
        const laid: Array<{ mkt: string; native: string; row: number }> = [];
        const OUT = 20;
        for (const c of cases) {
          const row = grid.length;
          const height = c.column ? Math.max(2, c.revenue.length) : 2;
          const cells: Cell[][] = Array.from({ length: height }, () => new Array<Cell>(OUT + 10).fill(null));
          c.spend.forEach((v, i) => (cells[0][i] = v));
          let revenueRef: string;
          if (c.column) {
            c.revenue.forEach((v, i) => (cells[i][16] = v));
            revenueRef = `${q}Q${row + 1}:Q${row + c.revenue.length}`;
          } else {
            c.revenue.forEach((v, i) => (cells[1][i] = v));
            revenueRef = `${q}$A$${row + 2}:$${columnName(c.revenue.length - 1)}$${row + 2}`;
          }
          const mkt = `=MKT.RESPONSE_FIT(${q}$A$${row + 1}:$${columnName(c.spend.length - 1)}$${row + 1},${revenueRef})`;
          const translation = translateFormula(mkt, { spill: { rows: 1, cols: 4 }, arrayFormula: true });
          if (!translation.formula) throw new Error(`${mkt} was not translated: ${translation.frozen?.reason}`);
          cells[0][OUT] = mkt;
          cells[0][OUT + 5] = translation.formula;
          grid.push(...cells);
          laid.push({ mkt, native: translation.formula, row });
        }
        const engine = createEngine({ [sheet]: grid });
        for (const l of laid) {
          for (let k = 0; k < 4; k++) {
            const mkt = outcomeOf(engine.getCellValue({ sheet: 0, row: l.row, col: OUT + k }));
            const native = outcomeOf(engine.getCellValue({ sheet: 0, row: l.row, col: OUT + 5 + k }));
            // An error result fills the whole spill in HyperFormula, but only the anchor in Excel.
            if (k > 0 && typeof mkt === 'object' && mkt !== null) continue;
            const closeR2 = k === 2 && typeof mkt === 'number' && typeof native === 'number' && Math.abs(mkt - native) <= r2Tolerance;
            if (!agree(mkt, native) && !closeR2) {
              const inputs = grid.slice(l.row, l.row + 2).map((line) => line.slice(0, 17));
              throw new Error(`${l.mkt} (cell ${k + 1}, inputs ${JSON.stringify(inputs)}): MKT ${JSON.stringify(mkt)}, native ${JSON.stringify(native)}\n${l.native}`);
            }
          }
        }
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }

  it('computes what MKT computes (a, b, r2 and the code), error codes included', () => {
    check('Cases', ALL_RULES);
  });

  // RSQ's r² = Sxy² / (Sxx Syy) rather than 1 − SSE / Syy: an r² near 0 agrees to 1e-12, not to 1e-9 of itself.
  it('computes the same in its compact form, over another sheet with a long name, but at b = 1 exactly and for an r² near 0 (documented limits)', () => {
    const t = translateFormula("=MKT.RESPONSE_FIT('Historique mensuel 2025'!$A$1:$L$1,'Historique mensuel 2025'!$A$2:$L$2)", { arrayFormula: true });
    expect(t.formula).toContain('SLOPE(');
    check('Historique mensuel 2025', ALL_RULES.filter((r) => r !== 'ratio'), 1e-12);
  });
});
