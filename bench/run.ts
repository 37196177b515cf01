/**
 * npm run bench — benchmarks at scale (issue 5). Prints the tables and writes bench/results.json.
 *
 *   npm run bench                      everything (about 5 minutes on 2 cores)
 *   npm run bench -- --quick           a short smoke run (small sizes, few samples)
 *   npm run bench -- --only=percall,fuzz   some parts: percall, recalc, startup, roundtrips, fuzz, marginal, hiring, checkworkbook
 *   npm run bench -- --dist=dist       use an existing build instead of building into a temp folder
 *   npm run bench -- --readme          also rewrite the Performance section of docs/PERFORMANCE.md
 *   npm run bench -- --readme-only     rewrite it from the last bench/results.json, measuring nothing
 *   --fuzz-calls=N  --startup-runs=N  --chromium=/path/to/chromium
 *
 * Runs with `node --expose-gc --import tsx` (see package.json): a garbage collection before each
 * recalculation sample keeps one sample's garbage out of the next.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCustomFunctionsRuntime } from '../src/engine/custom-functions-runtime';
import { AdapterSet, bundleAdapters, sourceAdapters } from './adapters';
import { excelArgument } from '../test/support/excel-arbitraries';
import { fuzz, fuzzTargets } from './fuzz';
import type * as PerCallModule from './percall';
import { measureMarginalPerCall, measureMarginalRecalc } from './marginal';
import { checkHiringCase, hiringCases, measureHiringPerCall } from './hiring';
import { measureRecalc } from './recalc';
import { BenchResults, consoleReport, f0, f1, machineInfo, readmeSection, replaceReadmeSection } from './report';
import { measureRoundTrips } from './roundtrips';
import { measureStartup } from './startup';
import { judge } from './targets';
import { judgeCheckWorkbook, measureCheckWorkbook } from './check-workbook';

const ROOT = path.resolve(__dirname, '..');
const PARTS = ['percall', 'recalc', 'startup', 'roundtrips', 'fuzz', 'marginal', 'hiring', 'checkworkbook'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  quick: boolean;
  only: Set<Part>;
  dist?: string;
  readme: boolean;
  fuzzCalls: number;
  startupRuns: number;
  chromium: string;
  recalcSizes: Array<[rows: number, samples: number]>;
  marginalRecalc: [channels: number, samples: number];
  roundTripSizes: number[];
  perCall: { sampleMs: number; samples: number; warmups: number };
}

function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = flag('quick');
  const onlyText = value('only');
  const only = new Set<Part>(onlyText ? (onlyText.split(',').filter((p) => (PARTS as readonly string[]).includes(p)) as Part[]) : PARTS);
  const unknown = argv.filter((a) => !/^--(quick|readme|only=|dist=|fuzz-calls=|startup-runs=|chromium=)/.test(a));
  if (unknown.length) throw new Error(`unknown option(s): ${unknown.join(' ')} (see bench/run.ts)`);
  return {
    quick,
    only,
    dist: value('dist'),
    readme: flag('readme'),
    fuzzCalls: Number(value('fuzz-calls') ?? (quick ? 20_000 : 1_000_000)),
    startupRuns: Number(value('startup-runs') ?? (quick ? 1 : 5)),
    chromium: value('chromium') ?? process.env.CHROMIUM ?? '/usr/bin/chromium',
    recalcSizes: quick ? [[1000, 3], [10_000, 3]] : [[1000, 15], [10_000, 9], [100_000, 5]],
    marginalRecalc: quick ? [1000, 3] : [1000, 9],
    roundTripSizes: quick ? [100, 1000] : [1000, 10_000, 100_000],
    perCall: quick ? { sampleMs: 2, samples: 5, warmups: 2 } : { sampleMs: 5, samples: 21, warmups: 5 },
  };
}

const log = (text: string) => process.stderr.write(`${text}\n`);

/** Builds the add-in like `npm run build`, into a folder of its own so dist/ is left to others. */
function build(outDir: string): void {
  log(`build: webpack --mode production --env outDir=${outDir}`);
  const t0 = Date.now();
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'webpack'), ['--mode', 'production', '--env', `outDir=${outDir}`], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`webpack failed (exit ${result.status})`);
  }
  log(`build: done in ${f1((Date.now() - t0) / 1000)} s`);
}

/**
 * The per-call module, bundled by esbuild into one scope the way webpack bundles the add-in, so
 * the rules and coercion helpers it times are called directly and not through the CommonJS
 * re-export getters of tsx's transform. Falls back to the module as tsx loads it.
 */
function loadPerCall(notes: string[]): { module: typeof PerCallModule; compiled: 'esbuild bundle' | 'tsx' } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as { buildSync: (o: Record<string, unknown>) => unknown };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-bench-percall-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const outfile = path.join(dir, 'percall.cjs');
    esbuild.buildSync({ entryPoints: [path.join(__dirname, 'percall.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { module: require(outfile) as typeof PerCallModule, compiled: 'esbuild bundle' };
  } catch (error) {
    notes.push(`Per call: esbuild unavailable (${String(error).slice(0, 80)}); rules and breakdown timed as tsx loads them (slower barrel re-exports).`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { module: require('./percall') as typeof PerCallModule, compiled: 'tsx' };
  }
}

function writeReadme(results: BenchResults): void {
  const readmePath = path.join(ROOT, 'docs', 'PERFORMANCE.md');
  const updated = replaceReadmeSection(fs.readFileSync(readmePath, 'utf8'), readmeSection(results));
  if (updated === undefined) log('docs/PERFORMANCE.md: no Performance marker found; section not written');
  else {
    fs.writeFileSync(readmePath, updated);
    log('docs/PERFORMANCE.md: Performance section written');
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--readme-only')) {
    // Rewrites the README section from the last run's bench/results.json, measuring nothing.
    writeReadme(JSON.parse(fs.readFileSync(path.join(__dirname, 'results.json'), 'utf8')) as BenchResults);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  ensureCustomFunctionsRuntime();
  const results: BenchResults = {
    machine: machineInfo(ROOT),
    options: { ...options, only: [...options.only] },
    targets: [],
    notes: [],
  };
  const { only } = options;

  let dist = options.dist ? path.resolve(ROOT, options.dist) : undefined;
  if (!dist && (only.has('startup') || only.has('percall') || only.has('fuzz') || only.has('marginal') || only.has('hiring'))) {
    const built = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-bench-dist-'));
    process.on('exit', () => fs.rmSync(built, { recursive: true, force: true }));
    dist = built;
    build(dist);
  }
  let adapters: AdapterSet;
  let adapterSource: 'bundle' | 'source' = 'bundle';
  if (dist && fs.existsSync(path.join(dist, 'functions.js'))) {
    adapters = bundleAdapters(path.join(dist, 'functions.js'));
  } else {
    adapters = sourceAdapters();
    adapterSource = 'source';
  }

  if (only.has('startup')) {
    log(`startup: ${options.startupRuns} page loads in ${options.chromium}`);
    if (!fs.existsSync(options.chromium)) {
      results.notes.push(`Start-up not measured: no Chromium at ${options.chromium} (apt-get install -y chromium).`);
    } else {
      results.startup = await measureStartup(dist!, options.startupRuns, options.chromium);
      const m = results.startup.medians;
      log(`startup: last associate ${f0(m.lastAssociateMs)} ms, first render ${f0(m.firstRenderMs)} ms`);
      if (!results.startup.all.some((r) => r.officeJsLoaded)) {
        results.notes.push('Start-up: the offline page loads office.js only where Office hosts it, so these times leave it out; in Excel, office.js loads before functions.js.');
      }
    }
  }

  let percall: typeof PerCallModule | undefined;
  if (only.has('percall')) {
    const { module, compiled } = loadPerCall(results.notes);
    percall = module;
    const cases = module.perCallCases(adapters);
    const problems = cases.flatMap((c) => module.checkCase(c));
    if (problems.length) throw new Error(`per call: adapter, rule and inline disagree:\n${problems.slice(0, 5).join('\n')}`);
    log(`per call: ${cases.length} cases × inline, rule, adapter`);
    const perCall = percall.measurePerCall(cases, options.perCall, (r) =>
      log(`  ${r.id} ${r.shape}: inline ${f1(r.inlineNs)} ns, rule ${f1(r.ruleNs)} ns, adapter ${f1(r.adapterNs)} ns (${f1(r.ratio)}×)`),
    );
    log('per call: breakdown of ROI_RATIO');
    const breakdown = percall.measureBreakdown(adapters, options.perCall);
    results.perCall = { adapters: adapterSource, rulesCompiled: compiled, results: perCall, breakdown };
  }

  if (only.has('fuzz')) {
    log(`fuzz: ${options.fuzzCalls.toLocaleString('en-US')} calls`);
    results.fuzz = fuzz(fuzzTargets(adapters), { calls: options.fuzzCalls });
    log(`fuzz: ${results.fuzz.notShowable} not showable, ${f1(results.fuzz.totalMs / 1000)} s`);
    if (percall && results.perCall) {
      log('per call: adapter and candidate after the fuzz');
      const argLists = fc.sample(fc.array(excelArgument, { minLength: 2, maxLength: 2 }), { numRuns: 20_000, seed: 11 });
      results.perCall.breakdown.push(...percall.measureAfterSession(adapters, argLists, options.perCall));
    }
  }

  if (only.has('roundtrips')) {
    results.roundTrips = [];
    for (const rows of options.roundTripSizes) {
      log(`round trips: ${rows.toLocaleString('en-US')} rows`);
      results.roundTrips.push(await measureRoundTrips(rows));
    }
  }

  if (only.has('recalc')) {
    log('recalc: warm-up');
    measureRecalc(2000, 3);
    results.recalc = [];
    for (const [rows, samples] of options.recalcSizes) {
      log(`recalc: ${rows.toLocaleString('en-US')} rows, ${samples} samples`);
      const r = measureRecalc(rows, samples);
      log(`  =B/C ${f0(r.nativeRecalcMs)} ms, MKT ${f0(r.mktRecalcMs)} ms (${r.ratio.toFixed(2)}×)`);
      results.recalc.push(r);
    }
  }

  if (only.has('marginal')) {
    log('marginal: cost per call of RESPONSE_FIT and ALLOCATE_MARGINAL');
    const perCall = measureMarginalPerCall(adapters, options.perCall, (r) => log(`  ${r.label}: ${f1(r.us)} µs`));
    const [channels, samples] = options.marginalRecalc;
    log(`marginal: recalculation of ${channels.toLocaleString('en-US')} channels, ${samples} samples`);
    const recalc = measureMarginalRecalc(channels, samples);
    log(`  ${f0(recalc.recalcMs)} ms (${f0(recalc.usPerChannel)} µs per channel), values right: ${recalc.checked}`);
    results.marginal = { perCall, recalc };
  }

  if (only.has('hiring')) {
    const problems = hiringCases().flatMap((c) => checkHiringCase(adapters, c));
    if (problems.length) throw new Error(`hiring: adapter and rule disagree:\n${problems.slice(0, 5).join('\n')}`);
    log('hiring: cost per call of LOADED_SALARY_FR, LOADED_SALARY_QC, CROSSOVER_MONTH and COST_PATHS');
    results.hiring = measureHiringPerCall(adapters, options.perCall, (r) => log(`  ${r.label}: ${f1(r.us)} µs`));
  }

  if (only.has('checkworkbook')) {
    log('check-workbook: hostile corpus and a 1 048 576-row sheet, each run as a child process');
    results.checkWorkbook = await measureCheckWorkbook(log, options.quick ? 100_000 : undefined);
  }

  results.targets = judge({ ...results, perCall: results.perCall?.results });
  if (results.checkWorkbook) results.targets.push(...judgeCheckWorkbook(results.checkWorkbook));
  results.durationS = Math.round((Date.now() - started) / 100) / 10;
  results.machine.loadAverageEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  if (results.perCall) {
    results.notes.push(
      `Per call: ${results.perCall.adapters === 'bundle' ? 'adapters as shipped (the built functions.js)' : 'adapters from src'}; rules and inline baseline compiled as ${results.perCall.rulesCompiled}; amounts passed as Excel passes them (a 1×1 array for one cell, a 1×12 row); omitted optional arguments as null.`,
    );
  }
  if (results.roundTrips) results.notes.push('Round trips: request size = JSON of the operations a sync carries, as test/support/excel-fake.ts records it (an estimate of the real request).');

  const file = path.join(__dirname, 'results.json');
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(consoleReport(results));
  console.log(`\nWritten: ${path.relative(ROOT, file)} (${results.durationS} s)`);

  if (options.readme) writeReadme(results);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
