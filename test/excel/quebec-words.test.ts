/**
 * What MKT writes for a Québec business (RULES.md §6): Québec's words where they differ
 * (impartition, fournisseur, courriel, pistes), LABEL(…, "fr-CA") in the written formulas, never
 * "euro" nor "€" in a CAD model; and French typography in every French text written (a no-break
 * space inside « » and before : ; ? !). France keeps its own words.
 */
import { readSource, writeArbitrage, writeDiagnostic, writeInternalisation, writePilot, writeTransfer } from '../../src/excel';
import type { WorkbookProfile } from '../../src/excel';
import { typeset } from '../../src/excel/words/typography';
import { FakeWorkbook, installFake } from '../support/excel-fake';
import { monthlyBudget } from './fixtures';

const QC: WorkbookProfile = { lang: 'fr', region: 'QC' };
const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };

async function writeEverything(profile: WorkbookProfile, method: 'average' | 'marginal' = 'average') {
  const { workbook } = monthlyBudget();
  installFake(workbook);
  const read = await readSource({ selection: true }, profile);
  if (read.status !== 'ok') throw new Error('read');
  const { source, layout } = read.value;
  const results = [
    await writeDiagnostic({ source, layout, profile }),
    await writeArbitrage({ source, layout, profile, totalBudget: { value: 20000 }, method, grossMargin: { value: 0.4 } }),
    await writeInternalisation({ profile, weeklyHours: { value: 45 }, externalFees: { value: 65000 }, loadedSalary: { value: 100000 }, dataNeed: { value: false }, monthlyBudget: { value: 2000 } }),
    await writePilot({ profile, kpiName: 'Pistes', monthlyTargets: [40, 50, 60] }),
    await writeTransfer({ profile, decisions: [{ text: 'Garder le référencement' }] }),
  ];
  for (const r of results) expect(r.status).toBe('ok');
  return { workbook, messages: results.map((r) => (r.status === 'ok' ? r.value.message ?? '' : '')) };
}

/** Every text, formula, number format and chart title MKT put in the workbook (the user's source sheet left out). */
function writtenTexts(workbook: FakeWorkbook): string[] {
  const out: string[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.name === 'Budget 2025') continue;
    for (const cols of sheet.rows.values()) {
      for (const cell of cols.values()) {
        for (const v of [cell.value, cell.formula, cell.numberFormat]) if (typeof v === 'string' && v !== '') out.push(v);
      }
    }
    for (const chart of sheet.charts) out.push(chart.title ?? '', ...chart.series.map((s) => s.name ?? ''));
  }
  return out;
}

describe('a Québec write', () => {
  it.each(['average', 'marginal'] as const)('never says "euro" nor "€" (%s Arbitrage)', async (method) => {
    const { workbook, messages } = await writeEverything(QC, method);
    const texts = [...writtenTexts(workbook), ...messages];
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      expect(text).not.toMatch(/euro/i);
      expect(text).not.toContain('€');
    }
  });

  it('uses Québec words and LABEL in fr-CA', async () => {
    const { workbook } = await writeEverything(QC);
    const all = writtenTexts(workbook).join('\n');
    expect(all).toContain('Internaliser ou impartir\u00a0?');
    expect(all).toContain('chaque dollar');
    expect(all).toContain('fournisseur');
    expect(all).toContain('courriel');
    expect(all).toContain('pistes');
    expect(all).not.toMatch(/externalisation/i);
    expect(all).not.toMatch(/prestataire|reporting/i);
    expect(workbook.sheet('Diagnostic')!.get('F5')?.formula).toBe('=MKT.LABEL(E5,"fr-CA")');
    expect(workbook.sheet('Internalisation')!.get('C13')?.formula).toBe('=MKT.LABEL(B13,"fr-CA")');
    expect(workbook.sheet('Pilote')!.get('C12')?.formula).toBe('=IF(B12="","",MKT.LABEL(B12,"fr-CA"))');
    // The tier thresholds are the article's EUR: said so, and left to the user's factor.
    const h = workbook.sheet('Hypothèses')!;
    expect(all).toMatch(/seuils ci-dessous sont en EUR/);
    expect(h.get('B19')?.numberFormat).toBe('#,##0" EUR"');
  });

  it('France keeps its words and its euros', async () => {
    const { workbook } = await writeEverything(FR);
    const all = writtenTexts(workbook).join('\n');
    expect(all).toContain('Internaliser ou externaliser\u00a0?');
    expect(all).toContain('chaque euro');
    expect(all).toContain('prestataire');
    expect(workbook.sheet('Diagnostic')!.get('F5')?.formula).toBe('=MKT.LABEL(E5,"fr")');
  });

  it.each([['Québec', QC], ['France', FR]] as const)('French typography in every French text written (%s)', async (_l, profile) => {
    const { workbook } = await writeEverything(profile);
    for (const sheet of workbook.sheets) {
      if (sheet.name === 'Budget 2025') continue;
      for (const cols of sheet.rows.values()) {
        for (const cell of cols.values()) {
          if (typeof cell.value !== 'string' || cell.formula || /^MKT[._]|^https?:|^'/.test(cell.value)) continue;
          expect(cell.value).toBe(typeset(cell.value));
        }
      }
    }
  });
});

describe('typeset', () => {
  it('puts a no-break space inside « » and before : ; ? !, and is idempotent', () => {
    expect(typeset('Total : 3 ; « A » ? oui !')).toBe('Total\u00a0: 3\u00a0; «\u00a0A\u00a0»\u00a0? oui\u00a0!');
    expect(typeset(typeset('a : b'))).toBe('a\u00a0: b');
  });
  it('leaves an address and a ratio alone', () => {
    expect(typeset('https://www.antoine-blot.com/blogue/ 3:1')).toBe('https://www.antoine-blot.com/blogue/ 3:1');
  });
});
