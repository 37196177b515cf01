/**
 * The shipped examples read like an accountant's workbook: each sheet prints landscape, one page
 * wide; month columns share one width; a label, typed or computed, is not cut by the cell beside it;
 * every profile and yes/no input offers its choices in a dropdown. Read back from the files as shipped.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLES, EXAMPLES_DIR } from '../../src/examples/build-examples';
import { INPUT_FILL, MONTHS_FR } from '../../src/examples/sheet-builder';

const names = Object.keys(EXAMPLES);
const books = new Map<string, ExcelJS.Workbook>();
beforeAll(async () => {
  for (const name of names) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(EXAMPLES_DIR, name));
    books.set(name, workbook);
  }
});

const isInput = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === (INPUT_FILL as ExcelJS.FillPattern).fgColor?.argb;

describe.each(names)('%s', (name) => {
  it('prints every sheet landscape, fit to one page wide', () => {
    books.get(name)!.eachSheet((sheet) => {
      const { orientation, fitToPage, fitToWidth, fitToHeight } = sheet.pageSetup;
      expect({ sheet: sheet.name, orientation, fitToPage, fitToWidth, fitToHeight }).toEqual({ sheet: sheet.name, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    });
  });

  it('gives the month columns of a sheet one width', () => {
    let sheetsWithMonths = 0;
    books.get(name)!.eachSheet((sheet) => {
      const widths = new Set<number | undefined>();
      sheet.eachRow((row) => row.eachCell((cell) => MONTHS_FR.includes(String(cell.value).trim()) && widths.add(sheet.getColumn(cell.col).width)));
      if (widths.size === 0) return;
      sheetsWithMonths++;
      expect({ sheet: sheet.name, widths: [...widths] }).toEqual({ sheet: sheet.name, widths: [10] });
    });
    expect(sheetsWithMonths).toBeGreaterThan(0);
  });

  it('leaves no label cut by a filled cell beside it', () => {
    const cut: string[] = [];
    books.get(name)!.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string' || cell.alignment?.wrapText || row.getCell(Number(cell.col) + 1).value === null) return;
          if (cell.value.length > (sheet.getColumn(cell.col).width ?? 9)) cut.push(`${sheet.name}!${cell.address} "${cell.value}"`);
        }),
      ),
    );
    expect(cut).toEqual([]);
  });

  it('leaves no computed text (a code, its words) cut by a filled cell beside it: it fits, wraps or shrinks', () => {
    const cut: string[] = [];
    let computed = 0;
    books.get(name)!.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as ExcelJS.CellFormulaValue | null;
          if (typeof value !== 'object' || value === null || !('formula' in value) || typeof value.result !== 'string') return;
          computed++;
          if (cell.alignment?.wrapText || cell.alignment?.shrinkToFit || row.getCell(Number(cell.col) + 1).value === null) return;
          if (value.result.length > (sheet.getColumn(cell.col).width ?? 9)) cut.push(`${sheet.name}!${cell.address} "${value.result}"`);
        }),
      ),
    );
    expect(cut).toEqual([]);
    expect(computed).toBeGreaterThan(10);
  });

  it('offers a dropdown on every profile and yes/no input', () => {
    let choices = 0;
    books.get(name)!.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = typeof cell.value === 'string' ? cell.value : '';
          if (!isInput(cell) || !/^(oui|non|standard|forte_marge|cliquable|local_faible_marge)$/.test(value)) return;
          choices++;
          expect({ cell: `${sheet.name}!${cell.address}`, type: cell.dataValidation?.type, list: cell.dataValidation?.formulae?.[0] }).toEqual({
            cell: `${sheet.name}!${cell.address}`,
            type: 'list',
            list: /^(oui|non)$/.test(value) ? '"oui,non"' : '"standard,forte_marge,cliquable,local_faible_marge"',
          });
        }),
      ),
    );
    expect(choices).toBeGreaterThan(0);
  });
});
