/**
 * The words of « Insérer l'exemple » (keys `example.*`) and of the glossary links (`glossary.*`),
 * spread into the en / fr / qc tables. French strings get French typography (frenchTable).
 * `glossary.page` is the help page of the pane's language: help.html in French, help-en.html in
 * English (both beside the pane in dist/).
 */
import { frenchTable } from '../../i18n/typography';

export const exampleEn = {
  'example.offer.FR': 'No history yet? Try MKT on an example: the budget of a small business in France.',
  'example.offer.QC': 'No history yet? Try MKT on an example: the budget of an SME in Québec.',
  'example.insert': 'Insert the example',
  'example.inserted': 'Added at the end of the workbook: {sheets}. Start with “{first}”.',
  'example.clash': 'Nothing inserted: this workbook already has {count|a sheet|sheets} named {names}. Rename {count|it|them}, or download the example.',
  'example.failed': 'Excel did not insert the example ({detail}). Download it and open it instead.',
  'example.noInsert': 'This version of Excel cannot insert sheets from a file: download the example and open it.',
  'example.download': 'Download the example ({file})',
  'glossary.page': 'help-en.html',
  'glossary.link': 'Glossary: {term} (opens in a new window)',
  'glossary.term.roas': 'ROAS',
  'glossary.term.roas-equilibre': 'break-even ROAS',
  'glossary.term.contribution': 'contribution',
  'glossary.term.courbe-reponse': 'response curve',
  'glossary.term.rendement-marginal': 'marginal return',
  'glossary.term.salaire-charge': 'loaded salary',
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
  'glossary.page': 'help.html',
  'glossary.link': 'Glossaire : {term} (s’ouvre dans une nouvelle fenêtre)',
  'glossary.term.roas': 'ROAS',
  'glossary.term.roas-equilibre': 'ROAS d’équilibre',
  'glossary.term.contribution': 'contribution',
  'glossary.term.courbe-reponse': 'courbe de réponse',
  'glossary.term.rendement-marginal': 'rendement marginal',
  'glossary.term.salaire-charge': 'salaire chargé',
});
