/**
 * The README's table of native equivalents is the one the translator generates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NATIVE_TABLE_END, NATIVE_TABLE_START, nativeTableMarkdown } from '../../src/portable/native-table';
import { MKT_FUNCTION_IDS } from '../../src/formula/function-names';
import { CODE_LABELS } from '../../src/rules/labels';
import { FROZEN_BY_DESIGN, LABEL_TABLE, NATIVE } from '../../src/portable/translate';

describe('the table of native equivalents in docs/PORTABLE.md', () => {
  it('is the generated one (run npx tsx src/portable/native-table.ts --write after changing the translator)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'PORTABLE.md'), 'utf8');
    const block = readme.slice(readme.indexOf(NATIVE_TABLE_START), readme.indexOf(NATIVE_TABLE_END) + NATIVE_TABLE_END.length);
    expect(block).toBe(nativeTableMarkdown());
  });

  it('has a native form for every MKT function but those frozen by design', () => {
    for (const id of MKT_FUNCTION_IDS) expect({ id, native: NATIVE[id] !== undefined || FROZEN_BY_DESIGN.has(id) }).toEqual({ id, native: true });
  });

  it("keeps LABEL's words equal to the rules' table", () => {
    expect(LABEL_TABLE.map(([code, fr, en]) => [code, { fr, en }])).toEqual(Object.entries(CODE_LABELS));
  });
});
