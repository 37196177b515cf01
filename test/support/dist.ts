import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The base URL src/dev/run-tests.mjs gives the production build in dist-prod/. */
export const PRODUCTION_BASE_URL = process.env.MKT_PRODUCTION_BASE_URL ?? 'https://mkt.example.com/addin/';

/** A path in a build output; fails clearly when the build has not run. */
export function built(outDir: 'dist' | 'dist-prod', ...parts: string[]): string {
  const dir = path.join(ROOT, outDir);
  if (!fs.existsSync(dir)) {
    const how = outDir === 'dist' ? 'npm run build' : `npm run build:prod -- --env baseUrl=${PRODUCTION_BASE_URL} --env outDir=dist-prod`;
    throw new Error(`${outDir}/ is missing: run ${how} first (npm test does it).`);
  }
  return path.join(dir, ...parts);
}

export function readJson<T = any>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Every file below dir, relative paths. */
export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
