/**
 * Writers for the property tests: one history (channels × months of spend and revenue) written
 * in each form people keep, with the words of a language, as a grid of cells.
 */
export interface Story {
  channels: string[];
  /** spend[channel][month], revenue[channel][month]; null is a blank cell. */
  spend: Array<Array<number | null>>;
  revenue: Array<Array<number | null>>;
}

export type Form = 'columns' | 'runs' | 'sections' | 'grouped' | 'journal' | 'pairs';
export const FORMS: readonly Form[] = ['columns', 'runs', 'sections', 'grouped', 'journal', 'pairs'];

export interface Words {
  channel: string;
  spend: string;
  revenue: string;
  plan: string;
  actual: string;
  month: string;
  total: string;
  months: string[];
}

export const WORDS: Record<'fr' | 'qc' | 'en', Words> = {
  fr: { channel: 'Canal', spend: 'Dépenses', revenue: 'CA', plan: 'Prévu', actual: 'Réel', month: 'Mois', total: 'Total', months: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'] },
  qc: { channel: 'Levier', spend: 'Investissement', revenue: 'Revenus', plan: 'Budget prévu', actual: 'Réel', month: 'Période', total: 'Total', months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] },
  en: { channel: 'Channel', spend: 'Spend', revenue: 'Revenue', plan: 'Budget', actual: 'Actual', month: 'Month', total: 'Total', months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] },
};

const sum = (values: Array<number | null>) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
const cell = (v: number | null) => (v === null ? '' : v);

/** The grid, and the totals it must read back to. */
export function writeStory(story: Story, form: Form, words: Words, { withTotals = false, shuffle = (n: number) => [...Array(n).keys()] } = {}): unknown[][] {
  const n = story.channels.length;
  const m = story.spend[0].length;
  const months = words.months.slice(0, m);
  const totalRow = (label: string, values: Array<number | null>[]) => [label, ...values[0].map((_, j) => sum(values.map((row) => row[j])))];
  switch (form) {
    case 'columns': {
      const rows = story.channels.map((name, i) => [name, sum(story.spend[i]), sum(story.revenue[i])]);
      const grid: unknown[][] = [[words.channel, words.spend, words.revenue], ...rows];
      if (withTotals) grid.push([words.total, sum(rows.map((r) => r[1] as number)), sum(rows.map((r) => r[2] as number))]);
      return grid;
    }
    case 'runs': {
      const title = ['', words.spend, ...Array(m - 1).fill(''), ...(withTotals ? [''] : []), words.revenue, ...Array(m - 1).fill(''), ...(withTotals ? [''] : [])];
      const header = [words.channel, ...months, ...(withTotals ? [words.total] : []), ...months, ...(withTotals ? [words.total] : [])];
      const rows = story.channels.map((name, i) => [
        name,
        ...story.spend[i].map(cell),
        ...(withTotals ? [sum(story.spend[i])] : []),
        ...story.revenue[i].map(cell),
        ...(withTotals ? [sum(story.revenue[i])] : []),
      ]);
      return [title, header, ...rows];
    }
    case 'sections': {
      const block = (title: string, values: Array<Array<number | null>>) => [
        [title.toUpperCase()],
        [words.channel, ...months],
        ...shuffle(n).map((i) => [story.channels[i], ...values[i].map(cell)]),
        ...(withTotals ? [totalRow(words.total, values)] : []),
      ];
      return [...block(words.spend, story.spend), [''], ...block(words.revenue, story.revenue)];
    }
    case 'grouped': {
      const grid: unknown[][] = [[words.channel, '', ...months]];
      story.channels.forEach((name, i) => {
        grid.push([name, words.plan, ...story.spend[i].map((v) => (v === null ? '' : v * 2 + 1))]);
        grid.push(['', words.actual, ...story.spend[i].map(cell)]);
        grid.push(['', words.revenue, ...story.revenue[i].map(cell)]);
      });
      if (withTotals) grid.push([`${words.total} ${words.actual.toLowerCase()}`, '', ...story.spend[0].map((_, j) => sum(story.spend.map((row) => row[j])))]);
      return grid;
    }
    case 'journal': {
      const rows: unknown[][] = [];
      story.channels.forEach((name, i) =>
        months.forEach((month, j) => {
          if (story.spend[i][j] === null && story.revenue[i][j] === null) return;
          // The same channel written differently from row to row: case and spaces.
          const written = j % 3 === 1 ? name.toUpperCase() : j % 3 === 2 ? ` ${name} ` : name;
          rows.push([month, written, cell(story.spend[i][j]), cell(story.revenue[i][j])]);
        }),
      );
      const order = shuffle(rows.length);
      return [[words.month, words.channel, words.spend, words.revenue], ...order.map((k) => rows[k])];
    }
    case 'pairs': {
      const header = [words.month, ...story.channels.flatMap((name) => [`${name} - ${words.spend}`, `${name} - ${words.revenue}`])];
      const rows = months.map((month, j) => [month, ...story.channels.flatMap((_, i) => [cell(story.spend[i][j]), cell(story.revenue[i][j])])]);
      const grid: unknown[][] = [header, ...rows];
      if (withTotals) grid.push([words.total, ...story.channels.flatMap((_, i) => [sum(story.spend[i]), sum(story.revenue[i])])]);
      return grid;
    }
  }
}

export function totalsOf(story: Story): Array<{ name: string; spend: number; revenue: number }> {
  return story.channels.map((name, i) => ({ name, spend: sum(story.spend[i]), revenue: sum(story.revenue[i]) }));
}
