/**
 * HyperFormula (GPL-v3, a devDependency for tests and check-workbook) must never be shipped: no
 * file of the built add-in (dist/, from `npm run build`) may contain its code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// MKT_DIST_DIR lets this test be pointed at another build (or at nothing, to see it fail).
const DIST = process.env.MKT_DIST_DIR ?? join(ROOT, 'dist');

// Strings that survive minification of HyperFormula (checked below against its own minified build).
const MARKERS: RegExp[] = [/hyperformula/i, /internal-use-in-handsontable/, /FunctionPluginValidationError/, /gpl-v3/];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function markersIn(text: string): string[] {
  return MARKERS.filter((marker) => marker.test(text)).map(String);
}

it('the markers find HyperFormula in its own minified build', () => {
  const minified = readFileSync(join(ROOT, 'node_modules', 'hyperformula', 'dist', 'hyperformula.min.js'), 'latin1');
  expect(markersIn(minified)).toEqual(MARKERS.map(String));
});

it('no file in dist/ contains HyperFormula code', () => {
  const files = existsSync(DIST) ? filesUnder(DIST) : [];
  if (files.length === 0) throw new Error('dist/ is missing or empty: run npm run build first');
  const found = files
    .map((file) => ({ file: relative(ROOT, file), markers: markersIn(readFileSync(file, 'latin1')) }))
    .filter(({ markers }) => markers.length > 0);
  expect(found).toEqual([]);
});
