/**
 * The production build (dist-prod/, built by npm test) bundles one copy of each npm package
 * (issue 13: it had two copies of `scheduler`, react-dom's and Fluent's; since issue 20 the webpack
 * alias takes React's API, scheduler's included, from preact/compat). Read from the build's hidden
 * source maps: webpack lists there every module it bundled, by its path, so a package found under
 * two node_modules folders is bundled twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, listFiles, readJson, ROOT } from '../support/dist';

/** The folder of the package a bundled module comes from ("node_modules/react-dom/node_modules/scheduler"), or undefined. */
function packageFolderOf(source: string): string | undefined {
  const match = /^(?:webpack:\/\/[^/]*\/)?(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(source);
  return match?.[1];
}

/** The package name of a folder ("scheduler", "@fluentui/react-utilities"). */
function packageNameOf(folder: string): string {
  return folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** name -> the folders it is bundled from, with the version each holds. */
function bundledPackages(): Map<string, Array<{ folder: string; version: string }>> {
  const dir = built('dist-prod');
  const scripts = listFiles(dir).filter((file) => file.endsWith('.js') && !file.startsWith(`office-js${path.sep}`));
  const missing = scripts.filter((file) => !fs.existsSync(path.join(dir, `${file}.map`)));
  if (scripts.length === 0 || missing.length > 0) {
    throw new Error(`dist-prod/ has no source map for ${missing.join(', ') || 'any script'}: this test reads the bundled modules from them`);
  }
  const packages = new Map<string, Array<{ folder: string; version: string }>>();
  for (const file of scripts) {
    const { sources } = readJson<{ sources: string[] }>(path.join(dir, `${file}.map`));
    for (const source of sources) {
      const folder = packageFolderOf(source);
      if (folder === undefined) continue;
      const name = packageNameOf(folder);
      const copies = packages.get(name) ?? [];
      if (!copies.some((c) => c.folder === folder)) {
        const manifest = path.join(ROOT, folder, 'package.json');
        const version = fs.existsSync(manifest) ? String(readJson<{ version?: string }>(manifest).version) : '?';
        copies.push({ folder, version });
      }
      packages.set(name, copies);
    }
  }
  return packages;
}

describe('the production build bundles one copy of each npm package', () => {
  let packages: Map<string, Array<{ folder: string; version: string }>>;
  beforeAll(() => {
    packages = bundledPackages();
  });

  it('reads the bundled packages from the build (Preact, Fluent among them)', () => {
    expect(packages.has('preact')).toBe(true);
    expect([...packages.keys()].some((name) => name.startsWith('@fluentui/'))).toBe(true);
  });

  it('bundles Preact’s React API in place of react, react-dom and scheduler (issue 20; the webpack alias)', () => {
    expect(packages.has('react')).toBe(false);
    expect(packages.has('react-dom')).toBe(false);
    expect(packages.has('scheduler')).toBe(false);
  });

  it('bundles no package from two folders (two copies, whatever their versions)', () => {
    const twice = [...packages].filter(([, copies]) => copies.length > 1).map(([name, copies]) => `${name}: ${copies.map((c) => `${c.version} in ${c.folder}`).join(', ')}`);
    expect(twice).toEqual([]);
  });
});

describe('packageFolderOf', () => {
  it('finds the innermost package folder of a module path, scoped or not', () => {
    expect(packageFolderOf('webpack://mkt-excel-addin/./node_modules/react-dom/node_modules/scheduler/cjs/scheduler.production.min.js')).toBe(
      'node_modules/react-dom/node_modules/scheduler',
    );
    expect(packageFolderOf('webpack://mkt-excel-addin/./node_modules/@fluentui/react-utilities/lib/index.js')).toBe('node_modules/@fluentui/react-utilities');
    expect(packageFolderOf('webpack://mkt-excel-addin/./src/taskpane/taskpane.ts')).toBeUndefined();
    expect(packageFolderOf('webpack://mkt-excel-addin/webpack/runtime/define property getters')).toBeUndefined();
  });
});
