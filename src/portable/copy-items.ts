/**
 * What the portable copy reports, cell by cell: the items its steps collect (portable-copy.ts)
 * and the report sheet lists (copy-report.ts).
 */
import type { FreezeReason } from './translate';

export type PortableLanguage = 'fr' | 'en';

export interface PortableItem {
  sheet: string;
  /** A1 address, or the defined name. */
  cell: string;
  formula: string;
  action: 'translated' | 'frozen' | 'kept';
  reason?: FreezeReason | 'values' | 'sharedGroup';
  /** The native formula written, when translated. */
  native?: string;
  /** Frozen without a saved value: the cell is now empty, unless `computed` gave it one. */
  noSavedValue?: boolean;
  /** Set for a call outside the cells: a conditional-format rule or a data validation (`cell` then says which range). */
  outside?: 'conditionalFormat' | 'validation' | 'calculatedColumn';
  /** Frozen without a saved value, the value written instead (computed outside Excel, options.computed). */
  computed?: FrozenValue;
}

/** A value written in a frozen cell: a number, a text, TRUE/FALSE or an error code. */
export type FrozenValue = number | string | boolean | { error: string };
