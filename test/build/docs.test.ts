/**
 * @jest-environment jsdom
 *
 * The README's function reference and the shipped help page stay true: both are generated from
 * the built metadata, the French table and reference.json, whose examples the bundle test runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, readJson, ROOT } from '../support/dist';

const { referenceMarkdown, START, END } = require('../../src/dev/build/readme-reference.cjs');
const { toFrenchFormula } = require('../../src/dev/build/localize.cjs');

const metadata = readJson(built('dist', 'functions.json'));
const table = readJson(path.join(ROOT, 'src/functions/metadata-fr.json'));
const reference = readJson(path.join(ROOT, 'src/functions/reference.json'));

describe('the function reference (docs/REFERENCE.md)', () => {
  const reference_ = fs.readFileSync(path.join(ROOT, 'docs', 'REFERENCE.md'), 'utf8');
  it('is the generated one (run npm run docs after changing a function)', () => {
    const block = reference_.slice(reference_.indexOf(START), reference_.indexOf(END) + END.length);
    expect(block).toBe(referenceMarkdown(metadata, table, reference));
  });
  it('gives English and French syntax for every function', () => {
    for (const fn of metadata.functions) {
      expect(reference_).toContain(`### MKT.${fn.id}`);
      expect(reference_).toContain(`- French Excel: \`=MKT.${table.functions[fn.id].name}(`);
    }
  });
});

describe('README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  it('keeps the two set-up commands and the way in for users on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm ci && npm test');
    expect(firstScreen).toContain('](docs/INSTALL.md)');
    expect(firstScreen).toContain('Charger mon complément');
  });
  it('is what a newcomer reads first: 350 lines at most, the rest in docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(350);
  });
  const folderReadmes = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? folderReadmes(`${dir}/${e.name}`) : e.name === 'README.md' ? [`${dir}/${e.name}`] : []);
  it.each(['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), ...folderReadmes('src')])('%s links only to files and sections that exist', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const slug = (h: string) => h.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
    const anchorsOf = (f: string) => new Set(fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.startsWith('#')).map((l) => slug(l.replace(/^#+/, ''))));
    const broken: string[] = [];
    for (const [, target, anchor] of text.matchAll(/\]\(([^)#\s]*)(?:#([^)\s]+))?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const full = target ? path.resolve(path.dirname(path.join(ROOT, file)), target) : path.join(ROOT, file);
      if (!fs.existsSync(full)) broken.push(target);
      else if (anchor && full.endsWith('.md') && !anchor.startsWith('mkt') && !anchorsOf(full).has(anchor)) broken.push(`${target}#${anchor}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('French formulas', () => {
  it('use French names, semicolons and decimal commas, and leave quoted text alone', () => {
    expect(toFrenchFormula('=MKT.ROI_BAND(3.5,2.5,B2)', table)).toBe('=MKT.ZONE_ROI(3,5;2,5;B2)');
    expect(toFrenchFormula('=MKT.LABEL("a,b.c",TRUE)', table)).toBe('=MKT.LIBELLE_CODE("a,b.c";VRAI)');
  });
});

describe('the help pages', () => {
  const page = (name: string) => new DOMParser().parseFromString(fs.readFileSync(built('dist', name), 'utf8'), 'text/html');
  const fr = page('help.html');
  const en = page('help-en.html');
  const frMetadata = readJson(built('dist', 'fr-fr/functions.json'));
  it('have a section for every helpUrl anchor: French Excel opens help.html, English Excel help-en.html', () => {
    for (const fn of metadata.functions) {
      expect(fn.helpUrl).toMatch(new RegExp(`/help-en\\.html#${fn.id}$`));
      expect(en.getElementById(fn.id)?.tagName).toBe('SECTION');
    }
    for (const fn of frMetadata.functions) {
      expect(fn.helpUrl).toMatch(new RegExp(`/help\\.html#${fn.id}$`));
      expect(fr.getElementById(fn.id)?.tagName).toBe('SECTION');
    }
  });
  it('speak one language each, and link to the other', () => {
    expect(fr.documentElement.lang).toBe('fr');
    expect(en.documentElement.lang).toBe('en');
    expect(fr.getElementById('ROI_RATIO')?.textContent).toContain('=MKT.RATIO_ROI(revenus; dépenses)');
    expect(fr.getElementById('ROI_RATIO')?.textContent).toContain('Résultat');
    expect(fr.getElementById('ROI_RATIO')?.textContent).toContain('#VALEUR!');
    expect(en.getElementById('ROI_RATIO')?.textContent).toContain('=MKT.ROI_RATIO(revenue, spend)');
    expect(fr.querySelector('a[href="help-en.html"]')?.getAttribute('lang')).toBe('en');
    expect(en.querySelector('a[href="help.html"]')?.getAttribute('lang')).toBe('fr');
  });
  it('show quoted formula text as text, and run no script', () => {
    expect(fr.getElementById('BUDGET_TIER')?.textContent).toContain('=MKT.PALIER_BUDGET(B2:B4;"local_faible_marge")');
    expect(fr.querySelectorAll('script')).toHaveLength(0);
    expect(en.querySelectorAll('script')).toHaveLength(0);
  });
});
