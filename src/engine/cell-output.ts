/**
 * A cell's value as check-workbook reports it, shared by the two ways it is computed: by the
 * engine (recompute.ts) and without it (direct-mkt.ts).
 */

export interface ErrorOutput {
  error: string;
  message: string;
}

/** A cell's value as reported: a spilled formula gives its whole array. */
export type CellOutput = number | string | boolean | null | ErrorOutput | CellOutput[][];
