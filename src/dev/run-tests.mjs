// npm test: get the system packages the tests need (system-packages.cjs), typecheck, build the
// offline and production bundles, run jest and the browser test, then print one plain line
// "N passed, N failed" summing every check of this run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureSystemPackages } from './system-packages.cjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
export const PRODUCTION_BASE_URL = 'https://mkt.example.com/addin/';

let passed = 0;
let failed = 0;

function step(title, command, args, { env } = {}) {
  console.log(`\n=== ${title}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`=== ${title}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`}`);
  return ok;
}

function count(ok) {
  if (ok) passed += 1;
  else failed += 1;
}

// Missing system packages: installed here when root with apt-get, else stop before any work.
const system = ensureSystemPackages();
if (!system.ok) {
  console.error(`\n${system.message}`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

count(step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']));
count(step('build (offline)', bin('webpack'), ['--mode', 'production']));
count(step('build (production)', bin('webpack'), ['--mode', 'production', '--env', `baseUrl=${PRODUCTION_BASE_URL}`, '--env', 'outDir=dist-prod']));

const report = path.join(os.tmpdir(), `mkt-jest-${process.pid}.json`);
step('jest', bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], {
  env: { MKT_PRODUCTION_BASE_URL: PRODUCTION_BASE_URL },
});
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  // A suite that fails to run has no failed tests of its own: count it as one failure.
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
  fs.rmSync(report);
} else {
  failed += 1;
}

const browserTest = path.join(root, 'test', 'browser', 'run.mjs');
if (fs.existsSync(browserTest)) {
  const output = spawnSync(process.execPath, [browserTest], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(output.stdout ?? '');
  const match = /browser: (\d+) passed, (\d+) failed/.exec(output.stdout ?? '');
  if (match) {
    passed += Number(match[1]);
    failed += Number(match[2]);
  }
  if (!match || (output.status !== 0 && Number(match[2]) === 0)) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
