/**
 * Test-only code (src/taskpane/testing/: the browser test's channel-names page and the pane over
 * the Excel fake, which bundles test/support/excel-fake.ts) is built into the
 * offline build only, never into the production build (dist-prod/, built by npm test). Checked
 * by file name and by the modules each bundle lists in its source map; the same check run on the
 * offline build (dist/) must find the page, so it is known to be able to fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, listFiles, readJson } from '../support/dist';

const TEST_ONLY_DIR = 'src/taskpane/testing/';
const TEST_ONLY_NAME = 'channel-names-fixture';
const TEST_ONLY_NAMES = [TEST_ONLY_NAME, 'excel-fake-pane'];

/** The test-only files and bundled test-only modules of a build. */
function testOnlyIn(outDir: 'dist' | 'dist-prod'): string[] {
  const dir = built(outDir);
  const files = listFiles(dir).filter((file) => !file.startsWith(`office-js${path.sep}`));
  const found = files.filter((file) => TEST_ONLY_NAMES.some((name) => file.includes(name)));
  for (const file of files.filter((f) => f.endsWith('.js.map'))) {
    const { sources } = readJson<{ sources: string[] }>(path.join(dir, file));
    found.push(...sources.filter((source) => source.includes(TEST_ONLY_DIR) || source.includes('test/support/')).map((source) => `${file}: ${source}`));
  }
  for (const file of files.filter((f) => /\.(js|html)$/.test(f))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const name of TEST_ONLY_NAMES) if (text.includes(name)) found.push(`${file} names ${name}`);
  }
  return found;
}

describe('test-only code', () => {
  it('is not in the production build', () => {
    expect(listFiles(built('dist-prod')).some((f) => f.endsWith('.js.map'))).toBe(true);
    expect(testOnlyIn('dist-prod')).toEqual([]);
  });

  it('is found by the same check in the offline build, where the browser test uses it', () => {
    const found = testOnlyIn('dist');
    expect(found).toContain(`${TEST_ONLY_NAME}.html`);
    expect(found).toContain('excel-fake-pane.html');
    expect(found.some((entry) => entry.includes('test/support/excel-fake.ts'))).toBe(true);
    expect(found.some((entry) => entry.includes(`${TEST_ONLY_DIR}${TEST_ONLY_NAME}.tsx`))).toBe(true);
  });
});
