/** The adapters of RULES.md §8 as Excel calls them: amounts as 2-D arrays, omitted arguments null. */
import * as f from '../../src/functions/functions';
import { loadedSalaryFr } from '../../src/rules';

type Thrown = { code: string; message: string };
function excelError(call: () => unknown): Thrown {
  try {
    call();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error as unknown as Thrown;
    throw error;
  }
  throw new Error('expected a CustomFunctions.Error');
}
const cell = (value: unknown) => [[value]];
/** What Excel passes for an omitted range argument. */
const omitted = null as unknown as undefined;

describe('LOADED_SALARY_FR', () => {
  it('sums a gross range and reads the French yes/no and numeric text', () => {
    expect(f.loadedSalaryFr([[30_000, 12_000]], 12, 'oui', '2,5 %', null)).toBe(loadedSalaryFr({ grossAnnual: 42_000, headcount: 12, cadre: true, atRate: 0.025 }));
  });
  it('takes the defaults when the optional arguments are left out', () =>
    expect(f.loadedSalaryFr(cell(42_000), null, null, null, null)).toBe(loadedSalaryFr({ grossAnnual: 42_000 })));
  it('asks for 2 % or 0.02 when the AT/MP rate is typed 2', () =>
    expect(excelError(() => f.loadedSalaryFr(cell(42_000), null, null, 2, null))).toMatchObject({ code: '#VALUE!', message: 'taux_atmp : saisissez 2 % ou 0,02, pas 2' }));
  it('names the years it knows', () =>
    expect(excelError(() => f.loadedSalaryFr(cell(42_000), null, null, null, 2027))).toMatchObject({ code: '#VALUE!', message: 'année : année 2027 inconnue ; années connues : 2025, 2026' }));
  it('refuses a headcount below 1, as a blank headcount cell on Windows and Mac', () =>
    expect(excelError(() => f.loadedSalaryFr(cell(42_000), 0, null, null, null))).toMatchObject({ code: '#VALUE!', message: 'effectif : un effectif de 1 salarié ou plus est attendu' }));
  it('refuses a negative gross and passes an error cell on', () => {
    expect(excelError(() => f.loadedSalaryFr(cell(-1), null, null, null, null)).message).toBe('brut_annuel : une valeur positive ou nulle est attendue');
    const incoming = new CustomFunctions.Error('#N/A' as CustomFunctions.ErrorCode.notAvailable);
    expect(excelError(() => f.loadedSalaryFr(cell(incoming), null, null, null, null))).toBe(incoming);
  });
});

describe('LOADED_SALARY_QC', () => {
  it('gives the contract examples', () => {
    expect(f.loadedSalaryQc(cell(65_000), null, omitted, null, null)).toBeCloseTo(72_561.3, 6);
    expect(f.loadedSalaryQc(cell(90_000), null, omitted, null, null)).toBeCloseTo(99_616.08, 6);
  });
  it('reads the payroll as an amount for the FSS rate', () =>
    expect(f.loadedSalaryQc(cell(90_000), null, [[5_000_000, 2_800_000]], null, null) - f.loadedSalaryQc(cell(90_000), null, omitted, null, null)).toBeCloseTo((0.0426 - 0.0165) * 90_000, 6));
  it('names the years it knows', () =>
    expect(excelError(() => f.loadedSalaryQc(cell(1), null, omitted, null, 2025)).message).toBe('année : année 2025 inconnue ; années connues : 2026'));
});

describe('INHOUSE_MONTHLY', () => {
  it('adds the tools and the owner time', () => expect(f.inhouseMonthly(cell(72_000), cell(250), 2, cell(60))).toBeCloseTo(6000 + 250 + 520, 10));
  it('refuses more than 168 hours', () =>
    expect(excelError(() => f.inhouseMonthly(cell(72_000), omitted, 169, omitted)).message).toBe('heures_encadrement : entre 0 et 168 heures par semaine'));
});

describe('CROSSOVER_MONTH and COST_PATHS', () => {
  const o = cell(8000);
  const m = cell(6669.6);
  const oneOff = cell(10_650);
  it('gives month 18 for the contract example', () => expect(f.crossoverMonth(o, m, oneOff, 3, 4, null, null)).toBe(18));
  it('gives #N/A with the contract messages', () => {
    expect(excelError(() => f.crossoverMonth(cell(6500), m, oneOff, 3, 4, null, null))).toMatchObject({ code: '#N/A', message: "l'interne coûte autant ou plus que l'externe chaque mois" });
    expect(excelError(() => f.crossoverMonth(o, m, oneOff, 3, 4, null, 12)).message).toBe("l'interne ne devient pas moins cher en 12 mois");
  });
  it('gives #VALUE! for a horizon of 0, as a blank horizon cell on Windows and Mac', () =>
    expect(excelError(() => f.crossoverMonth(o, m, oneOff, null, null, null, 0)).message).toBe('horizon : un nombre entier de 1 à 600 est attendu'));
  it('spills horizon rows of three, the last hiring total one_off + Σ hire', () => {
    const rows = f.costPaths(o, m, oneOff, 3, 4, null, 18);
    expect(rows).toHaveLength(18);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows[17][2] - rows[17][1]).toBeCloseTo(-306, 6);
    expect(f.costPaths(o, m, oneOff, null, null, null, null)).toHaveLength(36);
  });
  it('gives #NUM! rather than an infinite cumulative cost', () =>
    expect(excelError(() => f.costPaths(cell(1e308), cell(1), cell(0), 0, 0, null, 600)).code).toBe('#NUM!'));
});
