/** The write's and the removal's messages (fr/en): confirmations, a partial or refused write, a profile changed. */
import type { Language } from '../../rules/labels';

const list = (sheets: readonly string[], fr: boolean) => sheets.map((n) => (fr ? `« ${n} »` : `"${n}"`)).join(', ');

/** After a refused batch that had started to rewrite a sheet of the pane: what is not as it was. */
export const PARTIAL_REPLACE: Record<Language, (sheets: readonly string[]) => string> = {
  fr: (s) => `Attention : ce que le volet avait écrit dans ${list(s, true)} a pu être en partie effacé ou réécrit avant ce refus (vos propres cellules n’ont pas été touchées). Relancez l’action une fois le problème réglé pour le réécrire en entier. Les noms MKT et les autres feuilles sont comme avant.`,
  en: (s) => `Warning: what the pane had written in ${list(s, false)} may have been partly cleared or rewritten before this refusal (your own cells were not touched). Run the action again once the problem is solved to rewrite it in full. The MKT names and the other sheets are as they were.`,
};

/** After a refused batch whose undo Excel refused too. */
export const NOT_UNDONE: Record<Language, (sheets: readonly string[]) => string> = {
  fr: (s) => `Excel a aussi refusé l’annulation : vérifiez ${list(s, true)} et les noms MKT_ (Formules > Gestionnaire de noms).`,
  en: (s) => `Excel refused the undo too: check ${list(s, false)} and the MKT_ names (Formulas > Name Manager).`,
};

/** A failure message without its closing "nothing was changed", when that is not true. */
export function stripNothingChanged(message: string): string {
  return message.replace(/\s*(Rien n’a été modifié|Nothing was changed)\.\s*$/, '');
}

/** After a write that changed the MKT_PROFILE cell to the pane's profile. */
export const PROFILE_CHANGED: Record<Language, (from: string, to: string) => string> = {
  fr: (from, to) => `Le profil de budget (MKT_PROFILE) est passé de « ${from} » à « ${to} », le profil choisi dans le volet : MKT.BUDGET_TIER le suit.`,
  en: (from, to) => `The budget profile (MKT_PROFILE) changed from "${from}" to "${to}", the profile chosen in the pane: MKT.BUDGET_TIER follows it.`,
};

/** The bind check could not rewrite MKT cells left at #NAME? (French display, office-js issue 891). */
export const NOT_BOUND: Record<Language, (sheet: string) => string> = {
  fr: (sheet) => `Excel n’a pas reconnu certaines fonctions MKT écrites dans « ${sheet} » (#NOM?) : sélectionnez une de ces cellules, appuyez sur F2 puis Entrée, ou relancez l’écriture.`,
  en: (sheet) => `Excel did not recognise some MKT functions written in "${sheet}" (#NAME?): select one of those cells, press F2 then Enter, or run the write again.`,
};

export const CONFIRM_REPLACE: Record<Language, (sheets: string[]) => string> = {
  fr: (s) => `Remplacer ce que le volet a écrit dans ${s.map((n) => `« ${n} »`).join(', ')} ? Vos autres feuilles ne sont pas touchées.`,
  en: (s) => `Replace what the pane wrote in ${s.map((n) => `"${n}"`).join(', ')}? Your other sheets are not touched.`,
};

/** The question before "Retirer ce que MKT a écrit" (write/remove.ts). */
export const CONFIRM_REMOVE: Record<Language, (sheets: string[]) => string> = {
  fr: (s) =>
    `MKT retire ${s.length > 0 ? 'les feuilles ci-dessous et ' : ''}ses noms MKT_ du classeur. Une feuille où vous avez écrit vous-même est gardée\u00a0: seules les cellules de MKT y sont effacées. Vos autres feuilles et vos noms ne sont pas touchés.`,
  en: (s) =>
    `MKT removes ${s.length > 0 ? 'the sheets below and ' : ''}its MKT_ names from the workbook. A sheet where you wrote yourself is kept: only MKT's cells are cleared there. Your other sheets and names are not touched.`,
};
