/**
 * The bench's measuring functions compute what they claim, on tiny sizes. Nothing here is timed:
 * `npm run bench` does the timing, outside `npm test`.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { readAmount } from '../../src/functions/coerce';
import { roiRatio as roiRatioAdapter } from '../../src/functions/functions';
import { sourceAdapters } from '../../bench/adapters';
import { readAmountLoop, roiRatioCandidate } from '../../bench/candidates';
import { fuzz, fuzzTargets } from '../../bench/fuzz';
import { checkMarginalCase, marginalCases, measureMarginalRecalc } from '../../bench/marginal';
import { checkCase, perCallCases } from '../../bench/percall';
import { buildEngine, expectedChecksum, growthExponent, replaceSpend, roiChecksum, roiSheet, spendColumn } from '../../bench/recalc';
import { README_END, README_MARKER, README_START, replaceReadmeSection } from '../../bench/report';
import { countRoundTrips, measureRoundTrips, RoundTripResult, syncsConstant } from '../../bench/roundtrips';
import { bundleSizes, PageTimeline, paneChunkFiles, summariseTimeline } from '../../bench/startup';
import { judge } from '../../bench/targets';
import { fold, makeLoop, measureVariants, median } from '../../bench/lib/timing';
import { callSafely, excelArgument } from '../support/excel-arbitraries';
import { FakeWorkbook, installFake } from '../support/excel-fake';

describe('per call', () => {
  const cases = perCallCases(sourceAdapters());

  it('covers the twelve functions, with 12-cell ranges where a function takes amounts', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(12);
    expect(cases.filter((c) => c.shape === 'range12').map((c) => c.id)).toEqual([
      'INTERNALISE_SIGNAL', 'INTERNALISE_SCORE', 'FEES_TO_SALARY', 'BREAKEVEN_FEES', 'ROI_RATIO', 'LTV', 'RETENTION_LEVER', 'BUDGET_TIER', 'ALLOCATE',
    ]);
  });

  it.each(cases.map((c) => [`${c.id} ${c.shape}`, c] as const))('the adapter, the rule and the inline arithmetic agree on every input: %s', (_name, c) => {
    expect(checkCase(c)).toEqual([]);
  });

  it('a loop calls the function once per iteration and folds every result into its sink', () => {
    const calls: number[] = [];
    const loop = makeLoop<number>('test');
    const sink = loop((x) => (calls.push(x), x), [1, 2, 3, 4], 10);
    expect(calls).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 1, 2]);
    expect(sink).toBe(23);
    expect(makeLoop<string>('text')((s) => s, ['ab', 'cde'], 4)).toBe(10);
    expect(fold([[7], [8]])).toBe(7);
  });

  it('measures each variant on the same inputs and reports a median per variant', () => {
    const seen: Record<string, number> = { a: 0, b: 0 };
    const out = measureVariants('t', [1, 2], [{ name: 'a', fn: (x) => (seen.a++, x) }, { name: 'b', fn: (x) => (seen.b++, -x) }], { sampleMs: 0.1, samples: 3, warmups: 1 });
    expect(out.map((v) => [v.name, v.samples.length])).toEqual([['a', 3], ['b', 3]]);
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('the candidate readAmount and ROI_RATIO behave exactly like the shipped ones on Excel-like arguments', () => {
    const outcome = (fn: () => unknown) => {
      const o = callSafely(fn, []);
      if ('error' in o) return { error: (o.error as { code?: string; key?: string }).code ?? (o.error as { key?: string }).key };
      return { value: o.value === 0 ? 0 : o.value }; // -0 and 0 are the same amount to Excel
    };
    fc.assert(
      fc.property(excelArgument, excelArgument, (a, b) => {
        expect(outcome(() => readAmountLoop('x', a))).toEqual(outcome(() => readAmount('x', a)));
        expect(outcome(() => roiRatioCandidate(a, b))).toEqual(outcome(() => roiRatioAdapter(a as never, b as never)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('arbitrage by marginal return', () => {
  const cases = marginalCases();
  it('measures RESPONSE_FIT on 12 and 120 months and ALLOCATE_MARGINAL on 5, 20 and 100 channels × 12 months', () => {
    expect(cases.map((c) => [c.id, c.months, c.channels])).toEqual([
      ['RESPONSE_FIT', 12, 1],
      ['RESPONSE_FIT', 120, 1],
      ['ALLOCATE_MARGINAL', 12, 5],
      ['ALLOCATE_MARGINAL', 12, 20],
      ['ALLOCATE_MARGINAL', 12, 100],
    ]);
    expect((cases[1].inputs[0][0] as number[][])[0]).toHaveLength(120);
    expect(cases[4].inputs[0][1] as number[][]).toHaveLength(100);
  });
  it.each(cases.map((c) => [c.label, c] as const))('the adapter gives what the rule gives: %s', (_label, c) => {
    expect(checkMarginalCase(sourceAdapters(), c)).toEqual([]);
  });
  it('recalculates the engine sheet with every fit, marginal ROAS and the allocation right', () => {
    const result = measureMarginalRecalc(12, 2);
    expect(result.checked).toBe(true);
    expect(result.recalcMs).toBeGreaterThan(0);
  });
});

describe('round trips', () => {
  it('counts every context.sync of an action and its largest request', async () => {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet('S');
    installFake(workbook);
    const rows = 5;
    // A sync in a loop: the count follows the rows.
    const measure = await countRoundTrips(workbook, 'loop', () =>
      Excel.run(async (context) => {
        for (let i = 0; i < rows; i++) {
          context.workbook.worksheets.getItem('S').getRange(`A${i + 1}`).values = [['x'.repeat(100 * (i + 1))]];
          await context.sync();
        }
        return { status: 'ok' as const, value: null };
      }),
    );
    expect(measure).toMatchObject({ syncs: rows, excelRuns: 1, status: 'ok' });
    expect(measure.largestRequestBytes).toBeGreaterThan(500);
    expect(sheet.get('A5')?.value).toBe('x'.repeat(500));
  });

  it('reads the pane actions on a small table: 1 sync to read, 2 to write, 3 to replace', async () => {
    const result = await measureRoundTrips(10);
    expect(result.steps.map((s) => [s.step, s.status, s.syncs, s.excelRuns])).toEqual([
      ['readSource', 'ok', 1, 1],
      ['writeDiagnostic', 'ok', 2, 1],
      ['writeArbitrage', 'ok', 2, 1],
      ['replaceDiagnostic', 'ok', 3, 1],
      ['replaceArbitrage', 'ok', 3, 1],
    ]);
    expect(Math.min(...result.steps.map((s) => s.largestRequestBytes))).toBeGreaterThan(0);
  });

  it('judges a sync count that grows with the rows as a missed target', () => {
    const at = (rows: number, syncs: number): RoundTripResult => ({ rows, previewBytes: 0, steps: [{ step: 'write', status: 'ok', syncs, excelRuns: 1, largestRequestBytes: 100, ms: 0 }] });
    expect(syncsConstant([at(10, 2), at(100, 2)])).toEqual({ write: true });
    expect(syncsConstant([at(10, 2), at(100, 11)])).toEqual({ write: false });
    const targets = judge({ roundTrips: [at(10, 2), at(100, 11)] });
    expect(targets.find((t) => t.id === 'syncsConstant')?.verdict).toBe('missed');
    const big = judge({ roundTrips: [{ ...at(10, 2), steps: [{ ...at(10, 2).steps[0], largestRequestBytes: 6 * 1024 * 1024 }] }] });
    expect(big.find((t) => t.id === 'requestSize')?.verdict).toBe('missed');
  });
});

describe('fuzz', () => {
  it('finds no result Excel cannot show in the adapters', () => {
    const result = fuzz(fuzzTargets(sourceAdapters()), { calls: 2200, batch: 50 });
    expect(result.calls).toBe(2200);
    expect(Object.values(result.callsByFunction)).toEqual(Array(22).fill(100));
    expect(result.notShowable).toBe(0);
    expect(result.values + Object.values(result.errors).reduce((a, b) => a + b, 0)).toBe(2200);
  });

  it('counts a NaN, an Infinity, undefined and a stray exception as not showable', () => {
    const bad: Array<[string, (...args: unknown[]) => unknown, number]> = [
      ['NAN', () => NaN, 1],
      ['INF', () => [[1], [Infinity]], 1],
      ['UNDEFINED', () => undefined, 1],
      ['THROWS', () => {
        throw new TypeError('bug');
      }, 1],
      ['FINE', () => 'OK', 1],
    ];
    const result = fuzz(bad, { calls: 50, batch: 10 });
    expect(result.notShowable).toBe(40);
    expect(result.values).toBe(10);
    expect(result.examples).toHaveLength(5);
    expect(judge({ fuzz: result }).find((t) => t.id === 'fuzzShowable')?.verdict).toBe('missed');
  });
});

describe('recalculation', () => {
  it('computes the same ROI column with MKT.ROI_RATIO and =B/C, before and after the spend changes', () => {
    for (const kind of ['mkt', 'native'] as const) {
      const engine = buildEngine(roiSheet(10, kind));
      try {
        expect(roiChecksum(engine, 10).notNumbers).toBe(0);
        expect(roiChecksum(engine, 10).sum).toBeCloseTo(expectedChecksum(10, 0), 9);
        replaceSpend(engine, spendColumn(10, 3));
        expect(roiChecksum(engine, 10).sum).toBeCloseTo(expectedChecksum(10, 3), 9);
        expect(expectedChecksum(10, 3)).not.toBeCloseTo(expectedChecksum(10, 0), 3);
      } finally {
        engine.destroy();
      }
    }
  });

  it('takes sheets beyond HyperFormula\'s default 40 000 rows', () => {
    const engine = buildEngine(roiSheet(2, 'native'));
    try {
      expect(engine.getConfig().maxRows).toBeGreaterThan(100_001);
    } finally {
      engine.destroy();
    }
  });

  it('reads growth as an exponent: 1 when linear, 2 when quadratic', () => {
    expect(growthExponent([{ rows: 1000, ms: 10 }, { rows: 100_000, ms: 1000 }])).toBeCloseTo(1, 9);
    expect(growthExponent([{ rows: 10, ms: 1 }, { rows: 100, ms: 100 }])).toBeCloseTo(2, 9);
  });

  it('judges the 100 000-row ratio against 1.5×', () => {
    const at = (ratio: number) => judge({ recalc: [{ rows: 100_000, samples: 1, nativeBuildMs: 1, mktBuildMs: 1, nativeRecalcMs: 100, mktRecalcMs: 100 * ratio, ratio, buildRatio: 1, extraUsPerRow: 0, checked: true }] });
    expect(at(1.4).find((t) => t.id === 'recalc100k')?.verdict).toBe('met');
    expect(at(1.6).find((t) => t.id === 'recalc100k')?.verdict).toBe('missed');
    expect(judge({}).find((t) => t.id === 'recalc100k')?.verdict).toBe('pending');
  });
});

describe('start-up', () => {
  const timeline = (lastAssociate: number, paneRequest: number): PageTimeline => ({
    associates: [['ROI_RATIO', lastAssociate - 1], ['LABEL', lastAssociate]],
    officeAssignments: ['associate'],
    firstRender: paneRequest + 100,
    scriptsAdded: [['pane.abc.js', paneRequest]],
    scriptsLoaded: [['functions.js', lastAssociate], ['pane.abc.js', paneRequest + 50]],
    resources: [
      { name: 'http://127.0.0.1:1/functions.js', startTime: 5, responseEnd: 10 },
      { name: 'http://127.0.0.1:1/pane.abc.js', startTime: paneRequest + 1, responseEnd: paneRequest + 20 },
    ],
    domContentLoaded: 90,
  });

  it('says the functions registered first only when the last associate precedes the pane chunk request', () => {
    expect(summariseTimeline(timeline(120, 170), ['pane.abc.js'])).toMatchObject({
      associateCount: 2,
      lastAssociateMs: 120,
      paneRequestMs: 170,
      paneLoadedMs: 220,
      firstRenderMs: 270,
      registeredBeforePane: true,
      officeJsLoaded: false,
    });
    const withOffice = timeline(120, 170);
    withOffice.resources.push({ name: 'http://127.0.0.1:1/office-js/office.js', startTime: 1, responseEnd: 4 });
    expect(summariseTimeline(withOffice, ['pane.abc.js']).officeJsLoaded).toBe(true);
    expect(summariseTimeline(timeline(200, 170), ['pane.abc.js']).registeredBeforePane).toBe(false);
    expect(summariseTimeline({ ...timeline(120, 170), associates: [] }, ['pane.abc.js']).registeredBeforePane).toBe(false);
  });

  it('measures gzip sizes of the functions chunk and of the pane chunks only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-bench-test-'));
    try {
      const text = 'CustomFunctions.associate("X", f);'.repeat(50);
      fs.writeFileSync(path.join(dir, 'functions.js'), text);
      fs.writeFileSync(path.join(dir, 'taskpane.js'), 'import("./pane")');
      fs.writeFileSync(path.join(dir, 'pane.1234.js'), 'x'.repeat(1000));
      fs.writeFileSync(path.join(dir, '427.abcd.js'), 'y'.repeat(10));
      fs.writeFileSync(path.join(dir, 'pane.1234.js.map'), '{}');
      // The offline office.js loader and the browser test's page are no pane chunks.
      fs.writeFileSync(path.join(dir, 'office-loader.js'), 'document.write("")');
      fs.writeFileSync(path.join(dir, 'channel-names-fixture.js'), 'z');
      expect(paneChunkFiles(dir)).toEqual(['427.abcd.js', 'pane.1234.js']);
      const sizes = bundleSizes(dir);
      expect(sizes.functions).toEqual({ file: 'functions.js', bytes: text.length, gzipBytes: zlib.gzipSync(text, { level: 9 }).length });
      expect(sizes.functions.gzipBytes).toBeLessThan(text.length);
      expect(sizes.paneGzipBytes).toBe(sizes.paneChunks[0].gzipBytes + sizes.paneChunks[1].gzipBytes);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README section', () => {
  it('replaces the marker line only, then its own section on the next run', () => {
    const readme = `# T\n\nbefore\n${README_MARKER}\n\n## Next\nafter\n`;
    const first = replaceReadmeSection(readme, `${README_START}\nrun 1\n${README_END}`)!;
    expect(first).toBe(`# T\n\nbefore\n${README_START}\nrun 1\n${README_END}\n\n## Next\nafter\n`);
    const second = replaceReadmeSection(first, `${README_START}\nrun 2\n${README_END}`)!;
    expect(second).toBe(first.replace('run 1', 'run 2'));
    expect(replaceReadmeSection('# no marker\n', 'x')).toBeUndefined();
  });
});
