/** The Transfert block, below the thresholds on the assumptions sheet: decisions taken and the handover checklist. */
import { checklistFor } from '../words/checklist';
import { labelsFor } from '../words/sheets';
import { cellAddress, rangeAddress } from '../common/sheet-utils';
import { SheetPlan, textAt } from './plan';
import { belowThresholds } from './assumptions';
import { thresholdCells } from './thresholds';
import type { TransferInput } from '../types';

/** Row (0-based) where the transfer block starts on the assumptions sheet: below the margin's row and a blank one. */
export function transferStartRow(): number {
  return belowThresholds(thresholdCells().length) + 2;
}

/** Decisions taken and the handover checklist, below the thresholds. */
export function transferPlan({ profile, decisions, extraChecklist = [] }: TransferInput): SheetPlan {
  const L = labelsFor(profile);
  const start = transferStartRow();
  const decisionRows = decisions.length > 0 ? decisions.map((d) => [d.text, d.note ?? '']) : [['', '']];
  const checklist = [...checklistFor(profile), ...extraChecklist];
  const checklistRow = start + 2 + decisionRows.length + 1;
  const validationsAt = rangeAddress(checklistRow + 1, 1, checklist.length, 1);
  return {
    kind: 'assumptions',
    writes: [
      textAt(start, 0, [[L.decisionsTitle]], 'header'),
      textAt(start + 1, 0, [[L.decision, L.note]], 'header'),
      textAt(start + 2, 0, decisionRows),
      textAt(checklistRow, 0, [[L.checklistTitle, L.done]], 'header'),
      textAt(checklistRow + 1, 0, checklist.map((item) => [item])),
    ],
    fills: [],
    names: [],
    highlights: [],
    charts: [],
    validations: [{ address: validationsAt, list: profile.lang === 'fr' ? 'oui,non' : 'yes,no' }],
    widths: {},
    region: { row: start, column: 0, rows: checklistRow + 1 + checklist.length - start, columns: 4 },
    anchor: cellAddress(start, 0),
  };
}
