/**
 * The corpus of budget layouts (test/history/corpus/*.json): each reads to its expected channels
 * and totals, or comes out unsure where it should. Both shipped examples are read from the real
 * .xlsx, through the package reader the command line uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHistory, channelKey } from '../../src/excel/history';
import { toArea } from '../../src/engine/xlsx-reader';
import { gridOf } from './workbook-cells';

interface Case {
  note: string;
  grid?: unknown[][];
  xlsx?: string;
  sheet?: string;
  range?: string;
  expect: {
    confident: boolean;
    form?: string;
    months?: number;
    channels?: Array<{ name: string; spend: number; revenue: number }>;
    questions?: string[];
    leftOut?: string[];
    warnings?: string[];
  };
}

const DIR = join(__dirname, 'corpus');
const ROOT = join(__dirname, '..', '..');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Case] as const);

function gridFor(c: Case): unknown[][] {
  if (c.grid) return c.grid;
  const area = toArea(c.range!)!;
  return gridOf(join(ROOT, c.xlsx!), c.sheet!, area.top - 1, area.left - 1, area.bottom - 1, area.right - 1);
}

test('the corpus holds at least 20 layouts, sure and unsure', () => {
  expect(cases.length).toBeGreaterThanOrEqual(20);
  expect(cases.filter(([, c]) => !c.expect.confident).length).toBeGreaterThanOrEqual(4);
  expect(cases.filter(([, c]) => c.xlsx).length).toBeGreaterThanOrEqual(2);
});

describe.each(cases)('%s', (_name, c) => {
  const history = readHistory(gridFor(c));

  it(c.expect.confident ? 'reads sure' : 'comes out unsure, saying what it would take', () => {
    expect(history.confident).toBe(c.expect.confident);
    if (c.expect.questions) expect(history.questions.map((q) => q.reason)).toEqual(c.expect.questions);
    if (!c.expect.confident) for (const q of history.questions) if (q.role) expect(history.alternatives[q.role].length).toBeGreaterThan(0);
  });

  if (c.expect.channels) {
    it('reads each channel’s spend and revenue', () => {
      const read = history.channels.map((ch) => ({ name: ch.name, spend: ch.spend, revenue: ch.revenue }));
      expect(read.map((r) => channelKey(r.name))).toEqual(c.expect.channels!.map((e) => channelKey(e.name)));
      c.expect.channels!.forEach((e, i) => {
        expect(read[i].spend).toBeCloseTo(e.spend, 6);
        expect(read[i].revenue).toBeCloseTo(e.revenue, 6);
      });
    });
  }

  if (c.expect.form) it(`recognises the form (${c.expect.form})`, () => expect(history.form).toBe(c.expect.form));
  if (c.expect.months !== undefined) it('reads the period', () => expect(history.period.months).toBe(c.expect.months));
  if (c.expect.leftOut) {
    it('says what it left out and why', () => {
      const said = history.leftOut.map((l) => `${l.kind}:${l.label}:${l.reason}`);
      for (const expected of c.expect.leftOut!) expect(said).toContain(expected);
    });
  }
  if (c.expect.warnings) it('warns', () => expect(history.warnings.map((w) => w.code)).toEqual(c.expect.warnings));
});
