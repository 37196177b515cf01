/**
 * The bench's check-workbook targets (bench/check-workbook.ts) judged from runs: met within the
 * limits, missed past any of them or when a run crashed.
 */
import { judgeCheckWorkbook, type CheckRun } from '../../bench/check-workbook';

const run = (over: Partial<CheckRun>): CheckRun => ({ file: 'a.xlsx', bytes: 2000, view: 'table', exit: 0, seconds: 3, peakMb: 150, answer: 'a.xlsx: 1 MKT cell(s)', ...over });
const big = (over: Partial<CheckRun>) => [run({ file: 'rows.xlsx', bytes: 15e6, seconds: 34, peakMb: 960, ...over }), run({ file: 'rows.xlsx', view: 'json', bytes: 15e6, seconds: 34, peakMb: 980, ...over })];
const verdicts = (runs: CheckRun[], bigRuns: CheckRun[]) => judgeCheckWorkbook({ runs, big: bigRuns }).map((t) => [t.id, t.verdict]);

it('meets the targets when every file is answered in time and memory, and the big sheet is listed', () => {
  expect(verdicts([run({}), run({ exit: 1 }), run({ exit: 3 }), run({ exit: 4 })], big({ exit: 4 }))).toEqual([
    ['checkWorkbookHostile', 'met'],
    ['checkWorkbookBigTable', 'met'],
    ['checkWorkbookBigJson', 'met'],
  ]);
});

it('misses them past 60 s, past 1.5 GB, on a crash, or when the big sheet is refused', () => {
  expect(verdicts([run({ seconds: 61 })], big({}))[0]).toEqual(['checkWorkbookHostile', 'missed']);
  expect(verdicts([run({ peakMb: 1600 })], big({}))[0]).toEqual(['checkWorkbookHostile', 'missed']);
  expect(verdicts([run({ exit: 134 })], big({}))[0]).toEqual(['checkWorkbookHostile', 'missed']);
  expect(verdicts([run({})], big({ exit: 1, answer: 'needs more memory' })).slice(1)).toEqual([
    ['checkWorkbookBigTable', 'missed'],
    ['checkWorkbookBigJson', 'missed'],
  ]);
});

it('leaves a file above 10 MB out of the "any file ≤ 10 MB" target', () => {
  expect(verdicts([run({}), run({ bytes: 11 * 1024 * 1024, seconds: 100 })], big({}))[0]).toEqual(['checkWorkbookHostile', 'met']);
});

it('judges the INDIRECT sheets: answered within the time, with or without one MKT cell', () => {
  const indirect = (seconds: number) => [run({ file: 'indirect-7274.xlsx', seconds, answer: 'no MKT formula found.' }), run({ file: 'indirect-7274-mkt.xlsx', seconds })];
  const judge = (seconds: number) => judgeCheckWorkbook({ runs: [run({})], big: big({}), indirect: indirect(seconds) }).slice(3).map((t) => [t.id, t.verdict]);
  expect(judge(4)).toEqual([['checkWorkbookIndirect', 'met'], ['checkWorkbookIndirectMkt', 'met']]);
  expect(judge(30)).toEqual([['checkWorkbookIndirect', 'missed'], ['checkWorkbookIndirectMkt', 'missed']]);
});
