/**
 * What the pane reads back from the sheets it wrote when it opens on a workbook: which of its
 * sheets exist (the journey's done marks), what the pilot tracker holds (the Pilot step reads it
 * instead of asking again), and the hiring cost's crossover month when a sheet of MKT holds it
 * (`MKT_CROSSOVER_MONTH`, the Décision step's third input). Read only: one `Excel.run`, 2 syncs
 * (sheets and names; the tracker's cells and the named cell), 1 when there is neither.
 */
import type { Language } from '../../rules/labels';
import { failureOf } from '../common/failures';
import { registryName, parseRecordFormula, readRegistry } from '../common/registry';
import { CROSSOVER_NAME } from '../sheets/hiring';
import type { SheetKind } from '../words/sheets';
import { rangeAddress } from '../common/sheet-utils';
import type { ActionResult } from '../types';
import { readWorkbook } from './decide';

/** The named cell issue 16's hiring-cost panel writes: the month hiring starts to pay, or an error. */

/** What the pilot tracker holds (the user's actuals included), as read from its cells. */
export interface PilotTracker {
  kpiName: string;
  targets: [number, number, number];
  /** One per month; undefined where the user has not entered it yet. */
  actuals: Array<number | undefined>;
  /** False when a month's reporting cell says no. */
  reportingOk: boolean;
  /** The months' ROI cells, where entered. */
  roi: number[];
  /** Months with an actual entered (the sheet's =COUNT(C5:C7)). */
  monthsElapsed: number;
  /** Actuals ÷ the targets of those months (the sheet's B10); undefined before any actual. */
  achievement?: number;
}

export interface PaneSheets {
  /** The kinds of sheet the pane wrote that still exist. */
  kinds: Array<SheetKind | 'transfer'>;
  pilot?: PilotTracker;
  /** MKT_CROSSOVER_MONTH's value: a month, 0 for "never", undefined when absent or not a number. */
  crossoverMonth?: number;
}

const KINDS: Array<SheetKind | 'transfer'> = ['diagnostic', 'internalisation', 'arbitrage', 'assumptions', 'transfer', 'pilot'];
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const NO = new Set(['non', 'no', 'false', 'faux']);

/** The tracker's cells (A1:F7 of the pilot block, relative to its top-left) → what they hold. Pure. */
export function trackerOf(values: readonly (readonly unknown[])[]): PilotTracker | undefined {
  const at = (r: number, c: number) => values[r]?.[c];
  const targets = [4, 5, 6].map((r) => num(at(r, 1)));
  if (targets.some((t) => t === undefined)) return undefined;
  const reporting = [4, 5, 6].map((r) => at(r, 4));
  const actuals = [4, 5, 6].map((r) => num(at(r, 2)));
  const entered = actuals.flatMap((a, i) => (a === undefined ? [] : [[a, targets[i]!] as const]));
  const targetSum = entered.reduce((s, [, t]) => s + t, 0);
  return {
    kpiName: String(at(1, 1) ?? ''),
    targets: targets as [number, number, number],
    actuals,
    monthsElapsed: entered.length,
    ...(targetSum > 0 ? { achievement: entered.reduce((s, [a]) => s + a, 0) / targetSum } : {}),
    reportingOk: !reporting.some((v) => v === false || NO.has(String(v ?? '').trim().toLowerCase())),
    roi: [4, 5, 6].map((r) => num(at(r, 5))).filter((v): v is number => v !== undefined),
  };
}

export async function readPaneSheets(lang: Language): Promise<ActionResult<PaneSheets>> {
  try {
    return await Excel.run(async (ctx): Promise<ActionResult<PaneSheets>> => {
      const state = await readWorkbook(ctx); // 1
      const registry = readRegistry(state.names, state.sheets);
      const kinds = KINDS.filter((k) => registry[registryName(k)] !== undefined);
      const pilotEntry = registry[registryName('pilot')];
      const pilotRange = pilotEntry
        ? ctx.workbook.worksheets.getItem(pilotEntry.sheet).getRange(rangeAddress(pilotEntry.rect.row, pilotEntry.rect.column, 7, 6))
        : undefined;
      pilotRange?.load('values');
      const crossover = state.names.find((n) => n.name.toUpperCase() === CROSSOVER_NAME && parseRecordFormula(String(n.formula ?? '')) !== undefined);
      const crossoverRange = crossover ? ctx.workbook.names.getItem(crossover.name).getRange() : undefined;
      crossoverRange?.load('values');
      if (pilotRange || crossoverRange) await ctx.sync(); // 2
      return {
        status: 'ok',
        value: {
          kinds,
          ...(pilotRange ? { pilot: trackerOf(pilotRange.values) } : {}),
          ...(crossoverRange ? { crossoverMonth: num(crossoverRange.values[0]?.[0]) } : {}),
        },
      };
    });
  } catch (error) {
    return failureOf(lang, error);
  }
}
