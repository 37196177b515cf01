/** Why an action failed, in words the user can act on (fr/en): one message per `FailureKey`. */
import type { Language } from '../../rules/labels';

export type FailureKey =
  | 'protected'
  | 'workbookProtected'
  | 'editMode'
  | 'tooLarge'
  | 'sourceMissing'
  | 'emptySource'
  | 'noLayout'
  | 'badReference'
  | 'refInsideBlock'
  | 'refSheetMissing'
  | 'badNumber'
  | 'noMktFormula'
  | 'noHiringBlock'
  | 'unsupported'
  | 'unknown';

export const FAILURES: Record<Language, Record<FailureKey, (p: Record<string, string | number>) => string>> = {
  fr: {
    protected: (p) => `La feuille « ${p.sheet} » est protégée : ôtez la protection (Révision > Ôter la protection) puis recommencez. Rien n’a été modifié.`,
    workbookProtected: () => 'La structure du classeur est protégée : aucune feuille ne peut être ajoutée. Ôtez la protection puis recommencez. Rien n’a été modifié.',
    editMode: () => 'Une cellule est en cours de modification : validez-la (Entrée) ou annulez (Échap), puis recommencez. Rien n’a été modifié.',
    tooLarge: (p) => `Les données sont trop volumineuses pour Excel (${p.detail}). Sélectionnez moins de lignes ou de colonnes. Rien n’a été modifié.`,
    sourceMissing: (p) => `Les données « ${p.source} » sont introuvables : ont-elles été déplacées ou supprimées ?`,
    emptySource: () => 'La sélection est vide : sélectionnez le tableau des canaux, dépenses et revenus.',
    noLayout: () => 'Aucune colonne de nombres n’a été trouvée : indiquez les colonnes des canaux, dépenses et revenus.',
    badReference: (p) => `« ${p.ref} » n’est pas une référence de cellule valide.`,
    refInsideBlock: (p) => `« ${p.ref} » est dans les cellules que le volet écrit sur « ${p.sheet} » : la formule se lirait elle-même. Choisissez une cellule hors de ce bloc. Rien n’a été modifié.`,
    refSheetMissing: (p) => `« ${p.ref} » : la feuille « ${p.sheet} » n’existe plus. Choisissez une autre cellule. Rien n’a été modifié.`,
    badNumber: (p) => `« ${p.field} » : un nombre est attendu.`,
    noMktFormula: () => 'La cellule sélectionnée ne contient pas de formule MKT.',
    noHiringBlock: () => 'Salaire chargé : saisissez-le, ou calculez-le d’abord avec le coût d’un recrutement (bloc MKT_LOADED_SALARY). Rien n’a été modifié.',
    unsupported: () => 'Cette version d’Excel ne permet pas cette action (ExcelApi 1.9 requis).',
    unknown: (p) => `Excel a refusé l’opération (${p.detail}). Rien n’a été modifié.`,
  },
  en: {
    protected: (p) => `The sheet "${p.sheet}" is protected: unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.`,
    workbookProtected: () => 'The workbook structure is protected: no sheet can be added. Unprotect it and try again. Nothing was changed.',
    editMode: () => 'A cell is being edited: press Enter or Esc, then try again. Nothing was changed.',
    tooLarge: (p) => `The data is too large for Excel (${p.detail}). Select fewer rows or columns. Nothing was changed.`,
    sourceMissing: (p) => `The data "${p.source}" cannot be found: was it moved or deleted?`,
    emptySource: () => 'The selection is empty: select the table of channels, spend and revenue.',
    noLayout: () => 'No column of numbers was found: say which columns hold channels, spend and revenue.',
    badReference: (p) => `"${p.ref}" is not a valid cell reference.`,
    refInsideBlock: (p) => `"${p.ref}" is among the cells the pane writes on "${p.sheet}": the formula would read itself. Pick a cell outside that block. Nothing was changed.`,
    refSheetMissing: (p) => `"${p.ref}": the sheet "${p.sheet}" no longer exists. Pick another cell. Nothing was changed.`,
    badNumber: (p) => `"${p.field}": a number is expected.`,
    noMktFormula: () => 'The selected cell holds no MKT formula.',
    noHiringBlock: () => 'Loaded salary: enter it, or compute it first with the cost of a hire (the MKT_LOADED_SALARY block). Nothing was changed.',
    unsupported: () => 'This version of Excel cannot do this (ExcelApi 1.9 required).',
    unknown: (p) => `Excel refused the operation (${p.detail}). Nothing was changed.`,
  },
};
