/**
 * What the pane keeps of a workbook (src/excel/memory.ts stores it in the document's settings):
 * the profile, every input as typed (or the cell it came from), the step reached, and the
 * Diagnostic's source when it is small enough. Pure: the state in, JSON out, and back, checked
 * field by field so a damaged or older setting never breaks the pane.
 */
import { MEMORY_BUDGET } from '../../excel';
import type { SourceData } from '../../excel';
import { FIELD_KINDS, MARGINS, MARKETS, MODELS, STEPS, TOOLS, type FieldId, type FieldValue, type Flag, type PaneState, type TextId, type ViewId } from './state';

export const MEMORY_VERSION = 1;

export interface PaneMemory {
  v: number;
  market: PaneState['market'];
  model: PaneState['model'];
  margin: PaneState['margin'];
  profileSet: boolean;
  step: ViewId;
  done: PaneState['done'];
  fields: Partial<Record<FieldId, FieldValue>>;
  flags: Partial<Record<Flag, boolean>>;
  texts: Partial<Record<TextId, string>>;
  method?: PaneState['method'];
  source?: SourceData;
}

export function toMemory(state: PaneState): PaneMemory {
  const fields = Object.fromEntries(Object.entries(state.fields).filter(([, f]) => f.text !== '' || f.ref)) as PaneMemory['fields'];
  const memory: PaneMemory = {
    v: MEMORY_VERSION,
    market: state.market,
    model: state.model,
    margin: state.margin,
    profileSet: state.profileSet,
    step: state.step,
    done: state.done,
    fields,
    flags: state.flags,
    texts: state.texts,
    ...(state.method ? { method: state.method } : {}),
  };
  if (state.source && JSON.stringify(state.source).length <= MEMORY_BUDGET) memory.source = { ...state.source, layout: state.layout ?? state.source.layout };
  return memory;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list as readonly unknown[]).includes(v) ? (v as T) : undefined;

/** The state restored from a memory, over `base` (what the pane starts with); `base` when the memory is unusable. */
export function fromMemory(raw: unknown, base: PaneState): PaneState {
  if (!isObject(raw) || raw.v !== MEMORY_VERSION) return base;
  const fields = { ...base.fields };
  if (isObject(raw.fields)) {
    for (const id of Object.keys(FIELD_KINDS) as FieldId[]) {
      const f = raw.fields[id];
      if (isObject(f) && typeof f.text === 'string') fields[id] = typeof f.ref === 'string' ? { text: f.text, ref: f.ref } : { text: f.text };
    }
  }
  const flags = { ...base.flags };
  if (isObject(raw.flags)) for (const k of Object.keys(flags) as Flag[]) if (typeof raw.flags[k] === 'boolean') flags[k] = raw.flags[k] as boolean;
  const texts = { ...base.texts };
  if (isObject(raw.texts)) for (const k of Object.keys(texts) as TextId[]) if (typeof raw.texts[k] === 'string') texts[k] = raw.texts[k] as string;
  const source = isObject(raw.source) && isObject(raw.source.layout) && Array.isArray(raw.source.channels) ? (raw.source as unknown as SourceData) : undefined;
  return {
    ...base,
    market: oneOf(MARKETS, raw.market) ?? base.market,
    model: oneOf(MODELS, raw.model) ?? base.model,
    margin: oneOf(MARGINS, raw.margin) ?? base.margin,
    profileSet: raw.profileSet === true,
    step: oneOf<ViewId>([...STEPS, ...TOOLS], raw.step) ?? base.step,
    done: Array.isArray(raw.done) ? STEPS.filter((s) => (raw.done as unknown[]).includes(s)) : base.done,
    fields,
    flags,
    texts,
    method: oneOf(['average', 'marginal'] as const, raw.method) ?? base.method,
    ...(source ? { source, layout: source.layout } : {}),
  };
}
