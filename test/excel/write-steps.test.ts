/**
 * The pure steps of the write pipeline (src/excel/write/, common/registry.ts), each alone: what the
 * record says, whether to ask first, which sheet to write, the pre-checks, and the names a write
 * sets — never one that joins areas.
 */
import fc from 'fast-check';
import { decide } from '../../src/excel/write/decide';
import { nameWritesOf, plan } from '../../src/excel/write/plan';
import { WorkbookState, WriteSpec } from '../../src/excel/write/spec';
import { parseRecordFormula, recordNames, staleRecordNames } from '../../src/excel/common/registry';
import { pilotPlan } from '../../src/excel/sheets/pilot';
import { THRESHOLD_NAMES } from '../../src/excel/sheets/thresholds';
import type { WorkbookProfile } from '../../src/excel';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };
const pilot: WriteSpec = { kind: 'pilot', lang: 'fr', profile: FR, build: () => [pilotPlan({ profile: FR, kpiName: 'Leads', monthlyTargets: [1, 2, 3] })] };
const thresholds = THRESHOLD_NAMES.map((name, i) => ({ name, formula: `='Hypothèses'!$B$${i + 5}` }));

function state(names: WorkbookState['names'], sheets = ['Pilote', 'Hypothèses'], structureProtected = false): WorkbookState {
  return { sheets: sheets.map((name) => ({ name, protected: false })), names, structureProtected };
}

describe('decide', () => {
  it('a first run goes on, with nothing to repair', () => {
    const d = decide(pilot, state(thresholds), {});
    expect('status' in d).toBe(false);
    expect(!('status' in d) && d.existing).toBeUndefined();
    expect(!('status' in d) && d.thresholds.broken).toEqual([]);
  });
  it('a re-run asks first, read from a record rendered with ";" (localized)', () => {
    const names = [...thresholds, { name: 'MKT_SHEET_PILOT', formula: '=Pilote!$A$1;Pilote!$A$3:$F$8' }];
    expect(decide(pilot, state(names), {})).toMatchObject({ status: 'needsConfirmation', sheets: ['Pilote'] });
    const confirmed = decide(pilot, state(names), { replace: true });
    expect(!('status' in confirmed) && confirmed.existing?.areas).toHaveLength(2);
  });
  it('refuses a protected pane sheet', () => {
    const s = state([...thresholds, { name: 'MKT_SHEET_PILOT', formula: '=Pilote!$A$1:$F$8' }]);
    s.sheets[0].protected = true;
    expect(decide(pilot, s, { replace: true })).toMatchObject({ status: 'error', code: 'protected' });
  });
  it('names the thresholds an accountant broke', () => {
    const names = thresholds.map((n) => (n.name === 'MKT_FLOOR' ? { ...n, formula: '=#REF!' } : n)).filter((n) => n.name !== 'MKT_CAC_CUT');
    const d = decide(pilot, state(names), {});
    expect(!('status' in d) && d.thresholds.broken).toEqual(['MKT_FLOOR', 'MKT_CAC_CUT']);
    expect(!('status' in d) && d.thresholds.repair).toBe(true);
  });
});

describe('plan', () => {
  const inspection = { current: {}, previous: [], chartNames: [], block: [] };
  it('writes a new sheet beside a user sheet of the same name, and records its areas', () => {
    const s = state(thresholds, ['Pilote', 'Hypothèses']);
    const d = decide(pilot, s, {});
    if ('status' in d) throw new Error('unexpected');
    const p = plan(pilot, s, d, inspection);
    if ('status' in p) throw new Error(JSON.stringify(p));
    expect(p.main).toMatchObject({ sheet: 'Pilote (2)', create: true });
    expect(p.main.registry[0].name).toBe('MKT_SHEET_PILOT');
  });
  it('refuses a new sheet in a protected workbook before anything is queued', () => {
    const s = state(thresholds, ['Hypothèses'], true);
    const d = decide(pilot, s, {});
    if ('status' in d) throw new Error('unexpected');
    expect(plan(pilot, s, d, inspection)).toMatchObject({ status: 'error', code: 'protected' });
  });
  it('sets only one-area names: no list separator is ever involved', () => {
    const s = state(thresholds, ['Hypothèses']);
    const d = decide(pilot, s, {});
    if ('status' in d) throw new Error('unexpected');
    const p = plan(pilot, s, d, inspection);
    if ('status' in p) throw new Error('unexpected');
    const names = nameWritesOf(p);
    expect(names.length).toBeGreaterThan(2);
    for (const n of names) {
      expect(n.formula).not.toMatch(/[,;]/);
      expect(parseRecordFormula(n.formula)?.rects).toHaveLength(1);
    }
    expect(names.filter((n) => n.hidden).map((n) => n.name)).toEqual(names.filter((n) => /^MKT_SHEET_PILOT_\d+$/.test(n.name)).map((n) => n.name));
  });
});

describe('records', () => {
  const rect = fc.record({ row: fc.nat(5000), column: fc.nat(200), rows: fc.integer({ min: 1, max: 500 }), columns: fc.integer({ min: 1, max: 20 }) });
  const sheetName = fc.stringMatching(/^[A-Za-zéè0-9 ';,!]{1,20}$/).filter((s) => !s.startsWith("'") && !s.endsWith("'") && s.trim() === s && s.length > 0);
  it('any areas on any sheet read back exactly, each name one area, under any separator', () => {
    fc.assert(
      fc.property(sheetName, fc.array(rect, { minLength: 1, maxLength: 12 }), (sheet, areas) => {
        const names = recordNames('MKT_SHEET_DIAGNOSTIC', sheet, areas);
        expect(names).toHaveLength(areas.length + 1);
        names.slice(1).forEach((n, i) => expect(parseRecordFormula(n.formula)).toEqual({ sheet, rects: [areas[i]] }));
      }),
    );
  });
  it('a shorter record leaves the extra area names to delete, and only those', () => {
    const names = ['MKT_SHEET_PILOT', 'MKT_SHEET_PILOT_1', 'MKT_SHEET_PILOT_2', 'MKT_SHEET_PILOT_3', 'MKT_SHEET_PILOTE_3', 'MKT_SHEET_ARBITRAGE_3'].map((name) => ({ name }));
    expect(staleRecordNames('MKT_SHEET_PILOT', 2, names)).toEqual(['MKT_SHEET_PILOT_3']);
  });
});

describe('a new sheet kind', () => {
  it('with an underscore in its name is recorded and read like the others', () => {
    const { readRegistry } = jest.requireActual('../../src/excel/common/registry') as typeof import('../../src/excel/common/registry');
    const names = recordNames('MKT_SHEET_ARBITRAGE_MARGINAL', 'Marginal', [{ row: 0, column: 0, rows: 1, columns: 1 }, { row: 2, column: 0, rows: 4, columns: 3 }]);
    const registry = readRegistry(names, [{ name: 'Marginal', protected: false }]);
    expect(Object.keys(registry)).toEqual(['MKT_SHEET_ARBITRAGE_MARGINAL']);
    expect(registry.MKT_SHEET_ARBITRAGE_MARGINAL.areas).toHaveLength(2);
  });
});
