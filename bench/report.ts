/**
 * The bench's results: the shape of bench/results.json, the table printed on the console, and the
 * README's Performance section.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { FuzzResult } from './fuzz';
import type { MarginalCallResult, MarginalRecalcResult } from './marginal';
import type { HiringCallResult } from './hiring';
import type { BreakdownResult, PerCallResult } from './percall';
import type { RecalcResult } from './recalc';
import { growthExponent } from './recalc';
import type { RoundTripResult } from './roundtrips';
import type { StartupResult } from './startup';
import type { Target } from './targets';
import type { CheckWorkbookResults } from './check-workbook';

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  v8: string;
  platform: string;
  date: string;
  commit: string;
  /** Files under src/ with uncommitted changes when the bench ran (the build includes them). */
  uncommittedSrc: string[];
  loadAverageStart: number[];
  loadAverageEnd?: number[];
}

export interface BenchResults {
  machine: Machine;
  options: Record<string, unknown>;
  durationS?: number;
  perCall?: { adapters: 'bundle' | 'source'; rulesCompiled: 'esbuild bundle' | 'tsx'; results: PerCallResult[]; breakdown: BreakdownResult[] };
  recalc?: RecalcResult[];
  startup?: StartupResult;
  roundTrips?: RoundTripResult[];
  fuzz?: FuzzResult;
  marginal?: { perCall: MarginalCallResult[]; recalc: MarginalRecalcResult };
  hiring?: HiringCallResult[];
  checkWorkbook?: CheckWorkbookResults;
  targets: Target[];
  notes: string[];
}

export function cpuModel(): string {
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function machineInfo(root: string): Machine {
  let commit = 'unknown';
  let uncommittedSrc: string[] = [];
  try {
    const git = (args: string) => execSync(`git ${args}`, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    commit = git('rev-parse --short HEAD').trim();
    uncommittedSrc = git('status --porcelain -- src')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
  } catch {
    // not a git checkout
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: cpuModel(),
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    commit,
    uncommittedSrc,
    loadAverageStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

export const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
export const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
export const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[-+]?[\d,.]+( ?[×%a-zA-Zµ]+)?$|^—$/.test(r[i] ?? '')));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

type Table = { title: string; header: string[]; rows: string[][]; note?: string };

/** The breakdown steps the README keeps (the console and results.json have them all). */
const README_BREAKDOWN = /^(inline: sum ×2 and divide \((1|12) cells?\)$|readAmount ×2|adapter ROI_RATIO|candidate ROI_RATIO|try\/catch|inline \()/;

function tables(r: BenchResults, forReadme = false): Table[] {
  const out: Table[] = [];
  if (r.perCall) {
    out.push({
      title: `1. Cost per call (ns, median; adapters from ${r.perCall.adapters === 'bundle' ? 'the built functions.js' : 'src/functions'})`,
      header: ['function', 'arguments', 'inline', 'rule', 'adapter', 'adapter/inline', '≤ 2×'],
      rows: r.perCall.results.map((x) => [
        x.id,
        x.shape === 'scalar' ? 'one cell' : '12-cell ranges',
        f1(x.inlineNs),
        f1(x.ruleNs),
        f1(x.adapterNs),
        `${f1(x.ratio)}×`,
        x.shape === 'scalar' ? (x.ratio <= 2 ? 'met' : 'missed') : '',
      ]),
    });
    if (r.perCall.breakdown.length) {
      out.push({
        title: 'Where ROI_RATIO\'s time goes (ns per call, median)',
        header: ['step', 'ns'],
        rows: r.perCall.breakdown.filter((b) => !forReadme || README_BREAKDOWN.test(b.step)).map((b) => [b.step, f1(b.ns)]),
        note: 'candidate = the pre-change suggestion (bench/candidates.ts), now the shape of every adapter: plain loops and its own try/catch.',
      });
    }
  }
  if (r.recalc?.length) {
    const rows = r.recalc.map((x) => [f0(x.rows), f0(x.nativeRecalcMs), f0(x.mktRecalcMs), `${f2(x.ratio)}×`, f2(x.extraUsPerRow), f0(x.nativeBuildMs), f0(x.mktBuildMs), `${f2(x.buildRatio)}×`, x.checked ? 'yes' : 'NO']);
    const native = growthExponent(r.recalc.map((x) => ({ rows: x.rows, ms: x.nativeRecalcMs })));
    const mkt = growthExponent(r.recalc.map((x) => ({ rows: x.rows, ms: x.mktRecalcMs })));
    out.push({
      title: '2. Recalculation in HyperFormula: one formula per row, whole Spend column replaced (ms, median)',
      header: ['rows', '=B/C', 'MKT.ROI_RATIO', 'ratio', 'extra µs/row', 'build =B/C', 'build MKT', 'build ratio', 'values right'],
      rows,
      note: `Growth, time ∝ rows^k from ${f0(r.recalc[0].rows)} to ${f0(r.recalc[r.recalc.length - 1].rows)} rows: k = ${f2(native)} for =B/C, ${f2(mkt)} for MKT.ROI_RATIO (1 = linear).`,
    });
  }
  if (r.startup) {
    const s = r.startup;
    const m = s.medians;
    out.push({
      title: `3. Start-up in headless Chromium ${s.chromium} (ms from navigation start, median of ${s.runs} runs)`,
      header: ['event', 'ms'],
      rows: [
        ['DOMContentLoaded', f0(m.domContentLoadedMs)],
        [`first associate`, f0(m.firstAssociateMs)],
        [`last associate (${m.associateCount} functions)`, f0(m.lastAssociateMs)],
        ['pane chunk requested', f0(m.paneRequestMs)],
        ['pane chunks loaded (evaluated)', f0(m.paneLoadedMs)],
        ['pane first render (#root)', f0(m.firstRenderMs)],
      ],
      note: `Registered before the pane's code was requested: ${s.all.filter((x) => x.registeredBeforePane).length}/${s.runs} runs.`,
    });
    out.push({
      title: 'Bundle sizes (dist/)',
      header: ['chunk', 'bytes', 'gzip'],
      rows: [
        [`functions.js`, f0(s.sizes.functions.bytes), kb(s.sizes.functions.gzipBytes)],
        [`taskpane.js (entry)`, f0(s.sizes.taskpaneEntry.bytes), kb(s.sizes.taskpaneEntry.gzipBytes)],
        ...s.sizes.paneChunks.map((c) => [`${c.file} (pane, lazy)`, f0(c.bytes), kb(c.gzipBytes)]),
        ['pane chunks, total', f0(s.sizes.paneChunks.reduce((a, c) => a + c.bytes, 0)), kb(s.sizes.paneGzipBytes)],
      ],
    });
  }
  if (r.roundTrips?.length) {
    const steps = r.roundTrips[0].steps.map((s) => s.step);
    out.push({
      title: '4. Round trips through the recording Excel fake: context.sync calls / largest request',
      header: ['action', ...r.roundTrips.map((x) => `${f0(x.rows)} rows`)],
      rows: steps.map((step) => [
        step,
        ...r.roundTrips!.map((x) => {
          const s = x.steps.find((y) => y.step === step);
          return s ? `${s.syncs} / ${kb(s.largestRequestBytes)}` : '—';
        }),
      ]),
      note: `readSource's response (the preview) is ${r.roundTrips.map((x) => kb(x.previewBytes)).join(', ')} — bounded, whatever the rows.`,
    });
  }
  if (r.fuzz) {
    const z = r.fuzz;
    out.push({
      title: `5. Fuzz: random Excel-like calls across the ${Object.keys(r.fuzz.callsByFunction).length} functions`,
      header: ['calls', 'not showable', 'values', 'Excel errors', 'generate s', 'call s', 'calls/s'],
      rows: [[f0(z.calls), f0(z.notShowable), f0(z.values), f0(Object.values(z.errors).reduce((a, b) => a + b, 0)), f1(z.generateMs / 1000), f1(z.callMs / 1000), f0(z.calls / (z.callMs / 1000))]],
      note: z.examples.length ? `Examples: ${z.examples.join(' ; ')}` : undefined,
    });
  }
  if (r.marginal) {
    const { perCall, recalc } = r.marginal;
    out.push({
      title: '6. Arbitrage by marginal return: cost per call (µs, median; adapters as above)',
      header: ['call', 'µs'],
      rows: perCall.map((x) => [x.label, f1(x.us)]),
    });
    out.push({
      title: `Recalculation in HyperFormula of ${f0(recalc.channels)} channels × 12 months (a RESPONSE_FIT row and a MARGINAL_ROAS each, one ALLOCATE_MARGINAL over all), spend block replaced (ms, median of ${recalc.samples})`,
      header: ['channels', 'build ms', 'recalc ms', 'µs per channel', 'values right'],
      rows: [[f0(recalc.channels), f0(recalc.buildMs), f0(recalc.recalcMs), f0(recalc.usPerChannel), recalc.checked ? 'yes' : 'NO']],
    });
  }
  if (r.hiring) {
    out.push({
      title: 'What a hire costs (RULES.md §8): cost per call (µs, median; adapters as above)',
      header: ['call', 'µs'],
      rows: r.hiring.map((x) => [x.label, f1(x.us)]),
    });
  }
  out.push({
    title: '7. Targets',
    header: ['target', 'measured', 'verdict'],
    rows: r.targets.map((t) => [t.target, t.measured, t.verdict.toUpperCase()]),
  });
  return out;
}

export function consoleReport(r: BenchResults): string {
  const m = r.machine;
  const parts = [`MKT bench — ${m.cpuModel}, ${m.nproc} CPUs, node ${m.node}, ${m.date}, load ${m.loadAverageStart.join(' ')}, commit ${m.commit}${m.uncommittedSrc.length ? ` + uncommitted ${m.uncommittedSrc.join(', ')}` : ''}`];
  for (const t of tables(r)) parts.push(`\n${t.title}\n${textTable(t.header, t.rows)}${t.note ? `\n${t.note}` : ''}`);
  if (r.notes.length) parts.push(`\nNotes:\n${r.notes.map((n) => `- ${n}`).join('\n')}`);
  return parts.join('\n');
}

export const README_START = '<!-- performance:start (npm run bench -- --readme) -->';
export const README_END = '<!-- performance:end -->';
export const README_MARKER = '<!-- section: performance -->';

export function readmeSection(r: BenchResults): string {
  const m = r.machine;
  const lines = [
    README_START,
    '## Performance',
    '',
    '`npm run bench` (2 to 4 minutes on 2 cores; not part of `npm test`) measures the cost of a call, recalculation in',
    'HyperFormula, start-up in headless Chromium, round trips of the pane\'s workbook actions and a',
    'million fuzzed calls; it prints the tables below and writes `bench/results.json`. `npm run bench -- --quick`',
    'is a short smoke run; `--readme` rewrites this section from the run.',
    '',
    `Figures from one run on ${m.nproc} × ${m.cpuModel} (nproc ${m.nproc}), ${m.memoryGb} GB, node ${m.node}, ${m.date.slice(0, 10)},`,
    `commit ${m.commit}${m.uncommittedSrc.length ? ` plus uncommitted ${m.uncommittedSrc.join(', ')}` : ''}; a shared machine (load average ${m.loadAverageStart[0]} at the start), so single figures can move by ±30 %.`,
  ];
  for (const t of tables(r, true)) {
    lines.push('', `**${t.title.replace(/^\d\. /, '')}**`, '', markdownTable(t.header, t.rows));
    if (t.note) lines.push('', t.note);
  }
  const missed = r.targets.filter((t) => t.verdict === 'missed');
  lines.push('', missed.length ? `Missed: ${missed.map((t) => `${t.target} (${t.measured})`).join('; ')}. A miss is a finding to act on, not a failure of the bench.` : 'Every target met.');
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  lines.push(README_END);
  return lines.join('\n');
}

/**
 * Puts the section in the README: between the start and end markers when a run already wrote it,
 * else in place of the `<!-- section: performance -->` line. Returns false when neither is there.
 */
export function replaceReadmeSection(readme: string, section: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start >= 0 && end > start) return readme.slice(0, start) + section + readme.slice(end + README_END.length);
  const marker = readme.indexOf(README_MARKER);
  if (marker >= 0) return readme.slice(0, marker) + section + readme.slice(marker + README_MARKER.length);
  return undefined;
}
