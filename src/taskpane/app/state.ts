/**
 * The pane's state: who the business is, what the user typed, what the workbook layer returned.
 * A plain reducer, no Office.js and no rules here.
 */
import type { BusinessModel, MarginLevel } from '../../rules/tiers';
import type { DetectedLayout, SourceData } from '../../excel';
import type { Language, Market } from '../i18n';
import type { FieldKind } from './input';

/**
 * The journey, in the method's order (docs/RULES.md, "The method the task pane follows"). The
 * Décision step keeps the id `internalise` (its file is InternaliseStep.tsx).
 */
export const STEPS = ['diagnostic', 'internalise', 'arbitrage', 'pilot', 'transfer'] as const;
export type StepId = (typeof STEPS)[number];
/** Tools beside the journey, never numbered as steps. */
export const TOOLS = ['explain', 'repair', 'share', 'remove'] as const;
export type ToolId = (typeof TOOLS)[number];
/** What the pane shows below the navigation: a step of the journey or a tool. */
export type ViewId = StepId | ToolId;

export function isStep(view: ViewId): view is StepId {
  return (STEPS as readonly string[]).includes(view);
}

export const MARKETS: readonly Market[] = ['FR', 'QC', 'OTHER'];
export const MODELS: readonly BusinessModel[] = ['local_service', 'ecommerce', 'b2b_service'];
export const MARGINS: readonly MarginLevel[] = ['high', 'normal', 'low'];

/** Every numeric field of the pane and how it is read. */
export const FIELD_KINDS = {
  hours: 'hours',
  fees: 'amount',
  salary: 'amount',
  monthlyBudget: 'amount',
  totalBudget: 'amount',
  target1: 'count',
  target2: 'count',
  target3: 'count',
  monthsElapsed: 'count',
  achievement: 'achievement',
  pilotRoi: 'ratio',
  grossMargin: 'rate',
  historyMonths: 'count',
} as const satisfies Record<string, FieldKind>;
export type FieldId = keyof typeof FIELD_KINDS;

/** What a numeric field holds: the text shown, and the cell it came from when picked from the sheet. */
export interface FieldValue {
  text: string;
  ref?: string;
}

export type Flag = 'dataNeed' | 'useRoi' | 'reportingOk' | 'marginal';
export type TextId = 'kpiName' | 'decisions' | 'checklist';

export interface PaneState {
  language: Language;
  market: Market;
  model: BusinessModel;
  margin: MarginLevel;
  step: ViewId;
  /** Steps whose sheet the pane wrote (or found written): marked done in the navigation. */
  done: StepId[];
  /** The profile was confirmed (or restored from the workbook's memory): shown folded, as one line. */
  profileSet: boolean;
  fields: Record<FieldId, FieldValue>;
  flags: Record<Flag, boolean>;
  texts: Record<TextId, string>;
  /** The user's history as read by the Diagnostic step, with the layout the user confirmed. */
  source?: SourceData;
  layout?: DetectedLayout;
  /** The Arbitrage method the user chose; undefined: the default for the history (marginal from 6 usable months). */
  method?: 'average' | 'marginal';
  /** MKT_CROSSOVER_MONTH read from the workbook (the hiring-cost panel's result): 0 = never. */
  crossoverMonth?: number;
}

export type PaneAction =
  | { type: 'language'; language: Language }
  | { type: 'market'; market: Market }
  | { type: 'model'; model: BusinessModel }
  | { type: 'margin'; margin: MarginLevel }
  | { type: 'step'; step: ViewId }
  | { type: 'done'; step: StepId }
  | { type: 'profileSet'; value: boolean }
  | { type: 'restore'; state: PaneState }
  | { type: 'crossover'; month: number | undefined }
  | { type: 'clearDone' }
  | { type: 'method'; method: 'average' | 'marginal' }
  | { type: 'field'; id: FieldId; value: FieldValue }
  | { type: 'flag'; id: Flag; value: boolean }
  | { type: 'text'; id: TextId; value: string }
  | { type: 'source'; source: SourceData | undefined }
  | { type: 'layout'; layout: DetectedLayout };

const EMPTY_FIELD: FieldValue = { text: '' };

export function initialState(language: Language, market: Market): PaneState {
  const fields = Object.fromEntries(Object.keys(FIELD_KINDS).map((id) => [id, EMPTY_FIELD])) as Record<FieldId, FieldValue>;
  return {
    language,
    market,
    model: 'local_service',
    margin: 'normal',
    step: 'diagnostic',
    done: [],
    profileSet: false,
    fields,
    flags: { dataNeed: false, useRoi: true, reportingOk: true, marginal: false },
    texts: { kpiName: '', decisions: '', checklist: '' },
  };
}

export function reducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'language':
      return { ...state, language: action.language };
    case 'market':
      return { ...state, market: action.market };
    case 'model':
      return { ...state, model: action.model };
    case 'margin':
      return { ...state, margin: action.margin };
    case 'step':
      return { ...state, step: action.step };
    case 'done':
      return state.done.includes(action.step) ? state : { ...state, done: [...state.done, action.step] };
    case 'profileSet':
      return { ...state, profileSet: action.value };
    case 'restore':
      return action.state;
    case 'method':
      return { ...state, method: action.method };
    case 'clearDone':
      return { ...state, done: [] };
    case 'crossover':
      return { ...state, crossoverMonth: action.month };
    case 'field':
      return { ...state, fields: { ...state.fields, [action.id]: action.value } };
    case 'flag':
      return { ...state, flags: { ...state.flags, [action.id]: action.value } };
    case 'text':
      return { ...state, texts: { ...state.texts, [action.id]: action.value } };
    case 'source':
      return { ...state, source: action.source, layout: action.source?.layout };
    case 'layout':
      return { ...state, layout: action.layout };
  }
}
