/**
 * @jest-environment jsdom
 *
 * The pane's glossary links land on an entry: every term the pane links to
 * (src/taskpane/app/components/OutsideLink.tsx) is a <dt id="glossaire-<term>"> of the built help
 * page of its language — help.html for a French pane, help-en.html for an English one — and the
 * examples the pane inserts or offers are served beside it.
 */
import fs from 'node:fs';
import { GLOSSARY_TERMS } from '../../src/taskpane/app/components/OutsideLink';
import { EXAMPLES } from '../../src/excel/insert-example';
import { translate } from '../../src/taskpane/i18n';
import { built } from '../support/dist';

const page = (name: string) => new DOMParser().parseFromString(fs.readFileSync(built('dist', name), 'utf8'), 'text/html');

describe.each(['fr', 'en'] as const)('a pane in %s', (language) => {
  const file = translate(language, 'FR', 'glossary.page');
  const doc = page(file);
  it(`links to ${file}, built beside the pane`, () => {
    expect(file).toBe(language === 'fr' ? 'help.html' : 'help-en.html');
    expect(doc.documentElement.lang).toBe(language);
  });
  it.each(GLOSSARY_TERMS)('#glossaire-%s is a glossary entry', (term) => {
    const entry = doc.getElementById(`glossaire-${term}`);
    expect(entry?.tagName).toBe('DT');
    expect(entry?.closest('#glossaire')).not.toBeNull();
  });
});

it.each(Object.values(EXAMPLES))('$file is served beside the pane (dist/assets/examples/)', ({ file }) => {
  expect(fs.existsSync(built('dist', 'assets', 'examples', file))).toBe(true);
});
