/**
 * What the pane shows and sends, derived from its state: field readings, previews computed by
 * src/rules, and the inputs of the src/excel actions. Pure functions, so components stay thin.
 */
import {
  assessInternalisation,
  breakevenRoas,
  contribution,
  decide,
  decisionReason,
  PAYBACK_LIMIT,
  type DecisionReason,
  type DecisionResult,
  breakevenFees,
  budgetTier,
  CODE_LABELS,
  isRuleError,
  labelOf,
  pilotVerdict,
  PROFILE_FACTORS,
  profileFor,
  roiBand,
  roiRatio,
  tierThresholds,
  type BudgetProfile,
  type BudgetTier,
  type InternaliseAssessment,
  type PilotVerdict,
  type RoiBand,
  type TierThresholds,
} from '../../rules';
import type {
  ArbitrageInput,
  ChannelSummary,
  Decision,
  DetectedLayout,
  SourceData,
  DiagnosticInput,
  InputCell,
  InternalisationInput,
  PilotInput,
  TransferInput,
  WorkbookProfile,
} from '../../excel';
import { columnLetters } from '../../excel';
import type { Formats, Language, Translate } from '../i18n';
import { readField, type Issue, type Reading } from './input';
import { FIELD_KINDS, type FieldId, type PaneState } from './state';

export type Readings = Record<FieldId, Reading<number | undefined>>;

export function readAll(state: PaneState): Readings {
  const entries = (Object.keys(FIELD_KINDS) as FieldId[]).map((id) => [id, readField(FIELD_KINDS[id], state.fields[id].text, state.language)]);
  return Object.fromEntries(entries) as Readings;
}

/** The number a field holds, when it holds a valid one. */
export function valueOf(readings: Readings, id: FieldId): number | undefined {
  const r = readings[id];
  return r.ok ? r.value : undefined;
}

const REQUIRED: Issue = { from: 'pane', key: 'field.required' };

/** The issue to show next to a field: a bad value always, a missing one once the user tried the action. */
export function issueOf(state: PaneState, readings: Readings, id: FieldId, required: boolean, submitted: boolean): Issue | undefined {
  const r = readings[id];
  if (!r.ok) return r.issue;
  if (required && submitted && r.value === undefined && !state.fields[id].ref) return REQUIRED;
  return undefined;
}

/** True when every listed field holds a valid value or a cell reference. */
export function allReady(state: PaneState, readings: Readings, ids: readonly FieldId[]): boolean {
  return ids.every((id) => {
    const r = readings[id];
    return r.ok && (r.value !== undefined || state.fields[id].ref !== undefined);
  });
}

export function budgetProfileOf(state: PaneState): BudgetProfile {
  return profileFor(state.model, state.margin);
}

/** The profile the workbook layer writes with. The layer knows France and Québec; "other" writes like France. */
export function workbookProfile(state: PaneState): WorkbookProfile {
  return { lang: state.language, region: state.market === 'QC' ? 'QC' : 'FR', budgetProfile: budgetProfileOf(state) };
}

export function profileFactor(state: PaneState): number {
  return PROFILE_FACTORS[budgetProfileOf(state)];
}

export function cell(state: PaneState, readings: Readings, id: FieldId): InputCell {
  const ref = state.fields[id].ref;
  return ref ? { ref } : { value: valueOf(readings, id) ?? 0 };
}

// -------------------------------------------------------------------------------------------
// Internalisation

/** The loaded salary may be left empty: the hiring-cost sheet's MKT_LOADED_SALARY then stands in. */
export const INTERNALISE_FIELDS = ['hours', 'fees', 'monthlyBudget'] as const satisfies readonly FieldId[];

export interface InternalisePreview {
  assessment?: InternaliseAssessment;
  /** Fees at which the budget signal turns on, when the salary is known. */
  breakeven?: number;
  tier?: BudgetTier;
  thresholds: TierThresholds;
}

/** `hiringLoaded`: the hiring-cost panel's loaded salary, used while the salary field is empty. */
export function internalisePreview(state: PaneState, readings: Readings, hiringLoaded?: number): InternalisePreview {
  const hours = valueOf(readings, 'hours');
  const fees = valueOf(readings, 'fees');
  const typed = valueOf(readings, 'salary');
  const salary = typed === undefined && !state.fields.salary.ref ? hiringLoaded : typed;
  const budget = valueOf(readings, 'monthlyBudget');
  const profile = budgetProfileOf(state);
  const assessed =
    hours !== undefined && fees !== undefined && salary !== undefined && salary > 0
      ? assessInternalisation({ weeklyHours: hours, externalFees: fees, loadedSalary: salary, dataNeed: state.flags.dataNeed })
      : undefined;
  const breakeven = salary !== undefined ? breakevenFees(salary) : undefined;
  const tier = budget !== undefined ? budgetTier(budget, profile) : undefined;
  return {
    assessment: assessed === undefined || isRuleError(assessed) ? undefined : assessed,
    breakeven: breakeven === undefined || isRuleError(breakeven) ? undefined : breakeven,
    tier: tier === undefined || isRuleError(tier) ? undefined : tier,
    thresholds: tierThresholds(profile),
  };
}

export function internalisationInput(state: PaneState, readings: Readings): InternalisationInput {
  return {
    profile: workbookProfile(state),
    weeklyHours: cell(state, readings, 'hours'),
    externalFees: cell(state, readings, 'fees'),
    loadedSalary: salaryLeftToHiring(state, readings) ? { hiring: true } : cell(state, readings, 'salary'),
    dataNeed: { value: state.flags.dataNeed },
    monthlyBudget: cell(state, readings, 'monthlyBudget'),
    crossover: state.crossoverMonth !== undefined,
  };
}

/** The salary field is empty (no value, no cell): Signal 2 reads the hiring-cost sheet's loaded salary. */
export function salaryLeftToHiring(state: PaneState, readings: Readings): boolean {
  return valueOf(readings, 'salary') === undefined && readings.salary.ok && !state.fields.salary.ref;
}

// -------------------------------------------------------------------------------------------
// Décision: one recommendation (RULES.md §9), from MKT.DECISION's rule

export type SignalId = 'complexity' | 'criticalMass' | 'dataCulture';

export interface DecisionPreview {
  code: DecisionResult;
  reason: DecisionReason;
  signalsOn: SignalId[];
  tier: BudgetTier;
  budget: number;
  crossoverMonth?: number;
  /** Fees ÷ loaded salary, as Signal 2 read it (the panel's loaded salary when the field is empty). */
  feesToSalary: number;
}

/** `hiringLoaded`: the hiring-cost panel's loaded salary, which stands in for an empty salary field. */
export function decisionPreview(state: PaneState, readings: Readings, hiringLoaded?: number): DecisionPreview | undefined {
  const { assessment, tier } = internalisePreview(state, readings, hiringLoaded);
  const budget = valueOf(readings, 'monthlyBudget');
  if (!assessment || !tier || budget === undefined) return undefined;
  const inputs = { signal: assessment.code, tier, crossoverMonth: state.crossoverMonth };
  const code = decide(inputs);
  if (isRuleError(code)) return undefined;
  const signalsOn: SignalId[] = [];
  if (assessment.complexity) signalsOn.push('complexity');
  if (assessment.criticalMass) signalsOn.push('criticalMass');
  if (assessment.dataCulture) signalsOn.push('dataCulture');
  return { code, reason: decisionReason(inputs), signalsOn, tier, budget, crossoverMonth: state.crossoverMonth, feesToSalary: assessment.feesToSalary };
}

/** The inputs disagree when the yearly external fees are above 12 × the monthly budget (RULES.md §9). */
export function feesDisagree(readings: Readings): { fees: number; yearly: number } | undefined {
  const fees = valueOf(readings, 'fees');
  const budget = valueOf(readings, 'monthlyBudget');
  if (fees === undefined || budget === undefined || !(fees > 12 * budget)) return undefined;
  return { fees, yearly: 12 * budget };
}

export interface DecisionWords {
  headline: string;
  reason: string;
  next: string;
}

/** The headline, its reason in one sentence built from the inputs, and the next step. */
export function decisionWords(preview: DecisionPreview, state: PaneState, readings: Readings, t: Translate, formats: Formats, labelLanguage: LabelLanguageOf): DecisionWords {
  const hours = valueOf(readings, 'hours') ?? 0;
  const parts = preview.signalsOn.map((id) =>
    id === 'complexity'
      ? t('decision.signal.complexity', { hours: formats.hours(hours) })
      : id === 'criticalMass'
        ? t('decision.signal.criticalMass', { ratio: formats.percent(preview.feesToSalary) })
        : t('decision.signal.dataCulture'),
  );
  const signals = parts.length === 0 ? t('decision.signals.none') : t('decision.signals.some', { count: parts.length, list: parts.join(', ') });
  const month = preview.crossoverMonth;
  const params = {
    signals,
    budget: formats.amount(preview.budget),
    tier: label(preview.tier, labelLanguage),
    month: month ?? '',
    limit: PAYBACK_LIMIT,
    crossover: month !== undefined && month > 0 ? t('decision.crossover', { month }) : '',
  };
  const next =
    preview.code === 'IN_HOUSE' ? t('decision.next.IN_HOUSE')
    : preview.code === 'PREPARE' ? t('decision.next.PREPARE')
    : preview.code === 'HIRE' || preview.code === 'HIRE_LEAD' ? t('decision.next.hire')
    : t('decision.next.outsource');
  return {
    headline: t('decision.headline', { decision: label(preview.code, labelLanguage) }),
    reason: t(`decision.reason.${preview.reason}`, params),
    next,
  };
}

/** The LABEL language the pane shows codes in: Québec's words for a Québec business in French. */
export type LabelLanguageOf = Language | 'fr-CA';
export function labelLanguage(state: PaneState): LabelLanguageOf {
  return state.language === 'fr' && state.market === 'QC' ? 'fr-CA' : state.language;
}

// -------------------------------------------------------------------------------------------
// Diagnostic and arbitrage

export interface ChannelView {
  name: string;
  ratio?: number;
  band?: RoiBand;
  /** With a gross margin: revenue × margin − spend, and the break-even ROAS (1 ÷ margin). */
  contribution?: number;
  breakeven?: number;
}

export function channelViews(channels: readonly ChannelSummary[], margin?: number): ChannelView[] {
  return channels.map(({ name, spend, revenue }) => {
    const ratio = roiRatio(revenue, spend);
    if (isRuleError(ratio)) return { name };
    const band = roiBand(ratio);
    const view: ChannelView = { name, ratio, band: isRuleError(band) ? undefined : band };
    if (margin !== undefined) {
      const c = contribution(revenue, spend, margin);
      const b = breakevenRoas(margin);
      if (!isRuleError(c) && !isRuleError(b)) Object.assign(view, { contribution: c, breakeven: b });
    }
    return view;
  });
}

/** "; contribution … at a …% margin, break-even ROAS …:1" beside a ROAS, when the margin is known. */
export function roasDetail(view: ChannelView, margin: number | undefined, t: Translate, formats: Formats): string {
  if (view.contribution === undefined || view.breakeven === undefined || margin === undefined) return '';
  return t('roas.detail', { contribution: formats.amount(view.contribution), margin: formats.percent(margin), breakeven: formats.number(view.breakeven, 1) });
}

export function diagnosticInput(state: PaneState): DiagnosticInput | undefined {
  // Never on a guess: an unsure history read is written only once the user confirmed or picked.
  if (!state.source || !state.layout || state.source.history?.confident === false) return undefined;
  return { source: state.source.source, layout: state.layout, profile: workbookProfile(state) };
}

// -------------------------------------------------------------------------------------------
// Transfer

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function label(code: keyof typeof CODE_LABELS, language: Language | 'fr-CA'): string {
  const text = labelOf(code, language);
  return isRuleError(text) ? code : text;
}

/** Decisions the pane can state from the earlier steps, then the user's own, one per line. */
export function decisionsOf(state: PaneState, readings: Readings, t: Translate, amount: (n: number) => string): Decision[] {
  const decisions: Decision[] = [];
  const preview = internalisePreview(state, readings);
  const recommendation = decisionPreview(state, readings);
  if (preview.assessment) {
    decisions.push({ text: t('decision.internalise', { decision: label(preview.assessment.code, labelLanguage(state)), score: preview.assessment.score }) });
  }
  const budget = valueOf(readings, 'monthlyBudget');
  if (preview.tier && budget !== undefined) {
    decisions.push({ text: t('decision.tier', { tier: label(preview.tier, labelLanguage(state)), amount: amount(budget) }) });
  }
  if (recommendation) decisions.push({ text: t('decision.transfer', { decision: label(recommendation.code, labelLanguage(state)) }) });
  for (const channel of channelViews(state.source?.channels ?? [])) {
    if (channel.band === 'BELOW') decisions.push({ text: t('decision.cut', { channel: channel.name }) });
  }
  for (const text of lines(state.texts.decisions)) decisions.push({ text });
  return decisions;
}

export function transferInput(state: PaneState, decisions: Decision[]): TransferInput {
  return { profile: workbookProfile(state), decisions, extraChecklist: lines(state.texts.checklist) };
}

// -------------------------------------------------------------------------------------------
// Pilot

export const PILOT_FIELDS = ['target1', 'target2', 'target3'] as const satisfies readonly FieldId[];

export function pilotInput(state: PaneState, readings: Readings): PilotInput {
  const target = (id: FieldId) => valueOf(readings, id) ?? 0;
  return {
    profile: workbookProfile(state),
    kpiName: state.texts.kpiName.trim(),
    monthlyTargets: [target('target1'), target('target2'), target('target3')],
    useRoi: state.flags.useRoi,
  };
}

/** Where a running pilot stands, by MKT.PILOT_VERDICT's rule, once months and achievement are typed. */
export function pilotPreview(state: PaneState, readings: Readings): PilotVerdict | undefined {
  const monthsElapsed = valueOf(readings, 'monthsElapsed');
  const kpiAchievement = valueOf(readings, 'achievement');
  if (monthsElapsed === undefined || kpiAchievement === undefined) return undefined;
  const verdict = pilotVerdict({ monthsElapsed, kpiAchievement, roiRatio: valueOf(readings, 'pilotRoi'), reportingOk: state.flags.reportingOk });
  return isRuleError(verdict) ? undefined : verdict;
}

export { label as codeLabel };

// -------------------------------------------------------------------------------------------
// Columns of the source, for the user to correct the detected layout

export interface ColumnChoice {
  index: number;
  /** The column's letter on its sheet. */
  letter: string;
  /** The header text, as found in the sheet, when the layout has a header row. */
  header?: string;
}

export function columnChoices(source: SourceData, layout: DetectedLayout): ColumnChoice[] {
  const headers = layout.headerRow >= 0 ? source.preview[layout.headerRow] ?? [] : [];
  const count = Math.max(source.source.columnCount, headers.length);
  return Array.from({ length: count }, (_, index) => {
    const raw = headers[index];
    const header = raw === undefined || raw === null || String(raw).trim() === '' ? undefined : String(raw).trim();
    return { index, letter: columnLetters(source.source.columnIndex + index), header };
  });
}
