/** The handover checklist of the Transfert sheet (France, Québec, English). */
import type { Language } from '../../rules/labels';
import type { WorkbookProfile } from '../types';
import { typeset } from './typography';

/** The handover checklist in Québec's words (fournisseur, rapports, courriel). */
const QUEBEC_CHECKLIST: readonly string[] = [
  'Processus d’acquisition par canal : qui fait quoi, à quelle fréquence, avec quels outils',
  'Accès et propriété des comptes (publicité, analytique, CRM, site, réseaux sociaux, courriel)',
  'Indicateurs suivis (pistes, ventes), leur définition et où les trouver (tableau de bord)',
  'Calendrier et contenu des rapports du fournisseur',
  'Hypothèses de cette feuille et qui peut les modifier',
  'Budget par canal et règle d’arbitrage (seuil de ROI)',
  'Historique des campagnes : ce qui a marché, ce qui a été arrêté et pourquoi',
  'Contrats et préavis des fournisseurs',
].map(typeset);

export function checklistFor(profile: Pick<WorkbookProfile, 'lang' | 'region'>): readonly string[] {
  return profile.lang === 'fr' && profile.region === 'QC' ? QUEBEC_CHECKLIST : CHECKLIST[profile.lang];
}

/** The standard handover checklist (seed 000, step 3 "Transfert"; seed 003, pilot and reporting). */
export const CHECKLIST: Record<Language, readonly string[]> = {
  fr: [
    'Processus d’acquisition par canal : qui fait quoi, à quelle fréquence, avec quels outils',
    'Accès et propriété des comptes (publicité, analytique, CRM, site, réseaux sociaux)',
    'Indicateurs suivis, leur définition et où les trouver (tableau de bord)',
    'Calendrier et contenu du reporting du prestataire',
    'Hypothèses de cette feuille et qui peut les modifier',
    'Budget par canal et règle d’arbitrage (seuil de ROI)',
    'Historique des campagnes : ce qui a marché, ce qui a été arrêté et pourquoi',
    'Contrats et préavis des prestataires',
  ].map(typeset),
  en: [
    'Acquisition process per channel: who does what, how often, with which tools',
    'Account access and ownership (ads, analytics, CRM, website, social media)',
    'Metrics tracked, their definition and where to find them (dashboard)',
    'Schedule and content of the provider’s reporting',
    'The assumptions on this sheet and who may change them',
    'Budget per channel and the allocation rule (ROI floor)',
    'Campaign history: what worked, what was stopped and why',
    'Provider contracts and notice periods',
  ],
};
