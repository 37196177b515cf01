/**
 * Every string the task pane shows, in French (France wording: TPE, externalisation, euros).
 * `qc.ts` overrides some of them with Québec wording.
 */
import type { StringKey } from './en';

export const fr: Record<StringKey, string> = {
  // Shell
  'app.title': 'MKT — décisions marketing',
  'app.subtitle':
    'Décidez pas à pas s’il faut externaliser votre marketing, avec un modèle vivant dans votre propre classeur.',
  'app.language': 'Langue',
  'app.language.fr': 'Français',
  'app.language.en': 'English',
  'app.outsideExcel.title': 'Ouvrez ce volet depuis Excel',
  'app.outsideExcel.body':
    'Cette page tourne dans un simple navigateur. Les actions sur le classeur sont désactivées : ouvrez le complément MKT depuis Excel pour les utiliser.',
  'app.steps': 'Étapes',
  'app.stepHeading': 'Étape {n} sur {total} — {name}',
  'app.stepButton': '{n}. {name}',
  'app.previous': 'Étape précédente',
  'app.next': 'Étape suivante',

  // Profile
  'profile.title': 'Votre entreprise',
  'profile.market': 'Marché',
  'profile.market.FR': 'France (euros)',
  'profile.market.QC': 'Québec (dollars canadiens)',
  'profile.market.OTHER': 'Autre (sans devise)',
  'profile.model': 'Modèle économique',
  'profile.model.local_service': 'Service local',
  'profile.model.ecommerce': 'E-commerce',
  'profile.model.b2b_service': 'Service B2B',
  'profile.margin': 'Marge',
  'profile.margin.high': 'Forte',
  'profile.margin.normal': 'Normale',
  'profile.margin.low': 'Faible',
  'profile.summary': 'Profil de budget : {profile} (seuils × {factor}). Montants en {currency}.',
  'profile.name.standard': 'standard',
  'profile.name.high_margin': 'forte marge',
  'profile.name.clickable': 'canal cliquable',
  'profile.name.local_low_margin': 'local à faible marge',
  'profile.currency.EUR': 'euros (€)',
  'profile.currency.CAD': 'dollars canadiens ($)',
  'profile.currency.NONE': 'nombres sans devise',

  // Steps
  'step.diagnostic': 'Diagnostic',
  'step.internalise': 'Internaliser ?',
  'step.arbitrage': 'Arbitrage',
  'step.share': 'Partager',
  'step.transfer': 'Transfert',
  'step.pilot': 'Pilote',
  'step.explain': 'Expliquer',
  'step.repair': 'Réparer',

  // Common action states
  'action.running': 'Écriture dans votre classeur…',
  'action.done': 'Terminé.',
  'action.errorTitle': 'Cela n’a pas fonctionné',
  'action.unexpected': 'Un imprévu est survenu dans Excel. Votre classeur n’a pas été modifié ; réessayez.',
  'action.written': 'Écrit : feuille « {sheet} ».',
  'action.replaced': 'Remplacé : feuille « {sheet} ».',
  'action.disabledOutside': 'Disponible dans Excel seulement.',
  'confirm.title': 'Remplacer la feuille ?',
  'confirm.body':
    'MKT a créé ces feuilles plus tôt : {sheets}. Les remplacer efface ce qu’elles contiennent maintenant.',
  'confirm.replace': 'Remplacer',
  'confirm.cancel': 'Annuler',
  'field.required': '{field} : une valeur est attendue',
  'field.pickCell': 'Depuis la cellule : {field}',
  'field.pickCellShort': 'Depuis la cellule',
  'field.linked': 'Lié à la cellule {cell}.',

  // Diagnostic
  'diagnostic.intro':
    'Indiquez à MKT votre historique marketing : une ligne par canal (ou par mois et par canal), avec la dépense et le chiffre d’affaires obtenu. MKT repère ce qui ne rapporte pas.',
  'diagnostic.source': 'Où est votre historique ?',
  'diagnostic.source.table': 'Un tableau Excel',
  'diagnostic.source.selection': 'La plage sélectionnée',
  'diagnostic.table': 'Tableau',
  'diagnostic.noTables': 'Aucun tableau dans ce classeur. Sélectionnez plutôt votre plage.',
  'diagnostic.loadTables': 'Chercher les tableaux',
  'diagnostic.detect': 'Détecter la disposition',
  'diagnostic.layout': 'Disposition détectée',
  'diagnostic.layoutSource': 'Source : {address}, {rows} lignes de données.',
  'diagnostic.column.channel': 'Colonne des canaux',
  'diagnostic.column.spend': 'Colonne des dépenses',
  'diagnostic.column.revenue': 'Colonne du chiffre d’affaires',
  'diagnostic.column.period': 'Colonne de la période (facultative)',
  'diagnostic.column.spend.monthly': 'Première colonne des dépenses (12 mois)',
  'diagnostic.column.revenue.monthly': 'Première colonne du chiffre d’affaires (12 mois)',
  'diagnostic.badLayout': 'Ces colonnes ne tiennent pas dans la plage : choisissez une colonne de canaux, et des colonnes de dépenses et de chiffre d’affaires de même largeur dans la plage.',
  'diagnostic.columnChoice': '{letter} — {header}',
  'layout.kind.single': 'un total par canal',
  'layout.kind.monthly': 'une colonne par mois',
  'layout.issue.noHeaderRow': 'Pas de ligne d’en-têtes : les colonnes sont désignées par leur lettre.',
  'layout.issue.noChannelColumn': 'Aucune colonne de noms de canaux trouvée.',
  'layout.issue.noSpendColumn': 'Aucune colonne de dépenses trouvée.',
  'layout.issue.noRevenueColumn': 'Aucune colonne de chiffre d’affaires trouvée.',
  'layout.issue.guessedByPosition': 'Les colonnes ont été devinées d’après leur position, pas leurs en-têtes.',
  'layout.issue.monthsIncomplete': 'Il manque des mois.',
  'layout.issue.numbersAsText': 'Des nombres sont stockés comme du texte ; MKT les ignore comme SOMME.',
  'layout.issue.totalRowExcluded': 'Une ligne de total a été écartée.',
  'layout.issue.tooFewRows': 'Trop peu de lignes pour juger.',
  'diagnostic.column.none': '(aucune)',
  'diagnostic.unsure': 'MKT n’est pas sûr de cette disposition. Vérifiez chaque colonne ci-dessous avant d’écrire.',
  'diagnostic.sure': 'MKT a reconnu les colonnes. Modifiez-les ci-dessous au besoin.',
  'diagnostic.write': 'Écrire la feuille Diagnostic',
  'diagnostic.channels': 'Canaux trouvés',
  'diagnostic.channelLine': '{channel} : ROI {ratio}:1 — {band}',
  'diagnostic.channelNoSpend': '{channel} : aucune dépense',
  'diagnostic.warnings': 'Points à vérifier',

  // Internalisation
  'internalise.intro':
    'Trois signaux disent quand internaliser le marketing. Saisissez vos chiffres ou prenez-les dans des cellules.',
  'internalise.hours': 'Heures de marketing par semaine',
  'internalise.hours.hint': 'Heures par semaine que demandent ensemble marketing, ventes et produit (0 à 168).',
  'internalise.fees': 'Honoraires externes annuels',
  'internalise.fees.hint': 'Ce que vous coûtent agences et freelances sur un an.',
  'internalise.salary': 'Salaire chargé annuel d’un profil interne',
  'internalise.salary.hint': 'Salaire brut plus charges patronales, sur un an.',
  'internalise.data': 'Nous avons besoin d’itérer très vite et d’une mémoire interne de nos données',
  'internalise.budget': 'Budget marketing mensuel',
  'internalise.budget.hint': 'Ce que vous dépensez en marketing par mois, tous canaux confondus.',
  'internalise.tier': 'Avec {amount} par mois : {tier}.',
  'internalise.thresholds': 'Paliers de budget pour votre profil : partielle dès {partial}, régulière dès {regular}, complète au-delà de {full} par mois.',
  'internalise.signals': 'Les trois signaux',
  'internalise.s1.title': 'Complexité',
  'internalise.s1.rule':
    'Allumé à partir de {hours}/semaine : le travail quotidien marketing, ventes et produit demande une présence à plein temps.',
  'internalise.s1.value': 'Vous : {hours}/semaine.',
  'internalise.s2.title': 'Masse critique budgétaire',
  'internalise.s2.rule':
    'Allumé quand les honoraires externes atteignent {ratio} du salaire chargé d’un profil interne ; de {low} à {high}, c’est la zone de bascule ; à {high} et plus, le signal est fort.',
  'internalise.s2.value': 'Vous : les honoraires font {ratio} du salaire.',
  'internalise.s2.breakeven': 'Le signal s’allume à {amount} d’honoraires par an.',
  'internalise.s3.title': 'Culture de la donnée',
  'internalise.s3.rule':
    'Allumé quand il faut itérer très vite et garder une mémoire de l’entreprise : cela exige une personne dédiée.',
  'internalise.s3.value.yes': 'Vous : oui.',
  'internalise.s3.value.no': 'Vous : non.',
  'internalise.on': 'Allumé',
  'internalise.off': 'Éteint',
  'internalise.tipping': 'Allumé — zone de bascule',
  'internalise.strong': 'Allumé — fort',
  'internalise.badgePending': 'À compléter',
  'internalise.verdictPending': 'Renseignez les heures, les honoraires et le salaire pour voir le verdict.',
  'internalise.verdict': 'Signaux allumés : {score} sur 3 → {decision}',
  'internalise.rule': '2 ou 3 signaux : internaliser ; 1 : préparer la transition ; 0 : externaliser.',
  'internalise.write': 'Écrire le bloc d’internalisation',

  // Arbitrage
  'arbitrage.intro':
    'Répartissez un budget entre vos canaux selon leur rendement : les canaux sous le plancher de ROI ne reçoivent rien, les autres se partagent le budget en proportion de leur ratio.',
  'arbitrage.budget': 'Budget total à répartir',
  'arbitrage.budget.hint': 'Sur la même période que les dépenses de votre historique (un an s’il couvre un an).',
  'arbitrage.floorRule': 'Les canaux qui rapportent moins de {floor}:1 ne reçoivent rien (la cible va de {low}:1 à {high}:1). Modifiez le plancher sur la feuille Hypothèses.',
  'arbitrage.write': 'Écrire la feuille Arbitrage',
  'arbitrage.needDiagnostic': 'Faites d’abord l’étape Diagnostic : l’arbitrage utilise ses canaux.',
  'arbitrage.method': 'Répartir le budget',
  'arbitrage.method.average': 'Selon le rendement moyen (MKT.ALLOCATE)',
  'arbitrage.method.marginal': 'Selon le rendement marginal, d’après l’historique mensuel (MKT.ALLOCATE_MARGINAL)',
  'arbitrage.marginal.intro':
    'Chaque canal reçoit une courbe de rendement décroissant ajustée à ses mois ; le budget va là où le prochain euro rapporte le plus, chaque canal au plus {cap} × son meilleur mois.',
  'arbitrage.marginal.budget': 'Budget mensuel à répartir',
  'arbitrage.marginal.budget.hint': 'Le budget d’un mois : les courbes sont ajustées aux dépenses mensuelles.',
  'arbitrage.marginal.margin': 'Marge brute',
  'arbitrage.marginal.margin.hint': 'La part du chiffre d’affaires qui reste après les coûts directs (45 % = 0,45) ; gardée sous le nom MKT_GROSS_MARGIN sur la feuille Hypothèses.',
  'arbitrage.marginal.needMonthly': 'La méthode marginale demande un historique mensuel (une colonne par mois pour les dépenses et pour les revenus) ; le Diagnostic a trouvé une colonne de chaque.',
  'arbitrage.marginal.warnings': 'À savoir avant d’écrire',
  'arbitrage.marginal.channel': 'Canal {channel} ({name}) : {text}',

  // Transfer
  'transfer.intro':
    'Consignez les hypothèses et les décisions pour que l’entreprise tourne sans aide extérieure. Chaque seuil va sur une feuille où vous pouvez le modifier.',
  'transfer.decisions': 'Décisions prises jusqu’ici',
  'transfer.noDecisions': 'Pas encore de décision : les étapes précédentes ajoutent les leurs ici.',
  'transfer.ownDecisions': 'Vos propres décisions',
  'transfer.onePerLine': 'Une par ligne. Écrites comme du texte.',
  'transfer.checklist.hint': 'Points supplémentaires, un par ligne, ajoutés aux points standard.',
  'decision.internalise': 'Internalisation : {decision} ({score} signaux sur 3).',
  'decision.tier': 'Budget de {amount} par mois : {tier}.',
  'decision.cut': 'Couper ou retravailler le canal « {channel} » : son rendement est sous le plancher.',
  'transfer.checklist': 'Liste de passation',
  'transfer.write': 'Écrire les feuilles de transfert',

  // Pilot
  'pilot.intro':
    'Testez l’externalisation sur {months} mois avant de vous engager. Au bout du compte : étendre, prolonger ou reprendre en interne.',
  'pilot.kpi': 'KPI principal',
  'pilot.kpi.hint': 'Par exemple : prospects qualifiés, ventes en ligne.',
  'pilot.target1': 'Objectif du KPI, mois 1',
  'pilot.target2': 'Objectif du KPI, mois 2',
  'pilot.target3': 'Objectif du KPI, mois 3',
  'pilot.useRoi': 'Exiger aussi un ROI d’au moins {roi}:1 pour étendre',
  'pilot.rules':
    'Après {months} mois : étendre à {expand} de l’objectif (et un ROI d’au moins {roi}:1), prolonger à partir de {extend}, sinon reprendre en interne. Sans reporting, on arrête.',
  'pilot.write': 'Créer le suivi du pilote',
  'pilot.status': 'Où en est votre pilote ?',
  'pilot.monthsElapsed': 'Mois écoulés',
  'pilot.achievement': 'Atteinte du KPI',
  'pilot.achievement.hint': 'Réalisé ÷ objectif : saisissez 85 % ou 0,85.',
  'pilot.roi': 'ROI du pilote (facultatif)',
  'pilot.roi.hint': 'Chiffre d’affaires par unité dépensée, par ex. 3,5.',
  'pilot.reportingOk': 'Le prestataire rend des comptes clairs et à temps',
  'pilot.verdict': 'Verdict : {verdict}.',
  'pilot.verdictPending': 'Saisissez les mois écoulés et l’atteinte du KPI pour voir le verdict.',

  // Explain
  'explain.intro': 'Sélectionnez une cellule qui contient une formule MKT, puis demandez pourquoi elle donne ce résultat.',
  'explain.run': 'Expliquer la cellule sélectionnée',

  // Repair
  'repair.intro':
    'Une formule saisie quand MKT n’était pas chargé, ou enregistrée à travers un autre complément, reste à #NOM? même une fois MKT chargé, tant qu’elle n’est pas ressaisie. Réparer ressaisit toutes ces formules MKT du classeur, et rien d’autre.',
  'repair.run': 'Réparer les formules MKT',
  // Partager
  'share.intro':
    'Une copie portable pour qui n’a pas MKT : chaque formule MKT devient des fonctions natives qu’Excel 2010 et plus, LibreOffice et Google Sheets calculent. Elle s’ouvre comme un nouveau classeur, à enregistrer.',
  'share.unchanged': 'Ce classeur n’est pas modifié. La copie liste, sur une feuille « Copie portable », ce qui a été traduit et ce qui a été figé à sa valeur.',
  'share.run': 'Faire la copie portable',
  'share.done': 'Copie ouverte : {translated} formule(s) traduite(s), {frozen} figée(s) ; voir la feuille « {sheet} ». Enregistrez-la sous un nouveau nom.',
  'share.unsupported.compressedFile': 'Cet Excel ne peut pas confier le fichier du classeur à un complément (Excel sur le web et sur iPad ne le peuvent pas).',
  'share.unsupported.createWorkbook': 'Cet Excel ne peut pas ouvrir un nouveau classeur depuis un complément (ExcelApi 1.8 est nécessaire).',
  'share.unsupported.zip': 'Le navigateur de cet Excel ne sait pas décompresser un classeur.',
  'share.desktopSteps': 'Ouvrez ce classeur dans Excel pour Windows ou Mac (sur le web\u00a0: «\u00a0Ouvrir dans l’application de bureau\u00a0»), puis revenez ici\u00a0: la copie s’y fait en un clic.',
  'share.unreadable': 'Le classeur n’a pas pu être lu ({detail}). Enregistrez-le, puis réessayez.',
  'share.failed': 'La copie portable n’a pas pu être faite : {detail}',

};
