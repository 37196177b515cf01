/** Workbooks for the tests: a 12-channel monthly budget (fr), and single-column sources of any size. */
import { CellValue, FakeSheet, FakeWorkbook } from '../support/excel-fake';

export const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

export const CHANNELS_12 = [
  'Google Ads', 'Meta Ads', 'SEO', 'Newsletter', 'Salons', 'LinkedIn',
  'Affiliation', 'Radio locale', 'Flyers', 'Partenariats', 'Influence', 'Display',
];

/**
 * Sheet "Budget 2025": A1 title, A3:Y3 group header (Dépenses over B, Revenus over N), A4:Y4 months,
 * A5:Y16 twelve channels, A17 a Total row.
 */
export function monthlyBudget(workbook = new FakeWorkbook(), channels: string[] = CHANNELS_12): { workbook: FakeWorkbook; sheet: FakeSheet } {
  const sheet = workbook.addSheet('Budget 2025');
  sheet.put('A1', [['Budget marketing 2025']]);
  const group: CellValue[] = ['', 'Dépenses', ...Array(11).fill(''), 'Revenus', ...Array(11).fill('')];
  sheet.put('A3', [group]);
  sheet.put('A4', [['Canal', ...MONTHS_FR, ...MONTHS_FR]]);
  channels.forEach((name, i) => {
    const spend = Array.from({ length: 12 }, (_, m) => 100 + 10 * i + m);
    const revenue = spend.map((s) => s * (1 + (i % 6)));
    sheet.put(`A${5 + i}`, [[name, ...spend, ...revenue]]);
  });
  sheet.put(`A${5 + channels.length}`, [['Total', ...Array(24).fill(0)]]);
  workbook.select(sheet, `A1:Y${5 + channels.length}`);
  return { workbook, sheet };
}

/** Sheet "Data": header Channel | Spend | Revenue, then `rows` channels. */
export function singleColumns(rows: number, workbook = new FakeWorkbook()): { workbook: FakeWorkbook; sheet: FakeSheet } {
  const sheet = workbook.addSheet('Data');
  sheet.put('A1', [['Channel', 'Spend', 'Revenue']]);
  for (let i = 0; i < rows; i++) {
    const row = sheet.rows.get(i + 1) ?? new Map();
    sheet.rows.set(i + 1, row);
    row.set(0, { value: `Channel ${i + 1}` });
    row.set(1, { value: 100 + (i % 50) });
    row.set(2, { value: (100 + (i % 50)) * (1 + (i % 7)) });
  }
  workbook.select(sheet, `A1:C${rows + 1}`);
  return { workbook, sheet };
}
