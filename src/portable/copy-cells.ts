/**
 * The copy's rewriting of formula text inside the parts: a sheet's cells (translated, or frozen
 * to their saved value), the MKT calls outside the cells (conditional formats, validations, a
 * table's calculated columns), the defined names, and the tinted styles of frozen cells. Text in,
 * text out; the package work is src/xlsx's.
 */
import { hasMktCall } from '../formula/mkt-calls';
import { decodeEntities as unescapeXml, escapeXml, rootPrefix } from '../xlsx/ooxml';
import type { FrozenValue, PortableItem } from './copy-items';
import { referenceOf, translateFormula } from './translate';

/** XML text with its entities resolved: the shared reading (src/xlsx/ooxml.ts). */
export { unescapeXml };

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : undefined;
}

function withoutAttr(attrs: string, name: string): string {
  return attrs.replace(new RegExp(`\\s${name}="[^"]*"`), '');
}

/** Rows × columns an array formula's stored range ("F2:F6") covers, read as the translator reads a reference. */
const spillShape = (ref: string | undefined) => (ref ? referenceOf(ref) : undefined);

/** A cell's formula element, written with the sheet's prefix (`x:` for `<x:f>`). */
const formulaPattern = (p: string) => new RegExp(`<${p}f\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}f>)`);

/**
 * Each `<tag …>…</tag>` or `<tag …/>` element of a part, in order, handed to `visit`, which returns
 * its new text. A linear scan (the closing tag is looked for once, from the opening one), so a
 * hostile part with unclosed elements costs no more than one pass; the part's rest after an
 * unclosed element is kept as it is.
 */
function mapElements(xml: string, tag: string, visit: (whole: string, attrs: string, inner: string | undefined) => string): string {
  const open = new RegExp(`<${tag}\\b([^>]*?)(\\/?)>`, 'g');
  const closing = `</${tag}>`;
  let out = '';
  let at = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    let end: number;
    let inner: string | undefined;
    if (m[2] === '/') {
      end = open.lastIndex;
    } else {
      const close = xml.indexOf(closing, open.lastIndex);
      if (close < 0) break;
      inner = xml.slice(open.lastIndex, close);
      end = close + closing.length;
    }
    out += xml.slice(at, m.index) + visit(xml.slice(m.index, end), m[1], inner);
    at = end;
    open.lastIndex = end;
  }
  return out + xml.slice(at);
}

interface SheetRewrite {
  xml: string;
  items: PortableItem[];
  removedFormulas: number;
}

/** Rewrites one sheet part's MKT formulas. */
export function rewriteSheet(
  xml: string,
  sheet: string,
  values: boolean,
  multiCellNames?: ReadonlySet<string>,
  computed?: ReadonlyMap<string, FrozenValue>,
  tint?: (style: number) => number,
): SheetRewrite {
  // The prefix its writer gave SpreadsheetML's elements (`<x:c>` from the Open XML SDK), '' mostly.
  const p = rootPrefix(xml, 'worksheet');
  const FORMULA = formulaPattern(p);
  const items: PortableItem[] = [];
  let removedFormulas = 0;
  // Shared formulas: a group whose master calls MKT is translated through its master (the
  // translation keeps its references, so the followers still shift right) or frozen whole.
  const frozenGroups = new Set<string>();
  const sharedMasters = new Map<string, string>();
  mapElements(xml, `${p}f`, (whole, fAttrs, body) => {
    if (body === undefined || attr(fAttrs, 't') !== 'shared') return whole;
    const si = attr(fAttrs, 'si');
    const text = unescapeXml(body);
    if (si !== undefined && hasMktCall(text)) {
      sharedMasters.set(si, text);
      if (values || translateFormula(text, { multiCellNames }).formula === undefined) frozenGroups.add(si);
    }
    return whole;
  });
  const out = mapElements(xml, `${p}c`, (whole, cellAttrs, inner) => {
    if (inner === undefined || !inner.includes(`<${p}f`)) return whole;
    const f = FORMULA.exec(inner);
    if (!f) return whole;
    const fAttrs = f[1];
    const address = attr(cellAttrs, 'r') ?? '?';
    const type = attr(fAttrs, 't');
    const si = attr(fAttrs, 'si');
    const own = f[2] === undefined ? '' : unescapeXml(f[2]);
    const formula = own !== '' ? own : type === 'shared' && si !== undefined ? sharedMasters.get(si) ?? '' : '';
    if (!hasMktCall(formula)) return whole;
    const shared = type === 'shared' && si !== undefined;
    const freeze = (reason: PortableItem['reason']) => {
      removedFormulas++;
      const noSavedValue = !inner.includes(`<${p}v>`) && !inner.includes(`<${p}is>`);
      const value = noSavedValue ? computed?.get(`${sheet}!${address.replace(/\$/g, '')}`) : undefined;
      items.push({ sheet, cell: address, formula: `=${formula}`, action: 'frozen', reason, noSavedValue: noSavedValue || undefined, computed: value });
      // Tinted, so that a reader sees at once which cells no longer compute.
      const attrs = tint ? withStyle(cellAttrs, tint(Number(attr(cellAttrs, 's') ?? 0))) : cellAttrs;
      if (value !== undefined) return valueCell(attrs, inner.replace(FORMULA, ''), value, p);
      return frozenCell(attrs, inner.replace(FORMULA, ''), p);
    };
    if (shared && frozenGroups.has(si!)) return freeze(values ? 'values' : 'sharedGroup');
    if (values) return freeze('values');
    if (shared && own === '') {
      // A follower of a translated master: it shares the master's (now native) text.
      items.push({ sheet, cell: address, formula: `=${formula}`, action: 'translated', native: '(shared with its group)' });
      return whole;
    }
    const translation = translateFormula(own, type === 'array' ? { spill: spillShape(attr(fAttrs, 'ref')), arrayFormula: true, multiCellNames } : { multiCellNames });
    if (translation.formula === undefined) return freeze(translation.frozen?.reason);
    items.push({ sheet, cell: address, formula: `=${own}`, action: 'translated', native: `=${translation.formula}` });
    const newF = `<${p}f${fAttrs}>${escapeXml(translation.formula)}</${p}f>`;
    return `<${p}c${withoutAttr(cellAttrs, 'cm')}>${inner.replace(FORMULA, () => newF)}</${p}c>`;
  });
  return { xml: outsideCells(out, sheet, items, p, multiCellNames), items, removedFormulas };
}

/**
 * MKT calls outside the cells: conditional-format rules (`<formula>`) and data validations
 * (`<formula1>`, `<formula2>`), translated where the translator can (a rule has no value to
 * freeze to), otherwise kept and listed on the report sheet: without MKT they give #NAME?.
 */
function outsideCells(xml: string, sheet: string, items: PortableItem[], p: string, multiCellNames?: ReadonlySet<string>): string {
  if (!/<(?:[\w.-]+:)?(?:conditionalFormatting|dataValidations)\b/.test(xml) || !/mkt/i.test(xml)) return xml;
  const where = (_kind: 'conditionalFormat' | 'validation', attrs: string) => attr(attrs, 'sqref') ?? '?';
  const rewrite = (kind: 'conditionalFormat' | 'validation') => (whole: string, attrs: string, inner: string | undefined) => {
    if (inner === undefined) return whole;
    return whole.replace(new RegExp(`(<${p}(formula[12]?)>)([\\s\\S]*?)(</${p}\\2>)`, 'g'), (all, open: string, _tag: string, body: string, close: string) => {
      const formula = unescapeXml(body);
      if (!hasMktCall(formula)) return all;
      const translation = translateFormula(formula, { multiCellNames });
      const cell = where(kind, attrs);
      if (translation.formula === undefined) {
        items.push({ sheet, cell, formula: `=${formula}`, action: 'kept', reason: translation.frozen?.reason, outside: kind });
        return all;
      }
      items.push({ sheet, cell, formula: `=${formula}`, action: 'translated', native: `=${translation.formula}`, outside: kind });
      return `${open}${escapeXml(translation.formula)}${close}`;
    });
  };
  let out = mapElements(xml, `${p}conditionalFormatting`, rewrite('conditionalFormat'));
  out = mapElements(out, `${p}dataValidation`, rewrite('validation'));
  return out;
}

/** A cell without its formula: its saved value stays; a formula's text result becomes inline text. */
function frozenCell(cellAttrs: string, inner: string, p = ''): string {
  let attrs = withoutAttr(cellAttrs, 'cm');
  if (attr(attrs, 't') === 'str') {
    const value = new RegExp(`<${p}v>([\\s\\S]*?)</${p}v>`);
    const v = value.exec(inner);
    attrs = withoutAttr(attrs, 't') + ' t="inlineStr"';
    const text = v ? v[1] : '';
    inner = inner.replace(value, '') + `<${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is>`;
  }
  return inner === '' ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${inner}</${p}c>`;
}

/** Cell attributes with the style index `s` set. */
function withStyle(cellAttrs: string, style: number): string {
  return /\ss="/.test(cellAttrs) ? cellAttrs.replace(/\ss="[^"]*"/, ` s="${style}"`) : cellAttrs.replace(/(\sr="[^"]*")/, `$1 s="${style}"`);
}

/**
 * The styles part with a tinted copy of each style a frozen cell had: one light-yellow fill added,
 * each cell format copied once with it. `tint` gives the new index; `xml()` the part, unchanged
 * when no cell was tinted. Undefined when the part's lists cannot be found (the cells then keep their style).
 */
export interface FrozenStyles {
  tint: (style: number) => number;
  xml: () => string;
}

export function frozenStyles(stylesXml: string): FrozenStyles | undefined {
  const fills = /<([\w.-]+:)?fills\b([^>]*)>([\s\S]*?)<\/\1?fills>/.exec(stylesXml);
  const xfs = /<([\w.-]+:)?cellXfs\b([^>]*)>([\s\S]*?)<\/\1?cellXfs>/.exec(stylesXml);
  if (!fills || !xfs) return undefined;
  const p = fills[1] ?? '';
  const fillCount = [...fills[3].matchAll(new RegExp(`<${p}fill\\b`, 'g'))].length;
  const formats = [...xfs[3].matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, 'g'))].map((m) => m[0]);
  const added: string[] = [];
  const byStyle = new Map<number, number>();
  return {
    tint(style) {
      let index = byStyle.get(style);
      if (index === undefined) {
        const base = formats[style] ?? formats[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
        let copy = base.replace(/\sfillId="[^"]*"/, '').replace(/\sapplyFill="[^"]*"/, '');
        copy = copy.replace(new RegExp(`^<${p}xf\\b`), `<${p}xf fillId="${fillCount}" applyFill="1"`);
        index = formats.length + added.length;
        added.push(copy);
        byStyle.set(style, index);
      }
      return index;
    },
    xml() {
      if (added.length === 0) return stylesXml;
      const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFFFF2CC"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
      const count = (attrs: string, n: number) => (/\scount="/.test(attrs) ? attrs.replace(/\scount="[^"]*"/, ` count="${n}"`) : attrs);
      return stylesXml
        .replace(fills[0], `<${p}fills${count(fills[2], fillCount + 1)}>${fills[3]}${fill}</${p}fills>`)
        .replace(xfs[0], `<${p}cellXfs${count(xfs[2], formats.length + added.length)}>${xfs[3]}${added.join('')}</${p}cellXfs>`);
    },
  };
}

/** A frozen cell given a value computed outside Excel, in place of the value it never saved. */
function valueCell(cellAttrs: string, inner: string, value: FrozenValue, p: string): string {
  const attrs = withoutAttr(withoutAttr(cellAttrs, 'cm'), 't');
  const rest = inner.replace(new RegExp(`<${p}v\\s*/>|<${p}v>[\\s\\S]*?</${p}v>`), '');
  if (typeof value === 'number') return `<${p}c${attrs}>${rest}<${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `<${p}c${attrs} t="b">${rest}<${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === 'object') return `<${p}c${attrs} t="e">${rest}<${p}v>${escapeXml(value.error)}</${p}v></${p}c>`;
  return `<${p}c${attrs} t="inlineStr">${rest}<${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
}

/** The defined names whose formula calls MKT, translated (a name has no saved value to freeze to). */
export function rewriteNames(workbookXml: string, items: PortableItem[], p = ''): string {
  const element = new RegExp(`<${p}definedName\\b([^>]*)>([\\s\\S]*?)</${p}definedName>`, 'g');
  return workbookXml.replace(element, (whole, attrs: string, body: string) => {
    const formula = unescapeXml(body);
    if (!hasMktCall(formula)) return whole;
    const name = attr(attrs, 'name') ?? '?';
    const translation = translateFormula(formula);
    if (translation.formula === undefined) {
      items.push({ sheet: '', cell: name, formula: `=${formula}`, action: 'kept', reason: translation.frozen?.reason });
      return whole;
    }
    // Translated in --values mode too: a name has no saved value to freeze to.
    items.push({ sheet: '', cell: name, formula: `=${formula}`, action: 'translated', native: `=${translation.formula}` });
    return `<${p}definedName${attrs}>${escapeXml(translation.formula)}</${p}definedName>`;
  });
}

/** The defined names (upper-cased) that refer to more than one cell: a multi-cell reference or a union of areas. */
export function namesOverManyCells(workbookXml: string): Set<string> {
  const found = new Set<string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g)) {
    const name = attr(m[1], 'name');
    const formula = unescapeXml(m[2]).trim();
    if (!name) continue;
    const areas = formula.split(',');
    const shape = referenceOf(areas[0]);
    if ((shape && shape.rows * shape.cols > 1) || (areas.length > 1 && areas.every((a) => referenceOf(a) !== undefined))) found.add(name.toUpperCase());
  }
  return found;
}

/**
 * A table part with the MKT calls of its calculated columns translated (Excel fills new rows with
 * them), or those kept and listed; undefined when nothing was translated.
 */
export function rewriteCalculatedColumns(tableXml: string, sheet: string, tableTarget: string, items: PortableItem[], multiCellNames: ReadonlySet<string>): string | undefined {
  if (!/mkt/i.test(tableXml)) return undefined;
  const tp = rootPrefix(tableXml, 'table');
  const tableName = /\sdisplayName="([^"]*)"/.exec(tableXml)?.[1] ?? tableTarget;
  const column = new RegExp(`<${tp}tableColumn\\b((?:[^>/]|/(?!>))*)>([\\s\\S]*?)</${tp}tableColumn>`, 'g');
  const formula = new RegExp(`(<${tp}calculatedColumnFormula\\b[^>]*>)([\\s\\S]*?)(</${tp}calculatedColumnFormula>)`);
  let changed = false;
  const out = tableXml.replace(column, (whole, attrs: string, inner: string) =>
    inner.includes('calculatedColumnFormula')
      ? whole.replace(formula, (all, open: string, body: string, close: string) => {
          const text = unescapeXml(body);
          if (!hasMktCall(text)) return all;
          const cell = `${tableName}[${unescapeXml(attr(attrs, 'name') ?? '?')}]`;
          const translation = translateFormula(text, { multiCellNames });
          if (translation.formula === undefined) {
            items.push({ sheet, cell, formula: `=${text}`, action: 'kept', reason: translation.frozen?.reason, outside: 'calculatedColumn' });
            return all;
          }
          changed = true;
          items.push({ sheet, cell, formula: `=${text}`, action: 'translated', native: `=${translation.formula}`, outside: 'calculatedColumn' });
          return `${open}${escapeXml(translation.formula)}${close}`;
        })
      : whole,
  );
  return changed ? out : undefined;
}
