/**
 * One Excel.run per action and a number of context.sync calls that does not depend on the size of
 * the data; every request stays under Excel on the web's 5 MB limit.
 */
import { PAYLOAD_LIMIT, PREVIEW_ROWS, readSource, writeArbitrage, writeDiagnostic, writeHiringCost, writeInternalisation, writePilot, writeTransfer } from '../../src/excel';
import type { WorkbookProfile } from '../../src/excel';
import { estimatePlanBytes } from '../../src/excel/write/apply';
import { assumptionsPlan } from '../../src/excel/sheets/assumptions';
import { diagnosticPlan } from '../../src/excel/sheets/diagnostic';
import { FakeWorkbook, installFake } from '../support/excel-fake';
import { singleColumns } from './fixtures';

const PROFILE: WorkbookProfile = { lang: 'en', region: 'QC' };

interface Measure {
  syncs: Record<string, number>;
  runs: Record<string, number>;
  largestRequest: number;
  diagnosticRequest: number;
  diagnosticEstimate: number;
  previewRows: number;
  complete: boolean;
}

async function measure(rows: number): Promise<Measure> {
  const { workbook } = singleColumns(rows);
  installFake(workbook);
  const syncs: Record<string, number> = {};
  const runs: Record<string, number> = {};
  const step = async (name: string, action: () => Promise<{ status: string }>) => {
    const [s, r] = [workbook.syncs, workbook.runs];
    const result = await action();
    expect(result.status).not.toBe('error');
    syncs[name] = workbook.syncs - s;
    runs[name] = workbook.runs - r;
    return result;
  };
  const read = await step('readSource', () => readSource({ selection: true }, PROFILE));
  if (read.status !== 'ok' || !('value' in read)) throw new Error('read failed');
  const { source, layout, preview, complete } = (read as { value: { source: never; layout: never; preview: unknown[][]; complete: boolean } }).value;
  await step('writeDiagnostic', () => writeDiagnostic({ source, layout, profile: PROFILE }));
  const diagnosticRequest = workbook.requestBytes[workbook.requestBytes.length - 1];
  // The first write creates the assumptions sheet too: the guard (write/plan.ts) estimates every plan of the batch.
  const diagnosticEstimate = estimatePlanBytes([diagnosticPlan({ source, layout, profile: PROFILE }), assumptionsPlan(PROFILE)]);
  await step('writeArbitrage', () => writeArbitrage({ source, layout, profile: PROFILE, totalBudget: { value: 50000 } }));
  await step('askBeforeReplace', () => writeDiagnostic({ source, layout, profile: PROFILE }));
  await step('replaceDiagnostic', () => writeDiagnostic({ source, layout, profile: PROFILE }, { replace: true }));
  await step('writeInternalisation', () =>
    writeInternalisation({ profile: PROFILE, weeklyHours: { value: 30 }, externalFees: { value: 60000 }, loadedSalary: { value: 95000 }, dataNeed: { value: true }, monthlyBudget: { value: 5000 } }),
  );
  const hiring = {
    profile: PROFILE,
    gross: { value: 90000 },
    grossPeriod: 'yearly' as const,
    year: 2026,
    quebec: { cnesstRate: { value: 0.0154 }, benefitsRate: { value: 0 } },
    toolsMonth: { value: 300 },
    managementHours: { value: 2 },
    hourlyValue: { value: 80 },
    outsourceMonthly: { value: 8000 },
    recruitingRate: { value: 0.15 },
    monthsToHire: { value: 3 },
    rampMonths: { value: 3 },
    rampStart: { value: 0.25 },
    horizon: 36,
  };
  await step('writeHiringCost', () => writeHiringCost(hiring));
  await step('replaceHiringCost', () => writeHiringCost({ ...hiring, horizon: 600 }, { replace: true }));
  await step('internalisationFromHiring', () =>
    writeInternalisation(
      { profile: PROFILE, weeklyHours: { value: 30 }, externalFees: { value: 60000 }, loadedSalary: { hiring: true }, dataNeed: { value: true }, monthlyBudget: { value: 5000 } },
      { replace: true },
    ),
  );
  await step('writeTransfer', () => writeTransfer({ profile: PROFILE, decisions: [{ text: 'Keep SEO' }] }));
  await step('writePilot', () => writePilot({ profile: PROFILE, kpiName: 'Leads', monthlyTargets: [10, 20, 30] }));
  return { syncs, runs, largestRequest: Math.max(...workbook.requestBytes), diagnosticRequest, diagnosticEstimate, previewRows: preview.length, complete };
}

describe('context.sync calls per action, for 10, 1 000 and 100 000 rows', () => {
  const measured: Record<number, Measure> = {};

  beforeAll(async () => {
    for (const rows of [10, 1000, 100000]) measured[rows] = await measure(rows);
  }, 120000);

  it('is the same for every size, and one Excel.run per action', () => {
    const expected = {
      readSource: 1,
      writeDiagnostic: 2,
      writeArbitrage: 2,
      askBeforeReplace: 1,
      replaceDiagnostic: 3,
      writeInternalisation: 2,
      writeHiringCost: 2,
      replaceHiringCost: 3,
      internalisationFromHiring: 3,
      writeTransfer: 3,
      writePilot: 2,
    };
    for (const rows of [10, 1000, 100000]) {
      expect(measured[rows].syncs).toEqual(expected);
      expect(Object.values(measured[rows].runs).every((r) => r === 1)).toBe(true);
    }
  });

  it('sends requests whose size does not grow with the rows, far under 5 MB', () => {
    const sizes = [10, 1000, 100000].map((rows) => measured[rows].largestRequest);
    for (const size of sizes) expect(size).toBeLessThan(PAYLOAD_LIMIT / 100);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(64); // only the row numbers in addresses grow
  });

  it('estimates a request above what is actually sent (the guard errs on the safe side)', () => {
    for (const rows of [10, 1000, 100000]) expect(measured[rows].diagnosticEstimate).toBeGreaterThan(measured[rows].diagnosticRequest);
  });

  it('reads a bounded preview of a large source', () => {
    expect(measured[10]).toMatchObject({ previewRows: 11, complete: true });
    expect(measured[100000]).toMatchObject({ previewRows: PREVIEW_ROWS, complete: false });
  });
});

describe('the payload guard', () => {
  it('refuses, before writing anything, a write estimated over 4.5 MB (only user text can get there)', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('Feuil1');
    installFake(workbook);
    const before = workbook.snapshot();
    const decisions = Array.from({ length: 20000 }, (_, i) => ({ text: `Décision ${i} ${'x'.repeat(200)}` }));
    const result = await writeTransfer({ profile: { lang: 'fr', region: 'FR' }, decisions });
    expect(result).toMatchObject({ status: 'error', code: 'tooLarge', message: expect.stringContaining('trop volumineuses') });
    expect(workbook.snapshot()).toEqual(before);
    expect(Math.max(...workbook.requestBytes)).toBeLessThan(1000);
  });
});
