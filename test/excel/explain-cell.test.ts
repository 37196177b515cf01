/**
 * The thin Office.js read of the explain step, on office-addin-mock's own objects. (Writes need worksheets.add, names, charts… that the mock lacks: see
 * test/support/excel-fake.ts.)
 */
import { OfficeMockObject } from 'office-addin-mock';
import { explainSelectedCell, readActiveCell, readCellForExplain } from '../../src/excel';

function mockWorkbook(formula: string, value: unknown) {
  const data = {
    context: {
      workbook: {
        cell: {
          address: 'Diagnostic!E5',
          formulas: [[formula]],
          values: [[value]],
          worksheet: {
            d5: { values: [[6.2]] },
            getRange(this: { d5: unknown }, ref: string) {
              if (ref !== 'D5') throw new Error(`unexpected ${ref}`);
              return this.d5;
            },
          },
        },
        getActiveCell(this: { cell: unknown }) {
          return this.cell;
        },
        names: {
          items: [
            { name: 'MKT_ROI_LOW', type: 'Range', formula: "='Hypothèses'!$B$5" },
            { name: 'MKT_ROI_HIGH', type: 'Range', formula: "='Hypothèses'!$B$6" },
          ],
          low: { values: [[3]] },
          high: { values: [[5]] },
          getItem(this: { low: unknown; high: unknown }, name: string) {
            if (name !== 'MKT_ROI_LOW' && name !== 'MKT_ROI_HIGH') throw Object.assign(new Error(name), { code: 'ItemNotFound' });
            const range = name === 'MKT_ROI_LOW' ? this.low : this.high;
            return { getRange: () => range };
          },
        },
      },
    },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as { context: { sync: () => Promise<void> } };
  const sync = jest.spyOn(excel.context, 'sync');
  (globalThis as unknown as { Excel: unknown }).Excel = excel;
  return { excel, sync };
}

describe('explaining the selected cell', () => {
  it('reads the formula, then the values it references, in two syncs', async () => {
    const { sync } = mockWorkbook('=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)', 'ABOVE');
    const read = await readCellForExplain('en');
    expect(read).toEqual({
      status: 'ok',
      value: {
        address: 'Diagnostic!E5',
        formula: '=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)',
        value: 'ABOVE',
        inputs: { D5: [[6.2]], MKT_ROI_LOW: [[3]], MKT_ROI_HIGH: [[5]] },
      },
    });
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('says in plain words why the result is what it is', async () => {
    mockWorkbook('=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)', 'ABOVE');
    const fr = await explainSelectedCell('fr');
    expect(fr).toEqual({
      status: 'ok',
      value: {
        summary: 'Au-dessus de la cible : 6,2:1 dépasse 5:1.',
        lines: ['Cible : de 3:1 à 5:1 (« ratio de 3:1 à 5:1 pour chaque dollar investi »)'],
      },
    });
  });

  it.each([
    ['Excel\'s stored form', '=_xldudf_MKT_ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)'],
    ['a workbook prefix', '=[1]!_xldudf_MKT_ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)'],
    ['a quoted add-in path', "='C:\\Addins\\[other.xlam]other'!MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)"],
    ['the unknown-function prefix', '=_xludf.MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)'],
    ['the French name', '=MKT.ZONE_ROI(D5,MKT_ROI_LOW,MKT_ROI_HIGH)'],
    ['the French name stored', '=_xldudf_MKT_ZONE_ROI(D5,MKT_ROI_LOW,MKT_ROI_HIGH)'],
  ])('recognises a selected cell in %s and explains it as the same call', async (_form, formula) => {
    const expected = 'Au-dessus de la cible : 6,2:1 dépasse 5:1.';
    const { sync } = mockWorkbook(formula, 'ABOVE');
    const read = await readCellForExplain('fr');
    expect(read).toMatchObject({ status: 'ok', value: { inputs: { D5: [[6.2]], MKT_ROI_LOW: [[3]], MKT_ROI_HIGH: [[5]] } } });
    expect(sync).toHaveBeenCalledTimes(2);
    const explained = await explainSelectedCell('fr');
    expect(explained).toMatchObject({ status: 'ok', value: { summary: expected } });
    // A prefixed form is one Excel did not bind: the explanation says so and points at Repair.
    const hinted = explained.status === 'ok' && explained.value.lines[0].includes('Utilisez l’étape Réparer');
    expect(hinted).toBe(!formula.startsWith('=MKT.'));
  });

  it('tells the user a plain MKT formula showing #NAME? needs the Repair step', async () => {
    mockWorkbook('=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)', '#NAME?');
    const explained = await explainSelectedCell('en');
    expect(explained.status === 'ok' && explained.value.lines[0]).toMatch(/shows #NAME\? until it is re-entered\. Use the Repair step\.$/);
  });

  it('skips an identifier that is no workbook name (a LET variable) instead of failing with ItemNotFound', async () => {
    const { sync } = mockWorkbook('=LET(lo,3,MKT.ROI_BAND(D5,lo,MKT_ROI_HIGH))', 'ABOVE');
    const read = await readCellForExplain('en');
    expect(read).toMatchObject({ status: 'ok', value: { inputs: { D5: [[6.2]], MKT_ROI_HIGH: [[5]] } } });
    expect(read.status === 'ok' && 'lo' in read.value.inputs).toBe(false);
    expect(sync).toHaveBeenCalledTimes(2);
    expect((await explainSelectedCell('en')).status).toBe('ok');
  });

  it('tells the user when the cell holds no MKT formula, after one sync', async () => {
    const { sync } = mockWorkbook('=SUM(A1:A3)', 6);
    expect(await explainSelectedCell('en')).toEqual({ status: 'error', code: 'invalidInput', message: 'The selected cell holds no MKT formula.' });
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe('readActiveCell', () => {
  it('gives the address and value of the selected cell, in one sync', async () => {
    const { sync } = mockWorkbook('', 1500);
    expect(await readActiveCell('fr')).toEqual({ status: 'ok', value: { address: 'Diagnostic!E5', value: 1500 } });
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
