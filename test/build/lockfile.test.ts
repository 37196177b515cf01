import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/dist';

const { missingBindings } = require('../../src/dev/lock-platforms.cjs');

describe('package-lock.json', () => {
  it('lists every platform build of the native bindings, so npm ci accepts it on a fresh machine', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const missing = missingBindings(lock).map((m: { key: string }) => m.key);
    if (missing.length) throw new Error(`run node src/dev/lock-platforms.cjs; missing: ${missing.join(', ')}`);
    expect(lock.packages['node_modules/@unrs/resolver-binding-darwin-arm64']).toMatchObject({ optional: true, os: ['darwin'], cpu: ['arm64'] });
  });
  it('pins TypeScript to 5.9 (7.x breaks ts-loader, custom-functions-metadata and ts-jest)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.typescript).toBe('~5.9.3');
  });
});
