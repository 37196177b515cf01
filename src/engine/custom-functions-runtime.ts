/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides: the Error class with
 * its code and message, the ErrorCode values, and associate() recording what was registered.
 */
export class CustomFunctionsErrorStub extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = 'CustomFunctions.Error';
  }
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export interface RuntimeStub {
  Error: typeof CustomFunctionsErrorStub;
  ErrorCode: typeof ERROR_CODES;
  associated: Map<string, (...args: unknown[]) => unknown>;
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void;
}

export function createRuntimeStub(): RuntimeStub {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: CustomFunctionsErrorStub,
    ErrorCode: ERROR_CODES,
    associated,
    associate(id, fn) {
      if (typeof id === 'string') {
        if (associated.has(id)) throw new Error(`associate called twice for ${id}`);
        associated.set(id, fn!);
      } else {
        for (const [key, value] of Object.entries(id)) associated.set(key, value);
      }
    },
  };
}

export function installRuntimeStub(): RuntimeStub {
  const stub = createRuntimeStub();
  (globalThis as Record<string, unknown>).CustomFunctions = stub;
  return stub;
}

/**
 * Installs the stub unless a CustomFunctions global already exists (Excel's, or a test's own
 * stub), so the adapters in src/functions can run outside Excel.
 */
export function ensureCustomFunctionsRuntime(): void {
  if ((globalThis as Record<string, unknown>).CustomFunctions === undefined) installRuntimeStub();
}
