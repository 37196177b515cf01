import { TextDecoder, TextEncoder } from 'node:util';
import { installRuntimeStub } from './custom-functions-runtime';

installRuntimeStub();

// jsdom has no TextDecoder / TextEncoder; every browser the pane runs in has them (src/xlsx uses them).
if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder, TextEncoder });
