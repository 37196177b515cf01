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
import { FRENCH_FUNCTION_NAMES, frenchNameOf } from '../../formula/function-names';
import { findMktCalls, hasMktCall as formulaCallsMkt, renameCalls } from '../../formula/mkt-calls';
import type { CellWrite, FillDown, SheetPlan } from '../sheets/plan';
import { intersects, parseAddress } from '../common/sheet-utils';

export { FRENCH_FUNCTION_NAMES };

/** True when the formula calls an MKT function (the shared reader: strings and sheet names skipped). */
export function hasMktCall(formula: unknown): boolean {
  return typeof formula === 'string' && formulaCallsMkt(formula);
}

/**
 * The local formula with every English MKT function name that has a French name replaced by it.
 * @example toFrenchCalls('=SI(A1>0;MKT.ROI_RATIO(B2;C2);"")') //=> '=SI(A1>0;MKT.RATIO_ROI(B2;C2);"")'
 */
export function toFrenchCalls(local: string): string {
  const calls = findMktCalls(local, { separator: ';' });
  return renameCalls(local, calls, (call) => (call.known && call.form === 'dotted' ? `MKT.${frenchNameOf(call.id)}` : call.written));
}

/** True when the local formula still shows an English MKT name where French Excel names it otherwise. */
export function showsEnglishCall(local: unknown): boolean {
  if (typeof local !== 'string') return false;
  return findMktCalls(local, { separator: ';' }).some((call) => call.known && call.language === 'en' && frenchNameOf(call.id) !== call.id);
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
