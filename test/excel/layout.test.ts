import { classifyHeader, detectLayout, isUsableLayout, LAYOUT_CONFIDENT } from '../../src/excel/layout';

const months = (names: string[], prefix = '') => names.map((m) => `${prefix}${m}`);
const EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const nums = (n: number, base = 100) => Array.from({ length: n }, (_, i) => base + i);

describe('classifyHeader', () => {
  it.each([
    ['Canal', 'channel'],
    ['Channel', 'channel'],
    ['Dépenses', 'spend'],
    ['Spend', 'spend'],
    ['Coût', 'spend'],
    ['Revenus', 'revenue'],
    ['Revenue', 'revenue'],
    ['CA', 'revenue'],
    ["Chiffre d'affaires", 'revenue'],
  ])('reads %s as %s', (header, role) => {
    expect(classifyHeader(header).role).toBe(role);
  });

  it('reads French and English month names, with or without accents and dots', () => {
    expect(classifyHeader('févr.').month).toBe(1);
    expect(classifyHeader('Fevrier').month).toBe(1);
    expect(classifyHeader('August').month).toBe(7);
    expect(classifyHeader('déc').month).toBe(11);
    expect(classifyHeader('M3').month).toBe(2);
  });

  it('reads a measure and a month in one header', () => {
    expect(classifyHeader('Spend Jan')).toEqual({ role: 'spend', month: 0 });
    expect(classifyHeader('Dépenses - mars')).toEqual({ role: 'spend', month: 2 });
  });

  it('ignores numbers and unrelated words', () => {
    expect(classifyHeader(42)).toEqual({});
    expect(classifyHeader('Commentaire')).toEqual({});
  });
});

describe('detectLayout', () => {
  it('finds one column each under French headers, confidently', () => {
    const layout = detectLayout([
      ['Canal', 'Dépenses', 'CA'],
      ['SEO', 100, 500],
      ['Google Ads', 200, 300],
    ])!;
    expect(layout).toMatchObject({ kind: 'single', headerRow: 0, channelColumn: 0, spend: { first: 1, count: 1 }, revenue: { first: 2, count: 1 }, firstDataRow: 1, lastDataRow: 2, confident: true });
  });

  it('finds the columns whatever their order, in English', () => {
    const layout = detectLayout([
      ['Revenue', 'Channel', 'Cost'],
      [500, 'SEO', 100],
    ])!;
    expect(layout).toMatchObject({ channelColumn: 1, spend: { first: 2 }, revenue: { first: 0 }, confident: true });
  });

  it('finds twelve monthly columns each under a group header row (merged cells)', () => {
    const layout = detectLayout([
      ['Budget 2025'],
      ['', 'Dépenses', ...Array(11).fill(''), 'Revenus', ...Array(11).fill('')],
      ['Canal', ...FR, ...FR],
      ['SEO', ...nums(12), ...nums(12, 400)],
    ])!;
    expect(layout).toMatchObject({ kind: 'monthly', headerRow: 2, channelColumn: 0, spend: { first: 1, count: 12 }, revenue: { first: 13, count: 12 }, confident: true });
  });

  it('finds monthly columns whose headers carry the measure ("Spend Jan")', () => {
    const layout = detectLayout([
      ['Channel', ...months(EN, 'Revenue '), ...months(EN, 'Spend ')],
      ['SEO', ...nums(12, 400), ...nums(12)],
    ])!;
    expect(layout).toMatchObject({ kind: 'monthly', spend: { first: 13, count: 12 }, revenue: { first: 1, count: 12 }, confident: true });
  });

  it('accepts a fiscal year that starts in April', () => {
    const fiscal = [...EN.slice(3), ...EN.slice(0, 3)];
    const layout = detectLayout([
      ['', 'Spend', ...Array(11).fill(''), 'Revenue', ...Array(11).fill('')],
      ['Channel', ...fiscal, ...fiscal],
      ['SEO', ...nums(12), ...nums(12)],
    ])!;
    expect(layout).toMatchObject({ kind: 'monthly', spend: { count: 12 }, revenue: { count: 12 }, confident: true });
  });

  it('guesses spend then revenue for two month blocks without measure words, and is not confident', () => {
    const layout = detectLayout([
      ['Canal', ...FR, ...FR],
      ['SEO', ...nums(12), ...nums(12)],
    ])!;
    expect(layout.kind).toBe('monthly');
    expect(layout.issues).toContain('guessedByPosition');
    expect(layout.confident).toBe(false);
  });

  it('reports fewer than twelve months', () => {
    const layout = detectLayout([
      ['', 'Spend', '', '', 'Revenue', '', ''],
      ['Channel', 'Jan', 'Feb', 'Mar', 'Jan', 'Feb', 'Mar'],
      ['SEO', 1, 2, 3, 4, 5, 6],
    ])!;
    expect(layout).toMatchObject({ kind: 'monthly', spend: { first: 1, count: 3 }, revenue: { first: 4, count: 3 } });
    expect(layout.issues).toContain('monthsIncomplete');
  });

  it('guesses from the shape when there is no header, and asks', () => {
    const layout = detectLayout([
      ['SEO', 100, 500],
      ['Ads', 200, 300],
    ])!;
    expect(layout).toMatchObject({ headerRow: -1, channelColumn: 0, spend: { first: 1 }, revenue: { first: 2 }, firstDataRow: 0 });
    expect(layout.issues).toEqual(expect.arrayContaining(['noHeaderRow', 'guessedByPosition']));
    expect(layout.confidence).toBeLessThan(LAYOUT_CONFIDENT);
    expect(layout.confident).toBe(false);
  });

  it('excludes a trailing total row, also when it is only in the last row passed apart', () => {
    const grid = [['Canal', 'Dépenses', 'Revenus'], ['SEO', 1, 2], ['Total', 1, 2]];
    expect(detectLayout(grid)).toMatchObject({ lastDataRow: 1, issues: ['totalRowExcluded'] });
    const top = [['Canal', 'Dépenses', 'Revenus'], ['SEO', 1, 2]];
    expect(detectLayout(top, 5000, ['TOTAL', 9, 9])).toMatchObject({ lastDataRow: 4998 });
    expect(detectLayout(top, 5000, ['Zoom', 9, 9])).toMatchObject({ lastDataRow: 4999 });
  });

  it('warns about numbers stored as text, which the MKT functions skip', () => {
    const layout = detectLayout([
      ['Canal', 'Dépenses', 'Revenus'],
      ['SEO', '1 500', 2000],
    ])!;
    expect(layout.issues).toContain('numbersAsText');
  });

  it('is not confident when a measure column is missing', () => {
    const layout = detectLayout([
      ['Canal', 'Dépenses', 'Note'],
      ['SEO', 100, 'ok'],
    ])!;
    expect(layout.issues).toContain('noRevenueColumn');
    expect(layout.confident).toBe(false);
    expect(isUsableLayout(layout, 3)).toBe(false);
  });

  it('returns undefined when no column holds numbers', () => {
    expect(detectLayout([['a', 'b'], ['c', 'd']])).toBeUndefined();
    expect(detectLayout([])).toBeUndefined();
  });

  it('reports a header with no data rows', () => {
    const layout = detectLayout([['Canal', 'Dépenses', 'Revenus'], ['', 1, 2]], 1);
    expect(layout?.issues).toContain('tooFewRows');
  });

  it('does not change the grid it reads', () => {
    const grid = [['Canal', 'Dépenses', 'Revenus'], ['SEO', 1, 2]];
    const copy = JSON.parse(JSON.stringify(grid));
    detectLayout(grid);
    expect(grid).toEqual(copy);
  });
});
