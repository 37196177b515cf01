/** The pipeline's plan step (pure): the sheets to write, the names to repair, MKT_GROSS_MARGIN's cell, the pre-checks. */
import { fail } from '../common/failures';
import { areaFormula, RECORD_COMMENT, RecordName, recordNames, registryName } from '../common/registry';
import { intersects, parseAddress, uniqueSheetName } from '../common/sheet-utils';
import { assumptionsPlan } from '../sheets/assumptions';
import { GROSS_MARGIN_NAME, marginCellData, marginRowPlan } from '../sheets/margin-assumption';
import { inputFormula, writtenAreas } from '../sheets/plan';
import type { KeptThreshold } from '../sheets/thresholds';
import { SHEET_NAMES } from '../words/sheets';
import type { ActionResult, WrittenSheet } from '../types';
import { estimatePlanBytes } from './apply';
import { isEmptyValue } from './decide';
import { Decision, Inspection, MarginWrite, PAYLOAD_BUDGET, Repair, Target, WorkbookState, WritePlan, WriteSpec } from './spec';

/**
 * The sheets to write and the names to repair, then the pre-checks that refuse before anything is
 * queued: a picked reference on a missing sheet or inside the block (circular), a new sheet in a
 * protected workbook, a batch over the size budget. Pure.
 */
export function plan(spec: WriteSpec, state: WorkbookState, decision: Decision, inspection: Inspection): WritePlan | ActionResult<WrittenSheet> {
  const { kind, lang, profile } = spec;
  const { current, reuse, previous, block } = inspection;
  const { broken, assumptionsEntry } = decision.thresholds;
  const taken = state.sheets.map((s) => s.name);
  const plans = spec.build(current, decision.names);
  const main: Target = {
    kind,
    registry: [],
    plans,
    sheet: reuse ? reuse.sheet : uniqueSheetName(SHEET_NAMES[kind][lang], taken),
    create: !reuse,
    previous: reuse ? previous : undefined,
  };
  if (main.create) taken.push(main.sheet);
  const targets: Target[] = [main];

  // The assumptions sheet: every formula reads its names, so any write makes sure they exist. A
  // broken name whose row is still on the assumptions sheet is re-pointed there (its value kept,
  // or the default written into its empty cell); only when a row is gone is a new assumptions
  // sheet written (with every value still readable kept).
  const repairs: Repair[] = [];
  const assumptionsKey = registryName('assumptions');
  if (kind === 'assumptions') {
    main.registry.push({ name: assumptionsKey, areas: writtenAreas(plans[0]) });
    if (plans.length > 1) main.registry.push({ name: registryName('transfer'), areas: writtenAreas(plans[1]) });
  } else {
    main.registry.push({ name: registryName(kind), areas: plans.flatMap(writtenAreas) });
    const rows = broken.map((n) => block.find((b) => b.name === n));
    if (broken.length > 0 && assumptionsEntry && rows.every((r) => r !== undefined)) {
      broken.forEach((name, i) => {
        const { row, column, value } = rows[i]!;
        repairs.push({ name, row, column, fill: isEmptyValue(value) });
      });
    } else if (broken.length > 0) {
      const sheet = uniqueSheetName(SHEET_NAMES.assumptions[lang], taken);
      taken.push(sheet);
      const assumptions = assumptionsPlan(profile, current);
      targets.push({ kind: 'assumptions', registry: [{ name: assumptionsKey, areas: writtenAreas(assumptions) }], plans: [assumptions], sheet, create: true });
    }
  }
  const margin = spec.margin ? planMargin(spec, decision, inspection, targets, taken) : undefined;
  for (const t of targets) {
    for (const pick of t.plans.flatMap((p) => p.picks ?? [])) {
      if (!state.sheets.some((s) => s.name.toLowerCase() === pick.sheet.toLowerCase())) return fail(lang, 'refSheetMissing', { ref: pick.ref, sheet: pick.sheet });
      const inside = t.plans.some((p) => intersects(p.region, pick.rect));
      if (pick.sheet.toLowerCase() === t.sheet.toLowerCase() && inside) return fail(lang, 'refInsideBlock', { ref: pick.ref, sheet: t.sheet });
    }
  }
  if (targets.some((t) => t.create) && state.structureProtected) return fail(lang, 'workbookProtected');
  if (estimatePlanBytes(targets.flatMap((t) => t.plans)) > PAYLOAD_BUDGET) return fail(lang, 'tooLarge', { detail: '> 4.5 MB' });
  return { targets, main, repairs, chartNames: inspection.chartNames, current, ...(margin ? { margin } : {}) };
}

/**
 * Where MKT_GROSS_MARGIN gets the pane's margin: its existing cell (a formula or a text the
 * accountant left there is kept), else a row added below the assumptions block when that row is
 * empty (the repair path: nothing else on the sheet is rewritten), else on the assumptions sheet
 * being written (a new one when none can take the row, every value still readable kept). Pure;
 * may add or rebuild an assumptions target.
 */
function planMargin(spec: WriteSpec, decision: Decision, inspection: Inspection, targets: Target[], taken: string[]): MarginWrite {
  const pane = inputFormula('margin', spec.margin!);
  const { current } = inspection;
  const { assumptionsEntry, marginValid } = decision.thresholds;
  const assumptionsKey = registryName('assumptions');
  const writeSheet = (t: Target): MarginWrite => {
    const p = assumptionsPlan(spec.profile, current, pane);
    t.plans = [p];
    t.registry = [{ name: assumptionsKey, areas: writtenAreas(p) }];
    const held = current[GROSS_MARGIN_NAME] as KeptThreshold | undefined;
    return { how: 'sheet', ...marginCellData(pane, held), before: held, sheet: t.sheet };
  };
  const fresh = targets.find((t) => t.kind === 'assumptions' && t.create);
  if (fresh) return writeSheet(fresh);
  if (marginValid) {
    const held = current[GROSS_MARGIN_NAME] as KeptThreshold | undefined;
    const { data, keptUser } = marginCellData(pane, held);
    return { how: 'set', data, keptUser, before: held };
  }
  if (assumptionsEntry && inspection.belowEmpty) {
    const a = assumptionsEntry.rect;
    const row = a.row + a.rows;
    const p = marginRowPlan(row, pane, false, spec.lang);
    const areas = [...(assumptionsEntry.areas ?? [a]), ...writtenAreas(p)];
    targets.push({ kind: 'assumptions', registry: [{ name: assumptionsKey, areas }], plans: [p], sheet: assumptionsEntry.sheet, create: false });
    return { how: 'row', data: pane, keptUser: false, sheet: assumptionsEntry.sheet };
  }
  const sheet = uniqueSheetName(SHEET_NAMES.assumptions[spec.lang], taken);
  taken.push(sheet);
  const t: Target = { kind: 'assumptions', registry: [], plans: [], sheet, create: true };
  targets.push(t);
  return writeSheet(t);
}

/** The names a write sets, in order: records, the plans' own names, repaired thresholds. Pure. */
export function nameWritesOf(planned: WritePlan, assumptionsSheet?: string): RecordName[] {
  const out: RecordName[] = [];
  for (const target of planned.targets) {
    for (const r of target.registry) out.push(...recordNames(r.name, target.sheet, r.areas));
    for (const p of target.plans) {
      for (const n of p.names) out.push({ name: n.name, formula: areaFormula(target.sheet, parseAddress(n.address)!.rect), comment: n.comment });
    }
  }
  if (assumptionsSheet) {
    for (const r of planned.repairs) {
      out.push({ name: r.name, formula: areaFormula(assumptionsSheet, { row: r.row, column: r.column, rows: 1, columns: 1 }), comment: RECORD_COMMENT });
    }
  }
  return out;
}
