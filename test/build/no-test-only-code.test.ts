/**
 * Test-only code (src/taskpane/testing/: the browser test's channel-names page) is built into the
 * offline build only, never into the production build (dist-prod/, built by npm test). Checked
 * by file name and by the modules each bundle lists in its source map; the same check run on the
 * offline build (dist/) must find the page, so it is known to be able to fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, listFiles, readJson } from '../support/dist';

const TEST_ONLY_DIR = 'src/taskpane/testing/';
const TEST_ONLY_NAME = 'channel-names-fixture';

/** The test-only files and bundled test-only modules of a build. */
function testOnlyIn(outDir: 'dist' | 'dist-prod'): string[] {
  const dir = built(outDir);
  const files = listFiles(dir).filter((file) => !file.startsWith(`office-js${path.sep}`));
  const found = files.filter((file) => file.includes(TEST_ONLY_NAME));
  for (const file of files.filter((f) => f.endsWith('.js.map'))) {
    const { sources } = readJson<{ sources: string[] }>(path.join(dir, file));
    found.push(...sources.filter((source) => source.includes(TEST_ONLY_DIR)).map((source) => `${file}: ${source}`));
  }
  for (const file of files.filter((f) => /\.(js|html)$/.test(f))) {
    if (fs.readFileSync(path.join(dir, file), 'utf8').includes(TEST_ONLY_NAME)) found.push(`${file} names ${TEST_ONLY_NAME}`);
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
    expect(found.some((entry) => entry.includes(`${TEST_ONLY_DIR}${TEST_ONLY_NAME}.tsx`))).toBe(true);
  });
});
