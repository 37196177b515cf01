/**
 * What the history reader returns. Plain data: the pane, the command line and the write plans
 * read it; nothing here knows Office.js.
 */

/** A cell of the grid read: 0-based row and column inside the grid (not the sheet). */
export type GridCell = readonly [row: number, column: number];

/** How the history is kept, as recognised. */
export type HistoryForm =
  | 'columns' // a row per channel, a spend and a revenue column (one total each)
  | 'monthsAcross' // a row per channel, months across (one block, or a spend and a revenue run)
  | 'blocks' // months across, a spend block and a revenue block (or sections)
  | 'groupedRows' // several rows per channel: planned / actual / revenue
  | 'journal' // a row per month and channel
  | 'monthsDown'; // a row per month, a column pair per channel

export interface HistoryChannel {
  /** As found in the sheet (first occurrence), trimmed; never interpreted. */
  name: string;
  spend: number;
  revenue: number;
  /** Months with a figure (spend or revenue); 0 when the source has no months (one total per channel). */
  months: number;
  /** The cell the name was read from. */
  nameCell: GridCell;
  /** The cells summed, for the write plans to reference them. */
  spendCells: GridCell[];
  revenueCells: GridCell[];
  /** Spend and revenue by month (index in `period.labels`), when the source has months. */
  monthly?: { spend: number[]; revenue: number[] };
  /** Amounts of this channel read from text ("3 950 $"). */
  textAmounts: number;
}

export type LeftOutReason = 'total' | 'subtotal' | 'ratio' | 'plan' | 'noName' | 'other' | 'section';

/** A row or a column the reader saw and did not count, and why. */
export interface LeftOut {
  kind: 'row' | 'column';
  /** 0-based index in the grid. */
  index: number;
  /** The row's name or the column's header, as found (may be ''). */
  label: string;
  reason: LeftOutReason;
}

export type HistoryWarning =
  | { code: 'textAmounts'; count: number; example: string; cell: GridCell }
  | { code: 'summedRepeats'; channels: number }
  | { code: 'incomplete' }
  | { code: 'unreadAmounts'; count: number; example: string; cell: GridCell };

/** A column, a line kind or a block the user may pick for a role. */
export interface Candidate {
  /** Stable id to pass back in `ReadOptions.picks` (`col:3`, `line:plan`, `block:0`). */
  id: string;
  /** What the user sees: the header text or the line word, as found. */
  label: string;
  /** The total it would give over all channels, to help choose. */
  total: number;
  /** The grid columns it spans, when it is one column or one run of months for every channel. */
  columns?: number[];
}

export type UnsureReason = 'noHeader' | 'spendAmbiguous' | 'revenueAmbiguous' | 'noSpend' | 'noRevenue' | 'noChannels' | 'incomplete';

/** What the reader is unsure of, and what would settle it. */
export interface Question {
  reason: UnsureReason;
  /** The role a pick settles, when a pick can. */
  role?: 'spend' | 'revenue';
  /** What it would take: the candidates, the suggested one first. */
  candidates: Candidate[];
}

export interface History {
  form: HistoryForm;
  /** True when every role was recognised by its words or picked by the user: the pane may write. */
  confident: boolean;
  /** Empty when confident. */
  questions: Question[];
  /** 0-based row of the header in the grid, -1 without one (the first one for blocks). */
  headerRow: number;
  period: { months: number; labels: string[]; from?: string; to?: string };
  channels: HistoryChannel[];
  leftOut: LeftOut[];
  warnings: HistoryWarning[];
  /** What was used for each role (candidate ids), to show or to pass back as picks. */
  used: { spend?: Candidate; revenue?: Candidate };
}

export interface ReadOptions {
  /** The user's choices for the roles (candidate ids from `Question.candidates`). */
  picks?: { spend?: string; revenue?: string };
  /** The grid is only the first rows of the source: the read says so and is unsure. */
  incomplete?: boolean;
}
