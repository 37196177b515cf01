/**
 * The history read in words, French and English: for the command line (the pane has its own
 * strings under `diagnostic.` in src/taskpane/i18n). Pure.
 */
import type { Language } from '../../rules/labels';
import type { History, HistoryForm, HistoryWarning, LeftOutReason, UnsureReason } from './types';

export const FORM_WORDS: Record<Language, Record<HistoryForm, string>> = {
  fr: {
    columns: 'une ligne par canal, une colonne de dépenses et une de CA',
    monthsAcross: 'une ligne par canal, les mois en colonnes',
    blocks: 'les mois en colonnes, un bloc de dépenses et un bloc de CA',
    groupedRows: 'plusieurs lignes par canal (prévu, réel, CA)',
    journal: 'un journal : une ligne par mois et par canal',
    monthsDown: 'une ligne par mois, deux colonnes par canal',
  },
  en: {
    columns: 'a row per channel, a spend and a revenue column',
    monthsAcross: 'a row per channel, months across',
    blocks: 'months across, a spend block and a revenue block',
    groupedRows: 'several rows per channel (planned, actual, revenue)',
    journal: 'a journal: a row per month and channel',
    monthsDown: 'a row per month, a column pair per channel',
  },
};

export const LEFT_OUT_WORDS: Record<Language, Record<LeftOutReason, string>> = {
  fr: {
    total: 'total, recalculé par MKT',
    subtotal: 'sous-total',
    ratio: 'ratio ou calcul, pas un montant',
    plan: 'prévu, pas la dépense réelle',
    noName: 'montants sans nom de canal',
    other: 'ni dépense ni CA',
    section: 'titre de section',
  },
  en: {
    total: 'a total, MKT sums again',
    subtotal: 'a subtotal',
    ratio: 'a ratio or a calculation, not an amount',
    plan: 'planned, not the actual spend',
    noName: 'amounts without a channel name',
    other: 'neither spend nor revenue',
    section: 'a section title',
  },
};

export const UNSURE_WORDS: Record<Language, Record<UnsureReason, string>> = {
  fr: {
    noHeader: 'pas de ligne d’en-tête : quelle colonne est la dépense, laquelle le CA ?',
    spendAmbiguous: 'plusieurs colonnes pourraient être la dépense',
    revenueAmbiguous: 'plusieurs colonnes pourraient être le CA',
    noSpend: 'aucune colonne ne dit « dépense » (ou coût, investissement, réel)',
    noRevenue: 'aucune colonne ne dit « CA » (ou chiffre d’affaires, ventes, revenus)',
    noChannels: 'aucun canal trouvé',
    incomplete: 'la plage est trop grande pour être lue en entier',
  },
  en: {
    noHeader: 'no header row: which column is the spend, which the revenue?',
    spendAmbiguous: 'several columns could be the spend',
    revenueAmbiguous: 'several columns could be the revenue',
    noSpend: 'no column says "spend" (or cost, investment, actual)',
    noRevenue: 'no column says "revenue" (or sales, turnover, CA)',
    noChannels: 'no channel found',
    incomplete: 'the range is too large to be read whole',
  },
};

/** One line per warning. */
export function warningText(w: HistoryWarning, lang: Language, where: (cell: readonly [number, number]) => string): string {
  const fr = lang === 'fr';
  switch (w.code) {
    case 'textAmounts':
      return fr
        ? `${w.count} montant(s) saisis comme du texte (${where(w.cell)} : « ${w.example} ») : lus ici, mais SOMME et les fonctions MKT les ignorent ; convertissez-les en nombres.`
        : `${w.count} amount(s) typed as text (${where(w.cell)}: "${w.example}"): read here, but SUM and the MKT functions skip them; convert them to numbers.`;
    case 'unreadAmounts':
      return fr
        ? `${w.count} cellule(s) de montants illisibles (${where(w.cell)} : « ${w.example} »), comptées comme vides.`
        : `${w.count} amount cell(s) that are not amounts (${where(w.cell)}: "${w.example}"), taken as blank.`;
    case 'summedRepeats':
      return fr ? `${w.channels} canal(aux) sur plusieurs lignes : leurs lignes sont additionnées.` : `${w.channels} channel(s) on several rows: their rows are added up.`;
    case 'incomplete':
      return fr ? 'Seules les premières lignes ont été lues.' : 'Only the first rows were read.';
  }
}

/** The spend and revenue a history read, in one sentence. */
export function usedText(history: History, lang: Language): string {
  const fr = lang === 'fr';
  const spend = history.used.spend?.label || '?';
  const revenue = history.used.revenue?.label || '?';
  return fr ? `Dépense lue dans « ${spend} », CA dans « ${revenue} ».` : `Spend read from "${spend}", revenue from "${revenue}".`;
}
