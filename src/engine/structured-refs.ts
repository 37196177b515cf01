/**
 * Structured references (`Canaux[Dépense]`, `Canaux[[#This Row],[Revenu]]`, `Canaux[[#All],[A]:[C]]`)
 * as the plain references the engine reads, from the workbook's tables (xl/tables/*.xml): the
 * file stores every one with its table's name. One the tables do not explain is left as it is,
 * and the engine then reports the cell beyond-engine.
 */

export interface TableInfo {
  /** The name formulas use (displayName). */
  name: string;
  sheet: string;
  /** 1-based bounds of the whole table, headers and totals included. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  /** Column names, upper-cased, left to right. */
  columns: string[];
}

function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A column name as the reference writes it, its escapes (`'[`, `'#`, `''`) undone. */
function columnName(text: string): string {
  return text.trim().replace(/'(.)/g, '$1').toUpperCase();
}

/** The pieces of the inside of `Table[…]`: `#This Row`, `@`, column names, `:` between two columns. */
function pieces(inner: string): string[] | undefined {
  const text = inner.trim();
  if (!text.startsWith('[')) {
    if (text.startsWith('@')) return ['#THIS ROW', ...(text.length > 1 ? [text.slice(1).replace(/^\[|\]$/g, '')] : [])];
    return [text];
  }
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const ch = text[at];
    if (ch === ',' || ch === ' ') {
      at++;
      continue;
    }
    if (ch === ':') {
      out.push(':');
      at++;
      continue;
    }
    if (ch !== '[') return undefined;
    let end = at + 1;
    while (end < text.length && text[end] !== ']') end += text[end] === "'" ? 2 : 1;
    if (end >= text.length) return undefined;
    out.push(text.slice(at + 1, end));
    at = end + 1;
  }
  return out;
}

/** The plain reference for one structured reference, or undefined when the table does not explain it. */
function resolve(table: TableInfo, inner: string, row: number): string | undefined {
  const parts = pieces(inner);
  if (!parts) return undefined;
  let top = table.top + table.headerRows;
  let bottom = table.bottom - table.totalsRows;
  const columns: number[] = [];
  let span = false;
  for (const part of parts) {
    const special = part.trim().toUpperCase();
    if (part === ':') span = true;
    else if (special === '#ALL') [top, bottom] = [table.top, table.bottom];
    else if (special === '#DATA') [top, bottom] = [table.top + table.headerRows, table.bottom - table.totalsRows];
    else if (special === '#HEADERS') [top, bottom] = [table.top, table.top + table.headerRows - 1];
    else if (special === '#TOTALS') [top, bottom] = [table.bottom - table.totalsRows + 1, table.bottom];
    else if (special === '#THIS ROW' || special === '@') [top, bottom] = [row, row];
    else {
      const index = table.columns.indexOf(columnName(part));
      if (index < 0) return undefined;
      columns.push(table.left + index);
    }
  }
  if (bottom < top || (span && columns.length !== 2)) return undefined;
  const left = columns.length === 0 ? table.left : Math.min(...columns);
  const right = columns.length === 0 ? table.right : Math.max(...columns);
  const from = `$${letters(left)}$${top}`;
  const to = `$${letters(right)}$${bottom}`;
  return `${quoted(table.sheet)}!${from === to ? from : `${from}:${to}`}`;
}

/**
 * The formula with each structured reference its tables explain written as a plain reference;
 * `row` is the formula's own row (1-based), for `#This Row`. Text literals are left alone.
 */
export function resolveStructuredReferences(formula: string, tables: ReadonlyMap<string, TableInfo>, row: number): string {
  if (tables.size === 0 || !formula.includes('[')) return formula;
  return formula.replace(/("(?:[^"]|"")*")|(?<![\w.\\\]!])([A-Za-z_\\][\w.]*)\[((?:[^[\]']|'.|\[(?:[^[\]']|'.)*\])*)\]/g, (whole, literal: string | undefined, name: string, inner: string) => {
    if (literal !== undefined) return whole;
    const table = tables.get(name.toUpperCase());
    return (table && resolve(table, inner, row)) ?? whole;
  });
}

/** A table part's description, or undefined when it has no usable `ref`. */
export function readTable(xml: string, sheet: string, attributes: (text: string) => Record<string, string>): TableInfo | undefined {
  const root = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(xml);
  if (!root) return undefined;
  const a = attributes(root[1]);
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.ref ?? '');
  if (!m || !(a.displayName ?? a.name)) return undefined;
  const col = (text: string) => [...text.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const columns = [...xml.matchAll(/<(?:[\w.-]+:)?tableColumn\b([^>]*?)\/?>/g)].map((c) => (attributes(c[1]).name ?? '').toUpperCase());
  return {
    name: a.displayName ?? a.name,
    sheet,
    top: Number(m[2]),
    left: col(m[1]),
    bottom: Number(m[4]),
    right: col(m[3]),
    headerRows: a.headerRowCount !== undefined ? Number(a.headerRowCount) : 1,
    totalsRows: a.totalsRowCount !== undefined ? Number(a.totalsRowCount) : 0,
    columns,
  };
}
