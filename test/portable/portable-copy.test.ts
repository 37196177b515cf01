/**
 * The portable copy's package rewriting and its command line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePortableCopy, PackageError, rewriteSheet } from '../../src/portable/portable-copy';
import { nodeCodec } from '../../src/xlsx/node-codec';
import { entryText, makeEntry, readZip, writeZip } from '../../src/xlsx/zip';
import { main } from '../../src/commands/portable';

const EXAMPLE = join(__dirname, '..', '..', 'assets', 'examples', 'budget-tpe-fr.xlsx');

describe('rewriteSheet', () => {
  const xml =
    '<sheetData><row r="2">' +
    '<c r="A2" cm="1"><f t="array" ref="A2">_xldudf_MKT_ROI_RATIO(B2,C2)</f><v>4</v></c>' +
    '<c r="B2" t="str"><f>MKT.ROI_BAND(A2)</f><v>TARGET</v></c>' +
    '<c r="C2"><f>SUM(B2:B9)</f><v>1</v></c>' +
    '<c r="D2"><f t="shared" ref="D2:D4" si="0">MKT.ROI_RATIO(B2,C2)*2</f><v>8</v></c>' +
    '<c r="D3"><f t="shared" si="0"/><v>6</v></c>' +
    '<c r="E2" cm="1"><f t="array" ref="E2:E4">_xldudf_MKT_ALLOCATE(100,F2:F4,G2:G4)</f><v>50</v></c>' +
    '<c r="H2"><f>"MKT.ROI_RATIO(" &amp; A2</f><v>x</v></c>' +
    '</row></sheetData>';

  it('translates every stored form, drops the dynamic-array flag, keeps values and other formulas', () => {
    const { xml: out, items } = rewriteSheet(xml, 'S', false);
    expect(out).not.toMatch(/MKT_|MKT\.ROI_BAND|cm=/);
    expect(out).toContain('<c r="C2"><f>SUM(B2:B9)</f><v>1</v></c>');
    expect(out).toContain('<c r="H2"><f>"MKT.ROI_RATIO(" &amp; A2</f><v>x</v></c>');
    expect(out).toMatch(/<c r="A2"><f t="array" ref="A2">IF\(ISERROR\(B2\)[^<]*<\/f><v>4<\/v><\/c>/);
    expect(out).toMatch(/<c r="E2"><f t="array" ref="E2:E4">[^<]*TRANSPOSE|<c r="E2"><f t="array" ref="E2:E4">IF\(/);
    expect(out).toContain('<c r="D3"><f t="shared" si="0"/><v>6</v></c>');
    expect(items.map((i) => [i.cell, i.action])).toEqual([
      ['A2', 'translated'], ['B2', 'translated'], ['D2', 'translated'], ['D3', 'translated'], ['E2', 'translated'],
    ]);
  });

  it('with values, removes the MKT formulas and keeps their saved values (text as inline text)', () => {
    const { xml: out, items } = rewriteSheet(xml, 'S', true);
    expect(out).toContain('<c r="A2"><v>4</v></c>');
    expect(out).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">TARGET</t></is></c>');
    expect(out).toContain('<c r="D3"><v>6</v></c>');
    expect(out).toContain('<c r="C2"><f>SUM(B2:B9)</f><v>1</v></c>');
    expect(items.every((i) => i.action === 'frozen' && i.reason === 'values')).toBe(true);
  });

  it('keeps the rest of a part after an unclosed cell as it is, in one pass', () => {
    const hostile = '<c r="A1"><f>MKT.ROI_RATIO(B1,C1)</f></c>' + '<c r="A2"><v>1</v>'.repeat(50_000);
    const { xml: out, items } = rewriteSheet(hostile, 'S', false);
    expect(items).toHaveLength(1);
    expect(out.endsWith('<c r="A2"><v>1</v>'.repeat(3))).toBe(true);
  });

  it('freezes an ALLOCATE outside an array formula, where Excel 2010 would not compute its column', () => {
    const { xml: out, items } = rewriteSheet('<c r="E2"><f>SUM(MKT.ALLOCATE(100,F2:F4,G2:G4))</f><v>100</v></c>', 'S', false);
    expect(out).toBe('<c r="E2"><v>100</v></c>');
    expect(items[0]).toMatchObject({ action: 'frozen', reason: 'notArrayFormula' });
  });

  it('freezes an ALLOCATE whose stored spill area does not match its channels', () => {
    const { xml: out, items } = rewriteSheet('<c r="E2"><f t="array" ref="E2">MKT.ALLOCATE(100,F2:F4,G2:G4)</f><v>50</v></c>', 'S', false);
    expect(out).toBe('<c r="E2"><v>50</v></c>');
    expect(items[0]).toMatchObject({ action: 'frozen', reason: 'channelShape' });
  });
});

describe('makePortableCopy', () => {
  it('adds the report sheet and leaves every part other than the sheets with MKT formulas as it was', async () => {
    const input = new Uint8Array(readFileSync(EXAMPLE));
    const before = Buffer.from(input);
    const { bytes, items, reportSheet } = await makePortableCopy(input, nodeCodec, { version: '9.9.9' });
    expect(Buffer.from(input).equals(before)).toBe(true);
    expect(reportSheet).toBe('Copie portable');
    expect(items.length).toBeGreaterThan(20);
    const inEntries = new Map(readZip(input).map((e) => [e.name, e]));
    const out = readZip(bytes);
    const workbook = await entryText(out.find((e) => e.name === 'xl/workbook.xml')!, nodeCodec);
    expect(workbook).toContain('name="Copie portable"');
    const report = out.find((e) => !inEntries.has(e.name))!;
    expect(await entryText(report, nodeCodec)).toContain('MKT version 9.9.9');
    for (const e of out) {
      const old = inEntries.get(e.name);
      if (old && !/sheet[23]\.xml$|workbook\.xml|\.rels$|Content_Types/.test(e.name)) expect(Buffer.from(e.raw).equals(Buffer.from(old.raw))).toBe(true);
    }
  });

  it('refuses a package that would inflate past the cap (a zip bomb), before inflating it', async () => {
    const big = await makeEntry('xl/workbook.xml', new Uint8Array(2_000_000), nodeCodec);
    const bomb = writeZip([big]);
    await expect(makePortableCopy(bomb, nodeCodec, { version: 'x', limits: { maxInflated: 1_000_000, maxEntries: 10 } })).rejects.toThrow(/zip bomb/);
  });

  it('refuses a part that inflates past its declared size', async () => {
    const entry = await makeEntry('xl/workbook.xml', new Uint8Array(50_000), nodeCodec);
    const lying = writeZip([{ ...entry, size: 10 }]);
    await expect(makePortableCopy(lying, nodeCodec, { version: 'x' })).rejects.toBeInstanceOf(PackageError);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(makePortableCopy(new TextEncoder().encode('a,b\n1,2\n'), nodeCodec, { version: 'x' })).rejects.toThrow(/not a zip/);
  });
});

describe('npm run portable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mkt-portable-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let stderr = '';
  beforeEach(() => {
    stderr = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes OUT and never touches IN', async () => {
    const input = join(dir, 'in.xlsx');
    writeFileSync(input, readFileSync(EXAMPLE));
    const before = readFileSync(input);
    expect(await main([input, join(dir, 'out.xlsx')])).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readZip(new Uint8Array(readFileSync(join(dir, 'out.xlsx')))).length).toBeGreaterThan(5);
  });

  it('refuses OUT = IN, a bad file and wrong usage with a message and a non-zero exit', async () => {
    const input = join(dir, 'same.xlsx');
    writeFileSync(input, readFileSync(EXAMPLE));
    expect(await main([input, input])).toBe(1);
    expect(stderr).toMatch(/OUT is IN/);
    writeFileSync(join(dir, 'bad.xlsx'), 'not a workbook');
    expect(await main([join(dir, 'bad.xlsx'), join(dir, 'o.xlsx')])).toBe(1);
    expect(stderr).toMatch(/not a zip package/);
    expect(await main([join(dir, 'missing.xlsx'), join(dir, 'o.xlsx')])).toBe(1);
    expect(stderr).toMatch(/file not found/);
    expect(await main([input])).toBe(2);
    expect(await main([input, join(dir, 'o.xlsx'), '--lang', 'de'])).toBe(2);
  });

  it('refuses at once an IN that is a pipe or a device (no end to wait for), and an OUT it cannot write, saying which', async () => {
    const input = join(dir, 'ok.xlsx');
    writeFileSync(input, readFileSync(EXAMPLE));
    expect(await main(['/dev/zero', join(dir, 'o.xlsx')])).toBe(1);
    expect(stderr).toMatch(/portable: zero: is not a regular file/);
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe.xlsx');
      execFileSync('mkfifo', [fifo]);
      expect(await main([fifo, join(dir, 'o.xlsx')])).toBe(1);
      expect(stderr).toMatch(/pipe\.xlsx: is not a regular file/);
    }
    stderr = '';
    expect(await main([input, dir])).toBe(1);
    expect(stderr).toBe('portable: OUT is a folder; give the name of the copy to write, e.g. copie.xlsx\n');
    stderr = '';
    expect(await main([input, join(dir, 'no-such-folder', 'o.xlsx')])).toBe(1);
    expect(stderr).toBe("portable: OUT's folder does not exist; create it or choose another\n");
  });
});
