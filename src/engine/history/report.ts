/**
 * A saved history as the command line prints it: the --json object and the lines for people.
 * Pure; every text from the workbook is escaped for the terminal by the caller.
 */
import { FORM_WORDS, LEFT_OUT_WORDS, UNSURE_WORDS, usedText, warningText } from '../../excel/history/messages';
import type { Language } from '../../rules/labels';
import { a1Of, type SavedHistory } from './saved';

function letters(col: number): string {
  return a1Of(0, col).replace(/\d+$/, '');
}

/** The --json object (README, "read-history"). */
export function historyJson(saved: SavedHistory, lang: Language) {
  const { history: h, top, left } = saved;
  const where = ([r, c]: readonly [number, number]) => a1Of(top + r, left + c);
  return {
    source: saved.source,
    confident: h.confident,
    form: h.form,
    period: { months: h.period.months, ...(h.period.from !== undefined ? { from: h.period.from, to: h.period.to } : {}) },
    channels: h.channels.map((c) => ({ name: c.name, spend: c.spend, revenue: c.revenue, months: c.months })),
    used: { spend: h.used.spend?.label ?? null, revenue: h.used.revenue?.label ?? null },
    left_out: h.leftOut.map((l) => ({
      ...(l.kind === 'row' ? { row: top + l.index + 1 } : { column: letters(left + l.index) }),
      label: l.label,
      reason: l.reason,
      why: LEFT_OUT_WORDS[lang][l.reason],
    })),
    warnings: h.warnings.map((w) => ({ code: w.code, message: warningText(w, lang, where) })),
    unsure: h.questions.map((q) => ({
      reason: q.reason,
      ...(q.role ? { role: q.role } : {}),
      message: UNSURE_WORDS[lang][q.reason],
      candidates: q.candidates.map((c) => ({ label: c.label, total: c.total })),
    })),
  };
}

const amount = (n: number, lang: Language) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 2 });

/** The lines for people. */
export function* historyLines(saved: SavedHistory, lang: Language): Generator<string> {
  const fr = lang === 'fr';
  const j = historyJson(saved, lang);
  const h = saved.history;
  yield `${j.source} — ${FORM_WORDS[lang][h.form]}`;
  yield usedText(h, lang);
  if (h.period.months) yield fr ? `Période : ${h.period.months} mois, de ${h.period.from} à ${h.period.to}` : `Period: ${h.period.months} months, from ${h.period.from} to ${h.period.to}`;
  const width = Math.max(8, ...j.channels.map((c) => c.name.length));
  yield `${(fr ? 'Canal' : 'Channel').padEnd(width)}  ${(fr ? 'Dépense' : 'Spend').padStart(12)}  ${(fr ? 'CA' : 'Revenue').padStart(12)}  ${fr ? 'Mois' : 'Months'}`;
  for (const c of j.channels) yield `${c.name.padEnd(width)}  ${amount(c.spend, lang).padStart(12)}  ${amount(c.revenue, lang).padStart(12)}  ${c.months}`;
  for (const l of j.left_out) yield `${fr ? 'Laissé de côté' : 'Left out'} ${'row' in l ? `${fr ? 'ligne' : 'row'} ${l.row}` : `${fr ? 'colonne' : 'column'} ${l.column}`}${l.label ? (fr ? ` « ${l.label} »` : ` "${l.label}"`) : ''}${fr ? ' :' : ':'} ${l.why}`;
  for (const w of j.warnings) yield `! ${w.message}`;
  if (h.confident) yield fr ? 'Lecture sûre.' : 'Sure of this read.';
  else {
    yield fr ? 'Lecture incertaine :' : 'Unsure of this read:';
    for (const q of j.unsure) {
      const options = q.candidates.map((c) => (fr ? `« ${c.label || '?'} »` : `"${c.label || '?'}"`) + ` (${amount(c.total, lang)})`).join(', ');
      yield `  - ${q.message}${options ? (fr ? ` ; au choix : ${options}` : `; to choose from: ${options}`) : ''}`;
    }
    yield fr ? 'Donnez des en-têtes clairs (Canal, Dépenses, CA) ou choisissez les colonnes dans le volet MKT.' : 'Give clear headers (Channel, Spend, Revenue) or pick the columns in the MKT pane.';
  }
}
