/**
 * An entry marked encrypted (zip flag bit 0) is refused when a reader needs that part, as a
 * compression Excel does not write is: a part nothing reads does not stop check-workbook (as before
 * the package module was shared), and the portable copy carries it over untouched.
 */
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';
import { makePortableCopy } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { readZip } from '../../src/xlsx/zip';
import { f, n, row, xlsxParts, zip, type ZipPart } from '../support/hostile-corpus';

const sheet = { name: 'S', rows: row(1, n('A1', 10), n('B1', 4), f('C1', 'MKT.ROI_RATIO(A1,B1)')) };
const encrypted = (part: ZipPart): ZipPart => ({ ...part, flags: 1 });

describe('an entry marked encrypted', () => {
  it('on a part nothing reads: check-workbook reads the workbook, the copy keeps the part as it was', async () => {
    const bytes = zip([...xlsxParts({ sheets: [sheet] }), encrypted({ name: 'x/unused.bin', data: 'opaque' })]);
    const workbook = readWorkbookPackage(bytes);
    expect(workbook.sheetNames).toEqual(['S']);
    expect(workbook.formulas.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['S!C1']);
    const copy = await makePortableCopy(new Uint8Array(bytes), nodeCodec, { version: 'test' });
    const kept = readZip(copy.bytes).find((e) => e.name === 'x/unused.bin');
    expect(kept!.flags & 1).toBe(1);
    expect(Buffer.from(kept!.raw).equals(Buffer.from(readZip(new Uint8Array(bytes)).find((e) => e.name === 'x/unused.bin')!.raw))).toBe(true);
  });

  it('on the sheet: refused by both readers, saying what to do', async () => {
    const parts = xlsxParts({ sheets: [sheet] }).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? encrypted(p) : p));
    const bytes = zip(parts);
    expect(() => readWorkbookPackage(bytes)).toThrow('is encrypted; save it without a password');
    await expect(makePortableCopy(new Uint8Array(bytes), nodeCodec, { version: 'test' })).rejects.toThrow('is encrypted; save it without a password');
  });
});
