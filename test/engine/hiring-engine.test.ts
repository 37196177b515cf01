/** RULES.md §8 inside HyperFormula: the same adapters, fed by cells, and COST_PATHS spilling. */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import * as adapters from '../../src/functions/functions';
import { createEngine } from '../../src/engine/engine';

const engineWith = (rows: RawCellContent[][]): HyperFormula => createEngine({ S: rows });
const at = (engine: HyperFormula, address: string) => engine.getCellValue(engine.simpleCellAddressFromString(address, 0)!);

describe('the hiring functions in HyperFormula', () => {
  it('chain LOADED_SALARY_QC, INHOUSE_MONTHLY and CROSSOVER_MONTH through cells', () => {
    const engine = engineWith([
      [90_000, '=MKT.LOADED_SALARY_QC(A1)', '=MKT.INHOUSE_MONTHLY(B1,300,2,75)', 11_000, '=MKT.CROSSOVER_MONTH(D1,C1,13500)'],
      [42_000, '=MKT.LOADED_SALARY_FR(A2,8,TRUE())', '=MKT.LOADED_SALARY_FR(A2,8,,2)'],
    ]);
    expect(at(engine, 'B1')).toBeCloseTo(99_616.08, 6);
    const monthly = adapters.inhouseMonthly([[99_616.08]], [[300]], 2, [[75]]);
    expect(at(engine, 'C1')).toBeCloseTo(monthly, 6);
    expect(at(engine, 'E1')).toBe(adapters.crossoverMonth([[11_000]], [[at(engine, 'C1')]], [[13_500]]));
    expect(at(engine, 'B2')).toBe(adapters.loadedSalaryFr([[42_000]], 8, true));
    const error = at(engine, 'C2') as DetailedCellError;
    expect(error.value).toBe('#VALUE!');
    expect(error.message).toBe('taux_atmp : saisissez 2 % ou 0,02, pas 2');
    engine.destroy();
  });
  it('spill COST_PATHS over horizon rows of three, 36 when the horizon is left out', () => {
    const engine = engineWith([[8000, 6669.6, 10_650, '=MKT.COST_PATHS(A1,B1,C1,3,4,0.25,18)', null, null, '=MKT.COST_PATHS(A1,B1,C1)']]);
    const spilled = engine.getSheetValues(0);
    expect(spilled.length).toBe(36);
    const rows = adapters.costPaths([[8000]], [[6669.6]], [[10_650]], 3, 4, 0.25, 18);
    for (let r = 0; r < 18; r++) for (let c = 0; c < 3; c++) expect(spilled[r][3 + c]).toBeCloseTo(rows[r][c], 6);
    expect(spilled[18][3]).toBeNull();
    expect(spilled[35][6]).toBe(36);
    engine.destroy();
  });
  it('give #N/A with its message when in-house never costs less', () => {
    const engine = engineWith([[6500, 6669.6, 10_650, '=MKT.CROSSOVER_MONTH(A1,B1,C1,3,4)']]);
    const error = at(engine, 'D1') as DetailedCellError;
    expect(error.value).toBe('#N/A');
    expect(error.message).toBe("l'interne coûte autant ou plus que l'externe chaque mois");
    engine.destroy();
  });
});
