// Writes test/payroll/golden-fr.json: the official model's yearly employer cost (the sum of its
// 12 monthly `salarié . coût total employeur`) over a grid of situations, for
// test/payroll/loaded-salary-fr-golden.test.ts. Run: node test/payroll/generate-golden.mjs
// (several minutes: the model takes about 0.1-0.2 s a month).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOracle } from './oracle.mjs';

const out = fileURLToPath(new URL('./golden-fr.json', import.meta.url));
// January SMIC (hourly × 151.67 h) and PASS of each year, to place the grid's grosses.
const YEARS = { 2025: { smicHour: 11.88, pass: 47100 }, 2026: { smicHour: 12.02, pass: 48060 } };
const HEADCOUNTS = [1, 10, 11, 12, 49, 50, 51, 250];
const AT_RATES = [null, 0.009, 0.0208, 0.035, 0.06];
const SMIC_MULTIPLES = [1, 1.3, 1.6, 2, 2.9];
const PASS_MULTIPLES = [1, 1.5, 3, 5, 10];

function* grid() {
  let i = 0;
  for (const [yearText, { smicHour, pass }] of Object.entries(YEARS)) {
    const year = Number(yearText);
    const smicYear = smicHour * 151.67 * 12;
    const grosses = [...SMIC_MULTIPLES.map((m) => smicYear * m), ...PASS_MULTIPLES.map((m) => pass * m)];
    for (const grossAnnual of grosses) {
      for (const headcount of HEADCOUNTS) {
        for (const cadre of [false, true]) {
          yield { year, grossAnnual: Math.round(grossAnnual * 100) / 100, headcount, cadre, atRate: AT_RATES[i++ % AT_RATES.length] };
        }
      }
    }
  }
  // Edges: an AT/MP rate under the floor, 2 000 employees, a fractional headcount, no salary, the
  // PASS and 3 June SMIC (the CET and the réduction générale stop there).
  const juneSmic3 = 3 * 12.31 * ((35 * 52) / 12) * 12;
  for (const year of [2025, 2026]) {
    yield { year, grossAnnual: 40000, headcount: 4, cadre: false, atRate: 0.003 };
    yield { year, grossAnnual: 40000, headcount: 2000, cadre: true, atRate: 0.003 };
    yield { year, grossAnnual: 40000, headcount: 10.5, cadre: true, atRate: 0.02 };
    yield { year, grossAnnual: 0, headcount: 12, cadre: true, atRate: null };
    yield { year, grossAnnual: YEARS[year].pass, headcount: 4, cadre: false, atRate: null };
    yield { year, grossAnnual: YEARS[year].pass + 0.12, headcount: 4, cadre: false, atRate: null };
  }
  for (const grossAnnual of [juneSmic3 - 0.12, juneSmic3 + 0.12]) yield { year: 2026, grossAnnual: Math.round(grossAnnual * 100) / 100, headcount: 4, cadre: false, atRate: null };
  // Random situations between the grid points (a fixed seed: the file is reproducible).
  let seed = 16;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < 40; k++) {
    const year = random() < 0.5 ? 2025 : 2026;
    const { smicHour, pass } = YEARS[year];
    const low = smicHour * 151.67 * 12;
    const grossAnnual = Math.round(low * Math.exp(random() * Math.log((10 * pass) / low)) * 100) / 100;
    const headcount = 1 + Math.floor(random() * 250);
    const cadre = random() < 0.5;
    const atRate = Math.round((0.005 + random() * 0.06) * 10000) / 10000;
    yield { year, grossAnnual, headcount, cadre, atRate };
  }
}

const oracle = createOracle();
const rows = [];
const started = Date.now();
const save = () =>
  writeFileSync(out, JSON.stringify({ model: 'modele-social 11.1.0 + publicodes 1.10.3', rows }, null, 0).replace(/\{"year"/g, '\n{"year"') + '\n');
for (const situation of grid()) {
  const { total, months } = oracle.yearlyCost(situation);
  rows.push({ ...situation, total, months });
  if (rows.length % 20 === 0) {
    save();
    process.stderr.write(`${rows.length} rows, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
}
save();
process.stderr.write(`done: ${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
