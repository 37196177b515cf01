/**
 * The example workbooks of assets/examples/, with their cached values computed by the engine
 * bridge (the add-in's own adapters); `npm run examples` (src/commands/examples.ts) writes them.
 * ExcelJS writes them; a zip-level step then stores every MKT formula as Excel stores a bound call
 * (`_xldudf_MKT_ID(` in a dynamic-array formula, src/examples/stored-form.ts), so Excel binds
 * them on opening.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { makePortableCopy } from '../portable/portable-copy';
import { nodeCodec } from '../xlsx/node-codec';
import { buildPmeWorkbook } from './budget-pme-qc';
import { buildTpeWorkbook } from './budget-tpe-fr';
import { storeMktFormulasAsExcelDoes } from './stored-form';
import { cacheComputedValues, finishForReading, stampMetadata } from './sheet-builder';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'assets', 'examples');

export const EXAMPLES: Readonly<Record<string, () => ExcelJS.Workbook>> = {
  'budget-tpe-fr.xlsx': buildTpeWorkbook,
  'budget-pme-qc.xlsx': buildPmeWorkbook,
};

/** Builds one example, formulas computed and cached. */
export function buildExample(name: string): ExcelJS.Workbook {
  const workbook = EXAMPLES[name]();
  cacheComputedValues(workbook);
  finishForReading(workbook);
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

/** budget-tpe-fr.xlsx → budget-tpe-fr-portable.xlsx */
export function portableTwinName(name: string): string {
  return name.replace(/\.xlsx$/, '-portable.xlsx');
}

/**
 * The portable twin shipped beside an example, for people without the add-in: the copy the Share
 * step and `npm run portable` make of it (French report sheet, this package's version).
 */
export async function buildPortableTwin(exampleBytes: Uint8Array): Promise<Uint8Array> {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return (await makePortableCopy(exampleBytes, nodeCodec, { lang: 'fr', version })).bytes;
}

/** Writes every example and its portable twin into `dir`, giving each file's path once written. */
export async function* writeExampleFiles(dir: string = EXAMPLES_DIR): AsyncGenerator<string> {
  await mkdir(dir, { recursive: true });
  for (const name of Object.keys(EXAMPLES)) {
    const path = join(dir, name);
    const bytes = await buildExampleFile(name);
    await writeFile(path, bytes);
    yield path;
    const twin = join(dir, portableTwinName(name));
    await writeFile(twin, await buildPortableTwin(new Uint8Array(bytes)));
    yield twin;
  }
}
