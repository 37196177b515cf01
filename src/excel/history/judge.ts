/**
 * Steps 4–5 — group and sum the amounts per channel for the measures chosen, and judge the
 * confidence: a role is sure only when its words (or the user) name exactly one measure. Pure.
 */
import type { Measure, Reading } from './reading';
import type { Candidate, History, HistoryChannel, LeftOut, Question, ReadOptions } from './types';

type Role = 'spend' | 'revenue';

/** Total of a measure over all channels (to show beside a candidate). */
function totalOf(reading: Reading, id: string): number {
  let total = 0;
  for (const e of reading.entries) if (e.measure === id) total += e.value;
  return Math.round(total * 100) / 100;
}

const candidate = (reading: Reading, m: Measure): Candidate => ({ id: m.id, label: m.label, total: totalOf(reading, m.id), ...(m.columns ? { columns: m.columns } : {}) });

/** Which measure each role takes, and what stays open. */
export function choose(reading: Reading, picks: ReadOptions['picks'] = {}): { used: Partial<Record<Role, Measure>>; questions: Question[]; alternatives: Record<Role, Candidate[]> } {
  const used: Partial<Record<Role, Measure>> = {};
  const questions: Question[] = [];
  const alternatives = {} as Record<Role, Candidate[]>;
  const byId = new Map(reading.measures.map((m) => [m.id, m]));
  const picked = (role: Role) => (picks[role] !== undefined ? byId.get(picks[role]!) : undefined);
  for (const role of ['spend', 'revenue'] as const) {
    const other = role === 'spend' ? used.revenue ?? picked('revenue') : used.spend ?? picked('spend');
    const named = reading.measures.filter((m) => m.hint === role);
    const fallback = reading.measures.filter((m) => m !== other && (m.hint === 'neutral' || (role === 'spend' && m.hint === 'plan')));
    // A neutral measure first: the plan is offered, never suggested.
    fallback.sort((a, b) => Number(a.hint === 'plan') - Number(b.hint === 'plan'));
    const options = named.length ? [...named, ...fallback] : fallback;
    // Every measure may be picked (the user may swap the two); the likely ones first.
    alternatives[role] = [...options, ...reading.measures.filter((m) => !options.includes(m))].map((m) => candidate(reading, m));
    const pick = picked(role);
    if (pick) {
      used[role] = pick;
      continue;
    }
    if (reading.noHeader) {
      used[role] = options[0];
      questions.push({ reason: 'noHeader', role, candidates: options.map((m) => candidate(reading, m)) });
    } else if (named.length === 1) used[role] = named[0];
    else if (named.length > 1) {
      used[role] = named[0];
      questions.push({ reason: role === 'spend' ? 'spendAmbiguous' : 'revenueAmbiguous', role, candidates: options.map((m) => candidate(reading, m)) });
    } else {
      used[role] = options.find((m) => m.hint === 'neutral');
      questions.push({ reason: role === 'spend' ? 'noSpend' : 'noRevenue', role, candidates: options.map((m) => candidate(reading, m)) });
    }
  }
  return { used, questions, alternatives };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The channels with their sums for the measures used, in the order first seen. */
export function sumChannels(reading: Reading, used: Partial<Record<Role, Measure>>): { channels: HistoryChannel[]; labels: string[] } {
  const monthKeys = new Map<number, string>();
  for (const e of reading.entries) if (e.month && !e.blank && (e.measure === used.spend?.id || e.measure === used.revenue?.id)) monthKeys.set(e.month.key, monthKeys.get(e.month.key) ?? e.month.label);
  const keys = [...monthKeys.keys()].sort((a, b) => a - b);
  const slot = new Map(keys.map((k, i) => [k, i]));
  const byKey = new Map<string, HistoryChannel>();
  const months = new Map<string, Set<number>>();
  for (const seen of reading.channels) {
    byKey.set(seen.key, {
      name: seen.name,
      spend: 0,
      revenue: 0,
      months: 0,
      nameCell: seen.nameCell,
      spendCells: [],
      revenueCells: [],
      ...(keys.length ? { monthly: { spend: keys.map(() => 0), revenue: keys.map(() => 0) } } : {}),
      textAmounts: 0,
    });
    months.set(seen.key, new Set());
  }
  for (const e of reading.entries) {
    const role: Role | undefined = e.measure === used.spend?.id ? 'spend' : e.measure === used.revenue?.id ? 'revenue' : undefined;
    const channel = byKey.get(e.key);
    if (!role || !channel) continue;
    channel[role] += e.value;
    (role === 'spend' ? channel.spendCells : channel.revenueCells).push(e.cell);
    if (e.fromText) channel.textAmounts++;
    if (e.month && !e.blank && channel.monthly) {
      channel.monthly[role][slot.get(e.month.key)!] += e.value;
      months.get(e.key)!.add(e.month.key);
    }
  }
  const channels = [...byKey.entries()].map(([key, c]) => ({ ...c, spend: round(c.spend), revenue: round(c.revenue), months: months.get(key)!.size }));
  return { channels, labels: keys.map((k) => monthKeys.get(k)!) };
}

/** Rows and columns of measures not used: the plan lines, an unused amount column. */
export function unusedLeftOut(reading: Reading, used: Partial<Record<Role, Measure>>): LeftOut[] {
  const out: LeftOut[] = [];
  const usedIds = new Set([used.spend?.id, used.revenue?.id]);
  for (const m of reading.measures) {
    if (usedIds.has(m.id)) continue;
    const reason = m.hint === 'plan' ? 'plan' : 'other';
    if (m.id.startsWith('col:')) out.push({ kind: 'column', index: Number(m.id.slice(4)), label: m.label, reason });
    else {
      const rows = new Set(reading.entries.filter((e) => e.measure === m.id).map((e) => e.cell[0]));
      for (const r of rows) out.push({ kind: 'row', index: r, label: m.label, reason });
    }
  }
  return out;
}

/** The full verdict. */
export function judge(reading: Reading, options: ReadOptions = {}): History & { alternatives: Record<Role, Candidate[]> } {
  const { used, questions, alternatives } = choose(reading, options.picks);
  const { channels, labels } = sumChannels(reading, used);
  if (channels.length === 0) questions.push({ reason: 'noChannels', candidates: [] });
  const warnings = [...reading.warnings];
  if (options.incomplete) warnings.push({ code: 'incomplete' });
  const leftOut = [...reading.leftOut, ...unusedLeftOut(reading, used)].sort((a, b) => (a.kind === b.kind ? a.index - b.index : a.kind === 'row' ? -1 : 1));
  return {
    form: reading.form,
    confident: questions.length === 0,
    questions,
    headerRow: reading.headerRow,
    period: { months: labels.length, labels, ...(labels.length ? { from: labels[0], to: labels[labels.length - 1] } : {}) },
    channels,
    leftOut,
    warnings,
    used: {
      ...(used.spend ? { spend: candidate(reading, used.spend) } : {}),
      ...(used.revenue ? { revenue: candidate(reading, used.revenue) } : {}),
    },
    alternatives,
  };
}
