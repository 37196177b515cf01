/**
 * The table of native equivalents in docs/PORTABLE.md, generated from the translator itself (`npm run docs`
 * writes it; test/portable/native-table.test.ts fails when that copy is stale).
 */
import { MKT_FUNCTION_IDS } from '../formula/function-names';
import { NATIVE } from './translate';
import { translateFormula } from './translate';

export const NATIVE_TABLE_START = '<!-- native-table:start (generated from src/portable/translate.ts: npx tsx src/portable/native-table.ts --write) -->';
export const NATIVE_TABLE_END = '<!-- native-table:end -->';

/** A sample call per function: its required arguments as cells, so the native form reads plainly. */
function sampleCall(id: string): string {
  if (!NATIVE[id]) return `=MKT.${id}(…)`;
  const params = NATIVE[id].params.filter((p) => p.default === undefined && !p.optional);
  const cells = ['A2', 'B2', 'C2', 'D2', 'E2'];
  if (id === 'ALLOCATE') return '=MKT.ALLOCATE(A2,B2:B6,C2:C6)';
  if (id === 'RESPONSE_FIT') return '=MKT.RESPONSE_FIT(B2:M2,B3:M3)';
  if (id === 'MARGINAL_ROAS' || id === 'OPTIMAL_SPEND') return `=MKT.${id}(B1:E1,B2)`;
  return `=MKT.${id}(${params.map((_, i) => cells[i]).join(',')})`;
}

export function nativeTableMarkdown(): string {
  const lines = [NATIVE_TABLE_START, '', '| MKT call | Native formula in the portable copy | Length |', '|---|---|---|'];
  for (const id of MKT_FUNCTION_IDS) {
    const call = sampleCall(id);
    if (!NATIVE[id]) {
      lines.push(`| \`${call}\` | frozen: the copy keeps its computed values (no native form) | |`);
      continue;
    }
    const spills: Record<string, { rows: number; cols: number }> = { ALLOCATE: { rows: 5, cols: 1 }, RESPONSE_FIT: { rows: 1, cols: 4 }, COST_PATHS: { rows: 36, cols: 3 } };
    const context = spills[id] ? { spill: spills[id], arrayFormula: true } : {};
    const t = translateFormula(call, context);
    const native = t.formula ?? `frozen (${t.frozen?.reason})`;
    const note = NATIVE[id]?.note ? ` — ${NATIVE[id].note!.en}` : '';
    lines.push(`| \`${call}\` | <details><summary>${native.length} characters${note}</summary><code>${native.replace(/\|/g, '&#124;').replace(/</g, '&lt;')}</code></details> | ${native.length} |`);
  }
  lines.push('', NATIVE_TABLE_END);
  return lines.join('\n');
}

if (require.main === module && process.argv.includes('--write')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path').join(__dirname, '..', '..', 'docs', 'PORTABLE.md');
  const readme = fs.readFileSync(path, 'utf8');
  const start = readme.indexOf(NATIVE_TABLE_START);
  const end = readme.indexOf(NATIVE_TABLE_END);
  if (start < 0 || end < 0) throw new Error('docs/PORTABLE.md has no native-table block');
  fs.writeFileSync(path, readme.slice(0, start) + nativeTableMarkdown() + readme.slice(end + NATIVE_TABLE_END.length));
}
