/**
 * « Insérer l'exemple »: the Excel fake's insertWorksheetsFromBase64 as the Office.js reference
 * and the office-js issues describe it, and src/excel/insert-example.ts over it — the example at
 * the end of the workbook, never over a sheet of the user's, nothing asked of a host without
 * ExcelApi 1.13.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clashingNames, EXAMPLES, exampleFor, exampleOffer, insertExample, type ExampleOffer } from '../../src/excel/insert-example';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { makeEntry, readZip, writeZip } from '../../src/xlsx/zip';
import { FakeContext, FakeExcelError, FakeWorkbook, installFake } from '../support/excel-fake';
import { readSourceWorkbook } from '../support/xlsx-source';

const EXAMPLE_DIR = join(__dirname, '..', '..', 'assets', 'examples');
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(EXAMPLE_DIR, file)));
const base64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The French example with one more part (a chart, a comment…), as another workbook could have. */
async function withPart(name: string): Promise<string> {
  const entries = readZip(bytesOf('budget-tpe-fr.xlsx'));
  return base64Of(writeZip([...entries, await makeEntry(name, new TextEncoder().encode('<x/>'), nodeCodec)]));
}

/** The French example with a defined name, as a template with names would have. */
async function withDefinedName(): Promise<string> {
  const entries = readZip(bytesOf('budget-tpe-fr.xlsx'));
  const index = entries.findIndex((e) => e.name === 'xl/workbook.xml');
  const { entryText } = await import('../../src/xlsx/zip');
  const xml = (await entryText(entries[index], nodeCodec)).replace('</sheets>', '</sheets><definedNames><definedName name="MKT_ROI_LOW">Budget!$B$2</definedName></definedNames>');
  entries[index] = await makeEntry('xl/workbook.xml', new TextEncoder().encode(xml), nodeCodec, entries[index]);
  return base64Of(writeZip(entries));
}

async function run<T>(workbook: FakeWorkbook, body: (context: FakeContext) => Promise<T>): Promise<T> {
  return body(new FakeContext(workbook));
}

describe('the shipped examples', () => {
  it.each(Object.values(EXAMPLES))('$file: its sheets are the ones insert-example.ts checks for a clash', async (example) => {
    const source = await readSourceWorkbook(base64Of(bytesOf(example.file)));
    expect(source.sheets).toEqual(example.sheets);
    // Nothing Excel on the web refuses to insert, and no defined name to come over broken.
    expect(source.webUnsupported).toEqual([]);
    expect(source.names).toEqual([]);
  });

  it('Québec gets the Québec example; France and any other region the French one', () => {
    expect(exampleFor('QC').id).toBe('budget-pme-qc');
    expect(exampleFor('FR').id).toBe('budget-tpe-fr');
    expect(exampleFor('OTHER').id).toBe('budget-tpe-fr');
  });

  it('the file is addressed beside the pane', async () => {
    const offer = await exampleOffer('QC', 'https://host.example/addin/taskpane.html');
    expect(offer.url).toBe('https://host.example/addin/assets/examples/budget-pme-qc.xlsx');
  });

  it('a clash ignores case, as Excel compares sheet names', () => {
    expect(clashingNames(EXAMPLES['budget-tpe-fr'], ['Feuil1', 'BUDGET', 'à lire'])).toEqual(['À lire', 'Budget']);
    expect(clashingNames(EXAMPLES['budget-tpe-fr'], ['Feuil1'])).toEqual([]);
  });
});

describe('the fake’s insertWorksheetsFromBase64', () => {
  const french = base64Of(bytesOf('budget-tpe-fr.xlsx'));

  it('inserts every sheet at the end by default and gives their ids after the sync', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('Feuil1');
    const ids = await run(workbook, async (context) => {
      const result = context.workbook.insertWorksheetsFromBase64(french);
      expect(() => result.value).toThrow(/after context.sync/);
      await context.sync();
      return result.value;
    });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Feuil1', 'À lire', 'Budget', 'Décision']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('takes positionType, relativeTo and sheetNamesToInsert', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('A');
    workbook.addSheet('B');
    await run(workbook, async (context) => {
      context.workbook.insertWorksheetsFromBase64(french, { sheetNamesToInsert: ['Budget'], positionType: 'After', relativeTo: 'A' });
      context.workbook.insertWorksheetsFromBase64(french, { sheetNamesToInsert: ['Décision'], positionType: 'Beginning' });
      await context.sync();
    });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Décision', 'A', 'Budget', 'B']);
    await expect(run(workbook, async (context) => {
      context.workbook.insertWorksheetsFromBase64(french, { sheetNamesToInsert: ['Nope'] });
      await context.sync();
    })).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('is missing below ExcelApi 1.13', () => {
    const workbook = new FakeWorkbook({ excelApi: '1.12' });
    expect(workbook.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(workbook.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(() => new FakeContext(workbook).workbook.insertWorksheetsFromBase64(french)).toThrow(FakeExcelError);
  });

  it('on the web refuses a source with a chart, a PivotTable or a comment (UnsupportedFeature); Windows takes it', async () => {
    for (const part of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/comments1.xml']) {
      const source = await withPart(part);
      const web = new FakeWorkbook({ platform: 'web' });
      await expect(run(web, async (context) => {
        context.workbook.insertWorksheetsFromBase64(source);
        await context.sync();
      })).rejects.toMatchObject({ code: 'UnsupportedFeature' });
      expect(web.sheets).toEqual([]);
      const windows = new FakeWorkbook({ platform: 'windows' });
      await run(windows, async (context) => {
        context.workbook.insertWorksheetsFromBase64(source);
        await context.sync();
      });
      expect(windows.sheets).toHaveLength(3);
    }
  });

  it('brings the source’s defined names over pointing at #REF! (office-js issues 3583, 4772)', async () => {
    const workbook = new FakeWorkbook();
    await run(workbook, async (context) => {
      context.workbook.insertWorksheetsFromBase64(await withDefinedName());
      await context.sync();
    });
    expect(workbook.snapshot()).toMatchObject({ names: [['MKT_ROI_LOW', '=#REF!']] });
  });

  it('does not pretend to know what Excel does with a taken sheet name: it refuses, so a caller must check first', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('budget');
    await expect(run(workbook, async (context) => {
      context.workbook.insertWorksheetsFromBase64(french);
      await context.sync();
    })).rejects.toMatchObject({ code: 'NotModelled' });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['budget']);
  });

  it('is refused on a protected workbook structure', async () => {
    const workbook = new FakeWorkbook();
    workbook.protected = true;
    await expect(run(workbook, async (context) => {
      context.workbook.insertWorksheetsFromBase64(french);
      await context.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('insertExample over the fake', () => {
  const loadFile = async (url: string) => bytesOf(url.split('/').pop()!);

  function host(workbook: FakeWorkbook) {
    installFake(workbook);
    (globalThis as Record<string, unknown>).Office = { context: { requirements: { isSetSupported: (name: string, version?: string) => workbook.isSetSupported(name, version) } } };
  }
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Excel;
    delete (globalThis as Record<string, unknown>).Office;
  });
  const offerOf = (market: string): Promise<ExampleOffer> => exampleOffer(market, 'https://localhost:3000/taskpane.html');

  it('puts the Québec example at the end of the workbook in two syncs and shows its first sheet', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('Feuil1').put('A1', [['mes chiffres']]);
    host(workbook);
    const offer = await offerOf('QC');
    expect(offer.canInsert).toBe(true);
    const result = await insertExample(offer, loadFile);
    expect(result).toEqual({ status: 'ok', value: { inserted: true, sheets: EXAMPLES['budget-pme-qc'].sheets } });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Feuil1', ...EXAMPLES['budget-pme-qc'].sheets]);
    expect(workbook.activeSheet?.name).toBe('À lire');
    expect(workbook.syncs).toBe(2);
    expect(workbook.sheet('Feuil1')!.get('A1')?.value).toBe('mes chiffres');
  });

  it('inserts nothing when a sheet of the example’s name is there, and names it', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('BUDGET').put('B2', [[42]]);
    host(workbook);
    const before = JSON.stringify(workbook.snapshot());
    const result = await insertExample(await offerOf('FR'), loadFile);
    expect(result).toEqual({ status: 'ok', value: { inserted: false, clashes: ['Budget'] } });
    expect(JSON.stringify(workbook.snapshot())).toBe(before);
    expect(workbook.log.some((op) => op.op === 'insertWorksheetsFromBase64')).toBe(false);
  });

  it('asks nothing of a host without ExcelApi 1.13', async () => {
    const workbook = new FakeWorkbook({ excelApi: '1.12' });
    host(workbook);
    const offer = await offerOf('FR');
    expect(offer.canInsert).toBe(false);
    const result = await insertExample(offer, loadFile);
    expect(result).toMatchObject({ status: 'error', code: 'unsupported' });
    expect(workbook.runs).toBe(0);
  });

  it('gives Excel’s refusal back (the web with a chart in the file), the workbook as it was', async () => {
    const workbook = new FakeWorkbook({ platform: 'web' });
    host(workbook);
    const chart = Buffer.from(await withPart('xl/charts/chart1.xml'), 'base64');
    const result = await insertExample(await offerOf('FR'), async () => new Uint8Array(chart));
    expect(result).toMatchObject({ status: 'error', code: 'unsupported' });
    expect(workbook.sheets).toEqual([]);
  });

  it('an error after the sheets were placed (office-js issue 3179) is a success: the names are read again', async () => {
    const workbook = new FakeWorkbook();
    workbook.insertReportsError = true;
    host(workbook);
    const result = await insertExample(await offerOf('FR'), loadFile);
    expect(result).toEqual({ status: 'ok', value: { inserted: true, sheets: EXAMPLES['budget-tpe-fr'].sheets } });
    expect(workbook.syncs).toBe(3);
  });

  it('an error before the insert is not taken for one: the example’s sheets a user already has are not claimed', async () => {
    const workbook = new FakeWorkbook();
    for (const name of EXAMPLES['budget-tpe-fr'].sheets) workbook.addSheet(name);
    // The first read is refused once (a later read would succeed and find the user's sheets).
    workbook.failOn = (op) => op.op === 'load' && op.what === 'worksheets';
    host(workbook);
    expect(await insertExample(await offerOf('FR'), loadFile)).toMatchObject({ status: 'error', code: 'protected' });
    expect(workbook.log.some((op) => op.op === 'insertWorksheetsFromBase64')).toBe(false);
  });

  it('says so when the workbook structure is protected, or the file cannot be fetched', async () => {
    const workbook = new FakeWorkbook();
    workbook.protected = true;
    host(workbook);
    expect(await insertExample(await offerOf('FR'), loadFile)).toMatchObject({ status: 'error', code: 'protected' });
    workbook.protected = false;
    expect(await insertExample(await offerOf('FR'), async () => Promise.reject(new Error('404')))).toMatchObject({ status: 'error', code: 'sourceMissing', message: '404' });
    expect(workbook.sheets).toEqual([]);
  });
});
