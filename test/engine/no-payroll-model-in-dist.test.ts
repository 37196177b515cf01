/**
 * The official French payroll model (modele-social, ~640 KB of rules, seconds to parse) and its
 * engine (publicodes) are test oracles of LOADED_SALARY_FR (test/payroll), devDependencies only:
 * no file of the built add-in (dist/, from `npm run build`) may contain them. The functions carry
 * the small rates tables of src/rules/rates instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DIST = process.env.MKT_DIST_DIR ?? join(ROOT, 'dist');

// Property names and rule ids survive minification; checked below against the packages' own files.
const MODEL_MARKERS: RegExp[] = [/cout-total-employeur/, /taux versement mobilit/];
const ENGINE_MARKERS: RegExp[] = [/publicodesValue/, /SituationError/];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const found = (markers: RegExp[], text: string) => markers.filter((m) => m.test(text)).map(String);

it('the markers find modele-social and publicodes in their own published files', () => {
  const model = readFileSync(join(ROOT, 'node_modules', 'modele-social', 'dist', 'index.js'), 'utf8');
  const engine = readFileSync(join(ROOT, 'node_modules', 'publicodes', 'dist', 'index.js'), 'utf8');
  expect(found(MODEL_MARKERS, model)).toEqual(MODEL_MARKERS.map(String));
  expect(found(ENGINE_MARKERS, engine)).toEqual(ENGINE_MARKERS.map(String));
});

it('no file in dist/ contains the payroll model or its engine', () => {
  const files = existsSync(DIST) ? filesUnder(DIST) : [];
  if (files.length === 0) throw new Error('dist/ is missing or empty: run npm run build first');
  const hits = files
    .map((file) => ({ file: relative(ROOT, file), markers: found([...MODEL_MARKERS, ...ENGINE_MARKERS], readFileSync(file, 'utf8')) }))
    .filter(({ markers }) => markers.length > 0);
  expect(hits).toEqual([]);
});
