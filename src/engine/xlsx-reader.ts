/**
 * Reading an .xlsx package straight from its XML, into the sparse model the engine needs: only
 * the cells that exist, merges and array ranges kept as areas (never listed cell by cell), data
 * validations and styles not read at all. Every size is checked against LIMITS first.
 *
 * ExcelJS is not used here on purpose: it inflates every part, expands validations and merges
 * cell by cell and holds each cell as an object, so a 2 KB file can take all the memory there is.
 */
import { StringDecoder } from 'node:string_decoder';
import type { RawCellContent } from 'hyperformula';
import { LIMITS, formatCount } from './limits';
import { toDottedForm } from '../formula/mkt-calls';
import { shiftFormula, toEngineText } from './formula-text';
import { readTable, resolveStructuredReferences, type TableInfo } from './structured-refs';
import { nodeCodec } from '../xlsx/node-codec';
import {
  attributesOf as attributes,
  badCellRefusal,
  decodeEntities as decodeXml,
  mainPartOf,
  missingSheetRefusal,
  readRelationships,
  relationshipsPartOf,
  unclosedCellRefusal,
  workbookSheets,
  type Relationship,
} from '../xlsx/ooxml';
import { refuseDtd, SyncPackage } from '../xlsx/parts';
import { damaged, PackageError } from '../xlsx/zip';
import type { DefinedName, FormulaCell, SheetCell, WorkbookInput } from './workbook';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
// Pieces of a sheet's XML decoded at a time: the inflated part is never one string.
const CHUNK_BYTES = 4 * 1024 * 1024;

/** Cell text with OOXML's `_xHHHH_` escapes resolved, as Excel shows it (`_x001B_` is ESC). */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  return decoded.includes('_x') ? decoded.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : decoded;
}

/** 1-based row and column of an A1 address, or undefined when it is none or off the sheet. */
function toCell(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m) return undefined;
  let col = 0;
  for (const letter of m[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL ? { row, col } : undefined;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An A1 area ("D1:Q9", or one cell), 1-based; undefined when it is not one ("D1:Q"). */
export function toArea(ref: string): Area | undefined {
  const [from, to = from, extra] = ref.split(':');
  if (extra !== undefined) return undefined;
  const a = toCell(from);
  const b = toCell(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function a1(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** A part's bytes as a Buffer (a view, not a copy); undefined when there is no such part. */
function readBytes(pkg: SyncPackage, name: string): Buffer | undefined {
  const bytes = pkg.read(name);
  return bytes && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** A small part (workbook, relationships, shared strings) as text. */
function readText(pkg: SyncPackage, name: string): string | undefined {
  const bytes = readBytes(pkg, name);
  if (!bytes) return undefined;
  const text = bytes.toString('utf8');
  refuseDtd(name, text.slice(0, 4096));
  return text;
}

/** Calls `each` with the pieces of a large part, each cut after a complete `</row>`. */
function forEachRowChunk(pkg: SyncPackage, name: string, each: (xml: string) => void): boolean {
  const bytes = readBytes(pkg, name);
  if (!bytes) return false;
  refuseDtd(name, bytes.subarray(0, 4096).toString('utf8'));
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    pending += decoder.write(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES)));
    const cut = pending.lastIndexOf('</row>');
    if (cut < 0) continue;
    each(pending.slice(0, cut + 6));
    pending = pending.slice(cut + 6);
  }
  each(pending + decoder.end());
  return true;
}

function relationships(pkg: SyncPackage, part: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  for (const r of readRelationships(readText(pkg, relationshipsPartOf(part)) ?? '', part)) if (!r.external) found.set(r.id, r);
  return found;
}

function sharedStrings(pkg: SyncPackage, part: string | undefined): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  for (const m of (readText(pkg, part) ?? '').matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    strings.push(runText(m[1] ?? ''));
    if (strings.length > LIMITS.cells) throw new PackageError(`has more than ${formatCount(LIMITS.cells)} shared strings`);
  }
  return strings;
}

/** The text of a string item: its <t> runs, phonetic guides (<rPh>) left out. */
function runText(xml: string): string {
  let text = '';
  for (const m of xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) {
    text += decodeCellText(m[1] ?? '');
  }
  return text;
}

/** Engine content of a stored value, or undefined when the cell holds nothing. */
function storedContent(type: string | undefined, raw: string | undefined, inline: string | undefined, strings: string[]): RawCellContent | undefined {
  if (type === 'inlineStr') return inline === undefined || inline === '' ? undefined : `'${inline}`;
  if (raw === undefined) return undefined;
  const value = decodeXml(raw).trim();
  switch (type) {
    case 's': {
      const text = strings[Number(value)];
      return text === undefined || text === '' ? undefined : `'${text}`;
    }
    case 'str':
      return value === '' ? undefined : `'${decodeCellText(raw)}`;
    case 'b':
      return value === '1' || value.toLowerCase() === 'true';
    case 'e':
      return `=${value}`;
    case 'd': {
      const time = Date.parse(value);
      return Number.isNaN(time) ? `'${value}` : time / 86_400_000 + EXCEL_EPOCH_OFFSET_DAYS;
    }
    default: {
      const n = Number(value);
      return value === '' ? undefined : Number.isFinite(n) ? n : `'${value}`;
    }
  }
}

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

const CELL_OR_ROW = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>|<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g;
const CELL_END = /<\/(?:\w+:)?c>/g;

interface SheetRead {
  cells: SheetCell[];
  formulas: FormulaCell[];
}

/** One sheet's reading so far: what it found, and what later cells need (shared-formula masters, areas). */
interface SheetState extends SheetRead {
  sheetName: string;
  tables: ReadonlyMap<string, TableInfo>;
  masters: Map<string, SharedMaster>;
  merges: Area[];
  arrays: Array<{ area: Area; row: number; col: number }>;
}

function readSheet(
  pkg: SyncPackage,
  part: string,
  sheetName: string,
  strings: string[],
  budget: { cells: number },
  tables: ReadonlyMap<string, TableInfo> = new Map(),
): SheetRead {
  const state: SheetState = { sheetName, tables, cells: [], formulas: [], masters: new Map(), merges: [], arrays: [] };
  let row = 0;
  let col = 0;
  const found = forEachRowChunk(pkg, part, (xml) => {
    CELL_OR_ROW.lastIndex = 0;
    for (let m = CELL_OR_ROW.exec(xml); m; m = CELL_OR_ROW.exec(xml)) {
      if (m[4] !== undefined) {
        addMerge(state, m[4]);
        continue;
      }
      const attrs = attributes(m[2]);
      if (m[1] === 'row') {
        row = attrs.r && /^\d+$/.test(attrs.r) ? Number(attrs.r) : row + 1;
        col = 0;
        continue;
      }
      const inner = m[3] === '/' ? '' : cellInner(xml, sheetName);
      const at = attrs.r ? toCell(attrs.r) : { row: Math.max(row, 1), col: col + 1 };
      if (!at) throw damaged(badCellRefusal(sheetName, attrs.r).message);
      col = at.col;
      if (inner === '' || !readCell(state, inner, attrs.t, at, strings)) continue;
      if (--budget.cells < 0) throw new PackageError(`has more than ${formatCount(LIMITS.cells)} cells holding a value or a formula; check-workbook reads at most that many`);
    }
  });
  if (!found) throw damaged(missingSheetRefusal(sheetName, part).message);
  return { cells: blankCovered(state.cells, state.merges, state.arrays), formulas: state.formulas };
}

/** A `<mergeCell>`: kept as an area when it covers more than one cell. */
function addMerge(state: SheetState, attributesText: string): void {
  const ref = attributes(attributesText).ref;
  const area = ref ? toArea(ref) : undefined;
  if (area && area.bottom * MAX_COL + area.right > area.top * MAX_COL + area.left) state.merges.push(area);
  if (state.merges.length > LIMITS.areas) throw new PackageError(`has more than ${formatCount(LIMITS.areas)} merged areas on ${state.sheetName}`);
}

/** The XML inside the `<c>` CELL_OR_ROW has just matched; CELL_OR_ROW then goes on after its end. */
function cellInner(xml: string, sheetName: string): string {
  CELL_END.lastIndex = CELL_OR_ROW.lastIndex;
  const end = CELL_END.exec(xml);
  if (!end) throw damaged(unclosedCellRefusal(sheetName).message);
  const inner = xml.slice(CELL_OR_ROW.lastIndex, end.index);
  CELL_OR_ROW.lastIndex = CELL_END.lastIndex;
  return inner;
}

/**
 * Adds a cell's formula or stored value (1-based `at`). False when nothing that counts against
 * the cell budget was added: an empty cell, or a data table's stored value.
 */
function readCell(state: SheetState, inner: string, type: string | undefined, at: { row: number; col: number }, strings: string[]): boolean {
  const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(inner);
  const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
  const cached = storedContent(type, v?.[1], is ? runText(is[1]) : undefined, strings);
  if (f && (f[2] !== undefined || /\bt\s*=\s*"shared"/.test(f[1]))) return readFormula(state, attributes(f[1]), decodeXml(f[2] ?? '').replace(/^=/, ''), cached, at);
  if (cached === undefined) return false;
  state.cells.push({ row: at.row - 1, col: at.col - 1, content: cached });
  return true;
}

/** A formula cell: a shared formula's text from its master, an array formula's area kept; see readCell. */
function readFormula(state: SheetState, fa: Record<string, string>, stored: string, cached: RawCellContent | undefined, at: { row: number; col: number }): boolean {
  const r0 = at.row - 1;
  const c0 = at.col - 1;
  let text = stored;
  let problem: string | undefined;
  let arrayRef: string | undefined;
  if (fa.t === 'shared' && fa.si !== undefined) {
    const master = state.masters.get(fa.si);
    if (text !== '') state.masters.set(fa.si, { formula: text, row: at.row, col: at.col });
    else if (master) text = shiftFormula(master.formula, at.row - master.row, at.col - master.col);
    else problem = `shared formula ${fa.si} has no master cell in the file (a damaged part)`;
  } else if (fa.t === 'array' && fa.ref) {
    const area = toArea(fa.ref);
    if (!area) problem = `array formula range "${fa.ref.slice(0, 40)}" is not a range (a damaged part)`;
    else {
      arrayRef = fa.ref;
      if (area.bottom > area.top || area.right > area.left) state.arrays.push({ area, row: at.row, col: at.col });
      if (state.arrays.length > LIMITS.areas) throw new PackageError(`has more than ${formatCount(LIMITS.areas)} array formulas on ${state.sheetName}`);
    }
  } else if (fa.t === 'dataTable') {
    // A what-if data table: Excel recomputes it; the engine has none, so keep its stored values.
    if (cached !== undefined) state.cells.push({ row: r0, col: c0, content: cached });
    return false;
  }
  problem ??= text === '' ? 'empty formula (a damaged part)' : undefined;
  const formula = text.replace(/_xlfn\.|_xlws\./gi, '');
  state.formulas.push({
    sheet: state.sheetName,
    cell: a1(at.row, at.col),
    row: r0,
    col: c0,
    formula: problem ? text : formula,
    cached: cached === undefined ? null : cached,
    ...(arrayRef ? { arrayRef } : {}),
    ...(problem ? { problem } : {}),
  });
  // The engine knows MKT.ID only: every stored form of a call is handed to it as that.
  state.cells.push({ row: r0, col: c0, content: problem ? '=#VALUE!' : `=${toEngineText(toDottedForm(resolveStructuredReferences(formula, state.tables, at.row)))}` });
  return true;
}

/**
 * Cells inside a merged area other than its top-left one, and cells an array formula spills into,
 * are blank for the engine (Excel shows only the top-left value; the engine fills the spill).
 * Walks the cells that exist, never the areas' cells.
 */
function blankCovered(cells: SheetCell[], merges: Area[], arrays: Array<{ area: Area; row: number; col: number }>): SheetCell[] {
  const covers: Array<{ area: Area; row: number; col: number }> = [
    ...merges.map((area) => ({ area, row: area.top, col: area.left })),
    ...arrays,
  ];
  if (covers.length === 0) return cells;
  // Areas by first row, so each cell only looks at the areas that may hold it.
  covers.sort((a, b) => a.area.top - b.area.top);
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const open: typeof covers = [];
  let next = 0;
  const kept: SheetCell[] = [];
  for (const cell of sorted) {
    const row = cell.row + 1;
    const col = cell.col + 1;
    while (next < covers.length && covers[next].area.top <= row) open.push(covers[next++]);
    let covered = false;
    for (let i = open.length - 1; i >= 0; i--) {
      const { area, row: r, col: c } = open[i];
      if (area.bottom < row) {
        open.splice(i, 1);
        continue;
      }
      if (col >= area.left && col <= area.right && !(row === r && col === c)) covered = true;
    }
    if (!covered || (typeof cell.content === 'string' && cell.content.startsWith('='))) kept.push(cell);
  }
  return kept;
}

/**
 * The workbook's sheets, cells, formulas and defined names. Throws PackageError when the package
 * breaks a limit or is damaged.
 */
export function readWorkbookPackage(bytes: Buffer): WorkbookInput {
  const pkg = new SyncPackage(bytes, nodeCodec);
  const root = relationships(pkg, '');
  const officeDocument = mainPartOf([...root.values()]);
  const workbookXml = readText(pkg, officeDocument);
  if (workbookXml === undefined) throw damaged('it has no workbook part');
  const rels = relationships(pkg, officeDocument);
  const sharedPart = [...rels.values()].find((r) => r.kind === 'sharedStrings')?.target;
  const strings = sharedStrings(pkg, sharedPart);
  const sheets: Array<{ name: string; part: string }> = [];
  for (const entry of workbookSheets(workbookXml, [...rels.values()])) {
    if (!entry.name || !entry.part || entry.kind !== 'worksheet') continue; // chart sheets hold no cells
    sheets.push({ name: entry.name, part: entry.part });
    if (sheets.length > LIMITS.sheets) throw new PackageError(`has more than ${formatCount(LIMITS.sheets)} sheets`);
  }
  if (sheets.length === 0) throw new PackageError('has no worksheet');
  const names: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const attrs = attributes(m[1]);
    if (!attrs.name || attrs.name.startsWith('_xlnm.')) continue;
    const local = attrs.localSheetId !== undefined ? sheets[Number(attrs.localSheetId)]?.name : undefined;
    if (attrs.localSheetId !== undefined && local === undefined) continue; // scoped to a sheet that is not there
    names.push({ name: attrs.name, formula: decodeXml(m[2] ?? '').replace(/^=/, ''), ...(local ? { sheet: local } : {}) });
    if (names.length > LIMITS.names) throw new PackageError(`has more than ${formatCount(LIMITS.names)} defined names`);
  }
  // The tables of every sheet, by name, for the structured references the formulas hold.
  const tables = new Map<string, TableInfo>();
  for (const sheet of sheets) {
    for (const rel of relationships(pkg, sheet.part).values()) {
      if (rel.kind !== 'table') continue;
      const table = readTable(readText(pkg, rel.target) ?? '', sheet.name, attributes);
      if (table) tables.set(table.name.toUpperCase(), table);
    }
  }
  for (const name of names) name.formula = resolveStructuredReferences(name.formula, tables, 1);
  const budget = { cells: LIMITS.cells };
  const contents: WorkbookInput['contents'] = {};
  const formulas: FormulaCell[] = [];
  for (const sheet of sheets) {
    const read = readSheet(pkg, sheet.part, sheet.name, strings, budget, tables);
    contents[sheet.name] = read.cells;
    for (const f of read.formulas) formulas.push(f);
  }
  return { sheetNames: sheets.map((s) => s.name), contents, formulas, names };
}
