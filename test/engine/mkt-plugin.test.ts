/**
 * The HyperFormula bridge: the same adapters as Excel, called with Excel's argument shapes, their
 * errors mapped to HyperFormula errors of the same type and message, ALLOCATE spilling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { DetailedCellError, ErrorType, HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import * as adapters from '../../src/functions/functions';
import { createEngine } from '../../src/engine/engine';
import { MKT_FUNCTIONS, MktPlugin, registerMktFunctions } from '../../src/engine/mkt-plugin';

const FUNCTIONS_FILE = join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

/** Each exported adapter with a `@customfunction ID` tag: its id, name and parameter shapes. */
function customFunctionsInSource(): Array<{ id: string; name: string; params: string[] }> {
  const source = ts.createSourceFile(FUNCTIONS_FILE, readFileSync(FUNCTIONS_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ id: string; name: string; params: string[] }> = [];
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name) return;
    const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'customfunction');
    const id = typeof tag?.comment === 'string' ? tag.comment.trim().split(/\s+/)[0] : undefined;
    if (!id) return;
    const params = node.parameters.map((p) => {
      const shape = p.type?.getText(source).replace(/\s/g, '') === 'any[][]' ? 'range' : 'scalar';
      return p.questionToken ? `${shape}?` : shape;
    });
    found.push({ id, name: node.name.text, params });
  });
  return found;
}

function engineWith(rows: RawCellContent[][]): HyperFormula {
  return createEngine({ S: rows });
}

const at = (engine: HyperFormula, address: string) => engine.getCellValue(engine.simpleCellAddressFromString(address, 0)!);

/** What the adapter throws for these (Excel-shaped) arguments. */
function thrownBy(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the adapter did not throw');
}

describe('registration', () => {
  it('registers every @customfunction of src/functions under MKT.<id>, with its adapter and parameter shapes', () => {
    registerMktFunctions();
    const inSource = customFunctionsInSource();
    expect(inSource).toHaveLength(24);
    expect(Object.keys(MKT_FUNCTIONS).sort()).toEqual(inSource.map((f) => f.id).sort());
    for (const { id, name, params } of inSource) {
      expect({ id, adapter: MKT_FUNCTIONS[id].adapter, params: MKT_FUNCTIONS[id].params }).toEqual({
        id,
        adapter: (adapters as Record<string, unknown>)[name],
        params,
      });
      expect(HyperFormula.getFunctionPlugin(`MKT.${id}`)).toBe(MktPlugin);
    }
  });

  it('accepts the dotted name in formulas, in any case', () => {
    const engine = engineWith([[8, 2, '=MKT.ROI_RATIO(A1,B1)', '=mkt.roi_ratio(A1,B1)']]);
    expect(at(engine, 'C1')).toBe(adapters.roiRatio([[8]], [[2]]));
    expect(at(engine, 'D1')).toBe(adapters.roiRatio([[8]], [[2]]));
  });

  it('installs the CustomFunctions runtime when none is there, and registers only once', () => {
    const saved = (globalThis as Record<string, unknown>).CustomFunctions;
    delete (globalThis as Record<string, unknown>).CustomFunctions;
    try {
      registerMktFunctions();
      registerMktFunctions();
      expect(typeof CustomFunctions.Error).toBe('function');
    } finally {
      (globalThis as Record<string, unknown>).CustomFunctions = saved;
    }
  });
});

describe('arguments reach the adapters as Excel passes them', () => {
  afterEach(() => jest.restoreAllMocks());

  function argumentsOf(id: string, rows: RawCellContent[][], formulaCell: string): unknown[] {
    const spy = jest.spyOn(MKT_FUNCTIONS[id], 'adapter');
    try {
      at(engineWith(rows), formulaCell);
      expect(spy).toHaveBeenCalledTimes(1);
      return spy.mock.calls[0];
    } finally {
      spy.mockRestore();
    }
  }

  it('passes a range to an amount parameter as rows of cells, blanks as null', () => {
    const args = argumentsOf('ROI_RATIO', [[100, null, "'n/a"], [10, 20, 30], ['=MKT.ROI_RATIO(A1:C1,A2:C2)']], 'A3');
    expect(args).toEqual([[[100, null, 'n/a']], [[10, 20, 30]]]);
  });

  it('passes one cell or a literal to an amount parameter as a 1×1 array', () => {
    expect(argumentsOf('BUDGET_TIER', [[1200, '=MKT.BUDGET_TIER(A1)']], 'B1')).toEqual([[[1200]], null, null]);
    expect(argumentsOf('BUDGET_TIER', [['=MKT.BUDGET_TIER(1200,"standard")']], 'A1')).toEqual([[[1200]], 'standard', null]);
  });

  it('passes omitted and empty optional arguments as null', () => {
    expect(argumentsOf('LTV', [['=MKT.LTV(10,0.8)']], 'A1')).toEqual([[[10]], 0.8, null]);
    expect(argumentsOf('LTV', [['=MKT.LTV(10,0.8,)']], 'A1')).toEqual([[[10]], 0.8, null]);
  });

  it('passes a blank cell to a scalar parameter as "", distinct from an omitted argument', () => {
    expect(argumentsOf('PILOT_VERDICT', [[null, '=MKT.PILOT_VERDICT(3,1,,A1)']], 'B1')).toEqual([3, 1, null, '', null, null, null, null]);
  });

  it('passes a one-cell range to a scalar parameter as its value, a larger one as rows', () => {
    expect(argumentsOf('ROI_BAND', [[4, 5, '=MKT.ROI_BAND(A1:A1)']], 'C1')).toEqual([4, null, null]);
    expect(argumentsOf('ROI_BAND', [[4, 5, '=MKT.ROI_BAND(A1:B1)']], 'C1')).toEqual([[[4, 5]], null, null]);
  });

  it('passes an error cell inside a range as a CustomFunctions.Error with its code', () => {
    const [revenue] = argumentsOf('ROI_RATIO', [[1, '=1/0', '=MKT.ROI_RATIO(A1:B1,1)']], 'C1') as unknown[][][];
    expect(revenue[0][0]).toBe(1);
    expect(revenue[0][1]).toBeInstanceOf(CustomFunctions.Error);
    expect(revenue[0][1]).toMatchObject({ code: '#DIV/0!' });
  });
});

describe('results and errors', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['#DIV/0!', ErrorType.DIV_BY_ZERO, '=MKT.ROI_RATIO(1,0)', () => adapters.roiRatio([[1]], [[0]])],
    ['#NUM!', ErrorType.NUM, '=MKT.LTV(10,1)', () => adapters.ltv([[10]], 1)],
    ['#N/A', ErrorType.NA, '=MKT.ALLOCATE(100,5,5)', () => adapters.allocate([[100]], [[5]], [[5]])],
    ['#VALUE!', ErrorType.VALUE, '=MKT.LTV(10,80)', () => adapters.ltv([[10]], 80)],
  ])('maps the adapter error %s to HyperFormula %s with the same message', (code, type, formula, call) => {
    const thrown = thrownBy(call);
    expect(thrown.code).toBe(code);
    const value = at(engineWith([[formula]]), 'A1');
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(value).toMatchObject({ type, value: code, message: thrown.message });
  });

  it('passes an error from the sheet on unchanged', () => {
    const engine = engineWith([['=1/0', '=MKT.ROI_RATIO(A1,1)', '=MKT.ROI_RATIO(A1:A2,1)']]);
    const source = at(engine, 'A1') as DetailedCellError;
    for (const cell of ['B1', 'C1']) expect(at(engine, cell)).toMatchObject({ type: source.type, message: source.message });
  });

  it('shows #VALUE! with the exception text when an adapter throws something other than an Excel error', () => {
    jest.spyOn(MKT_FUNCTIONS.ROI_RATIO, 'adapter').mockImplementation(() => {
      throw new TypeError('boom');
    });
    expect(at(engineWith([['=MKT.ROI_RATIO(1,1)']]), 'A1')).toMatchObject({ type: ErrorType.VALUE, message: 'TypeError: boom' });
  });

  it('returns texts and numbers as the adapters do', () => {
    const engine = engineWith([['=MKT.LABEL("TARGET","en")', '=MKT.INTERNALISE_SCORE(45,60000,100000,"oui")']]);
    expect(at(engine, 'A1')).toBe(adapters.label('TARGET', 'en'));
    expect(at(engine, 'B1')).toBe(adapters.internaliseScore(45, [[60000]], [[100000]], 'oui'));
  });

  it('spills ALLOCATE down a column, one amount per channel', () => {
    const engine = engineWith([
      [100, 400, '=MKT.ALLOCATE(1000,A1:A3,B1:B3)'],
      [200, 1000],
      [50, 100],
    ]);
    const expected = adapters.allocate([[1000]], [[100], [200], [50]], [[400], [1000], [100]]);
    expect(engine.getRangeValues({ start: { sheet: 0, row: 0, col: 2 }, end: { sheet: 0, row: 2, col: 2 } })).toEqual(expected);
  });

  it('spills RESPONSE_FIT across a row of four and ALLOCATE_MARGINAL down a column; MARGINAL_ROAS reads the spilled fit', () => {
    const spend = [1000, 1200, 1400, 1600, 1800, 2000];
    const revenue = spend.map((x) => 40 * Math.sqrt(x));
    const engine = engineWith([
      [...spend, '=MKT.RESPONSE_FIT(A1:F1,A2:F2)'],
      [...revenue, '=MKT.MARGINAL_ROAS(G1:J1,1600)'],
      [...spend, '=MKT.ALLOCATE_MARGINAL(3000,A1:F1,A2:F2)'],
      [...revenue],
      ['=MKT.ALLOCATE_MARGINAL(3000,A1:F3,A2:F4)', '=MKT.ALLOCATE_MARGINAL(3000,A1:F1,A2:F1)'],
    ]);
    const fit = adapters.responseFit([spend], [revenue]);
    expect(engine.getRangeValues({ start: { sheet: 0, row: 0, col: 6 }, end: { sheet: 0, row: 0, col: 9 } })).toEqual(fit);
    expect(at(engine, 'G2')).toBeCloseTo(0.5, 9);
    expect(at(engine, 'G3')).toBe(3000); // one channel, the budget exactly at its ceiling (1.5 × 2000)
    // Three rows of histories: three channels, one amount each.
    expect(engine.getRangeValues({ start: { sheet: 0, row: 4, col: 0 }, end: { sheet: 0, row: 6, col: 0 } }).flat()).toEqual(
      adapters.allocateMarginal([[3000]], [spend, revenue, spend], [revenue, spend, revenue]).flat(),
    );
    // Histories of different shapes: #VALUE! in the anchor only.
    expect((at(engine, 'B5') as DetailedCellError).type).toBe(ErrorType.VALUE);
    expect(at(engine, 'B6')).toBeNull();
  });

  it('gives #SPILL! when a value sits where ALLOCATE would spill', () => {
    const engine = engineWith([
      [100, 400, '=MKT.ALLOCATE(1000,A1:A2,B1:B2)'],
      [200, 1000, 'in the way'],
    ]);
    expect(at(engine, 'C1')).toMatchObject({ type: ErrorType.SPILL });
  });

  it('keeps a size-mismatch #VALUE! of ALLOCATE in its own cell, as Excel does', () => {
    const engine = engineWith([
      [100, 400, '=MKT.ALLOCATE(1000,A1:A2,B1)'],
      [200, 1000, 'below'],
    ]);
    expect(at(engine, 'C1')).toMatchObject({ type: ErrorType.VALUE });
    expect(at(engine, 'C2')).toBe('below');
  });
});
