/**
 * Recalculation in the HyperFormula engine (src/engine, the MKT adapters registered as
 * MKT.* functions): a sheet of N channels, Channel | Revenue | Spend | ROI, where ROI is either
 * `=MKT.ROI_RATIO(B2,C2)` or the native `=B2/C2` on every row.
 *
 * Measured per size and formula:
 * - build: HyperFormula.buildFromSheets, which parses every formula and computes every cell;
 * - recalc: the whole Spend column replaced in one setCellContents, after which every ROI cell is
 *   computed again (the figure the target is about).
 * Both engines of a size are kept side by side and their samples interleaved, with a garbage
 * collection before each sample when node runs with --expose-gc.
 */
import { HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { ENGINE_CONFIG } from '../src/engine/engine';
import { registerMktFunctions } from '../src/engine/mkt-plugin';
import { collectGarbage, median, nowNs } from './lib/timing';

export type FormulaKind = 'mkt' | 'native';

/** Excel's row limit, as createEngine sets it (src/engine/engine.ts). */
export const MAX_ROWS = 1_048_576;

export function roiFormula(kind: FormulaKind, row: number): string {
  return kind === 'mkt' ? `=MKT.ROI_RATIO(B${row},C${row})` : `=B${row}/C${row}`;
}

export function revenueAt(i: number): number {
  return 100 + (i % 97) * 3;
}

export function spendAt(i: number, round: number): number {
  return 50 + ((i + round * 7) % 89);
}

/** The sheet: a header row, then `rows` channels with revenue, spend and the ROI formula. */
export function roiSheet(rows: number, kind: FormulaKind): RawCellContent[][] {
  const sheet: RawCellContent[][] = [['Channel', 'Revenue', 'Spend', 'ROI']];
  for (let i = 0; i < rows; i++) sheet.push([`Channel ${i + 1}`, revenueAt(i), spendAt(i, 0), roiFormula(kind, i + 2)]);
  return sheet;
}

/** An engine set up as createEngine sets it up (same config, MKT functions, TRUE/FALSE names). */
export function buildEngine(sheet: RawCellContent[][]): HyperFormula {
  registerMktFunctions();
  const engine = HyperFormula.buildFromSheets({ Data: sheet }, { ...ENGINE_CONFIG, maxRows: MAX_ROWS });
  engine.addNamedExpression('TRUE', '=TRUE()');
  engine.addNamedExpression('FALSE', '=FALSE()');
  return engine;
}

/** New spend for every row (round > 0 gives values different from the sheet's). */
export function spendColumn(rows: number, round: number): number[][] {
  return Array.from({ length: rows }, (_, i) => [spendAt(i, round)]);
}

/** Replaces the Spend column: every ROI cell depends on it and is computed again. */
export function replaceSpend(engine: HyperFormula, column: number[][]): void {
  engine.setCellContents({ sheet: 0, row: 1, col: 2 }, column);
}

/** Sum of the ROI column, and how many of its cells are not finite numbers. */
export function roiChecksum(engine: HyperFormula, rows: number): { sum: number; notNumbers: number } {
  const values = engine.getRangeValues({ start: { sheet: 0, row: 1, col: 3 }, end: { sheet: 0, row: rows, col: 3 } });
  let sum = 0;
  let notNumbers = 0;
  for (const [value] of values) {
    if (typeof value === 'number' && Number.isFinite(value)) sum += value;
    else notNumbers += 1;
  }
  return { sum, notNumbers };
}

/** What the ROI column should sum to after `round`, computed in plain JS. */
export function expectedChecksum(rows: number, round: number): number {
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += revenueAt(i) / spendAt(i, round);
  return sum;
}

export interface RecalcResult {
  rows: number;
  samples: number;
  nativeBuildMs: number;
  mktBuildMs: number;
  nativeRecalcMs: number;
  mktRecalcMs: number;
  /** MKT ÷ native, recalculation. */
  ratio: number;
  buildRatio: number;
  /** Extra cost of one MKT.ROI_RATIO over =B/C, per row, in µs (recalc). */
  extraUsPerRow: number;
  /** Both engines' ROI columns match the plain-JS sums after the last round. */
  checked: boolean;
}

/** Builds both engines for `rows`, then `samples` interleaved recalculations of each. */
export function measureRecalc(rows: number, samples: number): RecalcResult {
  const engines: Record<FormulaKind, HyperFormula | undefined> = { native: undefined, mkt: undefined };
  const build: Record<FormulaKind, number> = { native: 0, mkt: 0 };
  const recalc: Record<FormulaKind, number[]> = { native: [], mkt: [] };
  try {
    for (const kind of ['native', 'mkt'] as const) {
      const sheet = roiSheet(rows, kind);
      collectGarbage();
      const t0 = nowNs();
      engines[kind] = buildEngine(sheet);
      build[kind] = (nowNs() - t0) / 1e6;
    }
    let round = 0;
    for (let s = 0; s < samples; s++) {
      round += 1;
      const column = spendColumn(rows, round);
      for (const kind of s % 2 === 0 ? (['native', 'mkt'] as const) : (['mkt', 'native'] as const)) {
        collectGarbage();
        const t0 = nowNs();
        replaceSpend(engines[kind]!, column);
        recalc[kind].push((nowNs() - t0) / 1e6);
      }
    }
    const expected = expectedChecksum(rows, round);
    const checked = (['native', 'mkt'] as const).every((kind) => {
      const { sum, notNumbers } = roiChecksum(engines[kind]!, rows);
      return notNumbers === 0 && Math.abs(sum - expected) <= 1e-9 * Math.max(1, expected);
    });
    const nativeRecalcMs = median(recalc.native);
    const mktRecalcMs = median(recalc.mkt);
    return {
      rows,
      samples,
      nativeBuildMs: build.native,
      mktBuildMs: build.mkt,
      nativeRecalcMs,
      mktRecalcMs,
      ratio: mktRecalcMs / nativeRecalcMs,
      buildRatio: build.mkt / build.native,
      extraUsPerRow: ((mktRecalcMs - nativeRecalcMs) * 1000) / rows,
      checked,
    };
  } finally {
    engines.native?.destroy();
    engines.mkt?.destroy();
  }
}

/**
 * How a time grows with the rows: the exponent k in time ∝ rows^k between the smallest and the
 * largest size (1 = linear).
 */
export function growthExponent(points: ReadonlyArray<{ rows: number; ms: number }>): number {
  if (points.length < 2) return NaN;
  const first = points[0];
  const last = points[points.length - 1];
  return Math.log(last.ms / first.ms) / Math.log(last.rows / first.rows);
}
