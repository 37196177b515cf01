/** What a write is given (`WriteSpec`) and what each step of the pipeline (write.ts) hands the next. */
import type { Language } from '../../rules/labels';
import type { RegistryEntry, SheetInfo } from '../common/registry';
import type { Rect } from '../common/sheet-utils';
import type { CellData, SheetPlan } from '../sheets/plan';
import type { SheetKind } from '../words/sheets';
import type { InputCell, WorkbookProfile } from '../types';

/** Excel on the web refuses requests over 5 MB; we stay under 4.5 MB. */
export const PAYLOAD_BUDGET = 4.5 * 1024 * 1024;

export interface WriteSpec {
  kind: SheetKind;
  lang: Language;
  profile: WorkbookProfile;
  /**
   * Builds the plans for the target sheet; `current` holds threshold values already in the
   * workbook, `names` the workbook names that point at a cell (upper case).
   */
  build: (current: Record<string, unknown>, names: ReadonlySet<string>) => SheetPlan[];
  /** The transfer block lives on the assumptions sheet and is recorded under its own name. */
  transfer?: boolean;
  /** The gross margin entered in the pane: MKT_GROSS_MARGIN is set to it (marginal Arbitrage). */
  margin?: InputCell;
}

export type NameItem = { name: string; formula: string };

/** What sync 1 reads. */
export interface WorkbookState {
  sheets: SheetInfo[];
  names: NameItem[];
  structureProtected: boolean;
}

/** The threshold names an accountant may have broken, and where the assumptions block is. */
export interface ThresholdState {
  valid: Set<string>;
  broken: string[];
  assumptionsEntry?: RegistryEntry;
  /** A broken name is re-created from the existing block (needs its values: read in `inspect`). */
  repair: boolean;
  /** MKT_GROSS_MARGIN exists and points at a cell. */
  marginValid: boolean;
}

export interface Decision {
  registry: Record<string, RegistryEntry>;
  /** The pane's earlier sheet of this kind. */
  existing?: RegistryEntry;
  thresholds: ThresholdState;
  /** The workbook names that point at a cell (not #REF!), upper case. */
  names: ReadonlySet<string>;
}

export interface Inspection {
  current: Record<string, unknown>;
  /** The pane's earlier sheet, reused (undefined: a new sheet is written). */
  reuse?: RegistryEntry;
  /** Cells the pane wrote on the reused sheet, cleared before writing. */
  previous: Rect[];
  /** The pane's charts on the reused sheet (exact names), deleted before writing. */
  chartNames: string[];
  /** The assumptions block's rows: name, value and the value cell. */
  block: Array<{ name: string; value: unknown; row: number; column: number }>;
  /** The row just below the assumptions block is empty (MKT_GROSS_MARGIN can be added there). */
  belowEmpty?: boolean;
}

export interface Target {
  kind: SheetKind;
  /** Records to (re)write for this sheet, with the cells each holds. */
  registry: Array<{ name: string; areas: Rect[] }>;
  plans: SheetPlan[];
  /** The sheet's name, existing or to create. */
  sheet: string;
  create: boolean;
  /** Cells the pane wrote on an earlier run, cleared before writing (only when reusing). */
  previous?: Rect[];
}

export interface Repair {
  name: string;
  row: number;
  column: number;
  /** Its cell is empty: the default is written into it. */
  fill: boolean;
}

export interface WritePlan {
  targets: Target[];
  main: Target;
  repairs: Repair[];
  chartNames: string[];
  current: Record<string, unknown>;
  /** How MKT_GROSS_MARGIN is set: its cell (existing, rewritten in the batch) or a row added. */
  margin?: MarginWrite;
}

export interface MarginWrite {
  /** `set`: the existing named cell; `row`: a row added to the assumptions sheet (a target); `sheet`: on a new assumptions sheet. */
  how: 'set' | 'row' | 'sheet';
  data: CellData;
  /** What the cell held before (undefined: nothing). */
  before?: unknown;
  /** The accountant's formula or text, kept instead of the pane's margin. */
  keptUser: boolean;
  sheet?: string;
}
