/**
 * Property: a history written in any of the forms people keep — with French, Québec or English
 * words, totals or not, rows in any order — reads back sure, to the same totals per channel.
 */
import fc from 'fast-check';
import { channelKey, readHistory } from '../../src/excel/history';
import { FORMS, totalsOf, WORDS, writeStory, type Story } from './forms';

const NAMES = ['Google Ads', 'Meta', 'Salons', 'Infolettre', 'SEO local', 'LinkedIn Ads', 'Radio', 'Flyers et salons', 'Webinaires', 'TikTok'];

const story: fc.Arbitrary<Story> = fc
  .tuple(fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 12 }))
  .chain(([channels, months]) => {
    const amounts = fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null, freq: 5 }), { minLength: months, maxLength: months }), {
      minLength: channels.length,
      maxLength: channels.length,
    });
    return fc.record({ channels: fc.constant(channels), spend: amounts, revenue: amounts });
  })
  // A channel with no figure at all is left out (nothing to read): give each one at least one.
  .map((s) => ({ ...s, spend: s.spend.map((row) => (row.every((v) => v === null) ? [1, ...row.slice(1)] : row)) }));

test('a history written in any form reads back to the same totals, sure', () => {
  fc.assert(
    fc.property(
      story,
      fc.constantFrom(...FORMS),
      fc.constantFrom('fr', 'qc', 'en' as const),
      fc.boolean(),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (s, form, lang, withTotals, seed) => {
        let state = seed;
        const shuffle = (n: number) => {
          const order = [...Array(n).keys()];
          for (let i = n - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2 ** 31;
            const j = state % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          return order;
        };
        const grid = writeStory(s, form, WORDS[lang], { withTotals, shuffle });
        const history = readHistory(grid);
        expect(history.questions).toEqual([]);
        expect(history.confident).toBe(true);
        const read = new Map(history.channels.map((c) => [channelKey(c.name), c]));
        expect(read.size).toBe(s.channels.length);
        for (const expected of totalsOf(s)) {
          const got = read.get(channelKey(expected.name));
          expect(got?.spend).toBeCloseTo(expected.spend, 6);
          expect(got?.revenue).toBeCloseTo(expected.revenue, 6);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('the reader never changes the grid it reads', () => {
  fc.assert(
    fc.property(story, fc.constantFrom(...FORMS), (s, form) => {
      const grid = writeStory(s, form, WORDS.fr);
      const copy = JSON.parse(JSON.stringify(grid));
      readHistory(grid);
      expect(grid).toEqual(copy);
    }),
    { numRuns: 50 },
  );
});
