/**
 * @jest-environment jsdom
 *
 * The Share step in the pane: a host without the APIs gets the message that points at the
 * command line, with the button disabled; a host with them opens the copy as a new workbook.
 */
import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { CompressionStream, DecompressionStream } from 'node:stream/web';
import { openTool, renderPane } from './render';

const WORKBOOK = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'assets', 'examples', 'budget-pme-qc.xlsx')));

// The browser's own streams and text codecs, which jsdom leaves out.
Object.assign(globalThis, { TextDecoder, TextEncoder, CompressionStream, DecompressionStream });

function installOffice(compressedFile: boolean) {
  const createWorkbook = jest.fn(async () => undefined);
  const getFileAsync = jest.fn((_type: unknown, options: { sliceSize: number }, callback: (r: unknown) => void) => {
    callback({
      status: 'succeeded',
      value: {
        size: WORKBOOK.length,
        sliceCount: Math.ceil(WORKBOOK.length / options.sliceSize),
        getSliceAsync: (i: number, cb: (r: unknown) => void) =>
          cb({ status: 'succeeded', value: { data: Array.from(WORKBOOK.subarray(i * options.sliceSize, (i + 1) * options.sliceSize)) } }),
        closeAsync: (cb?: () => void) => cb?.(),
      },
    });
  });
  Object.assign(globalThis, {
    Office: {
      context: { requirements: { isSetSupported: (name: string) => (name === 'CompressedFile' ? compressedFile : name === 'ExcelApi') }, document: { getFileAsync } },
      FileType: { Compressed: 'compressed' },
      AsyncResultStatus: { Succeeded: 'succeeded' },
    },
    Excel: { createWorkbook },
  });
  return { createWorkbook, getFileAsync };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

test('a host that cannot hand over the file says so and gives the steps in desktop Excel, no command', async () => {
  const host = installOffice(false);
  const { user } = renderPane({ language: 'en', market: 'QC' });
  await openTool(user, 'Tools', 'Share');
  const warning = await screen.findByTestId('share-unsupported', {}, { timeout: 10_000 });
  expect(warning).toHaveTextContent('Open this workbook in Excel for Windows or Mac');
  expect(warning).not.toHaveTextContent('npm');
  expect(screen.getByRole('button', { name: 'Make the portable copy' })).toBeDisabled();
  expect(host.getFileAsync).not.toHaveBeenCalled();
}, 30_000);

test('a host with the APIs opens the portable copy as a new workbook', async () => {
  const host = installOffice(true);
  const { user } = renderPane({ language: 'fr', market: 'QC' });
  await openTool(user, 'Outils', 'Partager');
  const button = screen.getByRole('button', { name: 'Faire la copie portable' });
  await waitFor(() => expect(button).toBeEnabled(), { timeout: 10_000 });
  await user.click(button);
  await screen.findByText(/Copie ouverte/, {}, { timeout: 20_000 });
  expect(host.getFileAsync).toHaveBeenCalledTimes(1);
  expect(host.createWorkbook).toHaveBeenCalledTimes(1);
  expect((host.createWorkbook.mock.calls[0] as unknown[])[0]).toMatch(/^UEsDB/); // base64 of a zip package
}, 60_000);
