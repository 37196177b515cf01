/**
 * The `<c>` elements of a worksheet part, read and rewritten as text: what a zip-level tool needs
 * to see or change a cell's formula and its attributes (cm, t) without touching anything else.
 * The formula text is handed out unescaped and written back escaped; other content is kept byte
 * for byte.
 */
import { decodeEntities as unescapeXml, escapeXmlText } from './ooxml';

/** The attributes of one start tag, such as `<c r="A1" cm="1">`, values still XML-escaped (written back as they were). */
function attributes(startTag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of startTag.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]] = m[2] ?? m[3];
  return attrs;
}

export interface FormulaXml {
  /** Attributes of `<f>`, such as `t="array" ref="F2:F6"`, escaped as in the file. */
  attrs: Record<string, string>;
  /** The formula without "=", unescaped. Empty for a follower of a shared formula. */
  text: string;
}

export interface CellXml {
  /** Attributes of `<c>` in the file's order (r, s, t, cm, vm …), escaped as in the file. */
  attrs: Record<string, string>;
  formula?: FormulaXml;
  /** The cell's cached value as stored in `<v>`, unescaped, if any. */
  value?: string;
}

// A cell element, self-closing or not. `<col`, `<cfRule` and the like do not match (\b after c).
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v\b[^>]*>([\s\S]*?)<\/v>|<v\b[^>]*\/>/;

function parseCell(attrText: string, inner: string | undefined): CellXml {
  const cell: CellXml = { attrs: attributes(`<c ${attrText}>`) };
  if (inner === undefined) return cell;
  const f = FORMULA.exec(inner);
  if (f) cell.formula = { attrs: attributes(`<f ${f[1]}>`), text: unescapeXml(f[2] ?? '') };
  const v = VALUE.exec(inner);
  if (v) cell.value = unescapeXml(v[1] ?? '');
  return cell;
}

/** Every cell of a worksheet part that has a formula (shared followers included), in file order. */
export function formulaCells(sheetXml: string): CellXml[] {
  const cells: CellXml[] = [];
  for (const m of sheetXml.matchAll(CELL)) {
    if (m[2] === undefined || !m[2].includes('<f')) continue;
    const cell = parseCell(m[1], m[2]);
    if (cell.formula) cells.push(cell);
  }
  return cells;
}

function startTag(name: string, attrs: Record<string, string>, selfClosing = false): string {
  const text = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
  return `<${name}${text}${selfClosing ? '/>' : '>'}`;
}

/**
 * The worksheet part with each formula cell passed through `edit`. `edit` gets the cell and returns
 * it changed (attributes and formula; the cached value is kept as it is), or undefined to leave
 * the element byte for byte. Attribute values given to `edit` and taken back stay XML-escaped.
 */
export function rewriteFormulaCells(sheetXml: string, edit: (cell: CellXml) => CellXml | undefined): string {
  return sheetXml.replace(CELL, (whole, attrText: string, inner: string | undefined) => {
    if (inner === undefined || !inner.includes('<f')) return whole;
    const cell = parseCell(attrText, inner);
    if (!cell.formula) return whole;
    const edited = edit(cell);
    if (!edited?.formula) return whole;
    const { attrs, text } = edited.formula;
    const f = text === '' ? startTag('f', attrs, true) : `${startTag('f', attrs)}${escapeXmlText(text)}</f>`;
    return `${startTag('c', edited.attrs)}${inner.replace(FORMULA, () => f)}</c>`;
  });
}
