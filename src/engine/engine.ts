/**
 * A HyperFormula instance set up like Excel (en-US, invariant formulas with commas), with the
 * MKT functions registered. Dev and CLI only: never imported by the add-in.
 */
import { DenseSparseChooseBasedOnThreshold, HyperFormula } from 'hyperformula';
import type { ConfigParams, RawCellContent } from 'hyperformula';
import { registerMktFunctions } from './mkt-plugin';

/** HyperFormula's "compatibility with Microsoft Excel" settings, plus exact numbers. */
export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  functionArgSeparator: ',',
  decimalSeparator: '.',
  thousandSeparator: '',
  arrayColumnSeparator: ',',
  arrayRowSeparator: ';',
  accentSensitive: true,
  localeLang: 'en-US',
  useArrayArithmetic: true,
  ignoreWhiteSpace: 'any',
  evaluateNullToZero: true,
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 30 },
  // Exported values stay the doubles the adapters returned; Excel too keeps them unrounded.
  smartRounding: false,
  // Excel's own sheet size (HyperFormula stops at 40 000 rows by default).
  maxRows: 1_048_576,
  maxColumns: 16_384,
  // A sheet mostly blank (one cell at XFD1048576) is held sparse; HyperFormula's default is always
  // dense, a row array per row up to the last column.
  chooseAddressMappingPolicy: new DenseSparseChooseBasedOnThreshold(0.5),
  // Nothing is undone here; the undo stack would keep a copy of every cell set one by one.
  undoLimit: 0,
};

export type SheetContents = Record<string, RawCellContent[][]>;

/** A HyperFormula engine over these sheets, with MKT.* and Excel's TRUE/FALSE names. */
export function createEngine(sheets: SheetContents): HyperFormula {
  registerMktFunctions();
  const engine = HyperFormula.buildFromSheets(sheets, ENGINE_CONFIG);
  engine.addNamedExpression('TRUE', '=TRUE()');
  engine.addNamedExpression('FALSE', '=FALSE()');
  return engine;
}
