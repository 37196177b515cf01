/**
 * The history reader on a saved workbook: the bounded package reader of check-workbook
 * (engine/workbook-file.ts → xlsx-reader.ts on src/xlsx: the same limits and hostile-file
 * guards), the cells of one sheet or range made a grid, then `readHistory`. Throws
 * HistoryFileError with what to do; the command line only prints it.
 */
import { readHistory, type HistoryRead } from '../../excel/history';
import { WorkbookReadError, type WorkbookInput } from '../workbook';
import { readWorkbookFile } from '../workbook-file';
import { toArea } from '../xlsx-reader';
import type { Language } from '../../rules/labels';

/** Cells of the grid built for one read (its bounding box): past this, a --range is asked for. */
export const GRID_CELL_LIMIT = 2_000_000;

export class HistoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

export interface SavedHistory {
  /** `Sheet!A1:D25`, the cells read. */
  source: string;
  sheet: string;
  /** 0-based sheet row and column of the grid's first cell. */
  top: number;
  left: number;
  history: HistoryRead;
}

function letters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** `A1` of a 0-based row and column. */
export const a1Of = (row: number, col: number): string => `${letters(col)}${row + 1}`;

const quoted = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

/** A stored cell as `range.values` gives it: text without its mark, a formula's saved value, an error as its text. */
function valueOf(content: unknown, cached: unknown): unknown {
  const v = typeof content === 'string' && content.startsWith('=') && cached !== undefined ? cached : content;
  if (typeof v !== 'string') return v ?? '';
  if (v.startsWith("'")) return v.slice(1);
  if (v.startsWith('=')) return v.startsWith('=#') ? v.slice(1) : '';
  return v;
}

function gridOf(input: WorkbookInput, sheet: string, area: { top: number; left: number; bottom: number; right: number } | undefined, lang: Language) {
  const cells = input.contents[sheet] ?? [];
  const cached = new Map<string, unknown>();
  for (const f of input.formulas) if (f.sheet === sheet) cached.set(`${f.row}:${f.col}`, f.cached);
  let box = area;
  if (!box) {
    if (cells.length === 0) return undefined;
    box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    for (const c of cells) {
      box.top = Math.min(box.top, c.row);
      box.left = Math.min(box.left, c.col);
      box.bottom = Math.max(box.bottom, c.row);
      box.right = Math.max(box.right, c.col);
    }
  }
  const rows = box.bottom - box.top + 1;
  const columns = box.right - box.left + 1;
  if (rows * columns > GRID_CELL_LIMIT) {
    const range = `${a1Of(box.top, box.left)}:${a1Of(box.bottom, box.right)}`;
    throw new HistoryFileError(
      lang === 'fr'
        ? `${sheet}!${range} couvre ${rows * columns} cellules, plus que les ${GRID_CELL_LIMIT} lues en une fois : donnez la plage de l’historique avec --range.`
        : `${sheet}!${range} spans ${rows * columns} cells, more than the ${GRID_CELL_LIMIT} read at once: give the history's range with --range.`,
    );
  }
  const grid: unknown[][] = Array.from({ length: rows }, () => Array<unknown>(columns).fill(''));
  for (const c of cells) {
    if (c.row < box.top || c.row > box.bottom || c.col < box.left || c.col > box.right) continue;
    grid[c.row - box.top][c.col - box.left] = valueOf(c.content, cached.get(`${c.row}:${c.col}`));
  }
  return { grid, box };
}

/**
 * Reads the budget history of a saved .xlsx.
 * @param path the file
 * @param options `sheet` (default: the first sheet holding a sure history, else one with channels) and `range` (A1:Z99)
 * @throws HistoryFileError when the file cannot be read, breaks a limit, or holds no history
 */
export async function readSavedHistory(path: string, options: { sheet?: string; range?: string; lang?: Language } = {}): Promise<SavedHistory> {
  const lang = options.lang ?? 'fr';
  let input: WorkbookInput;
  try {
    input = await readWorkbookFile(path);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new HistoryFileError(lang === 'fr' ? `Lecture impossible : ${error.message}` : error.message);
    throw error;
  }
  let area: ReturnType<typeof toArea>;
  if (options.range !== undefined) {
    area = toArea(options.range.replace(/\$/g, ''));
    if (!area) throw new HistoryFileError(lang === 'fr' ? `--range ${options.range} n’est pas une plage (exemple : A4:R22).` : `--range ${options.range} is not a range (for example A4:R22).`);
  }
  const box = area ? { top: area.top - 1, left: area.left - 1, bottom: area.bottom - 1, right: area.right - 1 } : undefined;
  let sheets = input.sheetNames;
  if (options.sheet !== undefined) {
    const found = input.sheetNames.find((s) => s.toLowerCase() === options.sheet!.toLowerCase());
    if (!found)
      throw new HistoryFileError(
        lang === 'fr'
          ? `Pas de feuille « ${options.sheet} » ; les feuilles sont : ${input.sheetNames.join(', ')}.`
          : `No sheet "${options.sheet}"; the sheets are: ${input.sheetNames.join(', ')}.`,
      );
    sheets = [found];
  }
  let fallback: SavedHistory | undefined;
  for (const sheet of sheets) {
    const read = gridOf(input, sheet, box, lang);
    if (!read) continue;
    const history = readHistory(read.grid);
    const found: SavedHistory = {
      source: `${quoted(sheet)}!${a1Of(read.box.top, read.box.left)}:${a1Of(read.box.bottom, read.box.right)}`,
      sheet,
      top: read.box.top,
      left: read.box.left,
      history,
    };
    if (history.confident) return found;
    if (!fallback && history.channels.length > 0) fallback = found;
    if (options.sheet !== undefined) return found;
  }
  if (fallback) return fallback;
  throw new HistoryFileError(
    lang === 'fr'
      ? 'Aucun historique de budget trouvé (des canaux avec leurs dépenses et leur CA) ; indiquez la feuille avec --sheet et la plage avec --range.'
      : 'No budget history found (channels with their spend and revenue); give the sheet with --sheet and the range with --range.',
  );
}
