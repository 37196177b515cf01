/**
 * @jest-environment jsdom
 *
 * The French help page (help.html, opened from French Excel) is French from end to end: every
 * function's result, errors and blank-cell sentences come from reference-fr.json, with the
 * argument names French Excel shows; the English page (help-en.html) is English. Both carry the
 * glossary the pane links to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, readJson, ROOT } from '../support/dist';

const { GLOSSARY } = require('../../src/dev/build/help-page.cjs');

const metadata = readJson(built('dist', 'functions.json'));
const table = readJson(path.join(ROOT, 'src/functions/metadata-fr.json'));
const reference = readJson(path.join(ROOT, 'src/functions/reference.json'));
const referenceFr = readJson(path.join(ROOT, 'src/functions/reference-fr.json'));
const page = (name: string) => new DOMParser().parseFromString(fs.readFileSync(built('dist', name), 'utf8'), 'text/html');
const FRENCH_ERROR: Record<string, string> = { '#VALUE!': '#VALEUR!', '#NUM!': '#NOMBRE!', '#DIV/0!': '#DIV/0!', '#N/A': '#N/A', '#NAME?': '#NOM?' };
const errorCode = (line: string) => /^(#[A-Z/0!?]+[!?A]?)/.exec(line)?.[1];

describe('reference-fr.json', () => {
  it.each(Object.keys(reference.functions))('%s: French result and the same errors, in the same order', (id) => {
    const fr = referenceFr.functions[id];
    expect(fr).toBeDefined();
    expect(fr.returns.length).toBeGreaterThan(5);
    expect(fr.errors.map(errorCode)).toEqual(reference.functions[id].errors.map((e: string) => FRENCH_ERROR[errorCode(e)!]));
  });
  it('names no function that does not exist', () => {
    expect(Object.keys(referenceFr.functions).sort()).toEqual(Object.keys(reference.functions).sort());
  });
});

describe('help.html (French)', () => {
  const doc = page('help.html');
  it.each(metadata.functions.map((fn: { id: string }) => fn.id) as string[])('%s: Résultat, Erreurs and the French argument names', (id: string) => {
    const section = doc.getElementById(id)!;
    const headings = Array.from(section.querySelectorAll('h3')).map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(['Résultat', 'Erreurs', 'Exemple']));
    expect(headings.some((h) => /Result|Errors|Example|Blank/.test(h ?? ''))).toBe(false);
    for (const name of Object.values(table.functions[id].parameters as Record<string, { name: string }>)) expect(section.textContent).toContain(name.name);
    if (Object.keys(reference.functions[id].blank ?? {}).length > 0) {
      expect(headings).toContain('Cellules vides');
      expect(section.textContent).toMatch(/une cellule vide/);
    }
    expect(section.textContent).not.toMatch(/\b(a blank cell|is negative|optional|the same as left out)\b/);
  });
  it('has no element in English but the link to the English page', () => {
    const english = Array.from(doc.querySelectorAll('[lang]')).filter((el) => el !== doc.documentElement && el.getAttribute('lang') !== 'fr');
    expect(english.map((el) => el.outerHTML)).toEqual(['<a href="help-en.html" hreflang="en" lang="en">English version</a>']);
  });
  it('puts a non-breaking space before its colons', () => {
    const prose = Array.from(doc.querySelectorAll('p, li, td, dd, dt, h3'))
      .map((el) => Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join(''))
      .join('\n');
    expect(prose).not.toMatch(/ [:;!?»]|« /);
    expect(prose).toMatch(/\u00a0:/);
  });
});

describe('the glossary', () => {
  it.each(['help.html', 'help-en.html'])('%s defines every term the pane links to, by a stable anchor', (name) => {
    const doc = page(name);
    for (const term of GLOSSARY) expect(doc.getElementById(`glossaire-${term.id}`)?.tagName).toBe('DT');
    expect(doc.getElementById('glossaire-roas')?.textContent).toContain('ROAS');
  });
});
