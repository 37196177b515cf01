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

/** Reads months across: one block, runs, blocks or sections, grouped rows. Undefined when no row names months. */
export function readAcross(grid: Grid): Reading | undefined {
  const headers = monthHeaderRows(grid);
  if (headers.length === 0) return undefined;
  const book = new ChannelBook();
  const notes = new CellNotes();
  const entries: Entry[] = [];
  const leftOut: LeftOut[] = [];
  const measures = new Map<string, Measure>();
  const addMeasure = (m: Measure) => measures.has(m.id) || measures.set(m.id, m);
  let grouped = false;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);

  headers.forEach((header, b) => {
    const h = header.row;
    const end = b + 1 < headers.length ? headers[b + 1].row - 1 : grid.length - 1;
    const monthColumns = new Set(header.months.map((m) => m.column));
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
    if (lineColumn !== undefined) grouped = true;

    // Columns left out: totals and ratios beside the months (first block only: one listing).
    if (b === 0)
      for (let c = 0; c < width; c++) {
        if (monthColumns.has(c) || c === nameColumn || c === lineColumn) continue;
        const w = wordOf(grid[h][c]);
        if (!rows.some((row) => toAmount(row[c]) !== undefined)) continue;
        if (w === 'total' || w === 'subtotal') leftOut.push({ kind: 'column', index: c, label: String(grid[h][c] ?? ''), reason: 'total' });
        else if (w === 'ratio') leftOut.push({ kind: 'column', index: c, label: String(grid[h][c] ?? ''), reason: 'ratio' });
        else leftOut.push({ kind: 'column', index: c, label: String(grid[h][c] ?? ''), reason: 'other' });
      }

    let group: { key: string; name: string; cell: readonly [number, number] } | undefined;
    let sectionHint: Hint | undefined;
    for (let r = h + 1; r <= end; r++) {
      const row = grid[r];
      if (!row || row.every(isBlank)) continue;
      const nameText = nameColumn >= 0 && isWord(row[nameColumn]) ? String(row[nameColumn]).trim() : '';
      const lineText = lineColumn !== undefined && isWord(row[lineColumn]) ? String(row[lineColumn]).trim() : '';
      const amounts = header.months.map((m) => ({ m, raw: row[m.column], amount: toAmount(row[m.column]) }));
      const hasAmounts = amounts.some((a) => a.amount !== undefined);
      const total = totalOf(nameText) ?? totalOf(lineText);
      if (total) {
        leftOut.push({ kind: 'row', index: r, label: nameText || lineText, reason: total });
        group = undefined;
        continue;
      }
      if (!hasAmounts) {
        // Another table below (a header of words, "Canal | a | b | r²"): this block ends here.
        const words = row.filter(isWord).length;
        if (words >= 3 || (words >= 2 && lineColumn === undefined)) break;
        const title = titleOf(row);
        const hint = title ? hintOf(title) : undefined;
        if (hint && lineColumn === undefined) {
          sectionHint = hint; // "DÉPENSES" / "REVENUS": the rows below are of that kind
          continue;
        }
        if (lineColumn !== undefined && nameText && !lineText) {
          group = { key: channelKey(nameText), name: nameText, cell: [r, nameColumn] };
          continue;
        }
        if (b + 1 < headers.length && title && r >= end - 1) continue; // the next block's title
      }
      if (nameText && wordOf(nameText) === 'ratio') {
        leftOut.push({ kind: 'row', index: r, label: nameText, reason: 'ratio' });
        continue;
      }
      let measureId: (run: Run, runIndex: number) => string;
      if (lineColumn !== undefined) {
        if (nameText) group = { key: channelKey(nameText), name: nameText, cell: [r, nameColumn] };
        const line = hintOf(lineText);
        if (!line || !group) {
          leftOut.push({ kind: 'row', index: r, label: lineText || nameText, reason: group ? 'other' : 'noName' });
          continue;
        }
        const id = `line:${line}`;
        addMeasure({ id, label: lineText, hint: line });
        measureId = () => id;
      } else {
        // A name without figures is a channel only when already seen (its other block has them).
        if (!nameText || (!hasAmounts && !book.seen.has(channelKey(nameText)))) {
          leftOut.push({ kind: 'row', index: r, label: nameText, reason: nameText ? 'other' : 'noName' });
          continue;
        }
        group = { key: channelKey(nameText), name: nameText, cell: [r, nameColumn] };
        measureId = (run, i) => {
          const hint = sectionHint ?? run.hint;
          const id = headers.length > 1 || sectionHint ? `block:${b}${sectionHint ? `:${sectionHint}` : ''}` : `run:${i}`;
          const label =
            (sectionHint ? undefined : runTitle(grid, h, run)) ||
            (sectionHint ? undefined : nameColumn >= 0 ? String(grid[h][nameColumn] ?? '') : '') ||
            titleAbove ||
            run.months[0].label;
          addMeasure({ id, label, hint: hint ?? 'neutral', ...(id.startsWith('run:') ? { columns: run.months.map((m) => m.column) } : {}) });
          return id;
        };
      }
      const channel = book.note(group.key, group.name, group.cell, true);
      runs.forEach((run, i) => {
        const id = measureId(run, i);
        for (const m of run.months) {
          const raw = row[m.column];
          const amount = toAmount(raw);
          if (amount === undefined) {
            if (isWord(raw)) notes.unreadable(raw, [r, m.column]);
            entries.push({ key: channel.key, measure: id, cell: [r, m.column], value: 0, fromText: false, blank: true, month: m });
            continue;
          }
          if (amount.fromText) notes.fromText(raw, [r, m.column]);
          entries.push({ key: channel.key, measure: id, cell: [r, m.column], value: amount.value, fromText: amount.fromText, month: m });
        }
      });
    }
  });
  const form = grouped ? 'groupedRows' : headers.length > 1 || [...measures.keys()].some((id) => id.startsWith('block:')) ? 'blocks' : 'monthsAcross';
  return { form, headerRow: headers[0].row, noHeader: false, measures: [...measures.values()], channels: book.list(), entries, leftOut, warnings: notes.warnings() };
}

export { monthOf };
