/**
 * Writes the example workbooks to assets/examples/ with their cached values computed by the
 * engine bridge (the add-in's own adapters): `npm run examples`. ExcelJS writes them; a zip-level
 * step then stores every MKT formula as Excel stores a bound call (`_xldudf_MKT_ID(` in a
 * dynamic-array formula, src/tools/xlsx/stored-form.ts), so Excel binds them on opening.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { buildPmeWorkbook } from './budget-pme-qc';
import { buildTpeWorkbook } from './budget-tpe-fr';
import { storeMktFormulasAsExcelDoes } from '../xlsx/stored-form';
import { cacheComputedValues, stampMetadata } from './sheet-builder';

export const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'assets', 'examples');

export const EXAMPLES: Readonly<Record<string, () => ExcelJS.Workbook>> = {
  'budget-tpe-fr.xlsx': buildTpeWorkbook,
  'budget-pme-qc.xlsx': buildPmeWorkbook,
};

/** Builds one example, formulas computed and cached. */
export function buildExample(name: string): ExcelJS.Workbook {
  const workbook = EXAMPLES[name]();
  cacheComputedValues(workbook);
  stampMetadata(workbook);
  return workbook;
}

/**
 * Same bytes for the same content: ExcelJS zips with JSZip, which stamps each entry with the
 * current time unless JSZip.defaults.date is set. We set it on ExcelJS's own copy of JSZip.
 */
function fixZipDates(): void {
  const jszipPath = require.resolve('jszip', { paths: [dirname(require.resolve('exceljs'))] });
  (require(jszipPath) as { defaults: { date: Date | null } }).defaults.date = new Date(Date.UTC(2025, 0, 1));
}

/** The bytes of one example file as committed: same content, same bytes. */
export async function buildExampleFile(name: string): Promise<Buffer> {
  fixZipDates();
  const written = await buildExample(name).xlsx.writeBuffer();
  return (await storeMktFormulasAsExcelDoes(new Uint8Array(written as ArrayBuffer))).bytes;
}

async function main(): Promise<void> {
  await mkdir(EXAMPLES_DIR, { recursive: true });
  for (const name of Object.keys(EXAMPLES)) {
    const path = join(EXAMPLES_DIR, name);
    await writeFile(path, await buildExampleFile(name));
    process.stdout.write(`wrote ${path}\n`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`examples: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
