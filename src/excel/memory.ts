/**
 * The pane's memory of a workbook: its inputs, kept in the document's settings
 * (`Office.context.document.settings`), per add-in and per document.
 *
 * Office loads the settings with the document when the add-in starts; `get` and `set` work on that
 * in-memory copy, and only `saveAsync` writes it into the document (which the user then saves
 * with the workbook). Values are JSON: strings, numbers, booleans, null, objects, arrays.
 * Only Excel can confirm the limits (about 2 MB for all of an add-in's settings on the web).
 */
import type { Language } from '../rules/labels';
import { fail, failureOf } from './common/failures';
import type { ActionResult } from './types';

/** The one setting the pane keeps. */
export const MEMORY_SETTING = 'mkt.pane';
/** Above this many characters the source preview is left out of the memory. */
export const MEMORY_BUDGET = 500_000;

interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message?: string } }) => void): void;
}

function settings(): SettingsLike | undefined {
  try {
    return (globalThis as unknown as { Office?: { context?: { document?: { settings?: SettingsLike } } } }).Office?.context?.document?.settings;
  } catch {
    return undefined;
  }
}

/** What the pane kept for this workbook, or undefined (none, or no document settings here). */
export function loadMemory(): unknown {
  try {
    return settings()?.get(MEMORY_SETTING) ?? undefined;
  } catch {
    return undefined;
  }
}

function save(store: SettingsLike, lang: Language): Promise<ActionResult<void>> {
  return new Promise((resolve) => {
    store.saveAsync((result) => {
      if (result.status === 'failed') resolve(failureOf(lang, result.error));
      else resolve({ status: 'ok', value: undefined });
    });
  });
}

/** Keeps `value` in the document's settings and saves them into the document. */
export async function saveMemory(value: unknown, lang: Language): Promise<ActionResult<void>> {
  const store = settings();
  if (!store) return fail(lang, 'unsupported');
  try {
    store.set(MEMORY_SETTING, value);
    return await save(store, lang);
  } catch (error) {
    return failureOf(lang, error);
  }
}

/** Forgets what the pane kept for this workbook. */
export async function forgetMemory(lang: Language): Promise<ActionResult<void>> {
  const store = settings();
  if (!store) return { status: 'ok', value: undefined };
  try {
    store.remove(MEMORY_SETTING);
    return await save(store, lang);
  } catch (error) {
    return failureOf(lang, error);
  }
}
