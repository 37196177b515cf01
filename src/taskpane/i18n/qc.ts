/**
 * Québec wording: the French strings that differ for a Québec PME (impartition, PME, pigistes,
 * dollars). Used when the pane speaks French and the market is Québec.
 */
import { hiringQc } from './hiring';
import type { StringKey } from './en';

export const qc: Partial<Record<StringKey, string>> = {
  'arbitrage.marginal.intro':
    'Chaque canal reçoit une courbe de rendement décroissant ajustée à ses mois ; le budget va là où le prochain dollar rapporte le plus, chaque canal au plus {cap} × son meilleur mois.',
  'app.subtitle':
    'Décidez pas à pas s’il faut impartir le marketing de votre PME, avec un modèle vivant dans votre propre classeur.',
  'internalise.fees': 'Honoraires externes annuels (impartition)',
  'internalise.fees.hint': 'Ce que vous coûtent agences et pigistes sur un an.',
  'internalise.salary.hint': 'Salaire brut plus charges sociales de l’employeur, sur un an.',
  'internalise.rule': '2 ou 3 signaux : internaliser ; 1 : préparer la transition ; 0 : impartir.',
  'transfer.intro':
    'Consignez les hypothèses et les décisions pour que la PME soit autonome, sans aide extérieure. Chaque seuil va sur une feuille où vous pouvez le modifier.',
  'pilot.intro':
    'Testez l’impartition sur {months} mois avant de vous engager. Au bout du compte : étendre, prolonger ou reprendre à l’interne.',
  'pilot.reportingOk': 'Le fournisseur rend des comptes clairement et à temps',
  'pilot.rules':
    'Après {months} mois : étendre à {expand} de l’objectif (et un ROI d’au moins {roi}:1), prolonger à partir de {extend}, sinon reprendre à l’interne. Sans reddition de comptes, on arrête.',
  'diagnostic.intro':
    'Indiquez à MKT l’historique marketing de votre PME : une ligne par canal (ou par mois et par canal), avec la dépense et les revenus obtenus. MKT repère ce qui ne rapporte pas.',
  'diagnostic.form.columns': 'une ligne par canal, une colonne de dépenses et une de revenus',
  'diagnostic.form.blocks': 'les mois en colonnes, un bloc de dépenses et un bloc de revenus',
  'diagnostic.form.groupedRows': 'plusieurs lignes par canal (prévu, réel, revenus)',
  'diagnostic.read.sure': 'MKT a reconnu la dépense et les revenus à leurs en-têtes. Vérifiez les totaux ci-dessous, puis écrivez.',
  'diagnostic.pick.revenue': 'Revenus lus dans',
  'diagnostic.question.revenueAmbiguous': 'Plusieurs colonnes pourraient être les revenus.',
  'diagnostic.question.noRevenue': 'Aucun en-tête ne dit revenus (ou ventes, chiffre d’affaires) : MKT a pris la colonne ci-dessous.',
  'diagnostic.question.noHeader': 'Pas de ligne d’en-têtes : quelle colonne est la dépense, laquelle les revenus?',
  'diagnostic.channelTotals': '{channel} : dépense {spend}, revenus {revenue} — ROI {ratio}:1, {band}',
  'diagnostic.channelTotalsNoSpend': '{channel} : dépense {spend}, revenus {revenue} — aucune dépense',
  'diagnostic.leftOut.reason.other': 'ni dépense ni revenus',
  'repair.intro':
    'Une formule entrée pendant que MKT n’était pas chargé, ou enregistrée par l’entremise d’un autre complément, reste à #NOM? même une fois MKT chargé, tant qu’elle n’est pas entrée de nouveau. Réparer entre de nouveau toutes ces formules MKT du classeur, et rien d’autre.',
  // Cost of a hire (hiring.ts)
  ...hiringQc,
};
