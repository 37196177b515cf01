/**
 * Runs one workbook action and tracks it: running, done, failed with the layer's message, or
 * waiting for the user to confirm that sheets the pane wrote before may be replaced.
 */
import { useCallback, useRef, useState } from 'react';
import type { ActionResult, WriteOptions } from '../../excel';

export type ActionState<T> =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; value: T }
  | { phase: 'error'; message: string }
  | { phase: 'confirm'; sheets: string[]; message: string };

export interface Action<T> {
  state: ActionState<T>;
  /** Runs the action; a first run never replaces anything. */
  run(): Promise<void>;
  /** The user agreed to replace: runs again with `{ replace: true }`. */
  confirm(): Promise<void>;
  /** The user declined: nothing is written. */
  cancel(): void;
}

/**
 * @param perform calls the src/excel action; must not hold business logic
 * @param unexpected the message for an exception the layer did not turn into a result
 */
export function useAction<T>(perform: (options: WriteOptions) => Promise<ActionResult<T>>, unexpected: () => string, onDone?: (value: T) => void): Action<T> {
  const [state, setState] = useState<ActionState<T>>({ phase: 'idle' });
  const latest = useRef({ perform, unexpected, onDone });
  latest.current = { perform, unexpected, onDone };

  const go = useCallback(async (options: WriteOptions) => {
    setState({ phase: 'running' });
    try {
      const result = await latest.current.perform(options);
      if (result.status === 'ok') {
        setState({ phase: 'done', value: result.value });
        latest.current.onDone?.(result.value);
      } else if (result.status === 'needsConfirmation') {
        setState({ phase: 'confirm', sheets: result.sheets, message: result.message });
      } else {
        setState({ phase: 'error', message: result.message });
      }
    } catch {
      setState({ phase: 'error', message: latest.current.unexpected() });
    }
  }, []);

  return {
    state,
    run: useCallback(() => go({}), [go]),
    confirm: useCallback(() => go({ replace: true }), [go]),
    cancel: useCallback(() => setState({ phase: 'idle' }), []),
  };
}
