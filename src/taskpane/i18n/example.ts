/**
 * The words of « Insérer l'exemple » (keys `example.*`). Not in the pane's tables: only the
 * offer's own chunk (steps/ExampleOffer.tsx) imports them, so the first render carries none.
 * French strings get French typography (frenchTable); the example of a Québec profile is Québec's,
 * so no string names a currency or says TPE (test/taskpane/example-offer.test.tsx checks it).
 */
import { frenchTable } from '../../i18n/typography';
import { fillTemplate, type Language, type Params } from './index';

export const exampleEn = {
  'example.offer.FR': 'No history yet? Try MKT on an example: the budget of a small business in France.',
  'example.offer.QC': 'No history yet? Try MKT on an example: the budget of an SME in Québec.',
  'example.insert': 'Insert the example',
  'example.inserted': 'Added at the end of the workbook: {sheets}. Start with “{first}”.',
  'example.clash': 'Nothing inserted: this workbook already has {count|a sheet|sheets} named {names}. Rename {count|it|them}, or download the example.',
  'example.failed': 'Excel did not insert the example ({detail}). Download it and open it instead.',
  'example.noInsert': 'This version of Excel cannot insert sheets from a file: download the example and open it.',
  'example.download': 'Download the example ({file})',
} as const;

export type ExampleKey = keyof typeof exampleEn;

export const exampleFr: Record<ExampleKey, string> = frenchTable({
  'example.offer.FR': 'Pas encore d’historique ? Essayez MKT sur un exemple : le budget d’une petite entreprise en France.',
  'example.offer.QC': 'Pas encore d’historique ? Essayez MKT sur un exemple : le budget d’une PME au Québec.',
  'example.insert': 'Insérer l’exemple',
  'example.inserted': 'Ajoutées à la fin du classeur : {sheets}. Commencez par « {first} ».',
  'example.clash':
    'Rien n’a été inséré : ce classeur a déjà {count|une feuille nommée|des feuilles nommées} {names}. Renommez-{count|la|les}, ou téléchargez l’exemple.',
  'example.failed': 'Excel n’a pas inséré l’exemple ({detail}). Téléchargez-le et ouvrez-le plutôt.',
  'example.noInsert': 'Cette version d’Excel ne sait pas insérer des feuilles depuis un fichier : téléchargez l’exemple et ouvrez-le.',
  'example.download': 'Télécharger l’exemple ({file})',
});

export const EXAMPLE_WORDS: Record<Language, Record<ExampleKey, string>> = { en: exampleEn, fr: exampleFr };

/** `t` for the offer's keys. */
export function exampleText(language: Language, key: ExampleKey, params?: Params): string {
  return fillTemplate(language, EXAMPLE_WORDS[language][key], params);
}
