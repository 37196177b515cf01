/**
 * The pane's writes on the hosts our users run: French Windows, fr-FR and fr-CA use `;` as list
 * separator and refuse a `,`-joined multi-area name formula (office-js issue 2891); the desktop
 * returns name formulas localized (issue 2834); a French display language leaves an English
 * custom-function name written through `range.formulas` at #NAME? (issue 891).
 *
 * The whole workbook and sync-count suites run again on each host below; the cases after them
 * are those only a host shows.
 */
import { explainSelectedCell, writeArbitrage, writeDiagnostic, writeInternalisation, writePilot, writeTransfer, readSource } from '../../src/excel';
import type { SourceData, WorkbookProfile } from '../../src/excel';
import { FRENCH_FUNCTION_NAMES, toFrenchCalls, showsEnglishCall } from '../../src/excel/repair/bind';
import { parseRecordFormula, readRegistry } from '../../src/excel/common/registry';
import { FakeHost, FakeWorkbook, installFake } from '../support/excel-fake';
import { monthlyBudget, singleColumns } from './fixtures';

const SEMICOLON: FakeHost = { listSeparator: ';' };
const LOCALIZED: FakeHost = { listSeparator: ';', localizedNameFormulas: true };
const LOCALIZED_R1C1: FakeHost = { listSeparator: ';', localizedNameFormulas: true, referenceStyle: 'R1C1' };
const FRENCH_DISPLAY: FakeHost = { listSeparator: ';', localizedNameFormulas: true, displayLanguage: 'fr-FR', localFunctionNames: { ...FRENCH_FUNCTION_NAMES } };

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };

function onHost(name: string, host: FakeHost, suites: string[]) {
  describe(`on a host with ${name}`, () => {
    beforeAll(() => (FakeWorkbook.defaultHost = host));
    afterAll(() => (FakeWorkbook.defaultHost = {}));
    it('the suites below really run on that host', () => {
      jest.isolateModules(() => {
        const { FakeWorkbook: Isolated } = require('../support/excel-fake') as typeof import('../support/excel-fake');
        expect(new Isolated().listSeparator).toBe(host.listSeparator ?? ',');
        expect(new Isolated().localizedNameFormulas).toBe(host.localizedNameFormulas ?? false);
      });
    });
    for (const suite of suites) jest.isolateModules(() => require(suite));
  });
}

onHost("';' as list separator", SEMICOLON, ['./workbook.test', './sync-count.test']);
onHost("';' and localized name formulas", LOCALIZED, ['./workbook.test', './sync-count.test']);
// MKT_GROSS_MARGIN on the assumptions sheet: its name read back localized, its formulas bound under a French display.
onHost("';' and localized name formulas (gross margin)", LOCALIZED_R1C1, ['./margin-assumption.test']);
onHost('a French display language (gross margin)', FRENCH_DISPLAY, ['./margin-assumption.test']);
// The hiring-cost sheet: MKT_LOADED_SALARY and MKT_CROSSOVER_MONTH read back localized; its MKT cells bound under a French display.
onHost("';' and localized name formulas (hiring cost)", LOCALIZED_R1C1, ['./hiring.test']);
onHost('a French display language (hiring cost)', FRENCH_DISPLAY, ['./hiring.test']);

async function source(workbook: FakeWorkbook): Promise<SourceData> {
  installFake(workbook);
  const read = await readSource({ selection: true }, FR);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  return read.value;
}

/** Every write, then every write again (confirmed). */
async function allWrites(workbook: FakeWorkbook, data: SourceData, replace: boolean) {
  const options = { replace };
  return {
    diagnostic: await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, options),
    internalisation: await writeInternalisation(
      { profile: FR, weeklyHours: { value: 45 }, externalFees: { value: 60000 }, loadedSalary: { value: 100000 }, dataNeed: { value: true }, monthlyBudget: { value: 1800 } },
      options,
    ),
    arbitrage: await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 50000 } }, options),
    transfer: await writeTransfer({ profile: FR, decisions: [{ text: 'Garder le SEO' }] }, options),
    pilot: await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [10, 20, 30] }, options),
  };
}

describe.each([
  ['comma', {}],
  ['semicolon', SEMICOLON],
  ['localized', LOCALIZED],
  ['localized R1C1', LOCALIZED_R1C1],
  ['French display', FRENCH_DISPLAY],
] as Array<[string, FakeHost]>)('every write and its re-run (%s host)', (_name, host) => {
  it('writes every sheet once, then reuses each on a confirmed re-run: no "(2)"', async () => {
    const { workbook } = monthlyBudget(new FakeWorkbook(host));
    const data = await source(workbook);
    const first = await allWrites(workbook, data, false);
    for (const r of Object.values(first)) expect(r.status).toBe('ok');
    const sheets = workbook.sheets.map((s) => s.name);
    expect(sheets).toEqual(['Budget 2025', 'Diagnostic', 'Hypothèses', 'Internalisation', 'Arbitrage', 'Pilote']);
    workbook.sheet('Diagnostic')!.put('H2', [['vérifié']]); // a note in a gap of the block
    const again = await allWrites(workbook, data, true);
    for (const r of Object.values(again)) expect(r).toMatchObject({ status: 'ok', value: { replaced: true } });
    expect(workbook.sheets.map((s) => s.name)).toEqual(sheets);
    expect(workbook.sheet('Diagnostic')!.get('H2')?.value).toBe('vérifié');
  });

  it('a renamed pane sheet is still found by its record', async () => {
    const { workbook } = monthlyBudget(new FakeWorkbook(host));
    const data = await source(workbook);
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    workbook.sheet('Diagnostic')!.name = 'Mon diagnostic';
    const again = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(again).toMatchObject({ status: 'needsConfirmation', sheets: ['Mon diagnostic'] });
    expect(await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true })).toMatchObject({ status: 'ok', value: { sheetName: 'Mon diagnostic', replaced: true } });
  });
});

describe("records of earlier versions, read on a ';' host that renders them localized", () => {
  it("a record of every area in one name (written on the web with ',') is read back through ';' and reused", async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    // Turn the record into the previous version's: one name holding every area, no area names.
    const d = workbook.sheet('Diagnostic')!;
    const areaNames = workbook.names.filter((n) => /^MKT_SHEET_DIAGNOSTIC_\d+$/.test(n.name));
    const base = workbook.names.find((n) => n.name === 'MKT_SHEET_DIAGNOSTIC')!;
    base.areas = areaNames.map((n) => n.rect);
    base.rect = base.areas[0];
    workbook.names = workbook.names.filter((n) => !areaNames.includes(n));
    Object.assign(workbook, LOCALIZED);
    expect(workbook.nameFormula(base)).toBe('=Diagnostic!$A$1;Diagnostic!$A$2:$B$2;Diagnostic!$A$3:$F$3;Diagnostic!$I$3:$J$3;Diagnostic!$A$4:$J$4;Diagnostic!$A$5:$I$16');
    d.put('H2', [['note']]); // in a gap: only the recorded cells are the pane's
    const again = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true });
    expect(again).toMatchObject({ status: 'ok', value: { sheetName: 'Diagnostic', replaced: true } });
    expect(d.get('H2')?.value).toBe('note');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Budget 2025', 'Diagnostic', 'Hypothèses']);
    // Rewritten in the new form, which a ';' host accepts.
    expect(workbook.names.filter((n) => /^MKT_SHEET_DIAGNOSTIC_\d+$/.test(n.name))).toHaveLength(6);
  });

  it('the fake refuses what Excel refuses there: a name joining areas with ","', async () => {
    const workbook = new FakeWorkbook(SEMICOLON);
    workbook.addSheet('S');
    installFake(workbook);
    const added = await Excel.run(async (ctx) => {
      ctx.workbook.names.add('X', '=S!$A$1,S!$B$2');
      await ctx.sync();
    }).then(() => 'ok', (e: { code?: string }) => e.code);
    expect(added).toBe('InvalidArgument');
  });

  it('parses every rendering of a record: A1 with "," or ";", R1C1 English or French, quoted sheets', () => {
    const rects = [{ row: 0, column: 0, rows: 1, columns: 1 }, { row: 1, column: 0, rows: 1, columns: 2 }];
    for (const f of ["='Ventes 2025'!$A$1,'Ventes 2025'!$A$2:$B$2", "='Ventes 2025'!$A$1;'Ventes 2025'!$A$2:$B$2", "='Ventes 2025'!L1C1;'Ventes 2025'!L2C1:L2C2", "='Ventes 2025'!R1C1,'Ventes 2025'!R2C1:R2C2"]) {
      expect(parseRecordFormula(f)).toEqual({ sheet: 'Ventes 2025', rects });
    }
    expect(parseRecordFormula("='L;x'!$A$1")).toEqual({ sheet: 'L;x', rects: [rects[0]] });
    expect(parseRecordFormula('=#REF!')).toBeUndefined();
    expect(parseRecordFormula('=A!$A$1;B!$A$1')).toBeUndefined();
  });

  it('the oldest record (one rectangle, no area names) is taken as "cells not known"', () => {
    const sheets = [{ name: 'Diagnostic', protected: false }];
    expect(readRegistry([{ name: 'MKT_SHEET_DIAGNOSTIC', formula: '=Diagnostic!$A$1:$H$16' }], sheets).MKT_SHEET_DIAGNOSTIC).toEqual({
      sheet: 'Diagnostic',
      rect: { row: 0, column: 0, rows: 16, columns: 8 },
      areas: undefined,
    });
    const withAreas = readRegistry(
      [
        { name: 'MKT_SHEET_DIAGNOSTIC', formula: '=Diagnostic!$A$1:$H$16' },
        { name: 'MKT_SHEET_DIAGNOSTIC_2', formula: '=Diagnostic!$A$4:$H$16' },
        { name: 'MKT_SHEET_DIAGNOSTIC_1', formula: '=Diagnostic!$A$1' },
        { name: 'MKT_SHEET_DIAGNOSTIC_3', formula: '=#REF!' },
      ],
      sheets,
    );
    expect(withAreas.MKT_SHEET_DIAGNOSTIC.areas).toEqual([{ row: 0, column: 0, rows: 1, columns: 1 }, { row: 3, column: 0, rows: 13, columns: 8 }]);
    expect(Object.keys(withAreas)).toEqual(['MKT_SHEET_DIAGNOSTIC']);
  });

  it('a shorter record deletes the area names the longer one left', async () => {
    const { workbook } = monthlyBudget(new FakeWorkbook(SEMICOLON));
    installFake(workbook);
    await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [10, 20, 30], useRoi: true });
    const count = () => workbook.names.filter((n) => /^MKT_SHEET_PILOT_\d+$/.test(n.name)).length;
    const before = count();
    workbook.names.push({ ...workbook.names.find((n) => n.name === 'MKT_SHEET_PILOT_1')!, name: `MKT_SHEET_PILOT_${before + 1}` });
    expect(await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [10, 20, 30], useRoi: true }, { replace: true })).toMatchObject({ status: 'ok' });
    expect(count()).toBe(before);
  });

  it('a refused re-run puts back the stale area name it had deleted, and every record name as it was', async () => {
    const { workbook } = monthlyBudget(new FakeWorkbook(SEMICOLON));
    installFake(workbook);
    await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [10, 20, 30] });
    const n = workbook.names.filter((x) => /^MKT_SHEET_PILOT_\d+$/.test(x.name)).length;
    workbook.names.push({ ...workbook.names.find((x) => x.name === 'MKT_SHEET_PILOT_1')!, name: `MKT_SHEET_PILOT_${n + 1}` });
    const names = JSON.stringify((workbook.snapshot() as { names: unknown }).names);
    workbook.failOn = (p) => p.op === 'select';
    expect(await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [10, 20, 30] }, { replace: true })).toMatchObject({ status: 'error' });
    expect(JSON.stringify((workbook.snapshot() as { names: string[][] }).names.sort())).toBe(JSON.stringify(JSON.parse(names).sort()));
  });
});

describe('formulas that bind under a French display language (issue 891)', () => {
  const mktCells = (workbook: FakeWorkbook) =>
    workbook.sheets.flatMap((s) => Object.entries(s.snapshot()).filter(([, c]) => c.formula && /MKT\.[A-Z_]+\(/.test(c.formula)).map(([a, c]) => ({ at: `${s.name}!${a}`, ...c })));

  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it('every MKT cell written ends bound, its formula still the invariant English one', async () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'fr-FR' } };
    const { workbook } = monthlyBudget(new FakeWorkbook(FRENCH_DISPLAY));
    const data = await source(workbook);
    await allWrites(workbook, data, false);
    const cells = mktCells(workbook);
    expect(cells.length).toBeGreaterThan(40);
    expect(cells.filter((c) => c.unbound).map((c) => c.at)).toEqual([]);
    expect(workbook.sheet('Diagnostic')!.get('D16')?.formula).toMatch(/^=MKT\.ROI_RATIO\(/);
    expect(workbook.sheet('Diagnostic')!.get('E16')?.formula).toBe('=MKT.ROI_BAND(D16,MKT_ROI_LOW,MKT_ROI_HIGH)');
  });

  it('without the check the fake leaves them at #NAME? (the check is what binds them)', async () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'en-US' } };
    const { workbook } = monthlyBudget(new FakeWorkbook(FRENCH_DISPLAY));
    const data = await source(workbook);
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(mktCells(workbook).filter((c) => c.unbound).length).toBeGreaterThan(20);
  });

  it('costs one sync more, whatever the number of rows; none on a host that binds', async () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'fr-CA' } };
    const syncsFor = async (rows: number, host: FakeHost) => {
      const { workbook } = singleColumns(rows, new FakeWorkbook(host));
      const data = await source(workbook);
      const s0 = workbook.syncs;
      expect((await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR })).status).toBe('ok');
      const first = workbook.syncs - s0;
      const s1 = workbook.syncs;
      expect((await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true })).status).toBe('ok');
      expect(mktCells(workbook).filter((c) => c.unbound)).toEqual([]);
      return [first, workbook.syncs - s1];
    };
    expect(await syncsFor(10, FRENCH_DISPLAY)).toEqual([3, 4]);
    expect(await syncsFor(2000, FRENCH_DISPLAY)).toEqual([3, 4]);
    // French display, but a host that binds the English names: read back in the batch, nothing rewritten.
    expect(await syncsFor(10, { ...FRENCH_DISPLAY, bindsEnglishNames: true })).toEqual([2, 3]);
  });

  it('a rewrite Excel refuses leaves the write done, and the message says what to do', async () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'fr-FR' } };
    const { workbook } = monthlyBudget(new FakeWorkbook(FRENCH_DISPLAY));
    const data = await source(workbook);
    workbook.failOn = (p) => p.prop === 'formulasLocal';
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Diagnostic', message: expect.stringContaining('#NOM?') } });
    expect(workbook.sheet('Diagnostic')!.get('E16')?.formula).toBe('=MKT.ROI_BAND(D16,MKT_ROI_LOW,MKT_ROI_HIGH)');
  });

  it('rewrites the local form with the French names, leaving text in strings alone', () => {
    expect(toFrenchCalls('=SI(A1>0;MKT.ROI_RATIO(B2;C2);"MKT.ROI_RATIO(")')).toBe('=SI(A1>0;MKT.RATIO_ROI(B2;C2);"MKT.ROI_RATIO(")');
    expect(showsEnglishCall('=MKT.RATIO_ROI(B2;C2)')).toBe(false);
    expect(showsEnglishCall('=MKT.ROI_RATIO(B2;C2)')).toBe(true);
  });

  it('leaves a quoted sheet name that looks like a call alone (the shared reader skips it)', () => {
    expect(toFrenchCalls("=MKT.LTV('MKT.LTV(1'!A1;0,8)")).toBe("=MKT.VALEUR_VIE_CLIENT('MKT.LTV(1'!A1;0,8)");
    expect(showsEnglishCall("='MKT.ROI_RATIO('!A1+1")).toBe(false);
  });
});

describe('explain reads a blank cell the way the host it runs on passes it (Office.context.platform)', () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  // =MKT.ROI_BAND(B1,B2) with B1 = 2 and B2 blank: low is 0 on Windows and Mac (2 is in 0–5),
  // left out on the web (low 3: 2 is below).
  it.each([
    ['PC', 'TARGET'],
    ['Mac', 'TARGET'],
    ['OfficeOnline', 'BELOW'],
  ])('on %s the cell is %s and explain says so', async (platform, expected) => {
    const { roiBand } = jest.requireActual('../../src/functions/functions') as { roiBand: (...a: unknown[]) => string };
    const { labelOf } = jest.requireActual('../../src/rules/labels') as { labelOf: (c: string, l: string) => string };
    const cell = roiBand(2, platform === 'OfficeOnline' ? null : 0);
    expect(cell).toBe(expected);
    (globalThis as { Office?: unknown }).Office = { context: { platform, displayLanguage: 'en-US' } };
    const workbook = new FakeWorkbook();
    const s = workbook.addSheet('Feuil1');
    s.put('B1', [[2]]);
    s.ensure(0, 2).formula = '=MKT.ROI_BAND(B1,B2)';
    workbook.active = { sheet: s, rect: { row: 0, column: 2, rows: 1, columns: 1 } };
    installFake(workbook);
    const explained = await explainSelectedCell('en');
    expect(explained.status === 'ok' && explained.value.summary.toLowerCase()).toContain(labelOf(cell, 'en').toLowerCase());
  });
});
