/**
 * Formulas that bind in French Excel. Excel binds a custom function written through
 * `range.formulas` by the name the display language shows: under a French display language our
 * functions are named in French (`MKT.RATIO_ROI`), and an English name written by an add-in stays
 * at #NAME?, shown with its English name (office-js issue 891). So the write batch reads back the
 * `formulasLocal` and values of the MKT cells it wrote (template cells only: their number does not
 * grow with the rows), and the cells found unbound are rewritten through `formulasLocal`: the
 * host's own local rendering of the formula (its separators, its built-in names) with the English
 * custom-function names replaced by the French ones. Rows filled from a rewritten template are
 * filled again.
 */
import metadataFr from '../functions/metadata-fr.json';
import type { CellWrite, FillDown, SheetPlan } from './plans';
import { intersects, parseAddress } from './sheet-utils';

/** English function id → French name, from the localized metadata (fr-FR and fr-CA share the names). */
export const FRENCH_FUNCTION_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries((metadataFr as { functions: Record<string, { name: string }> }).functions).map(([id, f]) => [id.toUpperCase(), f.name.toUpperCase()]),
);

const MKT_CALL = /\bMKT\.([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;

/** True when the formula calls an MKT function. */
export function hasMktCall(formula: unknown): boolean {
  return typeof formula === 'string' && /\bMKT\.[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(formula);
}

/** Applies `f` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');
}

/**
 * The local formula with every English MKT function name that has a French name replaced by it.
 * @example toFrenchCalls('=SI(A1>0;MKT.ROI_RATIO(B2;C2);"")') //=> '=SI(A1>0;MKT.RATIO_ROI(B2;C2);"")'
 */
export function toFrenchCalls(local: string): string {
  return outsideStrings(local, (code) => code.replace(MKT_CALL, (all, id: string) => {
    const fr = FRENCH_FUNCTION_NAMES[id.toUpperCase()];
    return fr ? all.replace(id, fr) : all;
  }));
}

/** True when the local formula still shows an English MKT name where French Excel names it otherwise. */
export function showsEnglishCall(local: unknown): boolean {
  if (typeof local !== 'string') return false;
  let found = false;
  outsideStrings(local, (code) => {
    for (const m of code.matchAll(MKT_CALL)) {
      const id = m[1].toUpperCase();
      const fr = FRENCH_FUNCTION_NAMES[id];
      if (fr && fr !== id) found = true;
    }
    return code;
  });
  return found;
}

/** The display language Office reports; undefined outside Office or before it is ready. */
function displayLanguage(): string | undefined {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  try {
    return office?.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

/**
 * True under a French display language, where Excel binds our functions by their French names
 * only when written through `formulasLocal` (issue 891).
 */
export function isFrenchDisplay(): boolean {
  return /^fr\b/i.test(displayLanguage() ?? '');
}

interface Block {
  sheet: Excel.Worksheet;
  write: CellWrite;
  range: Excel.Range;
  fills: FillDown[];
}

export interface BindCheck {
  french: boolean;
  blocks: Block[];
}

/** Queues the read-back of the MKT cells of the plans (no sync): part of the write batch, after the writes. */
export function queueBindCheck(ctx: Excel.RequestContext, targets: ReadonlyArray<{ sheet: string; plans: readonly SheetPlan[] }>): BindCheck {
  const french = /^fr\b/i.test(displayLanguage() ?? '');
  const blocks: Block[] = [];
  if (!french) return { french, blocks };
  for (const t of targets) {
    const sheet = ctx.workbook.worksheets.getItem(t.sheet);
    for (const p of t.plans) {
      for (const write of p.writes) {
        if (write.kind !== 'formulas' || !write.data.some((row) => row.some(hasMktCall))) continue;
        const range = sheet.getRange(write.address);
        range.load('formulasLocal,values');
        const rect = parseAddress(write.address)!.rect;
        const fills = p.fills.filter((f) => (f.copy ?? 'all') === 'all' && intersects(parseAddress(f.from)!.rect, rect));
        blocks.push({ sheet, write, range, fills });
      }
    }
  }
  return { french, blocks };
}

/**
 * After the write sync, under a French display language: rewrites, through `formulasLocal`, each MKT
 * cell left unbound (#NAME?, or still shown with an English name), then fills again the rows
 * filled from it. Returns how many cells it queued (0: nothing to sync).
 */
export function queueRebind(_ctx: Excel.RequestContext, check: BindCheck): number {
  let count = 0;
  const refill = new Set<FillDown>();
  const refillSheet = new Map<FillDown, Excel.Worksheet>();
  for (const block of check.blocks) {
    const local = block.range.formulasLocal;
    const values = block.range.values;
    block.write.data.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (!hasMktCall(formula)) return;
        const shown = local[r]?.[c];
        // Only under a French display language: elsewhere the English names are the ones Excel knows.
        const unbound = check.french && (values[r]?.[c] === '#NAME?' || showsEnglishCall(shown));
        if (!unbound || typeof shown !== 'string') return;
        block.range.getCell(r, c).formulasLocal = [[toFrenchCalls(shown)]];
        count++;
        for (const f of block.fills) {
          refill.add(f);
          refillSheet.set(f, block.sheet);
        }
      }),
    );
  }
  for (const f of refill) {
    const sheet = refillSheet.get(f)!;
    sheet.getRange(f.to).copyFrom(sheet.getRange(f.from), 'All');
  }
  return count;
}
