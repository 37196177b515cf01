// zip.ts (kept here until the xlsx package module replaces it, issue 21) reads the limits from
// beside it; they live in src/engine/limits.ts.
export { LIMITS, formatBytes, formatCount } from '../../engine/limits';
