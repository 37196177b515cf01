/**
 * Steps 2–3 for measures in columns: a row per channel (one total each), a journal (a row per
 * month and channel), or a row per month with a column pair per channel ("Google Ads - CA").
 * Classifies the columns by their header words and the rows by their first cells. Pure.
 */
import { isBlank, isWord, toAmount } from './amounts';
import { measuresHeaderRow, splitPair, wordsHeaderRow, type Grid } from './header';
import { CellNotes, ChannelBook, type Entry, type Hint, type Measure, type Reading } from './reading';
import type { LeftOut } from './types';
import { channelKey, measureOf, monthOf, totalOf, wordBesideTotal, wordOf, type MonthOf } from './words';

/** The share of a column's filled data cells that pass a test. */
function share(rows: Grid, column: number, test: (v: unknown) => boolean): { share: number; filled: number } {
  let filled = 0;
  let passing = 0;
  for (const row of rows) {
    const v = row[column];
    if (isBlank(v)) continue;
    filled++;
    if (test(v)) passing++;
  }
  return { share: filled ? passing / filled : 0, filled };
}

const isAmount = (v: unknown) => toAmount(v) !== undefined;
const isMonth = (v: unknown) => monthOf(v) !== undefined;

/** Reads measures in columns. Always gives a reading (without a header, every column is neutral). */
export function readDown(grid: Grid): Reading {
  const named = measuresHeaderRow(grid);
  const h = named >= 0 ? named : wordsHeaderRow(grid);
  const header = h >= 0 ? grid[h] : [];
  const rows = grid.slice(h + 1);
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const columns = Array.from({ length: width }, (_, c) => c);

  const monthColumn =
    columns.find((c) => wordOf(header[c]) === 'month' && share(rows, c, isMonth).share >= 0.8) ??
    columns.find((c) => share(rows, c, isMonth).filled >= 2 && share(rows, c, isMonth).share >= 0.9 && share(rows, c, (v) => typeof v === 'string').share > 0);
  const pairs = columns.map((c) => (c === monthColumn ? undefined : splitPair(header[c])));
  const pairChannels = new Set(pairs.filter(Boolean).map((p) => channelKey(p!.channel)));
  if (h >= 0 && pairChannels.size >= 1 && pairs.filter(Boolean).length >= 2) return readPairs(grid, h, monthColumn, pairs);

  const { amountColumns, channelColumn, measures, leftOut } = measureColumns(header, rows, h, columns, monthColumn);
  // A journal with a kind column ("Type": Dépense / CA) and one amount column: the kind is the measure.
  const kindColumn = columns.find((c) => {
    if (c === channelColumn || c === monthColumn || amountColumns.includes(c)) return false;
    const { share: kinds, filled } = share(rows, c, (v) => measureOf(wordOf(v)) !== undefined);
    return filled >= 2 && kinds >= 0.8;
  });
  const neutral = measures.filter((m) => m.hint === 'neutral');
  const byKind = kindColumn !== undefined && neutral.length === 1 && measures.length === 1 ? Number(neutral[0].id.slice(4)) : undefined;
  if (byKind !== undefined) measures.length = 0;

  const acc: DownRows = { monthColumn, channelColumn, measures, book: new ChannelBook(), notes: new CellNotes(), entries: [], leftOut };
  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row || row.every(isBlank)) continue;
    const name = channelColumn >= 0 && isWord(row[channelColumn]) ? String(row[channelColumn]).trim() : '';
    if (byKind !== undefined) readKindRow(row, r, name, kindColumn!, byKind, acc);
    else readMeasuresRow(row, r, name, acc);
  }
  const channels = acc.book.list();
  const warnings = acc.notes.warnings();
  const repeated = channels.filter((c) => c.rows > 1).length;
  const form = monthColumn !== undefined || (repeated > 0 && repeated === channels.length) ? 'journal' : 'columns';
  if (form === 'columns' && repeated > 0) warnings.push({ code: 'summedRepeats', channels: repeated });
  return { form, headerRow: h, noHeader: h < 0, measures, channels, entries: acc.entries, leftOut, warnings };
}

/** Step 2: the columns of amounts (each a measure, or a total or ratio left out) and the channel column. */
function measureColumns(header: readonly unknown[], rows: Grid, h: number, columns: readonly number[], monthColumn: number | undefined) {
  const headerText = (c: number) => (isBlank(header[c]) ? '' : String(header[c]).trim());
  const leftOut: LeftOut[] = [];
  const measures: Measure[] = [];
  // Columns of amounts; a column named spend or revenue counts even while still blank.
  const amountColumns = columns.filter((c) => {
    if (c === monthColumn) return false;
    const { share: amounts, filled } = share(rows, c, isAmount);
    return filled > 0 ? amounts >= 0.8 : h >= 0 && !!measureOf(wordBesideTotal(header[c]));
  });
  const channelColumn =
    columns.find((c) => wordOf(header[c]) === 'channel' && c !== monthColumn) ??
    columns.find((c) => c !== monthColumn && !amountColumns.includes(c) && share(rows, c, isWord).filled > 0 && share(rows, c, isWord).share >= 0.5) ??
    -1;
  for (const c of amountColumns) {
    if (c === channelColumn) continue;
    const w = h >= 0 ? wordBesideTotal(header[c]) : 'other';
    if (w === 'ratio') leftOut.push({ kind: 'column', index: c, label: headerText(c), reason: 'ratio' });
    else if (w === 'total' || w === 'subtotal') leftOut.push({ kind: 'column', index: c, label: headerText(c), reason: 'total' });
    else if (w === 'month' || w === 'channel') continue;
    else measures.push({ id: `col:${c}`, label: headerText(c), hint: (measureOf(w) as Hint | undefined) ?? 'neutral', columns: [c] });
  }
  return { amountColumns, channelColumn, measures, leftOut };
}

/** What the rows are read into: the columns found, and the channels, amounts, notes and rows left out. */
interface DownRows {
  monthColumn?: number;
  channelColumn: number;
  measures: Measure[];
  book: ChannelBook;
  notes: CellNotes;
  entries: Entry[];
  leftOut: LeftOut[];
}

/** Step 3, a journal by kind: the row's kind (Dépense / CA) is its measure, its one amount column the value. */
function readKindRow(row: readonly unknown[], r: number, name: string, kindColumn: number, byKind: number, acc: DownRows): void {
  const { monthColumn, channelColumn, measures, book, notes, entries, leftOut } = acc;
  const kind = measureOf(wordOf(row[kindColumn]));
  const amount = toAmount(row[byKind]);
  const first = row.find(isWord);
  const total = totalOf(name) ?? (typeof first === 'string' ? totalOf(first) : undefined);
  if (total || !name || !kind) {
    leftOut.push({ kind: 'row', index: r, label: name || String(first ?? ''), reason: total ?? (name ? 'other' : 'noName') });
    return;
  }
  const id = `kind:${kind}`;
  if (!measures.some((m) => m.id === id)) measures.push({ id, label: String(row[kindColumn]).trim(), hint: kind });
  const channel = book.note(channelKey(name), name, [r, channelColumn], true);
  const month = monthColumn !== undefined ? monthOf(row[monthColumn]) : undefined;
  if (amount?.fromText) notes.fromText(row[byKind], [r, byKind]);
  entries.push({ key: channel.key, measure: id, cell: [r, byKind], value: amount?.value ?? 0, fromText: !!amount?.fromText, ...(amount ? {} : { blank: true }), ...(month ? { month } : {}) });
}

/** Step 3, a row per channel (or per month and channel): a value per measure column; totals and ratios left out. */
function readMeasuresRow(row: readonly unknown[], r: number, name: string, acc: DownRows): void {
  const { monthColumn, channelColumn, measures, book, notes, entries, leftOut } = acc;
  const hasAmounts = measures.some((m) => isAmount(row[Number(m.id.slice(4))]));
  const firstWord = row.find(isWord);
  const total = totalOf(name) ?? (typeof firstWord === 'string' ? totalOf(firstWord) : undefined);
  if (total) {
    leftOut.push({ kind: 'row', index: r, label: name || String(firstWord), reason: total });
    return;
  }
  if (name && wordOf(name) === 'ratio') {
    leftOut.push({ kind: 'row', index: r, label: name, reason: 'ratio' });
    return;
  }
  if (!name || !hasAmounts) {
    leftOut.push({ kind: 'row', index: r, label: name, reason: name ? 'other' : 'noName' });
    return;
  }
  const month: MonthOf | undefined = monthColumn !== undefined ? monthOf(row[monthColumn]) : undefined;
  const channel = book.note(channelKey(name), name, [r, channelColumn], true);
  for (const m of measures) {
    const c = Number(m.id.slice(4));
    const raw = row[c];
    const amount = toAmount(raw);
    if (amount === undefined) {
      if (isWord(raw)) notes.unreadable(raw, [r, c]);
      entries.push({ key: channel.key, measure: m.id, cell: [r, c], value: 0, fromText: false, blank: true, ...(month ? { month } : {}) });
      continue;
    }
    if (amount.fromText) notes.fromText(raw, [r, c]);
    entries.push({ key: channel.key, measure: m.id, cell: [r, c], value: amount.value, fromText: amount.fromText, ...(month ? { month } : {}) });
  }
}

/** A row per month, a column pair per channel: the channels are in the header. */
function readPairs(grid: Grid, h: number, monthColumn: number | undefined, pairs: ReadonlyArray<ReturnType<typeof splitPair>>): Reading {
  const notes = new CellNotes();
  const leftOut: LeftOut[] = [];
  const book = new ChannelBook();
  const entries: Entry[] = [];
  const header = grid[h];
  const labelColumn = monthColumn ?? 0;
  pairs.forEach((p, c) => {
    if (p) book.note(channelKey(p.channel), p.channel, [h, c], false);
    else if (c !== labelColumn && !isBlank(header[c])) {
      const w = wordOf(header[c]);
      const hasAmounts = grid.slice(h + 1).some((row) => isAmount(row[c]));
      if (hasAmounts) leftOut.push({ kind: 'column', index: c, label: String(header[c]), reason: w === 'total' || w === 'subtotal' ? 'total' : w === 'ratio' ? 'ratio' : 'other' });
    }
  });
  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row || row.every(isBlank)) continue;
    const label = row[labelColumn];
    const total = typeof label === 'string' ? totalOf(label) : undefined;
    if (total) {
      leftOut.push({ kind: 'row', index: r, label: String(label), reason: total });
      continue;
    }
    const month = monthOf(label);
    if (typeof label === 'string' && wordOf(label) === 'ratio') {
      leftOut.push({ kind: 'row', index: r, label, reason: 'ratio' });
      continue;
    }
    pairs.forEach((p, c) => {
      if (!p) return;
      const raw = row[c];
      const amount = toAmount(raw);
      if (amount === undefined) {
        if (isWord(raw)) notes.unreadable(raw, [r, c]);
        entries.push({ key: channelKey(p.channel), measure: `pair:${p.measure}`, cell: [r, c], value: 0, fromText: false, blank: true, ...(month ? { month } : {}) });
        return;
      }
      if (amount.fromText) notes.fromText(raw, [r, c]);
      entries.push({ key: channelKey(p.channel), measure: `pair:${p.measure}`, cell: [r, c], value: amount.value, fromText: amount.fromText, ...(month ? { month } : {}) });
    });
  }
  const measures: Measure[] = (['spend', 'revenue'] as const).flatMap((hint): Measure[] => {
    const at = pairs.findIndex((p) => p?.measure === hint);
    return at >= 0 ? [{ id: `pair:${hint}`, label: String(header[at]), hint }] : [];
  });
  return { form: 'monthsDown', headerRow: h, noHeader: false, measures, channels: book.list(), entries, leftOut, warnings: notes.warnings() };
}
