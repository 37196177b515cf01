/**
 * LOADED_SALARY_FR against the official model (modele-social 11.1.0 evaluated by publicodes
 * 1.10.3): every row of golden-fr.json, written by generate-golden.mjs from the model, within 2 € a
 * year (docs/RULES.md §8); and a few rows re-derived from the model live, so the file cannot drift
 * from the model it names.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadedSalaryFr } from '../../src/rules';

interface GoldenRow {
  year: number;
  grossAnnual: number;
  headcount: number;
  cadre: boolean;
  atRate: number | null;
  total: number;
  months: number[];
}

const HERE = path.join(__dirname);
const golden = JSON.parse(fs.readFileSync(path.join(HERE, 'golden-fr.json'), 'utf8')) as { model: string; rows: GoldenRow[] };
const ours = (row: GoldenRow) =>
  loadedSalaryFr({ grossAnnual: row.grossAnnual, headcount: row.headcount, cadre: row.cadre, atRate: row.atRate ?? undefined, year: row.year }) as number;
const TOLERANCE = 2;

describe('LOADED_SALARY_FR against modele-social, the golden grid', () => {
  it('was generated from the pinned model versions', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(HERE, '..', '..', 'package.json'), 'utf8'));
    expect(golden.model).toBe(`modele-social ${pkg.devDependencies['modele-social']} + publicodes ${pkg.devDependencies.publicodes}`);
  });
  it('covers at least 300 situations: SMIC to 10 PASS, headcounts around 11 and 50, cadre or not, several AT/MP rates, 2025 and 2026', () => {
    const rows = golden.rows;
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2025, 2026]));
    for (const n of [1, 10, 10.5, 11, 12, 49, 50, 51, 250, 2000]) expect(rows.some((r) => r.headcount === n)).toBe(true);
    expect(rows.some((r) => r.atRate !== null && r.atRate < 0.005)).toBe(true); // under the AT/MP floor
    expect(rows.some((r) => r.grossAnnual === 0)).toBe(true);
    expect(new Set(rows.map((r) => r.cadre))).toEqual(new Set([false, true]));
    expect(new Set(rows.map((r) => r.atRate)).size).toBeGreaterThanOrEqual(5);
    expect(Math.min(...rows.map((r) => r.grossAnnual))).toBeLessThanOrEqual(11.88 * 151.67 * 12 + 1);
    expect(Math.max(...rows.map((r) => r.grossAnnual))).toBeGreaterThanOrEqual(10 * 48_060);
  });
  it('is within 2 € a year of the model in every situation', () => {
    const off = golden.rows
      .map((row) => ({ row: { ...row, months: undefined }, ours: ours(row), gap: ours(row) - row.total }))
      .filter((r) => !(Math.abs(r.gap) <= TOLERANCE));
    expect(off).toEqual([]);
  });
});

describe('LOADED_SALARY_FR against modele-social, live', () => {
  it('re-derives 3 random rows of the golden file from the model', () => {
    const rows = [...golden.rows].sort(() => Math.random() - 0.5).slice(0, 3);
    const situations = rows.map(({ year, grossAnnual, headcount, cadre, atRate }) => ({ year, grossAnnual, headcount, cadre, atRate }));
    const oracle = path.join(HERE, 'oracle-cli.mjs');
    const live = JSON.parse(execFileSync(process.execPath, [oracle, JSON.stringify(situations)], { encoding: 'utf8' })) as number[];
    situations.forEach((situation, i) => {
      expect({ situation, model: live[i] }).toEqual({ situation, model: expect.closeTo(rows[i].total, 6) });
      expect(Math.abs(ours(rows[i]) - live[i])).toBeLessThanOrEqual(TOLERANCE);
    });
  }, 120_000);
});
