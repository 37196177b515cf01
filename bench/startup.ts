/**
 * Start-up of the built pane in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
 * dist/taskpane.html served on 127.0.0.1, with a stub CustomFunctions runtime injected before any
 * page script that records performance.now() at each associate call. Times are from navigation
 * start (performance.now() is 0 there). Also the gzip sizes of the functions chunk and the pane's,
 * and of the JavaScript fetched before the first step shows (issue 20's first-render budget;
 * office.js not counted).
 *
 * The stub survives what the page does to it: the offline page assigns its own window.CustomFunctions
 * when Office does not host it (and then does not load office.js), and office.js, when loaded,
 * assigns its own `associate` onto the object it finds; the stub is an accessor on window and its
 * properties are accessors, so both assignments are recorded and ignored, as Excel's runtime would
 * keep its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { median } from './lib/timing';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// ---------------------------------------------------------------------------------------------
// Sizes

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function gzipSize(file: string): ChunkSize {
  const data = fs.readFileSync(file);
  return { file: path.basename(file), bytes: data.length, gzipBytes: zlib.gzipSync(data, { level: 9 }).length };
}

/**
 * Scripts at dist's top level that are not the pane's chunks: the two entries, the offline build's
 * office.js loader (a plain script before them) and the browser test's own page.
 */
const NOT_PANE_CHUNKS = new Set(['functions.js', 'taskpane.js', 'office-loader.js', 'channel-names-fixture.js']);

/** The pane's lazy chunks: every .js at dist's top level but the entries and NOT_PANE_CHUNKS. */
export function paneChunkFiles(dist: string): string[] {
  return fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !NOT_PANE_CHUNKS.has(f))
    .sort();
}

export interface BundleSizes {
  functions: ChunkSize;
  taskpaneEntry: ChunkSize;
  paneChunks: ChunkSize[];
  paneGzipBytes: number;
}

export function bundleSizes(dist: string): BundleSizes {
  const paneChunks = paneChunkFiles(dist).map((f) => gzipSize(path.join(dist, f)));
  return {
    functions: gzipSize(path.join(dist, 'functions.js')),
    taskpaneEntry: gzipSize(path.join(dist, 'taskpane.js')),
    paneChunks,
    paneGzipBytes: paneChunks.reduce((sum, c) => sum + c.gzipBytes, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// One page load

/** What the page recorded (all in ms from navigation start). */
export interface PageTimeline {
  associates: Array<[string, number]>;
  /** Assignments by the page or office.js onto the stub, recorded and ignored. */
  officeAssignments: string[];
  firstRender?: number;
  /** The first step's section is in #root (the pane shows a step). */
  firstStep?: number;
  /** Script elements added by the page (webpack's chunk loader), with the time they were added. */
  scriptsAdded: Array<[string, number]>;
  scriptsLoaded: Array<[string, number]>;
  resources: Array<{ name: string; startTime: number; responseEnd: number }>;
  domContentLoaded: number;
}

/**
 * Runs in the page before any of its scripts (page.addInitScript): the recording CustomFunctions
 * stub, and the watchers of #root's first element and of script elements. Plain JS text, so no
 * transpiler helper can slip into code that runs in the page.
 */
export const PAGE_PROBE = `(() => {
  const rec = { associates: [], officeAssignments: [], scriptsAdded: [], scriptsLoaded: [], resources: [], domContentLoaded: 0, firstRender: undefined, firstStep: undefined };
  window.__mktBench = rec;
  class StubError extends Error {
    constructor(code, message) { super(message); this.code = code; this.name = 'CustomFunctions.Error'; }
  }
  const ours = {
    associate(id) {
      const at = performance.now();
      if (typeof id === 'string') rec.associates.push([id, at]);
      else for (const key of Object.keys(id)) rec.associates.push([key, at]);
    },
    Error: StubError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  };
  const stub = {};
  for (const key of Object.keys(ours)) {
    Object.defineProperty(stub, key, { enumerable: true, get: () => ours[key], set: () => { rec.officeAssignments.push(key); } });
  }
  // The offline page sets window.CustomFunctions itself outside Office, and office.js assigns onto
  // it: both are recorded and ignored, the stub stays.
  Object.defineProperty(window, 'CustomFunctions', { configurable: true, get: () => stub, set: () => { rec.officeAssignments.push('window.CustomFunctions'); } });
  const fileOf = (src) => src.split('/').pop();
  const watchRoot = (root) => {
    const rendered = () => Array.from(root.children).some((el) => el.id !== 'loading');
    const stepShown = () => root.querySelector('section[aria-labelledby^="mkt-step-"]') !== null;
    const observer = new MutationObserver(() => {
      const now = performance.now();
      if (rec.firstRender === undefined && rendered()) rec.firstRender = now;
      if (rec.firstStep === undefined && stepShown()) rec.firstStep = now;
      if (rec.firstRender !== undefined && rec.firstStep !== undefined) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  new MutationObserver((mutations) => {
    for (const m of mutations) for (const node of m.addedNodes) {
      if (node.tagName === 'SCRIPT' && node.src) rec.scriptsAdded.push([fileOf(node.src), performance.now()]);
      if (node.id === 'root') watchRoot(node);
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('load', (event) => {
    const target = event.target;
    if (target && target.tagName === 'SCRIPT' && target.src) rec.scriptsLoaded.push([fileOf(target.src), performance.now()]);
  }, true);
  document.addEventListener('DOMContentLoaded', () => { rec.domContentLoaded = performance.now(); });
})();`;

const READ_TIMELINE = `(() => {
  const rec = window.__mktBench;
  rec.resources = performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd }));
  return rec;
})()`;

export interface StartupRun {
  associateCount: number;
  firstAssociateMs: number;
  lastAssociateMs: number;
  firstRenderMs: number;
  /** The first step shows: its section is in the page. */
  firstStepMs: number;
  /** The page's own scripts requested before the first step showed (paths; office.js left out). */
  scriptsBeforeFirstStep: string[];
  /** Earliest request start of a pane chunk. */
  paneRequestMs: number;
  /** Latest load event of a pane chunk script before the first step showed (its code has run by then). */
  paneLoadedMs: number;
  domContentLoadedMs: number;
  /** The last associate happened before any pane chunk was even requested. */
  registeredBeforePane: boolean;
  officeAssignments: string[];
  /** office.js was requested (the offline page loads it only where Office hosts it). */
  officeJsLoaded: boolean;
}

/** A resource's path on the page's server ("729.abc.js"), or undefined for another origin's. */
function ownPath(name: string, origin: string | undefined): string | undefined {
  try {
    const url = new URL(name);
    if (origin !== undefined && url.origin !== origin) return undefined;
    return url.pathname.replace(/^\//, '');
  } catch {
    return undefined;
  }
}

/** Turns a page's timeline into the figures of one run (`origin`: the page's, for its own scripts). */
export function summariseTimeline(timeline: PageTimeline, paneChunks: readonly string[], origin?: string): StartupRun {
  const isPane = (name: string) => paneChunks.includes(name.split('/').pop() ?? name);
  const associateTimes = timeline.associates.map(([, t]) => t);
  const paneRequests = timeline.resources.filter((r) => isPane(r.name)).map((r) => r.startTime);
  const paneAdded = timeline.scriptsAdded.filter(([name]) => isPane(name)).map(([, t]) => t);
  // Chunks loaded after the first step (a later step, the idle preload) are not start-up.
  const firstStep = timeline.firstStep ?? Infinity;
  const paneLoads = timeline.scriptsLoaded.filter(([name, t]) => isPane(name) && t <= firstStep).map(([, t]) => t);
  const lastAssociateMs = associateTimes.length ? Math.max(...associateTimes) : NaN;
  const paneRequestMs = Math.min(...paneRequests, ...paneAdded);
  const firstStepMs = timeline.firstStep ?? NaN;
  const scriptsBeforeFirstStep = timeline.resources
    .filter((r) => r.startTime < firstStepMs)
    .map((r) => ownPath(r.name, origin))
    .filter((p): p is string => p !== undefined && p.endsWith('.js') && !p.startsWith('office-js/'));
  return {
    associateCount: timeline.associates.length,
    firstAssociateMs: associateTimes.length ? Math.min(...associateTimes) : NaN,
    lastAssociateMs,
    firstRenderMs: timeline.firstRender ?? NaN,
    firstStepMs,
    scriptsBeforeFirstStep: [...new Set(scriptsBeforeFirstStep)],
    paneRequestMs,
    paneLoadedMs: paneLoads.length ? Math.max(...paneLoads) : NaN,
    domContentLoadedMs: timeline.domContentLoaded,
    registeredBeforePane: Number.isFinite(lastAssociateMs) && Number.isFinite(paneRequestMs) && lastAssociateMs < paneRequestMs,
    officeAssignments: timeline.officeAssignments,
    officeJsLoaded: timeline.resources.some((r) => /\/office\.js(\?|$)/.test(r.name)),
  };
}

export interface StartupResult {
  runs: number;
  medians: Omit<StartupRun, 'registeredBeforePane' | 'officeAssignments' | 'officeJsLoaded' | 'scriptsBeforeFirstStep'>;
  /** The JavaScript fetched before the first step showed, gzip: the largest of the runs, file by file. */
  beforeFirstStep: { scripts: ChunkSize[]; gzipBytes: number };
  /** In every run. */
  registeredBeforePane: boolean;
  all: StartupRun[];
  sizes: BundleSizes;
  chromium: string;
}

/** Loads dist/taskpane.html `runs` times, each in a fresh Chromium with a fresh profile. */
export async function measureStartup(dist: string, runs: number, chromiumPath = '/usr/bin/chromium'): Promise<StartupResult> {
  const { chromium } = await import('playwright-core');
  const serveModule = path.resolve(__dirname, '..', 'src', 'dev', 'serve.mjs');
  const { serveStatic } = (await import(serveModule)) as {
    serveStatic: (o: { root: string; host?: string; port?: number }) => Promise<{ server: { close(): void }; url: string }>;
  };
  const paneChunks = paneChunkFiles(dist);
  const { server, url } = await serveStatic({ root: dist, host: '127.0.0.1', port: 0 });
  const all: StartupRun[] = [];
  let version = '';
  try {
    for (let i = 0; i < runs; i++) {
      const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-bench-chromium-'));
      const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
      try {
        version = context.browser()?.version() ?? version;
        const page = context.pages()[0] ?? (await context.newPage());
        await page.addInitScript({ content: PAGE_PROBE });
        await page.goto(`${url}taskpane.html`, { waitUntil: 'load' });
        await page.waitForFunction('window.__mktBench.firstStep !== undefined', null, { timeout: 30_000 });
        const timeline = (await page.evaluate(READ_TIMELINE)) as PageTimeline;
        all.push(summariseTimeline(timeline, paneChunks, new URL(url).origin));
      } finally {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
  }
  const pick = (key: keyof StartupResult['medians']) => median(all.map((r) => r[key] as number));
  return {
    runs,
    medians: {
      associateCount: pick('associateCount'),
      firstAssociateMs: pick('firstAssociateMs'),
      lastAssociateMs: pick('lastAssociateMs'),
      firstRenderMs: pick('firstRenderMs'),
      firstStepMs: pick('firstStepMs'),
      paneRequestMs: pick('paneRequestMs'),
      paneLoadedMs: pick('paneLoadedMs'),
      domContentLoadedMs: pick('domContentLoadedMs'),
    },
    registeredBeforePane: all.length > 0 && all.every((r) => r.registeredBeforePane),
    beforeFirstStep: largestBeforeFirstStep(dist, all),
    all,
    sizes: bundleSizes(dist),
    chromium: version,
  };
}

/** Of the runs, the one that fetched the most JavaScript before its first step: its scripts' gzip sizes. */
export function largestBeforeFirstStep(dist: string, runs: readonly Pick<StartupRun, 'scriptsBeforeFirstStep'>[]): StartupResult['beforeFirstStep'] {
  let largest: StartupResult['beforeFirstStep'] = { scripts: [], gzipBytes: 0 };
  for (const run of runs) {
    const scripts = run.scriptsBeforeFirstStep.filter((f) => fs.existsSync(path.join(dist, f))).map((f) => ({ ...gzipSize(path.join(dist, f)), file: f }));
    const gzipBytes = scripts.reduce((sum, c) => sum + c.gzipBytes, 0);
    if (gzipBytes > largest.gzipBytes) largest = { scripts, gzipBytes };
  }
  return largest;
}
