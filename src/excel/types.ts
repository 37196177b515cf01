/**
 * Types shared by the workbook layer and the task pane. Plain data only: no Office.js here, so the
 * UI and the pure helpers (layout detection, explanations) can use them without Excel.
 */
import type { BudgetProfile } from '../rules/tiers';
import type { Language } from '../rules/labels';
import type { HistoryRead, ReadOptions } from './history';

export type { BudgetProfile, Language };

/** France (TPE, euros) or Québec (PME, Canadian dollars). */
export type Region = 'FR' | 'QC';

/** Who the workbook is for: words, currency and the budget profile used by MKT.BUDGET_TIER. */
export interface WorkbookProfile {
  lang: Language;
  region: Region;
  /** Default `standard`; see `profileFor(businessModel, margin)` in src/rules/tiers. */
  budgetProfile?: BudgetProfile;
}

// ---------------------------------------------------------------------------------------------
// Layout of the user's data

/** Columns of one measure: one column (a total) or twelve (one a month), contiguous. */
export interface ColumnSpan {
  /** 0-based column index inside the source range. */
  first: number;
  /** 1 or 12. */
  count: number;
}

export type LayoutKind = 'single' | 'monthly';

/** Why the detection is not sure, for the UI to ask the right question. */
export type LayoutIssue =
  | 'noHeaderRow'
  | 'noChannelColumn'
  | 'noSpendColumn'
  | 'noRevenueColumn'
  | 'guessedByPosition'
  | 'monthsIncomplete'
  | 'numbersAsText'
  | 'totalRowExcluded'
  | 'tooFewRows';

/**
 * Where channels, spend and revenue are in a source range. Indices are 0-based and relative to
 * the source range (row 0 = its first row). The UI may edit it and pass it back.
 */
export interface DetectedLayout {
  kind: LayoutKind;
  /** Row holding the headers, or -1 when the range has none. */
  headerRow: number;
  channelColumn: number;
  spend: ColumnSpan;
  revenue: ColumnSpan;
  /** First and last data rows (inclusive). A trailing "Total" row is excluded. */
  firstDataRow: number;
  lastDataRow: number;
  /**
   * The cells of each channel (0-based, relative to the source range), when the channels are not
   * one row each over the same columns (several rows per channel, a journal, blocks, amounts as
   * text): the sheets then write each channel's row from these. Absent for one row per channel.
   */
  cells?: ChannelCells[];
  /** 0..1. */
  confidence: number;
  /** confidence ≥ LAYOUT_CONFIDENT (0.75): the UI may go on without asking. */
  confident: boolean;
  issues: LayoutIssue[];
}

/** Where one channel's figures are, for the sheets to reference them. */
export interface ChannelCells {
  name: readonly [number, number];
  spend: ReadonlyArray<readonly [number, number]>;
  revenue: ReadonlyArray<readonly [number, number]>;
  /** The sums read. */
  sums: { spend: number; revenue: number };
  /** Some amounts are text, which SUM skips: the sums are written as values. */
  asValues?: boolean;
}

/** Where the user's data lives. `address` is sheet-qualified, as Excel returns it. */
export interface SourceRef {
  sheetName: string;
  /** e.g. `'Ventes 2025'!A1:Y13`. */
  address: string;
  /** 0-based row and column of the range's top-left cell on its sheet. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  tableName?: string;
}

/** What `readSource` returns: the source, its detected layout, and a bounded preview. */
export interface SourceData {
  source: SourceRef;
  layout: DetectedLayout;
  /** The first rows of the source (at most PREVIEW_ROWS × PREVIEW_COLUMNS cells). */
  preview: unknown[][];
  /** True when `preview` holds the whole source. */
  complete: boolean;
  /** Channel names and totals for the rows in the preview (all rows when `complete`). */
  channels: ChannelSummary[];
  /** What the history reader read (src/excel/history): channels, period, rows left out, confidence. */
  history?: HistoryRead;
  /** The user's picks the history was read with. */
  picks?: ReadOptions['picks'];
  /** The source's last row, when the preview does not reach it. */
  lastRow?: unknown[];
}

export interface ChannelSummary {
  /** As found in the sheet, never interpreted. */
  name: string;
  spend: number;
  revenue: number;
}

// ---------------------------------------------------------------------------------------------
// Results of actions

export type ExcelFailureCode =
  | 'protected'
  | 'editMode'
  | 'tooLarge'
  | 'sourceMissing'
  | 'emptySource'
  | 'invalidInput'
  | 'unsupported'
  | 'unknown';

/**
 * Every action resolves (it never throws for a workbook problem):
 * - `ok`: done; `value` says what was written;
 * - `needsConfirmation`: sheets the pane wrote before would be replaced — show `message`, and call
 *   again with `{ replace: true }` if the user agrees. Nothing was written;
 * - `error`: a message in the user's language; the workbook was left as it was.
 */
export type ActionResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'needsConfirmation'; sheets: string[]; message: string }
  | { status: 'error'; code: ExcelFailureCode; message: string };

export interface WriteOptions {
  /** Replace sheets the pane created on an earlier run. Default false: ask first. */
  replace?: boolean;
}

/** What a write action produced, for the UI to show and to select. */
export interface WrittenSheet {
  /** The sheet's actual name (may be "Diagnostic (2)" after a clash with a user's sheet). */
  sheetName: string;
  /** Cell to select to show the result, e.g. `Diagnostic!A1`. */
  anchor: string;
  /** Workbook-scoped names created or reused (MKT_ROI_LOW…). */
  names: string[];
  /** True when an earlier sheet of the pane was replaced. */
  replaced: boolean;
  /** Something the user should know about the write, e.g. that MKT_PROFILE was changed to the pane's profile. */
  message?: string;
}

// ---------------------------------------------------------------------------------------------
// Inputs of the write actions

/**
 * A value typed in the pane (the UI parses it: a number, or a boolean for yes/no), or a reference
 * to a cell the user picked, sheet-qualified (`Feuil1!B3`, `'Mes données'!$B$3`).
 */
export type InputCell = { value: number | boolean } | { ref: string };

export interface DiagnosticInput {
  source: SourceRef;
  layout: DetectedLayout;
  profile: WorkbookProfile;
}

export interface InternalisationInput {
  profile: WorkbookProfile;
  weeklyHours: InputCell;
  /** Yearly external fees. */
  externalFees: InputCell;
  /**
   * Yearly loaded salary of an in-house marketer; `{ hiring: true }`: the one the hiring block
   * computes (`=MKT_LOADED_SALARY`, refused with a message when there is no hiring block).
   */
  loadedSalary: InputCell | { hiring: true };
  /** yes/no. */
  dataNeed: InputCell;
  /** Monthly marketing budget, for MKT.BUDGET_TIER. */
  monthlyBudget: InputCell;
  /** The workbook has MKT_CROSSOVER_MONTH (the hiring-cost panel's result): MKT.DECISION reads it. */
  crossover?: boolean;
}

export interface ArbitrageInput {
  source: SourceRef;
  layout: DetectedLayout;
  profile: WorkbookProfile;
  /** Budget to share over the same period as the source's spend (monthly, for the marginal method). */
  totalBudget: InputCell;
  /** By average return (MKT.ALLOCATE, the default) or by marginal return (MKT.ALLOCATE_MARGINAL, monthly history). */
  method?: 'average' | 'marginal';
  /** Gross margin rate (0.45 = 45 %), for the marginal method: named MKT_GROSS_MARGIN. */
  grossMargin?: InputCell;
  /** The months a one-column history covers (default 12); a monthly history counts its columns. */
  months?: number;
  /**
   * Average method: MKT.ALLOCATE gets `cap = MKT_CAP` (1.5 × today's spend, RULES.md §5) unless
   * this is false (the user removed the ceiling).
   */
  cap?: boolean;
}

/** A decision taken during the session, written as text on the assumptions sheet. */
export interface Decision {
  /** What was decided, e.g. "Stop the display channel". User text, written as text. */
  text: string;
  /** Optional detail or owner. */
  note?: string;
}

export interface TransferInput {
  profile: WorkbookProfile;
  decisions: Decision[];
  /** Extra checklist items from the user, appended to the standard ones. */
  extraChecklist?: string[];
}

export interface PilotInput {
  profile: WorkbookProfile;
  /** What the KPI measures, e.g. "Leads". User text, written as text. */
  kpiName: string;
  /** Monthly KPI target, one per month (three months). */
  monthlyTargets: [number, number, number];
  /** ROI ratio the pilot must keep to be expanded; optional. */
  useRoi?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Explain

/** A call to an MKT function found in a formula. */
export interface MktCall {
  /** Function id without the prefix, e.g. `ROI_RATIO`. */
  id: string;
  /** Argument texts as written in the formula, trimmed. */
  args: string[];
}

export interface CellUnderCursor {
  address: string;
  formula: string;
  /** The cell's value (or its spill's first value). */
  value: unknown;
  /** Values of the precedent references found in the formula, by reference text. */
  inputs: Record<string, unknown>;
  /** A cell of a spilled table (COST_PATHS): its 1-based row in the table; `formula` is the table's. */
  spillRow?: number;
}

export interface Explanation {
  /** One-line answer: "ROI 2.4:1 is below the 3:1–5:1 target." */
  summary: string;
  /** One line per input, threshold and signal. */
  lines: string[];
}

// ---------------------------------------------------------------------------------------------
// Cost of a hire (RULES.md §8)

/** The market's loaded-salary arguments: France (LOADED_SALARY_FR) or Québec (LOADED_SALARY_QC), from the profile's region. */
export interface HiringFrance {
  /** Effectif, ≥ 1. */
  headcount: InputCell;
  cadre: boolean;
  /** The AT/MP rate notified (0.0208 = 2.08 %). */
  atRate: InputCell;
}

export interface HiringQuebec {
  cnesstRate: InputCell;
  /** The company's yearly payroll; omitted: the employee's own gross (the function's default). */
  totalPayroll?: InputCell;
  /** Group insurance, employer share, as a fraction of the gross. */
  benefitsRate: InputCell;
}

export interface HiringInput {
  profile: WorkbookProfile;
  /** The gross salary as the owner typed it, and whether it is monthly or yearly. */
  gross: InputCell;
  grossPeriod: 'monthly' | 'yearly';
  /** Year of the rates (2025 or 2026 in France, 2026 in Québec). */
  year: number;
  /** Used when the profile's region is FR. */
  france?: HiringFrance;
  /** Used when the profile's region is QC. */
  quebec?: HiringQuebec;
  /** INHOUSE_MONTHLY's inputs. */
  toolsMonth: InputCell;
  managementHours: InputCell;
  hourlyValue: InputCell;
  /** CROSSOVER_MONTH / COST_PATHS inputs. */
  outsourceMonthly: InputCell;
  /** Recruiting fee as a fraction of the yearly gross (0.2 = 20 %): the one-off is that × the gross. */
  recruitingRate: InputCell;
  monthsToHire: InputCell;
  rampMonths: InputCell;
  rampStart: InputCell;
  /** Rows of the COST_PATHS table and of the chart (1..600). */
  horizon: number;
}
