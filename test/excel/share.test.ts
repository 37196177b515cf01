/**
 * The pane's Share step, on a fake Office host: the open workbook read in slices through
 * getFileAsync(Compressed), the portable copy opened with Excel.createWorkbook(base64), the open
 * workbook untouched; a host without the APIs gets the message that points at the command line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasMktCall } from '../../src/formula/mkt-calls';
import { shareWorkbook } from '../../src/excel/share';
import { unescapeXml } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { entryText, readZip } from '../../src/xlsx/zip';

const WORKBOOK = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'assets', 'examples', 'budget-tpe-fr.xlsx')));

const messages = {
  unsupported: (missing: string) => `unsupported:${missing} — npm run portable`,
  unreadable: (detail: string) => `unreadable:${detail}`,
  failed: (detail: string) => `failed:${detail}`,
};

interface FakeHost {
  slices: number[];
  closed: number;
  getFileAsync: jest.Mock;
  createWorkbook: jest.Mock;
  run: jest.Mock;
}

function installHost(sets: Record<string, boolean>, file: Uint8Array = WORKBOOK): FakeHost {
  const host: FakeHost = { slices: [], closed: 0, getFileAsync: jest.fn(), createWorkbook: jest.fn(async () => undefined), run: jest.fn() };
  host.getFileAsync.mockImplementation((type: unknown, options: { sliceSize: number }, callback: (r: unknown) => void) => {
    expect(type).toBe('compressed');
    const sliceCount = Math.ceil(file.length / options.sliceSize);
    callback({
      status: 'succeeded',
      value: {
        size: file.length,
        sliceCount,
        getSliceAsync(index: number, cb: (r: unknown) => void) {
          host.slices.push(index);
          // Office hands a slice as an array of numbers.
          const data = Array.from(file.subarray(index * options.sliceSize, (index + 1) * options.sliceSize));
          setTimeout(() => cb({ status: 'succeeded', value: { data, index, size: data.length } }), 0);
        },
        closeAsync(cb?: () => void) {
          host.closed++;
          cb?.();
        },
      },
    });
  });
  (globalThis as Record<string, unknown>).Office = {
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => sets[version ? `${name} ${version}` : name] ?? false },
      document: { getFileAsync: host.getFileAsync },
    },
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: 'succeeded' },
  };
  (globalThis as Record<string, unknown>).Excel = { createWorkbook: host.createWorkbook, run: host.run };
  return host;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

const FULL = { CompressedFile: true, File: true, 'ExcelApi 1.8': true };

describe('shareWorkbook', () => {
  it('reads the file in slices, opens a valid package holding the translated formulas, and never touches the open workbook', async () => {
    const before = Buffer.from(WORKBOOK);
    const host = installHost(FULL);
    const result = await shareWorkbook({ lang: 'en', version: '1.2.3', messages, sliceSize: 4096 });
    expect(result).toMatchObject({ status: 'ok', value: { reportSheet: 'Portable copy' } });
    if (result.status !== 'ok') return;
    expect(result.value.translated).toBeGreaterThan(20);
    const sliceCount = Math.ceil(WORKBOOK.length / (4096));
    expect(sliceCount).toBeGreaterThan(1);
    expect(host.slices).toEqual(Array.from({ length: sliceCount }, (_, i) => i));
    expect(host.closed).toBe(1);
    expect(host.createWorkbook).toHaveBeenCalledTimes(1);
    const copy = new Uint8Array(Buffer.from(host.createWorkbook.mock.calls[0][0] as string, 'base64'));
    const entries = readZip(copy);
    let translated = 0;
    for (const entry of entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))) {
      const xml = await entryText(entry, nodeCodec);
      for (const m of xml.matchAll(/<f\b[^>]*>([\s\S]*?)<\/f>/g)) {
        expect(hasMktCall(unescapeXml(m[1]))).toBe(false);
        if (m[1].includes('SUMPRODUCT(')) translated++;
      }
    }
    expect(translated).toBeGreaterThan(10);
    expect(await entryText(entries.find((e) => e.name === 'xl/workbook.xml')!, nodeCodec)).toContain('name="Portable copy"');
    // The open workbook: read once, never written (no Excel.run at all).
    expect(host.run).not.toHaveBeenCalled();
    expect(Buffer.from(WORKBOOK).equals(before)).toBe(true);
  });

  it.each([
    ['Excel on the web (no CompressedFile)', { 'ExcelApi 1.8': true, File: true }, 'compressedFile'],
    ['Excel 2016 (no ExcelApi 1.8)', { CompressedFile: true, File: true }, 'createWorkbook'],
  ])('gives the command-line message on %s, and reads nothing', async (_name, sets, missing) => {
    const host = installHost(sets);
    const result = await shareWorkbook({ lang: 'fr', version: '1', messages });
    expect(result).toEqual({ status: 'error', code: 'unsupported', message: `unsupported:${missing} — npm run portable` });
    expect(host.getFileAsync).not.toHaveBeenCalled();
    expect(host.createWorkbook).not.toHaveBeenCalled();
  });

  it('reports a file that is not a workbook and opens nothing', async () => {
    const host = installHost(FULL, new TextEncoder().encode('not a zip'));
    const result = await shareWorkbook({ lang: 'en', version: '1', messages });
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/^failed:not a zip/) });
    expect(host.createWorkbook).not.toHaveBeenCalled();
  });
});
