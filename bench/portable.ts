/**
 * npm run bench:portable — the portable copy of a 10 000-row workbook with 20 000 MKT cells
 * (ROI_RATIO and ROI_BAND on every row, stored as Excel stores them: `_xldudf_MKT_…`): time of
 * makePortableCopy (read the package, translate, write it back) and the process's peak memory.
 *
 *   node --expose-gc --import tsx bench/portable.ts [--rows=10000]
 */
import ExcelJS from 'exceljs';
import { makePortableCopy } from '../src/portable/portable-copy';
import { nodeCodec } from '../src/xlsx/node-codec';

async function workbookBytes(rows: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Canaux');
  sheet.addRow(['Canal', 'Revenus', 'Dépenses', 'ROI', 'Zone']);
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    sheet.addRow([
      `Canal ${i + 1}`,
      100 + (i % 97) * 3,
      50 + (i % 89),
      { formula: `_xldudf_MKT_ROI_RATIO(B${r},C${r})`, result: 2 },
      { formula: `_xldudf_MKT_ROI_BAND(D${r})`, result: 'BELOW' },
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 10_000);
  const input = await workbookBytes(rows);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const { bytes, items } = await makePortableCopy(input, nodeCodec, { version: 'bench' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const mb = (n: number) => (n / 1048576).toFixed(0);
  process.stdout.write(
    `portable copy: ${rows} rows, ${items.length} MKT cells translated, package ` +
      `(${(input.length / 1024).toFixed(0)} KB → ${(bytes.length / 1024).toFixed(0)} KB): ${ms.toFixed(0)} ms, ` +
      `peak RSS ${mb(peakRss)} MB (${mb(rssBefore)} MB before)\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench:portable: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
