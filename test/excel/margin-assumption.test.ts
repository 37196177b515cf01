/**
 * MKT_GROSS_MARGIN is a named assumption: a row of the assumptions sheet, below the thresholds,
 * set by the marginal Arbitrage write to the pane's margin (the way every write sets MKT_PROFILE),
 * added to an existing assumptions sheet without rewriting it, kept when the accountant set it by
 * a formula or a text; the Arbitrage sheet only reads it, so rewriting that sheet by average return
 * leaves no name pointing there. Re-run on ';' / localized / French-display hosts by hosts.test.ts.
 */
import { readSource, writeArbitrage, writeDiagnostic, writeTransfer } from '../../src/excel';
import type { SourceData, WorkbookProfile } from '../../src/excel';
import { registryName, readRegistry } from '../../src/excel/common/registry';
import { FakeWorkbook, installFake } from '../support/excel-fake';
import { CHANNELS_12, monthlyBudget } from './fixtures';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };
const USER_FORMULA = "='Budget 2025'!$B$2*0+0.5";

async function source(workbook: FakeWorkbook): Promise<SourceData> {
  installFake(workbook);
  const read = await readSource({ selection: true }, FR);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  return read.value;
}

const marginal = (data: SourceData, margin = 0.45, replace = false) =>
  writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 2000 }, method: 'marginal', grossMargin: { value: margin } }, { replace });

const marginName = (workbook: FakeWorkbook) => {
  const n = workbook.names.find((x) => x.name === 'MKT_GROSS_MARGIN');
  return n && { sheet: n.sheet.name, rect: n.rect };
};
const ROW_23 = { row: 22, column: 1, rows: 1, columns: 1 };

describe('MKT_GROSS_MARGIN, a row of the assumptions sheet', () => {
  it('a first write puts it below the thresholds, named, and the Arbitrage sheet reads it', async () => {
    const { workbook } = monthlyBudget();
    const result = await marginal(await source(workbook));
    expect(result).toMatchObject({ status: 'ok', value: { names: expect.arrayContaining(['MKT_GROSS_MARGIN']) } });
    if (result.status !== 'ok') return;
    expect(result.value.message ?? '').not.toContain('MKT_GROSS_MARGIN');
    const h = workbook.sheet('Hypothèses')!;
    expect(marginName(workbook)).toEqual({ sheet: 'Hypothèses', rect: ROW_23 });
    expect([h.get('A23')?.value, h.get('B23')?.value, h.get('B23')?.numberFormat]).toEqual(['MKT_GROSS_MARGIN', 0.45, '0%']);
    expect(h.get('D23')?.value).toBe('MKT.OPTIMAL_SPEND, MKT.BREAKEVEN_ROAS');
    const a = workbook.sheet('Arbitrage')!;
    expect(a.get('D2')?.formula).toBe('=MKT_GROSS_MARGIN');
    expect(a.get('F2')?.formula).toBe('=MKT.BREAKEVEN_ROAS(MKT_GROSS_MARGIN)');
    // The row is part of the assumptions record: a later Transfert rewrites it with the block.
    const record = readRegistry(workbook.names.map((n) => ({ name: n.name, formula: workbook.nameFormula(n) })), workbook.sheets.map((s) => ({ name: s.name, protected: false })));
    expect(record[registryName('assumptions')]?.rect).toMatchObject({ row: 0, rows: 23 });
  });

  it('a re-run sets it to the pane’s new margin, in the same cell, and says so', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await marginal(data);
    const result = await marginal(data, 0.4, true);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(marginName(workbook)).toEqual({ sheet: 'Hypothèses', rect: ROW_23 });
    expect(workbook.sheet('Hypothèses')!.get('B23')?.value).toBe(0.4);
    expect(result.value.message).toContain('MKT_GROSS_MARGIN');
    expect(result.value.message).toContain('45 %');
    expect(result.value.message).toContain('40 %');
    expect(workbook.sheet('Hypothèses (2)')).toBeUndefined();
    // The same margin again: nothing to say.
    const same = await marginal(data, 0.4, true);
    expect(same.status === 'ok' && (same.value.message ?? '')).not.toContain('MKT_GROSS_MARGIN');
  });

  it('is added to an existing assumptions sheet without its row, every edited value kept', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    const h = workbook.sheet('Hypothèses')!;
    h.put('B7', [[2.5]]); // MKT_FLOOR, edited
    h.put('C8', [['note de la comptable']]);
    const sheets = workbook.sheets.length;
    const result = await marginal(data);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(marginName(workbook)).toEqual({ sheet: 'Hypothèses', rect: ROW_23 });
    expect(h.get('B23')?.value).toBe(0.45);
    expect(h.get('B7')?.value).toBe(2.5);
    expect(h.get('C8')?.value).toBe('note de la comptable');
    expect(workbook.sheets.length).toBe(sheets + 1); // the Arbitrage sheet only
    expect(result.value.message).toContain('Hypothèses');
    // A Transfert afterwards rewrites the assumptions block and keeps the margin row.
    const transfer = await writeTransfer({ profile: FR, decisions: [] }, { replace: true });
    expect(transfer.status).toBe('ok');
    expect(marginName(workbook)).toEqual({ sheet: 'Hypothèses', rect: ROW_23 });
    expect(h.get('B23')?.value).toBe(0.45);
    expect(h.get('B7')?.value).toBe(2.5);
  });

  it('never writes over what the accountant typed below the block: a new assumptions sheet holds the margin', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    const h = workbook.sheet('Hypothèses')!;
    h.put('A23', [['à revoir']]);
    h.put('B7', [[2.5]]);
    const result = await marginal(data);
    expect(result.status).toBe('ok');
    expect(h.get('A23')?.value).toBe('à revoir');
    const name = marginName(workbook)!;
    expect(name.sheet).not.toBe('Arbitrage');
    expect(workbook.sheet(name.sheet)!.get('B23')?.value).toBe(0.45);
    expect(workbook.sheet(name.sheet)!.get('B7')?.value).toBe(2.5); // the edited floor kept on the new sheet
  });

  it('keeps a margin the accountant set by a formula, and says the pane’s margin was not written', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await marginal(data);
    const cell = workbook.sheet('Hypothèses')!.get('B23')!;
    cell.formula = USER_FORMULA;
    cell.value = 0.5;
    const result = await marginal(data, 0.45, true);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(workbook.sheet('Hypothèses')!.get('B23')?.formula).toBe(USER_FORMULA);
    expect(result.value.message).toContain(USER_FORMULA);
    // And a Transfert keeps that formula too.
    await writeTransfer({ profile: FR, decisions: [] }, { replace: true });
    expect(workbook.sheet('Hypothèses')!.get('B23')?.formula).toBe(USER_FORMULA);
  });

  it('a margin picked in the workbook is a formula the pane wrote: a re-run with the same pick does not call it the accountant’s', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    const picked = (replace: boolean) =>
      writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 2000 }, method: 'marginal', grossMargin: { ref: "'Budget 2025'!B2" } }, { replace });
    expect((await picked(false)).status).toBe('ok');
    expect(workbook.sheet('Hypothèses')!.get('B23')?.formula).toBe("='Budget 2025'!$B$2");
    const again = await picked(true);
    expect(again.status === 'ok' && (again.value.message ?? '')).not.toContain('MKT_GROSS_MARGIN');
  });

  it('keeps a margin written as text', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await marginal(data);
    const cell = workbook.sheet('Hypothèses')!.get('B23')!;
    cell.numberFormat = '@';
    cell.value = 'voir le comptable';
    const result = await marginal(data, 0.45, true);
    expect(result.status).toBe('ok');
    expect(workbook.sheet('Hypothèses')!.get('B23')).toMatchObject({ value: 'voir le comptable' });
  });

  it('an average-return rewrite of the Arbitrage sheet leaves no margin name pointing there', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await marginal(data);
    const result = await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 30000 } }, { replace: true });
    expect(result.status).toBe('ok');
    expect(workbook.sheet('Arbitrage')!.get('E5')?.formula).toBe('=MKT.ALLOCATE($B$2,B5:B16,C5:C16,MKT_FLOOR,MKT_CAP)');
    expect(marginName(workbook)).toEqual({ sheet: 'Hypothèses', rect: ROW_23 });
    expect(workbook.names.filter((n) => !n.name.startsWith('MKT_SHEET_') && n.sheet.name === 'Arbitrage').map((n) => n.name)).toEqual([]);
    expect(workbook.sheet('Hypothèses')!.get('B23')?.value).toBe(0.45);
  });

  it('keeps the sync count constant whatever the number of channels: first write, on an existing assumptions sheet, re-run', async () => {
    const counts: Record<string, number[]> = { first: [], existing: [], rerun: [] };
    for (const n of [3, 12]) {
      const { workbook } = monthlyBudget(new FakeWorkbook(), CHANNELS_12.slice(0, n));
      const data = await source(workbook);
      let before = workbook.syncs;
      await marginal(data);
      counts.first.push(workbook.syncs - before);
      before = workbook.syncs;
      await marginal(data, 0.4, true);
      counts.rerun.push(workbook.syncs - before);
      const other = monthlyBudget(new FakeWorkbook(), CHANNELS_12.slice(0, n)).workbook;
      const d2 = await source(other);
      await writeDiagnostic({ source: d2.source, layout: d2.layout, profile: FR });
      before = other.syncs;
      await marginal(d2);
      counts.existing.push(other.syncs - before);
    }
    expect(counts).toEqual({ first: [2, 2], existing: [3, 3], rerun: [3, 3] });
  });
});
