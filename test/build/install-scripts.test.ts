/**
 * npm 11 runs no dependency's install script unless package.json's allowScripts allows it, and
 * `npm ci` warns about each one not yet decided. Each is decided in package.json, and the README's
 * development notes say why; a new dependency with an install script fails here until it is too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/dist';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'docs', 'DEVELOPMENT.md'), 'utf8');

/** Packages npm ci installs on every machine that carry an install script (optional ones aside). */
const withScripts = [...new Set(Object.entries<{ hasInstallScript?: boolean; optional?: boolean }>(lock.packages)
  .filter(([key, entry]) => key && entry.hasInstallScript && !entry.optional)
  .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)))].sort();

describe('install scripts of dependencies', () => {
  it('are each allowed or denied in package.json, so npm ci has nothing to warn about', () => {
    expect(withScripts.length).toBeGreaterThan(0);
    const undecided = withScripts.filter((name) => !Object.keys(pkg.allowScripts ?? {}).some((key) => key === name || key.startsWith(`${name}@`)));
    if (undecided.length) throw new Error(`decide ${undecided.join(', ')}: npm install-scripts approve|deny NAME, and say why in docs/DEVELOPMENT.md`);
  });
  it('are explained in the development notes, one by one', () => {
    for (const name of Object.keys(pkg.allowScripts)) expect(readme).toContain(`\`${name.replace(/@[^@/]+$/, '')}\``);
  });
});
