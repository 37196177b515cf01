/**
 * budget-pme-qc.xlsx: a Québec SME (IT services in Montréal, CAD) — whether to bring marketing
 * in-house, customer lifetime value and the better lever, allocation by return (average and
 * marginal), and a three-month agency pilot. The figures are invented; they are chosen to show each outcome.
 */
import ExcelJS from 'exceljs';
import { column, FORMATS, MONTHS_FR, NOT_ENTERED, SheetBuilder, variance } from './sheet-builder';

function readMe(sheet: SheetBuilder): void {
  const lines: Array<[string, { bold?: boolean; size?: number; italic?: boolean }?]> = [
    ['Exemple MKT — marketing d’une PME québécoise (services TI à Montréal, en dollars canadiens)', { bold: true, size: 14 }],
    ['Les chiffres sont inventés. Remplacez-les par les vôtres : les formules se recalculent.'],
    [''],
    ['Ce que vous pouvez changer (cellules sur fond jaune)', { bold: true }],
    ['• « Internalisation » : heures par semaine de travail commun marketing-ventes-produit (B3), salaire chargé annuel (B4),'],
    ['  besoin d’itérer vite sur les données (B5 : oui ou non) et les honoraires externes mois par mois (lignes 8 et 9).'],
    ['  Sous les signaux, le budget d’honoraires prévu mois par mois (ligne 19) : l’écart réel − prévu se calcule en dollars et en %.'],
    ['• « Clients » : par segment, la marge brute annuelle par client, la rétention annuelle (0,85 = 85 %), le taux d’actualisation et le CAC.'],
    ['• « Arbitrage » : le budget annuel à répartir (B3), le plancher de rendement du capital investi, RCI (B4),'],
    ['  et, par canal, les dépenses et revenus de l’an dernier.'],
    ['• « Arbitrage marginal » : la marge brute (B3), le budget mensuel (B4), le plafond (B5) et, par canal, 12 mois de dépenses et de revenus.'],
    ['• « Pilote » : l’objectif mensuel de leads (B3) et, chaque mois du pilote, les leads, les honoraires, les revenus et si le rapport a été reçu.'],
    [''],
    ['Ce que calculent les formules', { bold: true }],
    ['• MKT.FEES_TO_SALARY, MKT.BREAKEVEN_FEES, MKT.INTERNALISE_SCORE, MKT.INTERNALISE_SIGNAL : les trois signaux d’internalisation'],
    ['  (40 h/semaine ou plus ; honoraires à 60 % du salaire chargé ou plus ; besoin de données) — 2 ou 3 signaux : internaliser.'],
    ['• MKT.LTV : valeur vie client ; MKT.RETENTION_LEVER : quel levier améliore le plus LTV ÷ CAC, +10 % de rétention ou −10 % de CAC.'],
    ['• MKT.ALLOCATE : répartit le budget entre les canaux selon leur rendement (RCI = revenus ÷ dépense) ; un canal sous le plancher reçoit 0.'],
    ['• MKT.RESPONSE_FIT, MKT.MARGINAL_ROAS, MKT.OPTIMAL_SPEND, MKT.BREAKEVEN_ROAS, MKT.ALLOCATE_MARGINAL :'],
    ['  une courbe de rendement décroissant par canal, et le budget mensuel placé là où le prochain dollar rapporte le plus,'],
    ['  sans dépasser 1,5 × le meilleur mois.'],
    ['• MKT.PILOT_VERDICT : verdict d’un pilote de 3 mois (trop tôt, arrêter, étendre, prolonger, reprendre à l’interne).'],
    [''],
    ['Bon à savoir', { bold: true }],
    ['• Les fonctions MKT.* ont besoin du complément MKT. Sans lui, Excel affiche les dernières valeurs enregistrées, puis #NOM? au recalcul.'],
    ['• Dans Excel en français, les arguments sont séparés par des points-virgules : =MKT.LTV(B4;C4;D4).'],
    ['• La répartition (Arbitrage!F7:F12) est une formule matricielle : pour changer le nombre de canaux, effacez-la puis saisissez-la à nouveau.'],
    ['• Sans le complément : budget-pme-qc-portable.xlsx fait les mêmes calculs avec les formules ordinaires d’Excel,'],
    ['  et s’ouvre aussi dans LibreOffice ; dans le volet MKT, l’outil « Partager » fait cette copie portable de votre propre classeur.'],
  ];
  lines.forEach(([text, options], i) => sheet.text(`A${i + 1}`, text, options).wrap(`A${i + 1}`));
  sheet.widths({ A: 130 });
}

function internalisation(sheet: SheetBuilder): void {
  sheet.text('A1', 'Faut-il internaliser le marketing ? — Services TI Boréal inc. (exemple)', { bold: true, size: 14 });
  sheet.text('A3', 'Heures par semaine de travail commun marketing, ventes et produit').input('B3', 35, FORMATS.integer);
  sheet.text('A4', 'Salaire chargé annuel d’un·e responsable marketing (Montréal)').input('B4', 118000, FORMATS.cad);
  sheet.text('A5', 'Besoin d’itérer vite sur les données (oui/non)').input('B5', 'oui');

  sheet.header(7, 1, ['Honoraires externes', ...MONTHS_FR, 'Total']);
  const agency = Array.from({ length: 12 }, () => 5200);
  const freelancers = [1500, 1500, null, 1500, null, null, 1500, null, 1500, 1500, null, 1500];
  const rows: Array<[number, string, Array<number | null>]> = [
    [8, 'Agence (mandat mensuel)', agency],
    [9, 'Pigistes (contenu, design)', freelancers],
  ];
  for (const [r, title, values] of rows) {
    sheet.text(`A${r}`, title);
    values.forEach((v, m) => sheet.input(`${column(2 + m)}${r}`, v, FORMATS.cad));
    sheet.formula(`N${r}`, `SUM(B${r}:M${r})`, FORMATS.cad, true);
  }

  sheet.header(11, 1, ['Signal', 'Résultat', 'En clair']);
  sheet.text('A12', 'Honoraires ÷ salaire chargé (signal à partir de 0,60)').formula('B12', 'MKT.FEES_TO_SALARY(B8:M9,B4)', FORMATS.ratio);
  sheet.text('A13', 'Honoraires annuels où le signal s’allume (60 %)').formula('B13', 'MKT.BREAKEVEN_FEES(B4)', FORMATS.cad);
  sheet.text('A14', 'Honoraires annuels de la zone forte (70 %)').formula('B14', 'MKT.BREAKEVEN_FEES(B4,0.7)', FORMATS.cad);
  sheet.text('A15', 'Signaux allumés (0 à 3)').formula('B15', 'MKT.INTERNALISE_SCORE(B3,B8:M9,B4,B5)', FORMATS.integer);
  sheet
    .text('A16', 'Recommandation')
    .formula('B16', 'MKT.INTERNALISE_SIGNAL(B3,B8:M9,B4,B5)')
    .formula('C16', 'MKT.LABEL(B16,"fr-CA")');
  feesBudget(sheet);
  sheet.widths({ A: 62, B: 16, C: 22, N: 12 });
}

/** What the external fees were budgeted at, month by month, against what was paid (rows 8 and 9). */
const FEES_BUDGET = [6700, 6700, 6700, 6700, 6700, 6700, 6700, 6700, 6700, 6700, 6700, 0];

function feesBudget(sheet: SheetBuilder): void {
  const [planned, actual, amount, percent] = [19, 20, 21, 22];
  sheet.header(18, 1, ['Suivi du budget d’honoraires', ...MONTHS_FR, 'Total']);
  sheet.text(`A${planned}`, 'Prévu (budget d’honoraires)').text(`A${actual}`, 'Réel (agence et pigistes)');
  sheet.text(`A${amount}`, 'Écart (réel − prévu)', { bold: true }).text(`A${percent}`, 'Écart en % du prévu', { bold: true });
  FEES_BUDGET.forEach((v, m) => {
    const col = column(2 + m);
    sheet
      .input(`${col}${planned}`, v, FORMATS.cad)
      .formula(`${col}${actual}`, `IF(COUNT(${col}8:${col}9)=0,"${NOT_ENTERED}",SUM(${col}8:${col}9))`, FORMATS.cad)
      .formula(`${col}${amount}`, variance.month(`${col}8:${col}9`, `${col}${actual}`, `${col}${planned}`), FORMATS.cadVariance)
      .formula(`${col}${percent}`, variance.percent(`${col}${amount}`, `${col}${planned}`), FORMATS.percentVariance);
    sheet.sheet.getCell(`${col}${actual}`).alignment = { horizontal: 'right' };
  });
  sheet.formula(`N${planned}`, `SUM(B${planned}:M${planned})`, FORMATS.cad, true).formula(`N${actual}`, `SUM(B${actual}:M${actual})`, FORMATS.cad, true);
  const months = `B${amount}:M${amount}`;
  sheet.formula(`N${amount}`, variance.total(months), FORMATS.cadVariance, true);
  sheet.formula(`N${percent}`, variance.percent(`N${amount}`, variance.plannedToDate(months, `B${planned}:M${planned}`)), FORMATS.percentVariance, true);
  sheet.text(
    `A${percent + 1}`,
    '« – » : mois pas encore saisi ; « n.s. » (non significatif) : rien n’était prévu ce mois-là. Le total compare le réel au prévu des mois saisis seulement.',
    { italic: true },
  );
}

function clients(sheet: SheetBuilder): void {
  sheet.text('A1', 'Valeur vie client et meilleur levier (par an)', { bold: true, size: 14 });
  sheet.header(3, 1, [
    'Segment',
    'Marge brute annuelle par client',
    'Rétention annuelle',
    'Taux d’actualisation',
    'Coût d’acquisition (CAC)',
    'LTV',
    'LTV ÷ CAC',
    'Meilleur levier',
    'En clair',
  ]);
  const segments: Array<[string, number, number, number, number]> = [
    ['Contrats de soutien TI (récurrents)', 4800, 0.85, 0.08, 3200],
    ['Abonnements infonuagiques', 1200, 0.9, 0.08, 900],
    ['Projets ponctuels', 2500, 0.3, 0.08, 1800],
  ];
  segments.forEach(([name, margin, retention, discount, cac], i) => {
    const r = 4 + i;
    sheet
      .text(`A${r}`, name)
      .input(`B${r}`, margin, FORMATS.cad)
      .input(`C${r}`, retention, FORMATS.percent)
      .input(`D${r}`, discount, FORMATS.percent)
      .input(`E${r}`, cac, FORMATS.cad)
      .formula(`F${r}`, `MKT.LTV(B${r},C${r},D${r})`, FORMATS.cad)
      .formula(`G${r}`, `F${r}/E${r}`, FORMATS.ratio)
      .formula(`H${r}`, `MKT.RETENTION_LEVER(B${r},C${r},E${r})`)
      .formula(`I${r}`, `MKT.LABEL(H${r},"fr-CA")`);
  });
  sheet.text('A8', 'Le levier compare LTV ÷ CAC avec +10 % de rétention ou −10 % de CAC, sans actualisation.', { italic: true });
  sheet.widths({ A: 36, B: 16, C: 12, D: 14, E: 16, F: 12, G: 11, H: 16, I: 14 });
}

function arbitrage(sheet: SheetBuilder): void {
  sheet.text('A1', 'Arbitrage — chaque dollar là où il rapporte le plus', { bold: true, size: 14 });
  sheet.text('A3', 'Budget marketing annuel à répartir').input('B3', 150000, FORMATS.cad);
  sheet.text('A4', 'Plancher de rendement, RCI (un canal en dessous reçoit 0)').input('B4', 3, FORMATS.ratio);
  sheet.header(6, 1, ['Canal', 'Dépense l’an dernier', 'Revenus attribués', 'Rendement (RCI)', 'Position', 'Répartition proposée', 'Écart', 'En clair']);
  const channels: Array<[string, number, number]> = [
    ['LinkedIn Ads', 38000, 140000],
    ['Google Ads', 30000, 72000],
    ['Salons (Salon PME Montréal)', 25000, 60000],
    ['Contenu et SEO', 18000, 110000],
    ['Webinaires', 9000, 40000],
    ['Infolettre', 4000, 30000],
  ];
  channels.forEach(([name, spend, revenue], i) => {
    const r = 7 + i;
    sheet
      .text(`A${r}`, name)
      .input(`B${r}`, spend, FORMATS.cad)
      .input(`C${r}`, revenue, FORMATS.cad)
      .formula(`D${r}`, `MKT.ROI_RATIO(C${r},B${r})`, FORMATS.ratio)
      .formula(`E${r}`, `MKT.ROI_BAND(D${r})`)
      .formula(`G${r}`, `F${r}-B${r}`, FORMATS.cadVariance)
      .formula(`H${r}`, `MKT.LABEL(E${r},"fr-CA")`);
    sheet.sheet.getCell(`F${r}`).numFmt = FORMATS.cad;
  });
  const last = 6 + channels.length;
  sheet.formula('F7', `MKT.ALLOCATE(B3,B7:B${last},C7:C${last},B4)`, FORMATS.cad);
  sheet
    .text(`A${last + 1}`, 'Total', { bold: true })
    .formula(`B${last + 1}`, `SUM(B7:B${last})`, FORMATS.cad, true)
    .formula(`C${last + 1}`, `SUM(C7:C${last})`, FORMATS.cad, true)
    .formula(`D${last + 1}`, `MKT.ROI_RATIO(C7:C${last},B7:B${last})`, FORMATS.ratio)
    .formula(`F${last + 1}`, `SUM(F7:F${last})`, FORMATS.cad, true)
    .formula(`G${last + 1}`, `F${last + 1}-B${last + 1}`, FORMATS.cadVariance, true);
  sheet.widths({ A: 48, B: 20, C: 18, D: 16, E: 11, F: 20, G: 12, H: 22 });
}

/**
 * Monthly history of six channels, invented around a curve revenue = a × spend^b per channel,
 * with some scatter; the trade show runs 4 months a year and the newsletter started in September,
 * so both stay LINEAR (too few months).
 */
const MARGINAL_CHANNELS: Array<[string, Array<number | null>, Array<number | null>]> = [
  ['LinkedIn Ads', [2400, 2600, 3100, 3400, 2200, 1800, 1600, 2900, 3800, 4200, 3900, 2500], [8900, 9800, 10600, 11300, 8700, 7500, 7100, 10300, 12400, 12700, 12300, 9400]],
  ['Google Ads', [2000, 2100, 2400, 2600, 2300, 1900, 1700, 2200, 2800, 3100, 3300, 2500], [5900, 6300, 6900, 7600, 6700, 5900, 5100, 6600, 8000, 8600, 9000, 7200]],
  ['Salons (Salon PME Montréal)', [0, 0, 6500, 0, 0, 4000, 0, 0, 7000, 0, 0, 4500], [0, 0, 17000, 0, 0, 9500, 0, 0, 18500, 0, 0, 11000]],
  ['Contenu et SEO', [1400, 1500, 1500, 1600, 1400, 1200, 1000, 1300, 1700, 1800, 1900, 1500], [9100, 9700, 9400, 10100, 9300, 8500, 7600, 8900, 10200, 10700, 10600, 9600]],
  ['Webinaires', [600, 700, 900, 800, 500, 400, 0, 600, 900, 1000, 1100, 700], [3000, 3300, 3800, 3600, 2700, 2200, 0, 3000, 3900, 4100, 4300, 3300]],
  ['Infolettre', [null, null, null, null, null, null, null, null, 300, 350, 320, 330], [null, null, null, null, null, null, null, null, 2400, 2700, 2500, 2600]],
];

function marginalArbitrage(sheet: SheetBuilder): void {
  sheet.text('A1', 'Arbitrage au rendement marginal — chaque dollar là où le prochain rapporte le plus (par mois)', { bold: true, size: 14 });
  sheet.text('A3', 'Marge brute (part du revenu qui reste après les coûts directs)').input('B3', 0.45, FORMATS.percent);
  sheet.text('A4', 'Budget marketing mensuel à répartir').input('B4', 13000, FORMATS.cad);
  sheet.text('A5', 'Plafond par canal (× son meilleur mois)').input('B5', 1.5, FORMATS.ratio);
  sheet.text('A6', 'ROAS d’équilibre (en dessous, le dernier dollar ne rapporte pas sa marge)').formula('B6', 'MKT.BREAKEVEN_ROAS(B3)', FORMATS.ratio);
  const n = MARGINAL_CHANNELS.length;
  const spendTop = 8;
  const revenueTop = spendTop + n + 2;
  const resultTop = revenueTop + n + 2;
  sheet.header(spendTop - 1, 1, ['Dépenses mensuelles', ...MONTHS_FR]);
  sheet.header(revenueTop - 1, 1, ['Revenus attribués mensuels', ...MONTHS_FR]);
  MARGINAL_CHANNELS.forEach(([name, spend, revenue], i) => {
    sheet.text(`A${spendTop + i}`, name).text(`A${revenueTop + i}`, name);
    spend.forEach((v, m) => sheet.input(`${column(2 + m)}${spendTop + i}`, v, FORMATS.cad));
    revenue.forEach((v, m) => sheet.input(`${column(2 + m)}${revenueTop + i}`, v, FORMATS.cad));
  });
  // The words of the curve (F) run over the two empty columns beside them: the month columns
  // above keep one width, and a label in them would be cut.
  sheet.header(resultTop - 1, 1, [
    'Canal',
    'a',
    'b',
    'r²',
    'Courbe',
    'En clair',
    '',
    '',
    'Dépense mensuelle moyenne',
    'Dépense proposée par mois',
    'ROAS marginal actuel',
    'ROAS marginal proposé',
    'Dépense optimale (à la marge brute)',
  ]);
  const spendRows = `B${spendTop}:M${spendTop + n - 1}`;
  const revenueRows = `B${revenueTop}:M${revenueTop + n - 1}`;
  MARGINAL_CHANNELS.forEach(([name], i) => {
    const r = resultTop + i;
    const s = spendTop + i;
    const fit = `B${r}:E${r}`;
    sheet
      .text(`A${r}`, name)
      .formula(`B${r}`, `MKT.RESPONSE_FIT(B${s}:M${s},B${revenueTop + i}:M${revenueTop + i})`)
      .formula(`F${r}`, `MKT.LABEL(E${r},"fr-CA")`)
      // Today's monthly spend, RULES.md's one definition: total ÷ months of the history.
      .formula(`I${r}`, `SUM(B${s}:M${s})/COLUMNS(B${s}:M${s})`, FORMATS.cad)
      .formula(`K${r}`, `MKT.MARGINAL_ROAS(${fit},I${r})`, FORMATS.ratio)
      .formula(`L${r}`, `MKT.MARGINAL_ROAS(${fit},J${r})`, FORMATS.ratio);
    // A LINEAR channel (b = 1) has no finite optimum: OPTIMAL_SPEND would be #NUM!.
    const linear = MARGINAL_CHANNELS[i][1].filter((v) => v !== null && v > 0).length < 6;
    if (linear) sheet.text(`M${r}`, 'aucune (rendement constant)', { italic: true });
    else sheet.formula(`M${r}`, `MKT.OPTIMAL_SPEND(${fit},$B$3)`, FORMATS.cad);
    for (const c of ['B', 'C', 'D']) sheet.sheet.getCell(`${c}${r}`).numFmt = c === 'B' ? '0.00' : '0.000';
    sheet.sheet.getCell(`J${r}`).numFmt = FORMATS.cad;
  });
  sheet.formula(`J${resultTop}`, `MKT.ALLOCATE_MARGINAL(B4,${spendRows},${revenueRows},B5)`, FORMATS.cad);
  const total = resultTop + n;
  sheet
    .text(`A${total}`, 'Total', { bold: true })
    .formula(`I${total}`, `SUM(I${resultTop}:I${total - 1})`, FORMATS.cad, true)
    .formula(`J${total}`, `SUM(J${resultTop}:J${total - 1})`, FORMATS.cad, true);
  sheet.text(
    `A${total + 1}`,
    'b : chaque doublement de la dépense multiplie le revenu par 2^b (b = 0,5 : ×1,41). Un canal n’est jamais poussé au-delà du plafond × son meilleur mois.',
    { italic: true },
  );
  sheet.text(`A${total + 2}`, 'Rendement constant : moins de 6 mois utiles, trop peu de variation des dépenses, ou une pente non décroissante — le ratio moyen est alors la réponse honnête.', { italic: true });
  sheet.widths({ A: 48, N: 20 });
}

function pilot(sheet: SheetBuilder): void {
  sheet.text('A1', 'Pilote de 3 mois avec une agence — suivi mensuel', { bold: true, size: 14 });
  sheet.text('A3', 'Objectif mensuel de leads qualifiés').input('B3', 40, FORMATS.integer);
  sheet.header(5, 1, [
    'Mois du pilote',
    'Leads obtenus',
    'Leads cumulés',
    'Objectif cumulé',
    'Atteinte (1 = 100 %)',
    'Honoraires du mois',
    'Revenus attribués du mois',
    'RCI cumulé',
    'Rapport reçu ? (oui/non)',
    'Verdict',
    'En clair',
  ]);
  const months: Array<[number, number, number, string]> = [
    [25, 4500, 9000, 'oui'],
    [38, 4500, 14000, 'oui'],
    [52, 4500, 21000, 'oui'],
    [61, 4500, 26000, 'oui'],
  ];
  months.forEach(([leads, fees, revenue, report], i) => {
    const r = 6 + i;
    sheet
      .text(`A${r}`, i + 1)
      .input(`B${r}`, leads, FORMATS.integer)
      .formula(`C${r}`, `SUM(B$6:B${r})`, FORMATS.integer)
      .formula(`D${r}`, `$B$3*A${r}`, FORMATS.integer)
      .formula(`E${r}`, `C${r}/D${r}`, FORMATS.ratio)
      .input(`F${r}`, fees, FORMATS.cad)
      .input(`G${r}`, revenue, FORMATS.cad)
      .formula(`H${r}`, `MKT.ROI_RATIO(G$6:G${r},F$6:F${r})`, FORMATS.ratio)
      .input(`I${r}`, report)
      .formula(`J${r}`, `MKT.PILOT_VERDICT(A${r},E${r},H${r},I${r})`)
      .formula(`K${r}`, `MKT.LABEL(J${r},"fr-CA")`);
  });
  sheet.text('A11', 'Un rapport non reçu (non) donne STOP ; avant 3 mois, le verdict est TOO_EARLY.', { italic: true });
  sheet.widths({ A: 14, B: 12, C: 12, D: 12, E: 14, F: 14, G: 16, H: 11, I: 14, J: 12, K: 20 });
}

export function buildPmeWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  readMe(new SheetBuilder(workbook.addWorksheet('À lire')));
  internalisation(new SheetBuilder(workbook.addWorksheet('Internalisation')));
  clients(new SheetBuilder(workbook.addWorksheet('Clients')));
  arbitrage(new SheetBuilder(workbook.addWorksheet('Arbitrage')));
  marginalArbitrage(new SheetBuilder(workbook.addWorksheet('Arbitrage marginal')));
  pilot(new SheetBuilder(workbook.addWorksheet('Pilote')));
  return workbook;
}
