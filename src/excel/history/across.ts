/**
 * Steps 2–3 for months across: classify the columns of each block (name, line word, months,
 * totals, ratios) and its rows (channel, line of a channel, section title, total), and note
 * every amount with its channel and measure. Pure.
 */
import { isBlank, isWord, toAmount } from './amounts';
import { monthHeaderRows, type Grid, type MonthCell } from './header';
import { CellNotes, ChannelBook, type Entry, type Hint, type Measure, type Reading } from './reading';
import type { LeftOut } from './types';
import { channelKey, measureOf, monthOf, totalOf, wordOf } from './words';

interface Run {
  months: MonthCell[];
  hint?: Hint;
}

const hintOf = (value: unknown): Hint | undefined => measureOf(wordOf(value));

/** Splits a header's months into runs where a month comes back (Dépenses janv…déc, CA janv…déc). */
function runsOf(months: MonthCell[]): Run[] {
  const runs: Run[] = [];
  let current: MonthCell[] = [];
  const seen = new Set<number>();
  for (const m of months) {
    if (seen.has(m.key) && current.length) {
      runs.push({ months: current });
      current = [];
      seen.clear();
    }
    seen.add(m.key);
    current.push(m);
  }
  if (current.length) runs.push({ months: current });
  return runs;
}

/** The title written just above a run when it names a measure ("Dépenses", "CA"): the run's label. */
function runTitle(grid: Grid, headerRow: number, run: Run): string | undefined {
  const above = headerRow > 0 ? grid[headerRow - 1] : undefined;
  if (!above) return undefined;
  for (let c = run.months[0].column; c <= run.months[run.months.length - 1].column; c++) {
    if (isBlank(above[c])) continue;
    return hintOf(above[c]) ? String(above[c]).trim() : undefined;
  }
  return undefined;
}

/** The role written over a run: in its own header cells ("Dép. janv"), or in the row above it (a merged title). */
function runHint(grid: Grid, headerRow: number, run: Run): Hint | undefined {
  for (const m of run.months) {
    const h = hintOf(grid[headerRow][m.column]);
    if (h) return h;
  }
  const above = headerRow > 0 ? grid[headerRow - 1] : undefined;
  if (!above) return undefined;
  for (let c = run.months[0].column; c <= run.months[run.months.length - 1].column; c++) if (!isBlank(above[c])) return hintOf(above[c]);
  return undefined;
}

/** A row with one text cell and nothing else: a section or block title ("DÉPENSES"). */
function titleOf(row: readonly unknown[] | undefined): string | undefined {
  if (!row) return undefined;
  const filled = row.filter((v) => !isBlank(v));
  return filled.length === 1 && isWord(filled[0]) ? String(filled[0]).trim() : undefined;
}

/** What the blocks' rows add up to: channels, amounts, measures, what is left out, the notes on cells. */
interface Accumulator {
  book: ChannelBook;
  notes: CellNotes;
  entries: Entry[];
  leftOut: LeftOut[];
  measures: Map<string, Measure>;
}

const addMeasure = (acc: Accumulator, m: Measure) => acc.measures.has(m.id) || acc.measures.set(m.id, m);

/** Reads months across: one block, runs, blocks or sections, grouped rows. Undefined when no row names months. */
export function readAcross(grid: Grid): Reading | undefined {
  const headers = monthHeaderRows(grid);
  if (headers.length === 0) return undefined;
  const acc: Accumulator = { book: new ChannelBook(), notes: new CellNotes(), entries: [], leftOut: [], measures: new Map() };
  let grouped = false;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  headers.forEach((_, b) => {
    const block = blockOf(grid, headers, b);
    if (block.lineColumn !== undefined) grouped = true;
    // Columns left out: totals and ratios beside the months (first block only: one listing).
    if (b === 0) acc.leftOut.push(...leftOutColumns(grid, block, width));
    readBlockRows(grid, block, headers.length, acc);
  });
  const { measures, book, entries, leftOut, notes } = acc;
  const form = grouped ? 'groupedRows' : headers.length > 1 || [...measures.keys()].some((id) => id.startsWith('block:')) ? 'blocks' : 'monthsAcross';
  return { form, headerRow: headers[0].row, noHeader: false, measures: [...measures.values()], channels: book.list(), entries, leftOut, warnings: notes.warnings() };
}

/** One block under a header of months: its rows, its name and line columns, its runs and their roles. */
interface Block {
  /** The block's index and its header. */
  b: number;
  header: MonthHeader;
  /** The header's row and the block's last row. */
  h: number;
  end: number;
  nameColumn: number;
  lineColumn?: number;
  titleAbove?: string;
  runs: Run[];
}

type MonthHeader = ReturnType<typeof monthHeaderRows>[number];

/** Step 2 for one block: which column names the channels, which holds line words, what each run of months measures. */
function blockOf(grid: Grid, headers: readonly MonthHeader[], b: number): Block {
  const header = headers[b];
  const h = header.row;
  const end = b + 1 < headers.length ? headers[b + 1].row - 1 : grid.length - 1;
  const firstMonth = header.months[0].column;
  const rows = grid.slice(h + 1, end + 1);
  // The name column: the header's channel word, else the first column left of the months holding words.
  const left = Array.from({ length: firstMonth }, (_, c) => c);
  const wordsIn = (c: number) => rows.filter((row) => isWord(row[c])).length;
  let nameColumn = left.find((c) => wordOf(grid[h][c]) === 'channel') ?? left.find((c) => wordsIn(c) > 0) ?? -1;
  // A line column: beside the names, mostly line words (Prévu, Réel, CA attribué).
  const lineColumn = left.find((c) => {
    if (c === nameColumn) return false;
    const filled = rows.filter((row) => !isBlank(row[c]));
    return filled.length >= 2 && filled.filter((row) => hintOf(row[c]) || totalOf(String(row[c]))).length >= filled.length * 0.6;
  });
  if (lineColumn !== undefined && nameColumn > lineColumn && wordsIn(nameColumn) === 0) nameColumn = -1;
  // The block's role: its title cell ("Dépenses mensuelles") or a title row just above.
  const titleAbove = [h - 1, h - 2].map((r) => (r >= 0 && (b === 0 || r > headers[b - 1].row) ? titleOf(grid[r]) : undefined)).find(Boolean);
  const blockHint = (nameColumn >= 0 ? hintOf(grid[h][nameColumn]) : undefined) ?? (titleAbove ? hintOf(titleAbove) : undefined);
  const runs = runsOf(header.months);
  runs.forEach((run) => (run.hint = runHint(grid, h, run) ?? (runs.length === 1 ? blockHint : undefined)));
  return { b, header, h, end, nameColumn, lineColumn, titleAbove, runs };
}

/** The columns beside the months that hold amounts: totals, ratios, others. */
function leftOutColumns(grid: Grid, { header, h, end, nameColumn, lineColumn }: Block, width: number): LeftOut[] {
  const monthColumns = new Set(header.months.map((m) => m.column));
  const rows = grid.slice(h + 1, end + 1);
  const out: LeftOut[] = [];
  for (let c = 0; c < width; c++) {
    if (monthColumns.has(c) || c === nameColumn || c === lineColumn) continue;
    const w = wordOf(grid[h][c]);
    if (!rows.some((row) => toAmount(row[c]) !== undefined)) continue;
    if (w === 'total' || w === 'subtotal') out.push({ kind: 'column', index: c, label: String(grid[h][c] ?? ''), reason: 'total' });
    else if (w === 'ratio') out.push({ kind: 'column', index: c, label: String(grid[h][c] ?? ''), reason: 'ratio' });
    else out.push({ kind: 'column', index: c, label: String(grid[h][c] ?? ''), reason: 'other' });
  }
  return out;
}

/** Where the rows are: the channel whose lines follow (grouped rows), the section a title row opened. */
interface Cursor {
  group?: { key: string; name: string; cell: readonly [number, number] };
  sectionHint?: Hint;
}

type MeasureIdOf = (run: Run, runIndex: number) => string;

/** Step 3 for one block: each row is a channel, a line of one, a section title, a total, or the end of the block. */
function readBlockRows(grid: Grid, block: Block, blockCount: number, acc: Accumulator): void {
  const { b, header, h, end, nameColumn, lineColumn } = block;
  const cursor: Cursor = {};
  for (let r = h + 1; r <= end; r++) {
    const row = grid[r];
    if (!row || row.every(isBlank)) continue;
    const nameText = nameColumn >= 0 && isWord(row[nameColumn]) ? String(row[nameColumn]).trim() : '';
    const lineText = lineColumn !== undefined && isWord(row[lineColumn]) ? String(row[lineColumn]).trim() : '';
    const hasAmounts = header.months.some((m) => toAmount(row[m.column]) !== undefined);
    const total = totalOf(nameText) ?? totalOf(lineText);
    if (total) {
      acc.leftOut.push({ kind: 'row', index: r, label: nameText || lineText, reason: total });
      cursor.group = undefined;
      continue;
    }
    if (!hasAmounts) {
      // Another table below (a header of words, "Canal | a | b | r²"): this block ends here.
      const words = row.filter(isWord).length;
      if (words >= 3 || (words >= 2 && lineColumn === undefined)) break;
      const title = titleOf(row);
      const hint = title ? hintOf(title) : undefined;
      if (hint && lineColumn === undefined) {
        cursor.sectionHint = hint; // "DÉPENSES" / "REVENUS": the rows below are of that kind
        continue;
      }
      if (lineColumn !== undefined && nameText && !lineText) {
        cursor.group = { key: channelKey(nameText), name: nameText, cell: [r, nameColumn] };
        continue;
      }
      if (b + 1 < blockCount && title && r >= end - 1) continue; // the next block's title
    }
    if (nameText && wordOf(nameText) === 'ratio') {
      acc.leftOut.push({ kind: 'row', index: r, label: nameText, reason: 'ratio' });
      continue;
    }
    const measureId =
      lineColumn !== undefined ? lineMeasure(block, r, nameText, lineText, cursor, acc) : channelMeasure(grid, block, blockCount, r, nameText, hasAmounts, cursor, acc);
    if (!measureId || !cursor.group) continue;
    const channel = acc.book.note(cursor.group.key, cursor.group.name, cursor.group.cell, true);
    noteAmounts(row, r, block.runs, measureId, channel.key, acc);
  }
}

/** Grouped rows: the row's line word (Prévu, Réel, CA attribué) is its measure, under the channel named above or on the row. */
function lineMeasure(block: Block, r: number, nameText: string, lineText: string, cursor: Cursor, acc: Accumulator): MeasureIdOf | undefined {
  if (nameText) cursor.group = { key: channelKey(nameText), name: nameText, cell: [r, block.nameColumn] };
  const line = hintOf(lineText);
  if (!line || !cursor.group) {
    acc.leftOut.push({ kind: 'row', index: r, label: lineText || nameText, reason: cursor.group ? 'other' : 'noName' });
    return undefined;
  }
  const id = `line:${line}`;
  addMeasure(acc, { id, label: lineText, hint: line });
  return () => id;
}

/** A channel's row: each run of months (or the block, or the section) is a measure, labelled by its title. */
function channelMeasure(grid: Grid, block: Block, blockCount: number, r: number, nameText: string, hasAmounts: boolean, cursor: Cursor, acc: Accumulator): MeasureIdOf | undefined {
  const { b, h, nameColumn, titleAbove } = block;
  // A name without figures is a channel only when already seen (its other block has them).
  if (!nameText || (!hasAmounts && !acc.book.seen.has(channelKey(nameText)))) {
    acc.leftOut.push({ kind: 'row', index: r, label: nameText, reason: nameText ? 'other' : 'noName' });
    return undefined;
  }
  cursor.group = { key: channelKey(nameText), name: nameText, cell: [r, nameColumn] };
  const { sectionHint } = cursor;
  return (run, i) => {
    const hint = sectionHint ?? run.hint;
    const id = blockCount > 1 || sectionHint ? `block:${b}${sectionHint ? `:${sectionHint}` : ''}` : `run:${i}`;
    const label =
      (sectionHint ? undefined : runTitle(grid, h, run)) ||
      (sectionHint ? undefined : nameColumn >= 0 ? String(grid[h][nameColumn] ?? '') : '') ||
      titleAbove ||
      run.months[0].label;
    addMeasure(acc, { id, label, hint: hint ?? 'neutral', ...(id.startsWith('run:') ? { columns: run.months.map((m) => m.column) } : {}) });
    return id;
  };
}

/** Every month of the row as an entry of the channel's measure; a blank or unreadable cell as a blank entry. */
function noteAmounts(row: readonly unknown[], r: number, runs: readonly Run[], measureId: MeasureIdOf, key: string, acc: Accumulator): void {
  runs.forEach((run, i) => {
    const id = measureId(run, i);
    for (const m of run.months) {
      const raw = row[m.column];
      const amount = toAmount(raw);
      if (amount === undefined) {
        if (isWord(raw)) acc.notes.unreadable(raw, [r, m.column]);
        acc.entries.push({ key, measure: id, cell: [r, m.column], value: 0, fromText: false, blank: true, month: m });
        continue;
      }
      if (amount.fromText) acc.notes.fromText(raw, [r, m.column]);
      acc.entries.push({ key, measure: id, cell: [r, m.column], value: amount.value, fromText: amount.fromText, month: m });
    }
  });
}

export { monthOf };
