/**
 * The repository stands alone: a clone without the team's shared folder beside it builds, tests
 * and documents itself. Only test/docs/rules-copy.test.ts, which compares docs/RULES.md with the
 * team's copy when it is there, may name that folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/dist';

const ALLOWED = new Set(['test/docs/rules-copy.test.ts', 'test/support/realworld.ts']);
// The folder's name is spliced in so that this file does not match itself. Caught: the relative
// path with a slash or as path.join arguments, and the absolute path on the team's machines.
const NAME = 'shared';
const REFERENCE = new RegExp([`\\.\\./${NAME}(?![\\w-])`, `['"]\\.\\.['"]\\s*,\\s*['"]${NAME}['"]`, `/work/${NAME}(?![\\w-])`].join('|'));

/** Tracked files plus new ones not ignored, so an uncommitted file is checked too. */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (git.status !== 0) throw new Error(`git ls-files failed: ${git.stderr}`);
  return git.stdout.split('\0').filter((file) => file && fs.existsSync(path.join(ROOT, file)));
}

function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8000).includes(0);
}

describe('a clone with no shared folder beside it', () => {
  it('refers to the shared folder nowhere but in the test comparing the two copies of the contract and the real-world files finder', () => {
    const files = repositoryFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'package.json', 'docs/RULES.md', ...ALLOWED]));
    const offenders: string[] = [];
    for (const file of files) {
      if (ALLOWED.has(file)) continue;
      const bytes = fs.readFileSync(path.join(ROOT, file));
      if (!isText(bytes)) continue;
      bytes.toString('utf8').split('\n').forEach((line, i) => {
        if (REFERENCE.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('recognises each way of naming the folder', () => {
    for (const line of [`see ../${NAME}/RULES.md`, `path.resolve(ROOT, '..', '${NAME}', 'x')`, `cat /work/${NAME}/x`, `"..",  "${NAME}"`]) {
      expect(REFERENCE.test(line)).toBe(true);
    }
    expect(REFERENCE.test('a shared runtime, SharedRuntime 1.1, ../shared-ui')).toBe(false);
  });

  it('keeps its own copy of the rules contract, linked from the README', () => {
    expect(fs.existsSync(path.join(ROOT, 'docs', 'RULES.md'))).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('](docs/RULES.md)');
  });
});
