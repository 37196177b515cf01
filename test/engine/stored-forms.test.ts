/**
 * check-workbook on workbooks stored the way Excel stores them: every MKT cell found in each stored
 * form, its value equal to the rules called directly, its status and the exit code right.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as rules from '../../src/rules';
import { checkWorkbook, type MktCellReport } from '../../src/engine/recompute';
import { readXlsxFile } from '../../src/engine/workbook';
import { compareWithRules } from './helpers/compare';
import { DATA_SHEET, storedWorkbookBytes, type StoredWorkbook } from './helpers/excel-stored';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src', 'commands', 'check-workbook.ts');

const REVENUE = "'Données'!B1:B3";
const SPEND = "'Données'!A1:A3";
const ratio = rules.roiRatio(400 + 300 + 900, 100 + 200 + 300) as number;

// Excel's bound form: one-cell dynamic arrays, a French name, a nested call, a spilled ALLOCATE.
const BOUND_ROWS =
  `<row r="1"><c r="A1" cm="1"><f t="array" ref="A1">_xldudf_MKT_ROI_RATIO(${REVENUE},${SPEND})</f><v>${ratio}</v></c>` +
  `<c r="C1" cm="1"><f t="array" ref="C1:C3">_xldudf_MKT_ALLOCATE(1000,${SPEND},${REVENUE})</f><v>1</v></c></row>` +
  `<row r="2"><c r="A2" t="str" cm="1"><f t="array" ref="A2">_xldudf_MKT_ZONE_ROI(A1)</f><v>x</v></c><c r="C2"><v>2</v></c></row>` +
  `<row r="3"><c r="A3" t="str" cm="1"><f t="array" ref="A3">IF(A1&gt;0,_xldudf_MKT_ROI_BAND(ROUND(_xldudf_MKT_ROI_RATIO(${REVENUE},${SPEND}),1)),"")</f><v>x</v></c><c r="C3"><v>3</v></c></row>`;

// Typed while MKT was not loaded: plain, with the #NAME? Excel cached.
const STUCK_ROWS =
  `<row r="1"><c r="A1" t="e"><f>MKT.ROI_RATIO(${REVENUE},${SPEND})</f><v>#NAME?</v></c></row>` +
  `<row r="2"><c r="A2" t="e"><f>MKT.RATIO_ROI(${REVENUE},${SPEND})*2</f><v>#NAME?</v></c></row>`;

// Another add-in's file in between: the [1]! prefix, cached #NAME?.
const LINKED_ROWS = `<row r="1"><c r="A1" t="e"><f>[1]!_xldudf_MKT_ROI_RATIO(${REVENUE},${SPEND})</f><v>#NAME?</v></c></row>`;

// Filled down while MKT was not loaded: Excel stores one shared formula and its followers.
const SHARED_ROWS =
  '<row r="1"><c r="A1"><v>4</v></c><c r="B1"><v>2</v></c><c r="C1" t="e"><f t="shared" ref="C1:C3" si="0">MKT.ROI_RATIO(A1,B1)</f><v>#NAME?</v></c></row>' +
  '<row r="2"><c r="A2"><v>9</v></c><c r="B2"><v>3</v></c><c r="C2" t="e"><f t="shared" si="0"/><v>#NAME?</v></c></row>' +
  '<row r="3"><c r="A3"><v>8</v></c><c r="B3"><v>4</v></c><c r="C3" t="e"><f t="shared" si="0"/><v>#NAME?</v></c></row>';

const WORKBOOKS: Record<string, StoredWorkbook> = {
  'shared.xlsx': { sheets: [{ name: 'Saisie', rows: SHARED_ROWS }] },
  'bound-unregistered.xlsx': {
    sheets: [DATA_SHEET, { name: 'Calculs', rows: `<row r="1"><c r="A1" t="e" cm="1"><f t="array" ref="A1">_xldudf_MKT_ROI_RATIO(${REVENUE},${SPEND})</f><v>#NAME?</v></c></row>` }],
    dynamicArrays: true,
  },
  'bound.xlsx': { sheets: [DATA_SHEET, { name: 'Calculs', rows: BOUND_ROWS }], dynamicArrays: true },
  // Typed without MKT and over a range too large for the engine: both statuses at once.
  'stuck-beyond.xlsx': { sheets: [{ name: 'Calculs', rows: '<row r="1"><c r="A1" t="e"><f>MKT.ROI_RATIO(B1:Z100000,2)</f><v>#NAME?</v></c></row>' }] },
  'stuck.xlsx': { sheets: [DATA_SHEET, { name: 'Calculs', rows: STUCK_ROWS }] },
  'linked.xlsx': {
    sheets: [DATA_SHEET, { name: 'Calculs', rows: LINKED_ROWS }],
    externalAddinFile: 'file:///C:\\Program%20Files\\Other\\other-addin.xlam',
  },
  'mixed.xlsx': {
    sheets: [DATA_SHEET, { name: 'Calculs', rows: BOUND_ROWS }, { name: 'Saisie', rows: STUCK_ROWS }, { name: 'Lien', rows: LINKED_ROWS }],
    dynamicArrays: true,
    externalAddinFile: 'other-addin.xlam',
  },
};

let dir: string;
const path = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mkt-stored-'));
  for (const [name, spec] of Object.entries(WORKBOOKS)) writeFileSync(path(name), await storedWorkbookBytes(spec));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const brief = (cells: MktCellReport[]) => cells.map((c) => ({ at: `${c.sheet}!${c.cell}`, storage: c.storage, status: c.status, value: c.value }));

describe("Excel's bound form (_xldudf_ dynamic arrays with xl/metadata.xml)", () => {
  it('finds every MKT cell, a spilled ALLOCATE as one entry with its values, each equal to the rules', async () => {
    const allocation = rules.allocate(1000, [100, 200, 300], [400, 300, 900]) as number[];
    expect(brief(await checkWorkbook(path('bound.xlsx')))).toEqual([
      { at: 'Calculs!A1', storage: 'bound', status: 'computed', value: ratio },
      { at: 'Calculs!C1', storage: 'bound', status: 'computed', value: allocation.map((v) => [v]) },
      { at: 'Calculs!A2', storage: 'bound', status: 'computed', value: rules.roiBand(ratio) },
      { at: 'Calculs!A3', storage: 'bound', status: 'computed', value: rules.roiBand(Math.round(ratio * 10) / 10) },
    ]);
  });

  it('agrees with the rules oracle cell by cell, the spill included', async () => {
    const { checked, differences } = compareWithRules(await readXlsxFile(path('bound.xlsx')), { except: ['Calculs!A3'] });
    expect(differences).toEqual([]);
    expect(checked).toBe(3); // the nested call is checked above
  });

  it('exits 0 and says every cell is stored as Excel binds it', () => {
    const { code, stdout } = run(path('bound.xlsx'));
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('bound.xlsx: 4 MKT cell(s), 0 error(s); 4 stored as Excel binds them.');
    expect(stdout).not.toMatch(/#NAME\?/);
  });
});

describe('the plain form a formula typed while MKT was not loaded leaves', () => {
  it('is found and recomputed (French name too), with the status that Excel keeps #NAME?', async () => {
    expect(brief(await checkWorkbook(path('stuck.xlsx')))).toEqual([
      { at: 'Calculs!A1', storage: 'typed-without-mkt', status: 'computed', value: ratio },
      { at: 'Calculs!A2', storage: 'typed-without-mkt', status: 'computed', value: ratio * 2 },
    ]);
  });

  it('says so under each cell with the fix, and exits 3', () => {
    const { code, stdout } = run(path('stuck.xlsx'));
    expect(code).toBe(3);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('stuck.xlsx: 2 MKT cell(s), 0 error(s); 2 typed while MKT was not loaded.');
    const advice =
      "typed while MKT was not loaded: Excel keeps #NAME? until the formula is re-entered — use the pane's Repair, or re-enter it";
    expect(lines.filter((l) => l.trim() === `↳ ${advice}`)).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^2 MKT cell\(s\) will show #NAME\? in Excel until repaired/);
  });
});

describe("Excel's stored form saved while MKT was not registered (cached #NAME?)", () => {
  it('is bound (exit 0), with the saved #NAME? and what to do if it stays', async () => {
    const cells = await checkWorkbook(path('bound-unregistered.xlsx'));
    expect(cells).toEqual([
      { sheet: 'Calculs', cell: 'A1', formula: `=_xldudf_MKT_ROI_RATIO(${REVENUE},${SPEND})`, value: ratio, storage: 'bound', status: 'computed', savedError: '#NAME?' },
    ]);
    const { code, stdout } = run(path('bound-unregistered.xlsx'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/↳ stored as Excel binds it, but saved showing #NAME\? .*use the pane's Repair/);
  });
});

describe('a stuck formula filled down (a shared formula)', () => {
  it('gives each cell its own formula, value and status', async () => {
    const cells = await checkWorkbook(path('shared.xlsx'));
    expect(cells.map((c) => [c.cell, c.formula, c.value, c.storage])).toEqual([
      ['C1', '=MKT.ROI_RATIO(A1,B1)', rules.roiRatio(4, 2), 'typed-without-mkt'],
      ['C2', '=MKT.ROI_RATIO(A2,B2)', rules.roiRatio(9, 3), 'typed-without-mkt'],
      ['C3', '=MKT.ROI_RATIO(A3,B3)', rules.roiRatio(8, 4), 'typed-without-mkt'],
    ]);
  });
});

describe("the [1]! form another add-in's file leaves", () => {
  it('is found and recomputed, with the status that it points at another file, and exits 3', async () => {
    expect(brief(await checkWorkbook(path('linked.xlsx')))).toEqual([{ at: 'Calculs!A1', storage: 'other-file', status: 'computed', value: ratio }]);
    const { code, stdout } = run(path('linked.xlsx'));
    expect(code).toBe(3);
    expect(stdout).toMatch(/↳ points at another add-in's file: repair it/);
  });
});

describe('a workbook mixing every form', () => {
  it('counts the cells by storage status in the summary and carries it in --json', async () => {
    const text = run(path('mixed.xlsx'));
    expect(text.code).toBe(3);
    expect(text.stdout.split('\n')[0]).toBe(
      "mixed.xlsx: 7 MKT cell(s), 0 error(s); 4 stored as Excel binds them, 2 typed while MKT was not loaded, 1 pointing at another add-in's file.",
    );
    const json = run(path('mixed.xlsx'), '--json');
    expect(json.code).toBe(3);
    const printed = JSON.parse(json.stdout) as Array<{ sheet: string; cell: string; storage: string; status: string }>;
    expect(printed.every((c) => c.status === 'computed')).toBe(true);
    expect(printed.map((c) => `${c.sheet}!${c.cell} ${c.storage}`)).toEqual([
      'Calculs!A1 bound',
      'Calculs!C1 bound',
      'Calculs!A2 bound',
      'Calculs!A3 bound',
      'Saisie!A1 typed-without-mkt',
      'Saisie!A2 typed-without-mkt',
      'Lien!A1 other-file',
    ]);
    expect(printed).toEqual(JSON.parse(JSON.stringify(await checkWorkbook(path('mixed.xlsx')))));
  });
});

describe('a cell both stored in a form Excel will not calculate and beyond the engine', () => {
  it('carries both statuses and the saved #NAME?, and exits 3 (the fix the user can make comes first)', async () => {
    const [cell] = await checkWorkbook(path('stuck-beyond.xlsx'));
    expect(cell).toMatchObject({ storage: 'typed-without-mkt', status: 'beyond-engine', savedError: '#NAME?', value: { error: '#VALUE!' } });
    expect(run(path('stuck-beyond.xlsx')).code).toBe(3);
  });
});
