/**
 * `npm run check-workbook -- FILE.xlsx [--json]`, run as users run it (a child process).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMessage } from '../../src/i18n/messages';
import { checkWorkbook } from '../../src/engine/recompute';
import { buildMessyWorkbook } from './helpers/messy-workbooks';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src', 'commands', 'check-workbook.ts');
const EXAMPLE = join(ROOT, 'assets', 'examples', 'budget-pme-qc.xlsx');

function run(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Size, bytes and modification time: what "never modified" means. */
function fingerprint(path: string) {
  const stat = statSync(path);
  return { bytes: readFileSync(path).toString('base64'), size: stat.size, mtimeMs: stat.mtimeMs };
}

let dir: string;
let example: string;
let messy: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mkt-check-'));
  example = join(dir, 'budget-pme-qc.xlsx');
  copyFileSync(EXAMPLE, example);
  messy = join(dir, 'messy.xlsx');
  await buildMessyWorkbook().xlsx.writeFile(messy);
  // An old mtime, so that any write would show.
  const past = new Date('2024-01-02T03:04:05Z');
  for (const path of [example, messy]) utimesSync(path, past, past);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a readable workbook', () => {
  it('lists every MKT cell with its sheet, cell, formula and value, and exits 0', async () => {
    const cells = await checkWorkbook(example);
    const { code, stdout, stderr } = run(example);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(`budget-pme-qc.xlsx: ${cells.length} MKT cell(s), 0 error(s); ${cells.length} stored as Excel binds them.`);
    expect(lines).toHaveLength(cells.length + 1);
    cells.forEach((c, i) => {
      expect(lines[i + 1]).toMatch(new RegExp(`^${c.sheet}!${c.cell}\\s+${c.formula.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\S`));
    });
  });

  it('prints the same cells as JSON with --json', async () => {
    const { code, stdout } = run(example, '--json');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(printed).toEqual(JSON.parse(JSON.stringify(await checkWorkbook(example))));
    for (const entry of printed) expect(Object.keys(entry)).toEqual(['sheet', 'cell', 'formula', 'value', 'storage', 'status']);
    expect(printed.every((e) => e.storage === 'bound' && e.status === 'computed')).toBe(true);
    const allocate = printed.find((e) => String(e.formula).startsWith('=_xldudf_MKT_ALLOCATE('))!;
    expect(Array.isArray(allocate.value)).toBe(true);
  });

  it('exits 3 for a workbook whose MKT formulas are in the plain form ExcelJS writes (Excel keeps #NAME?)', () => {
    expect(run(messy).code).toBe(3);
  });

  it('prints errors as {"error","message"} in JSON, in French by default and in English with --lang en', () => {
    const ltvWithPercent = (output: string) =>
      (JSON.parse(output) as Array<{ formula: string; value: unknown }>).find((e) => e.formula === '=MKT.LTV(100,Saisie!B20)')!.value;
    const params = { arg: 'retention_rate', typed: 80, asRate: 0.8 };
    expect(ltvWithPercent(run(messy, '--json').stdout)).toEqual({
      error: '#VALUE!',
      message: formatMessage('rateAsPercent', params, 'fr'),
    });
    expect(ltvWithPercent(run(messy, '--json', '--lang', 'en').stdout)).toEqual({
      error: '#VALUE!',
      message: formatMessage('rateAsPercent', params, 'en'),
    });
  });

  it('never modifies the file it checks', () => {
    const before = [fingerprint(example), fingerprint(messy)];
    run(example);
    run(messy, '--json');
    expect([fingerprint(example), fingerprint(messy)]).toEqual(before);
  });
});

describe('a file that is not a readable .xlsx', () => {
  function expectOneLineFailure(path: string, pattern: RegExp) {
    const { code, stdout, stderr } = run(path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
  }

  it('says so on one line and exits non-zero when the file is missing', () => {
    expectOneLineFailure(join(dir, 'nowhere.xlsx'), /^check-workbook: .*nowhere\.xlsx: file not found/);
  });

  it('says so on one line and exits non-zero for a .csv, leaving it unchanged', () => {
    const csv = join(dir, 'budget.csv');
    writeFileSync(csv, 'canal,dépense,ca\nSEO,100,400\n');
    const before = fingerprint(csv);
    expectOneLineFailure(csv, /budget\.csv is not an \.xlsx workbook/);
    expect(fingerprint(csv)).toEqual(before);
  });

  it('says so on one line and exits non-zero for a damaged .xlsx, leaving it unchanged', () => {
    const damaged = join(dir, 'damaged.xlsx');
    writeFileSync(damaged, readFileSync(EXAMPLE).subarray(0, 3000));
    const before = fingerprint(damaged);
    expectOneLineFailure(damaged, /damaged\.xlsx is damaged or not an \.xlsx workbook/);
    expect(fingerprint(damaged)).toEqual(before);
  });

  it('explains the usage and exits 2 without a file', () => {
    const { code, stderr } = run();
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run -s check-workbook -- FILE\.xlsx/);
  });
});
