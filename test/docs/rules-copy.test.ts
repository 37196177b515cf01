/**
 * docs/RULES.md is the repository's copy of the rules contract. The team's own copy, laid beside
 * the repository at ../shared/RULES.md, stays the source: when it is there, the two must be
 * byte-identical, and a difference is reported by section. This is the one file of the repository
 * that may refer to ../shared (test/build/standalone.test.ts checks it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/dist';
import { differingSections, splitSections } from '../support/markdown-sections';

const COPY = path.join(ROOT, 'docs', 'RULES.md');
const SOURCE = path.resolve(ROOT, '..', 'shared', 'RULES.md');
const hasSource = fs.existsSync(SOURCE);

describe('docs/RULES.md', () => {
  const copy = fs.readFileSync(COPY, 'utf8');

  it('holds the contract: the conventions and sections 1 to 7', () => {
    const headings = splitSections(copy).map((s) => s.heading);
    expect(headings[0]).toMatch(/^The shared rules/);
    expect(headings).toContain('Conventions for every function');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(headings.some((h) => h.startsWith(`${n}. `))).toBe(true);
  });

  if (hasSource) {
    it('is a byte-identical copy of ../shared/RULES.md (the source)', () => {
      const differing = differingSections(fs.readFileSync(SOURCE, 'utf8'), copy);
      if (differing.length) {
        throw new Error(`docs/RULES.md differs from ../shared/RULES.md in: ${differing.join('; ')}. Copy the source over it: cp ../shared/RULES.md docs/RULES.md`);
      }
    });
  } else {
    console.info('docs/RULES.md: ../shared/RULES.md is not beside this repository, so the comparison with the source is skipped');
    it.skip('is a byte-identical copy of ../shared/RULES.md (skipped: no ../shared beside the repository)', () => undefined);
  }
});

describe('differingSections', () => {
  const source = '# Title\nintro\n## A\none\n## B\ntwo\n## C\nthree\n';

  it('is empty for identical texts', () => expect(differingSections(source, source)).toEqual([]));
  it('names the section whose text changed', () => expect(differingSections(source, source.replace('two', '2'))).toEqual(['B']));
  it('names the title section when the preamble changed', () => expect(differingSections(source, source.replace('intro', 'Intro'))).toEqual(['Title']));
  it('says which sections are missing from the copy or only in it', () => {
    expect(differingSections(source, source.replace('## C\nthree\n', '## D\nfour\n'))).toEqual(['C (missing from the copy)', 'D (only in the copy)']);
  });
  it('reports a change of order or of the final newline that no section shows', () => {
    expect(differingSections(source, source.slice(0, -1))).toEqual(['C']);
    expect(differingSections(source, '# Title\nintro\n## B\ntwo\n## A\none\n## C\nthree\n')).toEqual(['(order of sections or end of file)']);
  });
});
