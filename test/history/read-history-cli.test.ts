/**
 * `npm run read-history -- FILE.xlsx [--sheet] [--range] [--json] [--lang]`, run as users run it
 * (a child process) on generated workbooks: exit codes 0 / 3 / 1 / 2, the --json shape, and
 * hostile files answered in bounded time with a clear message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HOSTILE_CASES, n, row, xlsx } from '../support/hostile-corpus';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src', 'commands', 'read-history.ts');

function run(...args: string[]) {
  const started = Date.now();
  const result = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

async function workbook(path: string, sheets: Record<string, unknown[][]>) {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  await book.xlsx.writeFile(path);
}

let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mkt-history-'));
  await workbook(file('sure.xlsx'), {
    Notes: [['Budget 2025, voir feuille Journal']],
    Journal: [
      ['Mois', 'Canal', 'Dépense', 'CA'],
      ['févr.', 'Google Ads', 200, 600],
      ['janv.', 'Meta', '1 500,50 €', 2000],
      ['janv.', ' google ads ', 100, 300],
      ['févr.', 'META', 50, 100],
    ],
  });
  await workbook(file('unsure.xlsx'), { Feuil1: [['Canal', 'Montant 1', 'Montant 2'], ['SEO', 100, 500], ['Ads', 300, 600]] });
  writeFileSync(file('wide.xlsx'), xlsx({ sheets: [{ name: 'S', rows: row(1, n('A1', 1)) + row(1048576, n('XFD1048576', 2)) }] }));
  writeFileSync(file('bomb.xlsx'), HOSTILE_CASES.find((c) => c.name === 'zip-bomb-lying.xlsx')!.bytes());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a sure read exits 0 and prints the one --json object', () => {
  const { code, stdout } = run(file('sure.xlsx'), '--json');
  expect(code).toBe(0);
  const json = JSON.parse(stdout);
  expect(Object.keys(json)).toEqual(expect.arrayContaining(['source', 'confident', 'period', 'channels', 'left_out', 'warnings']));
  expect(json.source).toBe('Journal!A1:D5');
  expect(json.confident).toBe(true);
  expect(json.period).toEqual({ months: 2, from: 'janv.', to: 'févr.' });
  expect(json.channels).toEqual([
    { name: 'Google Ads', spend: 300, revenue: 900, months: 2 },
    { name: 'Meta', spend: 1550.5, revenue: 2100, months: 2 },
  ]);
  expect(json.warnings).toEqual([{ code: 'textAmounts', message: expect.stringContaining('1 500,50 €') }]);
});

test('the shipped French example, Budget!A4:R22, in English words', () => {
  const { code, stdout } = run(join(ROOT, 'assets', 'examples', 'budget-tpe-fr.xlsx'), '--sheet', 'Budget', '--range', 'A4:R22', '--lang', 'en');
  expect(code).toBe(0);
  expect(stdout).toContain("Budget!A4:R22 — several rows per channel (planned, actual, revenue)");
  expect(stdout).toMatch(/Google Ads\s+4,250\s+9,890\s+10/);
  expect(stdout).toContain('Left out row 20 "Total prévu": a total, MKT sums again');
  expect(stdout).toContain('Sure of this read.');
});

test('an unsure read exits 3, still prints the JSON, and says what it would take', () => {
  const { code, stdout } = run(file('unsure.xlsx'), '--json', '--lang', 'en');
  expect(code).toBe(3);
  const json = JSON.parse(stdout);
  expect(json.confident).toBe(false);
  expect(json.unsure.map((u: { reason: string }) => u.reason)).toEqual(['noSpend', 'noRevenue']);
  expect(json.unsure[0].candidates).toEqual([
    { label: 'Montant 1', total: 400 },
    { label: 'Montant 2', total: 1100 },
  ]);
  expect(run(file('unsure.xlsx')).stdout).toContain('Lecture incertaine');
});

test('a file that cannot be read, or past a limit, exits 1 with one clear line', () => {
  const missing = run(file('nope.xlsx'));
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/^read-history: Lecture impossible : .*nope\.xlsx: file not found/);
  const wide = run(file('wide.xlsx'), '--lang', 'en');
  expect(wide.code).toBe(1);
  expect(wide.stderr).toMatch(/S!A1:XFD1048576 spans .* cells, .*give the history's range with --range/);
  // Within a range it reads; one number is no history, and it says what to give.
  const small = run(file('wide.xlsx'), '--range', 'A1:B2', '--lang', 'en');
  expect(small.code).toBe(1);
  expect(small.stderr).toContain('No budget history found (channels with their spend and revenue); give the sheet with --sheet');
});

test('a hostile file (a zip bomb) is answered in bounded time with a clear message', () => {
  const { code, stderr, seconds } = run(file('bomb.xlsx'), '--lang', 'en');
  expect(code).toBe(1);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/inflates past check-workbook's limit/);
  expect(seconds).toBeLessThan(60);
});

test('wrong usage exits 2 with the usage line', () => {
  const none = run();
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('usage: npm run -s read-history -- FILE.xlsx [--sheet NAME] [--range A1:Z99] [--json] [--lang fr|en]');
  expect(run(file('sure.xlsx'), '--lang', 'de').code).toBe(2);
  expect(run(file('sure.xlsx'), '--range').code).toBe(2);
});
