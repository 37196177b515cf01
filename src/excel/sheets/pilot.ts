/** The Pilote sheet: three months of targets and actuals, the achievement and `MKT.PILOT_VERDICT`. */
import { labelLanguage, labelsFor } from '../words/sheets';
import { INTEGER_FORMAT, PERCENT_FORMAT } from '../common/sheet-utils';
import { CellData, fill, formulasAt, literal, PlanInputError, SheetPlan, textAt } from './plan';
import type { PilotInput } from '../types';

export function pilotPlan({ profile, kpiName, monthlyTargets, useRoi = false }: PilotInput): SheetPlan {
  const L = labelsFor(profile);
  const lang = literal(labelLanguage(profile));
  const yesNo = profile.lang === 'fr' ? 'oui,non' : 'yes,no';
  // A target must be above 0 (an achievement is actual ÷ target).
  for (const t of monthlyTargets) if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0) throw new PlanInputError('badNumber', { field: L.target });
  // Months in rows 5–7 (1-based): A month, B target, C actual, D achievement, E reporting, F ROI.
  // A target the user later sets to 0 in the sheet leaves the achievement and the verdict blank,
  // never #DIV/0!.
  const months = [1, 2, 3].map((m, i): CellData[] => [m, monthlyTargets[i]]);
  const achievement = [5, 6, 7].map((r): CellData[] => [`=IF(OR(C${r}="",B${r}=0),"",C${r}/B${r})`]);
  // The pilot's thresholds come from the assumptions sheet's names.
  const thresholds = 'MKT_PILOT_MONTHS,MKT_EXPAND_KPI,MKT_EXTEND_KPI,MKT_ROI_LOW';
  const verdict = useRoi
    ? `=IF(B10="","",IF(COUNT(F5:F7)=0,MKT.PILOT_VERDICT(B9,B10,,B11,${thresholds}),MKT.PILOT_VERDICT(B9,B10,AVERAGE(F5:F7),B11,${thresholds})))`
    : `=IF(B10="","",MKT.PILOT_VERDICT(B9,B10,,B11,${thresholds}))`;
  const summary: Array<[string, string, string]> = [
    [L.monthsElapsed, '=COUNT(C5:C7)', INTEGER_FORMAT],
    [L.kpiAchievement, '=IF(B9=0,0,IF(SUMIFS(B5:B7,C5:C7,"<>")=0,"",SUM(C5:C7)/SUMIFS(B5:B7,C5:C7,"<>")))', PERCENT_FORMAT],
    [L.reportingOk, '=AND(COUNTIF(E5:E7,"non")=0,COUNTIF(E5:E7,"no")=0,COUNTIF(E5:E7,FALSE)=0)', 'General'],
    [L.verdict, verdict, 'General'],
  ];
  return {
    kind: 'pilot',
    writes: [
      textAt(0, 0, [[L.pilotTitle]], 'title'),
      textAt(1, 0, [['KPI', kpiName]], 'note'),
      textAt(3, 0, [[L.month, L.target, L.actual, L.achievement, L.reporting, L.pilotRoi]], 'header'),
      { address: 'A5:B7', kind: 'values', data: months, numberFormat: fill(3, 2, '0').map(() => ['0', '#,##0']) },
      formulasAt(4, 3, achievement, fill(3, 1, PERCENT_FORMAT)),
      textAt(8, 0, summary.map(([label]) => [label])),
      formulasAt(8, 1, summary.map(([, f]) => [f]), summary.map(([, , nf]) => [nf]), 'total'),
      formulasAt(11, 2, [[`=IF(B12="","",MKT.LABEL(B12,${lang}))`]], undefined, 'total'),
    ],
    fills: [],
    names: [],
    highlights: [],
    charts: [],
    validations: [{ address: 'E5:E7', list: yesNo }],
    widths: { A: 190, B: 90, C: 90, D: 90, E: 170, F: 130 },
    region: { row: 0, column: 0, rows: 12, columns: 6 },
    anchor: 'C5',
  };
}
