/**
 * Golden test of the generated Excel metadata: functions.json (from the JSDoc) and the French
 * files built from src/functions/metadata-fr.json. Set UPDATE_GOLDEN=1 to rewrite test/golden/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, readJson, ROOT } from '../support/dist';
// Excel's built-in function names in 17 languages, from HyperFormula's language packs.
import * as languages from 'hyperformula/commonjs/i18n/languages';

const IDS = ['INTERNALISE_SIGNAL', 'INTERNALISE_SCORE', 'FEES_TO_SALARY', 'BREAKEVEN_FEES', 'ROI_RATIO', 'CONTRIBUTION', 'ROI_BAND', 'LTV',
  'RETENTION_LEVER', 'BUDGET_TIER', 'PILOT_VERDICT', 'ALLOCATE', 'RESPONSE_FIT', 'MARGINAL_ROAS', 'OPTIMAL_SPEND',
  'BREAKEVEN_ROAS', 'ALLOCATE_MARGINAL', 'DECISION', 'LABEL'];
const FILES = ['functions.json', 'fr-fr/functions.json', 'fr-ca/functions.json'];
const GOLDEN = path.join(ROOT, 'test', 'golden');

type Metadata = { functions: Array<{ id: string; name: string; description: string; helpUrl: string; parameters: Array<{ name: string; description: string; optional?: boolean }> }> };

describe.each(FILES)('%s', (file) => {
  const metadata = readJson<Metadata>(built('dist', file));

  it('matches the golden copy', () => {
    const golden = path.join(GOLDEN, file);
    if (process.env.UPDATE_GOLDEN) {
      fs.mkdirSync(path.dirname(golden), { recursive: true });
      fs.writeFileSync(golden, `${JSON.stringify(metadata, null, 2)}\n`);
    }
    expect(metadata).toEqual(readJson(golden));
  });
  it('holds the ids of RULES.md, in order', () => expect(metadata.functions.map((fn) => fn.id)).toEqual(IDS));
  it('describes every function and every parameter', () => {
    for (const fn of metadata.functions) {
      expect(fn.description.length).toBeGreaterThan(20);
      expect(fn.parameters.length).toBeGreaterThan(0);
      for (const param of fn.parameters) expect(param.description.length).toBeGreaterThan(10);
    }
  });
  it('links every function to its section of the shipped help page', () => {
    for (const fn of metadata.functions) expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#${fn.id}`);
  });
  it('gives every function a unique name Excel accepts', () => {
    const names = metadata.functions.map((fn) => fn.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/); // no accents: like Excel's own French names
      expect(name).not.toMatch(/^[A-Z]{1,3}[0-9]+$/); // not a cell reference
      expect(name).not.toMatch(/^R[0-9]*C[0-9]*$/);
    }
  });
  it('gives unique parameter names within each function', () => {
    for (const fn of metadata.functions) {
      const names = fn.parameters.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('French names', () => {
  const english = readJson<Metadata>(built('dist', 'functions.json'));
  const frFR = readJson<Metadata>(built('dist', 'fr-fr/functions.json'));
  const frCA = readJson<Metadata>(built('dist', 'fr-ca/functions.json'));

  it('keep the ids and the parameters of the English metadata', () => {
    for (const [i, fn] of frFR.functions.entries()) {
      expect(fn.id).toBe(english.functions[i].id);
      expect(fn.parameters.map((p) => p.optional ?? false)).toEqual(english.functions[i].parameters.map((p) => p.optional ?? false));
    }
  });
  it('are the ones the README promises, such as MKT.RATIO_ROI', () => {
    expect(frFR.functions.find((fn) => fn.id === 'ROI_RATIO')?.name).toBe('RATIO_ROI');
    expect(frCA.functions.map((fn) => fn.name)).toEqual(frFR.functions.map((fn) => fn.name));
  });
  it('differ from the English names and from each other in both languages', () => {
    const all = [...english.functions.map((fn) => fn.name), ...frFR.functions.map((fn) => fn.name)];
    expect(new Set(all).size).toBe(all.length);
  });
  it("collide with no Excel built-in function in any of HyperFormula's 17 languages", () => {
    const builtIns = new Set<string>();
    for (const pack of Object.values(languages as Record<string, { functions?: Record<string, string> }>)) {
      for (const [key, translated] of Object.entries(pack.functions ?? {})) {
        builtIns.add(key.toUpperCase());
        builtIns.add(String(translated).toUpperCase());
      }
    }
    expect(builtIns.size).toBeGreaterThan(1000);
    expect(builtIns.has('SOMME')).toBe(true); // the list really holds French names
    for (const name of [...english.functions, ...frFR.functions].map((fn) => fn.name)) {
      expect(builtIns.has(name)).toBe(false);
      expect(builtIns.has(`MKT.${name}`)).toBe(false);
    }
  });
  it('use Québec wording in fr-CA where it differs', () => {
    const tier = (m: Metadata) => m.functions.find((fn) => fn.id === 'BUDGET_TIER')!.description;
    expect(tier(frCA)).toContain('impartition');
    expect(tier(frFR)).not.toContain('impartition');
    const roi = (m: Metadata) => m.functions.find((fn) => fn.id === 'ROI_RATIO')!.description;
    expect(roi(frCA)).toContain('$');
    expect(roi(frFR)).toContain('€');
  });
});
