/**
 * The glossary links' words (keys `glossary.*`), spread into the en / fr tables: each term's
 * name, the link's accessible name, and `glossary.page`, the help page of the pane's language
 * (help.html in French, help-en.html in English, both beside the pane in dist/).
 */
import { frenchTable } from '../../i18n/typography';

export const glossaryEn = {
  'glossary.page': 'help-en.html',
  'glossary.link': 'Glossary: {term} (opens in a new window)',
  'glossary.term.roas': 'ROAS',
  'glossary.term.roas-equilibre': 'break-even ROAS',
  'glossary.term.contribution': 'contribution',
  'glossary.term.courbe-reponse': 'response curve',
  'glossary.term.rendement-marginal': 'marginal return',
  'glossary.term.salaire-charge': 'loaded salary',
} as const;

export const glossaryFr: Record<keyof typeof glossaryEn, string> = frenchTable({
  'glossary.page': 'help.html',
  'glossary.link': 'Glossaire : {term} (s’ouvre dans une nouvelle fenêtre)',
  'glossary.term.roas': 'ROAS',
  'glossary.term.roas-equilibre': 'ROAS d’équilibre',
  'glossary.term.contribution': 'contribution',
  'glossary.term.courbe-reponse': 'courbe de réponse',
  'glossary.term.rendement-marginal': 'rendement marginal',
  'glossary.term.salaire-charge': 'salaire chargé',
});
