/**
 * The real-world files (test/support/realworld.ts: public test corpora kept beside the repository)
 * through both tools: each file is read by check-workbook exactly when portable copies it, the copy
 * keeps every part it does not rewrite byte for byte and reads back as a workbook.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { makePortableCopy } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { readZip } from '../../src/xlsx/zip';
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';
import { realWorldFiles } from '../support/realworld';

const files = realWorldFiles();

if (!files) {
  console.info('test/portable/realworld.test.ts: the real-world corpus is not beside the repository; skipped');
  it.skip('reads the real-world files alike in both tools (skipped: no corpus beside the repository)', () => undefined);
} else {
  jest.setTimeout(120_000);
  describe.each(files.map((f) => [basename(f), f]))('%s', (_, file) => {
    it('is accepted by portable exactly when check-workbook reads it; the copy keeps what it does not rewrite', async () => {
      const bytes = readFileSync(file);
      let engineError: string | undefined;
      let sheets: string[] = [];
      try {
        sheets = readWorkbookPackage(bytes).sheetNames;
      } catch (error) {
        engineError = (error as Error).message;
      }
      let copy: Awaited<ReturnType<typeof makePortableCopy>> | undefined;
      let portableError: string | undefined;
      try {
        copy = await makePortableCopy(new Uint8Array(bytes), nodeCodec, { version: 't' });
      } catch (error) {
        portableError = (error as Error).message;
      }
      // A workbook without a worksheet (chart sheets only) is no refusal of the package.
      if (engineError === 'has no worksheet') engineError = undefined;
      expect({ refused: portableError !== undefined }).toEqual({ refused: engineError !== undefined });
      if (!copy) return;
      const before = new Map(readZip(new Uint8Array(bytes)).map((e) => [e.name, e]));
      const after = readZip(copy.bytes);
      const rewritten = new Set(after.filter((e) => before.has(e.name) && !Buffer.from(e.raw).equals(Buffer.from(before.get(e.name)!.raw))).map((e) => e.name));
      for (const name of rewritten) expect(name).toMatch(/worksheets\/[^/]+\.xml$|workbook[^/]*\.xml$|\.rels$|Content_Types/);
      if (sheets.length > 0) expect(readWorkbookPackage(Buffer.from(copy.bytes)).sheetNames).toEqual([...sheets, copy.reportSheet]);
    });
  });
}
