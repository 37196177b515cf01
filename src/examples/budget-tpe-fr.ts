/**
 * budget-tpe-fr.xlsx: a French micro-business (a florist in Lyon, euros) — channels as rows,
 * twelve months, planned vs actual spend and attributed revenue, and a decision sheet.
 * The figures are invented; they are chosen to show each outcome of the functions.
 */
import ExcelJS from 'exceljs';
import { codeTable, column, FORMATS, MONTHS_FR, PROFILE_WORDS_FR, SheetBuilder, variance, wordsOf } from './sheet-builder';

interface Channel {
  name: string;
  planned: number[];
  actual: Array<number | null>;
  revenue: Array<number | null>;
}

// A florist's year: Valentine's day, Mother's day and Christmas weigh most.
const SEASON = [0.8, 1.6, 0.9, 1.0, 1.5, 1.0, 0.8, 0.6, 0.9, 1.0, 1.1, 1.4];
const MONTHS_ENTERED = 10; // actuals known up to October; November and December still blank

function monthly(base: number, drift: number[] = []): number[] {
  return SEASON.map((factor, m) => Math.round((base * factor * (1 + (drift[m] ?? 0))) / 10) * 10);
}

function entered(values: number[]): Array<number | null> {
  return values.map((v, m) => (m < MONTHS_ENTERED ? v : null));
}

const CHANNELS: Channel[] = [
  {
    name: 'SEO local et fiche Google',
    planned: monthly(150).map(() => 150),
    actual: entered(monthly(150).map((_, m) => (m === 3 ? 290 : 150))),
    revenue: entered(monthly(900)),
  },
  {
    name: 'Instagram et Facebook',
    planned: monthly(300),
    actual: entered(monthly(300, [0.1, 0.05, 0, 0.1, 0.15, 0, 0, 0, 0.05, 0.1])),
    revenue: entered(monthly(1000)),
  },
  {
    name: 'Google Ads',
    planned: monthly(400),
    actual: entered(monthly(420)),
    revenue: entered(monthly(980)),
  },
  {
    name: 'Emailing (newsletter)',
    planned: monthly(50).map(() => 50),
    actual: entered(monthly(50).map(() => 49)),
    revenue: entered(monthly(400)),
  },
  {
    name: 'Flyers et salons',
    planned: [0, 350, 0, 0, 300, 0, 0, 0, 250, 0, 0, 400],
    actual: entered([0, 380, 0, 0, 320, 0, 0, 0, 260, 0, 0, 0]),
    revenue: entered([0, 600, 0, 0, 450, 0, 0, 0, 300, 0, 0, 0]),
  },
];

const FIRST_MONTH_COL = 3; // C
const TOTAL = column(FIRST_MONTH_COL + 12); // O
const ROI = column(FIRST_MONTH_COL + 13); // P
const BAND = column(FIRST_MONTH_COL + 14); // Q
const WORDS = column(FIRST_MONTH_COL + 15); // R
const FIRST = column(FIRST_MONTH_COL); // C
const LAST = column(FIRST_MONTH_COL + 11); // N

/** Where the profiles' words stand on « Décision », below the allocation. */
const PROFILES_TOP = 24;
const PROFILES_TABLE = `$A$${PROFILES_TOP + 1}:$B$${PROFILES_TOP + PROFILE_WORDS_FR.length}`;

function readMe(sheet: SheetBuilder): void {
  const lines: Array<[string, { bold?: boolean; size?: number; italic?: boolean }?]> = [
    ['Exemple MKT — budget marketing d’une TPE (fleuriste à Lyon, en euros)', { bold: true, size: 14 }],
    ['Les chiffres sont inventés. Remplacez-les par les vôtres : les formules se recalculent.'],
    [''],
    ['Ce que vous pouvez changer (cellules sur fond jaune)', { bold: true }],
    ['• Feuille « Budget » : une ligne par canal et par nature — Prévu, Réel, CA attribué — et une colonne par mois (janv. à déc.).'],
    ['  Laissez vide un mois pas encore connu : les cellules vides et le texte sont ignorés, comme par SOMME.'],
    ['• Feuille « Décision » : le profil de l’entreprise (B5, choisi dans la liste ; ses mots s’affichent à côté, tirés du tableau sous la répartition),'],
    ['  le budget annuel à répartir l’an prochain (B12) et le plancher de ROI en dessous duquel un canal ne reçoit rien (B13).'],
    [''],
    ['Ce que calculent les formules', { bold: true }],
    ['• Sous les totaux de « Budget » : l’écart réel − prévu de chaque mois, en euros et en % du prévu'],
    ['  (+ : dépensé au-delà du prévu ; − en rouge : en deçà), et pour l’année le réel comparé au prévu des seuls mois saisis.'],
    ['• MKT.ROI_RATIO : CA ÷ dépenses (4 = 4 € de CA pour 1 € dépensé) ;'],
    ['  MKT.ROI_BAND : sous la cible (< 3), dans la cible (3 à 5), au-dessus (> 5).'],
    ['• MKT.BUDGET_TIER : palier d’externalisation selon le budget mensuel (moins de 500 €, 500 à 1 500 €, 1 500 à 4 000 €, au-delà).'],
    ['• MKT.ALLOCATE : répartit le budget entre les canaux selon leur ROI ; un canal sous le plancher reçoit 0 (colonne G de « Décision »).'],
    ['• MKT.LABEL : met un code (TARGET, PARTIAL…) en mots, en français ("fr") ou en anglais ("en").'],
    [''],
    ['Bon à savoir', { bold: true }],
    ['• Les fonctions MKT.* ont besoin du complément MKT. Sans lui, Excel affiche les dernières valeurs enregistrées, puis #NOM? au recalcul.'],
    ['• Dans Excel en français, les arguments sont séparés par des points-virgules : =MKT.ROI_RATIO(C7:N7;C6:N6).'],
    ['• La répartition (Décision!G16:G20) est une formule matricielle : pour changer le nombre de canaux, effacez-la puis saisissez-la à nouveau.'],
    ['• Sans le complément : budget-tpe-fr-portable.xlsx fait les mêmes calculs avec les formules ordinaires d’Excel,'],
    ['  et s’ouvre aussi dans LibreOffice ; dans le volet MKT, l’outil « Partager » fait cette copie portable de votre propre classeur.'],
  ];
  lines.forEach(([text, options], i) => sheet.text(`A${i + 1}`, text, options).wrap(`A${i + 1}`));
  sheet.widths({ A: 130 });
}

function budget(sheet: SheetBuilder): void {
  sheet.text('A1', 'Budget marketing 2025 — Atelier Lumière, fleuriste (exemple)', { bold: true, size: 14 });
  sheet.text('A2', 'Montants en euros HT. Réel et CA attribué : saisis jusqu’en octobre.', { italic: true });
  sheet.header(4, 1, ['Canal', 'Ligne', ...MONTHS_FR, 'Total', 'ROI (CA ÷ réel)', 'Position', 'En clair']);
  let row = 5;
  for (const channel of CHANNELS) {
    const [planned, actual, revenue] = [row, row + 1, row + 2];
    sheet.text(`A${planned}`, channel.name, { bold: true });
    sheet.sheet.mergeCells(`A${planned}:A${revenue}`);
    sheet.sheet.getCell(`A${planned}`).alignment = { vertical: 'middle', wrapText: true };
    sheet.text(`B${planned}`, 'Prévu').text(`B${actual}`, 'Réel').text(`B${revenue}`, 'CA attribué');
    const lines: Array<[number, Array<number | null>]> = [
      [planned, channel.planned],
      [actual, channel.actual],
      [revenue, channel.revenue],
    ];
    for (const [r, values] of lines) {
      values.forEach((v, m) => {
        const address = `${column(FIRST_MONTH_COL + m)}${r}`;
        if (v === null) sheet.input(address, null, FORMATS.eur);
        else sheet.input(address, v, FORMATS.eur);
      });
      sheet.formula(`${TOTAL}${r}`, `SUM(${FIRST}${r}:${LAST}${r})`, FORMATS.eur, true);
    }
    sheet.formula(`${ROI}${actual}`, `MKT.ROI_RATIO(${FIRST}${revenue}:${LAST}${revenue},${FIRST}${actual}:${LAST}${actual})`, FORMATS.ratio);
    sheet.formula(`${BAND}${actual}`, `MKT.ROI_BAND(${ROI}${actual})`);
    sheet.formula(`${WORDS}${actual}`, `MKT.LABEL(${BAND}${actual},"fr")`);
    sheet.ruleBelow(revenue, 1, FIRST_MONTH_COL + 15);
    row += 3;
  }
  const totals: Array<[string, number]> = [
    ['Total prévu', 0],
    ['Total réel', 1],
    ['Total CA attribué', 2],
  ];
  totals.forEach(([title, offset], i) => {
    const r = row + i;
    sheet.text(`A${r}`, title, { bold: true });
    for (let m = 0; m <= 12; m++) {
      const col = column(FIRST_MONTH_COL + m);
      const cells = CHANNELS.map((_, c) => `${col}${5 + 3 * c + offset}`).join(',');
      sheet.formula(`${col}${r}`, `SUM(${cells})`, FORMATS.eur, true);
    }
  });
  varianceRows(sheet, row);
  sheet.widths({ A: 28, B: 13, [TOTAL]: 11, [ROI]: 15, [BAND]: 11, [WORDS]: 22 });
  for (let m = 0; m < 12; m++) sheet.sheet.getColumn(FIRST_MONTH_COL + m).width = 9;
  sheet.sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
}

/**
 * Below the totals (rows `totalsRow` … +2: prévu, réel, CA), the variance of the actual spend
 * against the plan, month by month and for the months entered so far.
 */
function varianceRows(sheet: SheetBuilder, totalsRow: number): void {
  const [planned, actual, amount, percent] = [totalsRow, totalsRow + 1, totalsRow + 3, totalsRow + 4];
  sheet.text(`A${amount}`, 'Écart (réel − prévu)', { bold: true }).text(`A${percent}`, 'Écart en % du prévu', { bold: true });
  for (let m = 0; m < 12; m++) {
    const col = column(FIRST_MONTH_COL + m);
    const actualCells = CHANNELS.map((_, c) => `${col}${5 + 3 * c + 1}`).join(',');
    sheet.formula(`${col}${amount}`, variance.month(actualCells, `${col}${actual}`, `${col}${planned}`), FORMATS.eurVariance);
    sheet.formula(`${col}${percent}`, variance.percent(`${col}${amount}`, `${col}${planned}`), FORMATS.percentVariance);
  }
  const months = `${FIRST}${amount}:${LAST}${amount}`;
  sheet.formula(`${TOTAL}${amount}`, variance.total(months), FORMATS.eurVariance, true);
  sheet.formula(`${TOTAL}${percent}`, variance.percent(`${TOTAL}${amount}`, variance.plannedToDate(months, `${FIRST}${planned}:${LAST}${planned}`)), FORMATS.percentVariance, true);
  sheet.text(`A${percent + 1}`, '« – » : mois pas encore saisi ; « n.s. » (non significatif) : rien n’était prévu. La colonne Total compare le réel au prévu des mois saisis seulement.', { italic: true });
}

function decision(sheet: SheetBuilder, totalsRow: number): void {
  const [plannedTotal, actualTotal, revenueTotal] = [totalsRow, totalsRow + 1, totalsRow + 2];
  sheet.text('A1', 'Décision — faut-il externaliser, et où mettre chaque euro ?', { bold: true, size: 14 });
  sheet.text('A3', 'Budget mensuel prévu (moyenne sur 12 mois)').formula('B3', `Budget!${TOTAL}${plannedTotal}/12`, FORMATS.eur);
  sheet
    .text('A4', 'Budget mensuel réel (moyenne des mois saisis)')
    .formula('B4', `Budget!${TOTAL}${actualTotal}/COUNTIF(Budget!${FIRST}${actualTotal}:${LAST}${actualTotal},">0")`, FORMATS.eur);
  sheet.text('A5', 'Profil (choisissez dans la liste)').input('B5', 'local_faible_marge');
  sheet.formula('C5', wordsOf('B5', PROFILES_TABLE));

  sheet.header(6, 1, ['', 'Code', 'En clair']);
  sheet.text('A7', 'Palier d’externalisation (budget prévu)').formula('B7', 'MKT.BUDGET_TIER(B3,B5)').formula('C7', 'MKT.LABEL(B7,"fr")');
  sheet.text('A8', 'Palier d’externalisation (budget réel)').formula('B8', 'MKT.BUDGET_TIER(B4,B5)').formula('C8', 'MKT.LABEL(B8,"fr")');
  sheet
    .text('A10', 'ROI global (CA attribué ÷ dépenses réelles)')
    .formula('B10', `MKT.ROI_RATIO(Budget!${FIRST}${revenueTotal}:${LAST}${revenueTotal},Budget!${FIRST}${actualTotal}:${LAST}${actualTotal})`, FORMATS.ratio)
    .formula('C10', 'MKT.ROI_BAND(B10)')
    .formula('D10', 'MKT.LABEL(C10,"fr")');

  sheet.text('A12', 'Budget annuel à répartir l’an prochain').input('B12', 12000, FORMATS.eur);
  sheet.text('A13', 'Plancher de ROI (un canal en dessous reçoit 0)').input('B13', 3, FORMATS.ratio);

  sheet.header(15, 1, ['Canal', 'Dépense réelle', 'CA attribué', 'ROI', 'Position', 'En clair', 'Répartition proposée', 'Écart vs réel']);
  CHANNELS.forEach((_, i) => {
    const r = 16 + i;
    const budgetRow = 5 + 3 * i;
    sheet
      .formula(`A${r}`, `Budget!A${budgetRow}`)
      .formula(`B${r}`, `Budget!${TOTAL}${budgetRow + 1}`, FORMATS.eur)
      .formula(`C${r}`, `Budget!${TOTAL}${budgetRow + 2}`, FORMATS.eur)
      .formula(`D${r}`, `MKT.ROI_RATIO(C${r},B${r})`, FORMATS.ratio)
      .formula(`E${r}`, `MKT.ROI_BAND(D${r})`)
      .formula(`F${r}`, `MKT.LABEL(E${r},"fr")`)
      .formula(`H${r}`, `G${r}-B${r}`, FORMATS.eurVariance);
    sheet.sheet.getCell(`G${r}`).numFmt = FORMATS.eur;
  });
  const last = 15 + CHANNELS.length;
  sheet.formula('G16', `MKT.ALLOCATE(B12,B16:B${last},C16:C${last},B13)`, FORMATS.eur);
  const total = last + 1;
  sheet
    .text(`A${total}`, 'Total', { bold: true })
    .formula(`B${total}`, `SUM(B16:B${last})`, FORMATS.eur, true)
    .formula(`C${total}`, `SUM(C16:C${last})`, FORMATS.eur, true)
    .formula(`G${total}`, `SUM(G16:G${last})`, FORMATS.eur, true)
    .formula(`H${total}`, `G${total}-B${total}`, FORMATS.eurVariance, true);
  codeTable(sheet, PROFILES_TOP, 'Profil (code)', PROFILE_WORDS_FR);
  sheet.widths({ A: 52, B: 20, C: 26, D: 22, E: 11, F: 22, G: 20, H: 14 });
}

export function buildTpeWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  readMe(new SheetBuilder(workbook.addWorksheet('À lire')));
  budget(new SheetBuilder(workbook.addWorksheet('Budget')));
  decision(new SheetBuilder(workbook.addWorksheet('Décision')), 5 + 3 * CHANNELS.length);
  return workbook;
}
