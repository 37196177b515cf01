/**
 * Deliberately messy workbooks, as users really keep them: blank cells, "n/a", numbers stored
 * as text, merged header cells, a missing column, formulas pointing at empty ranges.
 */
import ExcelJS from 'exceljs';

const MONTHS = ['jan', 'fév', 'mar', 'avr', 'mai', 'jun', 'jul', 'aoû', 'sep', 'oct', 'nov', 'déc'];

function row(sheet: ExcelJS.Worksheet, r: number, values: ExcelJS.CellValue[], firstCol = 2): void {
  values.forEach((v, i) => {
    if (v !== undefined) sheet.getCell(r, firstCol + i).value = v;
  });
}

/** The raw data sheet: the values the messy formulas read. */
export const MESSY_DATA = {
  // Row 3: spend, with a blank, "n/a", a number stored as text and a boolean.
  spend: [400, null, 'n/a', '450', 380, 410, true, 390, 0, null, 420, 400] as ExcelJS.CellValue[],
  // Row 4: revenue, with text numbers (" 1200 ") and blanks.
  revenue: [1600, 1500, ' 1200 ', 1300, null, 1250, 1100, 'n/a', 1400, null, 1350, 1500] as ExcelJS.CellValue[],
  // Row 7: a value merged across B7:C7 — Excel sees 1000 once, in B7.
  merged: 1000,
};

export function buildMessyWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet('Saisie');
  data.getCell('A1').value = 'Canal';
  data.getCell('B1').value = 'Dépenses et revenus 2025';
  data.mergeCells('B1:M1'); // merged header over the twelve months
  row(data, 2, MONTHS);
  data.getCell('A3').value = 'Google Ads — dépense';
  row(data, 3, MESSY_DATA.spend);
  data.getCell('A4').value = 'Google Ads — CA';
  row(data, 4, MESSY_DATA.revenue);
  data.getCell('A5').value = 'Erreur';
  data.getCell('B5').value = { formula: '1/0' };
  data.getCell('C5').value = { formula: 'NA()' };
  data.getCell('A7').value = 'Fusion';
  data.getCell('B7').value = MESSY_DATA.merged;
  data.mergeCells('B7:C7');
  data.getCell('D7').value = 500;
  // A channel table whose revenue column was never filled in (column C missing).
  data.getCell('A10').value = 'Canal';
  data.getCell('B10').value = 'Dépense';
  ['SEO', 'Ads', 'Salons', 'Emailing'].forEach((name, i) => {
    data.getCell(11 + i, 1).value = name;
    data.getCell(11 + i, 2).value = [300, 200, 0, 100][i];
  });
  // Scalar inputs, some messy.
  data.getCell('A16').value = 'Rétention (texte)';
  data.getCell('B16').value = ' 0.8 ';
  data.getCell('A17').value = 'Rétention (n/a)';
  data.getCell('B17').value = 'n/a';
  data.getCell('A18').value = 'Rapport reçu (vide)';
  data.getCell('A19').value = 'Salaire (texte)';
  data.getCell('B19').value = '90000';
  data.getCell('A20').value = 'Rétention en %';
  data.getCell('B20').value = 80;
  data.getCell('A21').value = 'Profil';
  data.getCell('B21').value = ' Cliquable ';
  data.getCell('A22').value = 'Oui en VRAI';
  data.getCell('B22').value = 'Vrai';

  const checks = workbook.addWorksheet('Contrôles');
  const formulas: string[] = [
    // Text, "n/a", blanks and booleans in amount ranges are skipped, as SUM skips them.
    'MKT.ROI_RATIO(Saisie!B4:M4,Saisie!B3:M3)',
    // Only the top-left cell of a merge has a value.
    'MKT.FEES_TO_SALARY(Saisie!B7:D7,10000)',
    // The revenue column is missing: no revenue, so no channel reaches the floor.
    'MKT.ROI_RATIO(Saisie!C11:C14,Saisie!B11:B14)',
    'MKT.ALLOCATE(1000,Saisie!B11:B14,Saisie!C11:C14)',
    // Formulas pointing at an empty range.
    'MKT.ROI_RATIO(Saisie!Y1:Z10,Saisie!W1:X10)',
    'MKT.BUDGET_TIER(Saisie!Y1:Y10)',
    'MKT.ALLOCATE(Saisie!Y1,Saisie!W1:W4,Saisie!X1:X4)',
    // Scalars: numeric text read, other text refused, a percent typed as 80.
    'MKT.LTV(100,Saisie!B16)',
    'MKT.LTV(100,Saisie!B17)',
    'MKT.LTV(100,Saisie!B20)',
    'MKT.ROI_BAND(Saisie!B3:M3)',
    // A number stored as text is skipped as an amount: salary 0 divides by zero.
    'MKT.INTERNALISE_SIGNAL(Saisie!B18,Saisie!B3:M3,Saisie!B19)',
    // Blank yes/no is FALSE; omitted takes the default TRUE.
    'MKT.PILOT_VERDICT(3,1,,Saisie!B18)',
    'MKT.PILOT_VERDICT(3,1)',
    'MKT.PILOT_VERDICT(4,0.9,2,Saisie!B22)',
    'MKT.PILOT_VERDICT(Saisie!B17,1)',
    // Errors in the sheet pass through unchanged.
    'MKT.ROI_RATIO(Saisie!B5,100)',
    'MKT.ROI_RATIO(Saisie!B5:C5,100)',
    'MKT.ROI_BAND(Saisie!C5)',
    // Texts are trimmed and case-insensitive; unknown ones are refused.
    'MKT.BUDGET_TIER(1200,Saisie!B21)',
    'MKT.BUDGET_TIER(1200,"premium")',
    'MKT.LABEL(" target ","EN")',
    'MKT.LABEL("TARGET","de")',
    // ALLOCATE over a row with blanks and text: one amount per cell, spilled down.
    'MKT.ALLOCATE(12000,Saisie!B3:M3,Saisie!B4:M4,2)',
    'MKT.ALLOCATE(1000,Saisie!B3:M3,Saisie!B4:L4)',
    // Empty arguments are omitted ones.
    'MKT.ROI_BAND(4,,)',
    'MKT.BREAKEVEN_FEES(Saisie!B19:B20,)',
    'MKT.RETENTION_LEVER(50,0.95,100)',
    'MKT.RETENTION_LEVER(50,0.3,0)',
  ];
  checks.getCell('A1').value = 'Formule';
  checks.getCell('B1').value = 'Résultat';
  let r = 2;
  for (const formula of formulas) {
    checks.getCell(r, 1).value = formula;
    checks.getCell(r, 2).value = { formula };
    // Leave room below for arrays to spill.
    r += formula.startsWith('MKT.ALLOCATE') ? 13 : 1;
  }
  // A shared formula, as Excel writes one filled down: the copies are translated.
  checks.getCell('D2').value = { formula: 'MKT.ROI_RATIO(Saisie!B4,Saisie!B3)' };
  for (let i = 1; i < 6; i++) checks.getCell(2 + i, 4).value = { sharedFormula: 'D2' } as ExcelJS.CellValue;
  return workbook;
}

/** A summary sheet and an MKT formula over a sheet that is entirely empty. */
export function buildEmptyDataWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Vide');
  const sheet = workbook.addWorksheet('Synthèse');
  sheet.getCell('A1').value = { formula: "MKT.ROI_RATIO('Vide'!A1:A12,'Vide'!B1:B12)" };
  sheet.getCell('A2').value = { formula: "MKT.FEES_TO_SALARY('Vide'!A1:L1,'Vide'!A2)" };
  sheet.getCell('A3').value = { formula: "MKT.INTERNALISE_SCORE('Vide'!C1,'Vide'!A1:L1,50000,'Vide'!D1)" };
  sheet.getCell('A4').value = { formula: "MKT.LABEL('Vide'!A1)" };
  return workbook;
}
