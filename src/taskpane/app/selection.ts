/**
 * Reads the active cell for "take the value from the selected cell". Stopgap: src/excel has no
 * action for this yet (readCellForExplain refuses cells without an MKT formula); it belongs in
 * src/excel/actions.ts and should move there. One Excel.run, one sync, read only.
 */
import type { ActionResult } from '../../excel';

export interface SelectedCell {
  /** Sheet-qualified address, e.g. `Feuil1!B3`. */
  address: string;
  value: unknown;
}

/** @param failure the message to show when Excel cannot answer (in the pane's language) */
export async function readSelectedCell(failure: string): Promise<ActionResult<SelectedCell>> {
  try {
    return await Excel.run(async (context): Promise<ActionResult<SelectedCell>> => {
      const cell = context.workbook.getActiveCell();
      cell.load('address,values');
      await context.sync();
      return { status: 'ok', value: { address: cell.address, value: cell.values[0][0] } };
    });
  } catch {
    return { status: 'error', code: 'unknown', message: failure };
  }
}
