/**
 * The write pipeline every write action runs, as named steps inside one `Excel.run`:
 *
 * | step            | what                                                              | syncs            |
 * |-----------------|-------------------------------------------------------------------|------------------|
 * | `readWorkbook`  | sheets, names, protection                                         | 1                |
 * | `decide`        | the pane's record, ask first, protected, which thresholds broke   | 0 (pure)         |
 * | `inspect`       | reused sheet: user cells where we would write, charts; thresholds' values and formulas; the gross margin's cell or the row for it | 1, only when a pane sheet is reused, a threshold name is repaired or MKT_GROSS_MARGIN is set on an existing assumptions sheet |
 * | `plan`          | the sheets to write, name repairs, pre-checks (picks, size)        | 0 (pure)         |
 * | `queueWrite` + `commitWrite` | one batch: cells, charts, then the names, MKT_PROFILE, MKT_GROSS_MARGIN | 1 (+ 2 to undo a refused batch) |
 * | `verifyBinding` | MKT cells left unbound (French display, issue 891) rewritten      | 0, + 1 when a cell is rewritten |
 *
 * No step's request grows with the number of rows. A new sheet kind needs only its plan builder
 * and a `WriteSpec` (see the write actions in actions.ts). The steps live in spec.ts (what each
 * hands the next), decide.ts (read, decide, inspect), plan.ts and queue.ts (the batch, its undo).
 */
import type { Language } from '../../rules/labels';
import { fail, failureOf } from '../common/failures';
import { quoteSheetName } from '../common/sheet-utils';
import { MARGIN_ADDED, MARGIN_CHANGED, MARGIN_KEPT } from '../sheets/margin-assumption';
import { PlanInputError } from '../sheets/plan';
import { isKeptFormula } from '../sheets/thresholds';
import { NOT_BOUND, NOT_UNDONE, PARTIAL_REPLACE, PROFILE_CHANGED, stripNothingChanged } from '../words/write';
import type { ActionResult, WriteOptions, WrittenSheet } from '../types';
import { decide, inspect, readWorkbook } from './decide';
import { plan } from './plan';
import { commitWrite, PartialWriteError, QueuedWrite, queueWrite, verifyBinding } from './queue';
import type { MarginWrite, WritePlan, WriteSpec } from './spec';

/** A margin as the message shows it: 0.45 → "45 %", a formula as its text. */
const showMargin = (v: unknown, lang: Language): string =>
  typeof v === 'number' ? `${Number((v * 100).toFixed(4)).toString().replace('.', lang === 'fr' ? ',' : '.')} %` : isKeptFormula(v) ? v.formula : String(v);

function marginMessage(spec: WriteSpec, m: MarginWrite | undefined): string[] {
  if (!m) return [];
  if (m.keptUser) return [MARGIN_KEPT[spec.lang](showMargin(m.before, spec.lang))];
  if (m.how === 'row') return [MARGIN_ADDED[spec.lang](m.sheet!)];
  const before = isKeptFormula(m.before) ? m.before.formula : m.before;
  if (before === undefined || before === '' || before === null || before === m.data) return [];
  return [MARGIN_CHANGED[spec.lang](showMargin(m.before, spec.lang), showMargin(m.data, spec.lang))];
}

/** The result the pane shows. */
export function writtenSheet(spec: WriteSpec, planned: WritePlan, queued: QueuedWrite, bound: { failed: boolean } = { failed: false }): ActionResult<WrittenSheet> {
  const { current, main, targets } = planned;
  // The transfer rewrites the cell itself before the load: its value from sync 2 is the one before.
  const previousProfile = 'MKT_PROFILE' in current ? String(current.MKT_PROFILE ?? '') : queued.profileCell ? String(queued.profileCell.values[0][0] ?? '') : queued.profileValue;
  const profileChanged = previousProfile.trim().toLowerCase() !== queued.profileValue.toLowerCase();
  const messages = [
    ...(profileChanged ? [PROFILE_CHANGED[spec.lang](previousProfile, queued.profileValue)] : []),
    ...marginMessage(spec, planned.margin),
    ...(bound.failed ? [NOT_BOUND[spec.lang](main.sheet)] : []),
  ];
  return {
    status: 'ok',
    value: {
      ...(messages.length > 0 ? { message: messages.join(' ') } : {}),
      sheetName: main.sheet,
      anchor: `${quoteSheetName(main.sheet)}!${main.plans[0].anchor}`,
      names: targets.flatMap((t) => t.plans.flatMap((p) => p.names.map((n) => n.name))),
      replaced: !main.create,
    },
  };
}

const isResult = (x: object): x is ActionResult<WrittenSheet> => 'status' in x;

/** The pipeline: read, decide, inspect, plan, write, verify. */
export async function runWrite(spec: WriteSpec, options: WriteOptions = {}): Promise<ActionResult<WrittenSheet>> {
  const { lang } = spec;
  let sheetForMessage: string | undefined;
  try {
    return await Excel.run(async (ctx): Promise<ActionResult<WrittenSheet>> => {
      const state = await readWorkbook(ctx);
      const decision = decide(spec, state, options);
      if (isResult(decision)) return decision;
      const inspection = await inspect(ctx, spec, decision);
      const planned = plan(spec, state, decision, inspection);
      if (isResult(planned)) return planned;
      const queued = queueWrite(ctx, spec, state, decision, planned, (s) => (sheetForMessage = s));
      await commitWrite(ctx, queued);
      const bound = await verifyBinding(ctx, queued);
      return writtenSheet(spec, planned, queued, bound);
    });
  } catch (error) {
    if (error instanceof PlanInputError) return fail(lang, error.key, error.params);
    if (error instanceof PartialWriteError) {
      const base = failureOf<WrittenSheet>(lang, error.cause, { sheet: sheetForMessage });
      if (base.status !== 'error' || (error.rewritten.length === 0 && error.notUndone.length === 0)) return base;
      const message = `${stripNothingChanged(base.message)} ${error.notUndone.length > 0 ? NOT_UNDONE[lang](error.notUndone) : PARTIAL_REPLACE[lang](error.rewritten)}`;
      return { ...base, message };
    }
    return failureOf(lang, error, { sheet: sheetForMessage });
  }
}
