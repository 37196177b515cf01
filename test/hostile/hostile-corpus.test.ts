/**
 * Every file of the hostile corpus (test/support/hostile-corpus.ts, written at test time) through
 * the real CLI, as users run it, under a watchdog: each run must end within its time and memory
 * limits with an answer or a one-line message, exit below 128, no stack trace, no raw control
 * character on stdout, and the file unchanged.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_CASES, writeHostileCorpus, type Expected } from '../support/hostile-corpus';
import { hasUnsafeCharacter } from '../../src/engine/terminal-text';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'src', 'commands', 'check-workbook.ts');
// Generous next to the bench's targets (60 s, 1.5 GB): this machine's cores are shared.
const WATCHDOG_SECONDS = 120;
const WATCHDOG_MB = 1536;

jest.setTimeout(15 * 60_000);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number;
  killedBy?: string;
}

/** Peak resident memory of a process so far (Linux), in MB. */
function peakMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let killedBy: string | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const watch = setInterval(() => {
      peak = Math.max(peak, peakMb(child.pid!));
      if (peak > WATCHDOG_MB) killedBy = `memory above ${WATCHDOG_MB} MB`;
      if (Date.now() - started > WATCHDOG_SECONDS * 1000) killedBy = `time above ${WATCHDOG_SECONDS} s`;
      if (killedBy) child.kill('SIGKILL');
    }, 50);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000, peakMb: Math.round(peak), killedBy });
    });
  });
}

function fingerprint(path: string) {
  const stat = statSync(path);
  return { bytes: readFileSync(path).toString('base64'), mtimeMs: stat.mtimeMs };
}

/** What every run must show, whatever the file. */
function expectBounded(run: Run) {
  expect({ killedBy: run.killedBy, signal: run.signal }).toEqual({ killedBy: undefined, signal: null });
  expect(run.code).not.toBeNull();
  expect(run.code!).toBeLessThan(128);
  expect(run.stderr).not.toMatch(/\n\s+at |RangeError|TypeError|FATAL|heap out of memory|unexpected error/);
  expect(hasUnsafeCharacter(run.stdout)).toBe(false);
  expect(hasUnsafeCharacter(run.stderr.replace(/\n$/, ''))).toBe(false);
}

function expectAnswer(run: Run, expected: Expected) {
  expectBounded(run);
  expect(run.code).toBe(expected.code);
  if (expected.code === 1) {
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^check-workbook: /);
  }
  if (expected.says) expect(expected.code === 1 ? run.stderr : run.stdout).toMatch(expected.says);
  if (expected.never) expect(run.stdout + run.stderr).not.toMatch(expected.never);
}

let dir: string;
let paths: Map<string, string>;
const before = new Map<string, ReturnType<typeof fingerprint>>();
const results = new Map<string, { table: Run; json: Run }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mkt-hostile-'));
  paths = writeHostileCorpus(dir);
  const past = new Date('2024-01-02T03:04:05Z');
  for (const path of paths.values()) {
    utimesSync(path, past, past);
    before.set(path, fingerprint(path));
  }
  // Two at a time: the machine has two cores.
  const queue = HOSTILE_CASES.map((c) => c.name);
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const path = paths.get(name)!;
      results.set(name, { table: await runCli([path]), json: await runCli([path, '--json']) });
    }
  };
  await Promise.all([worker(), worker()]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
  it(`answers within bounds (${c.why})`, () => {
    const { table, json } = results.get(name)!;
    expectAnswer(table, c.expected);
    expectBounded(json);
    expect(json.code).toBe(c.expected.code);
  });

  if (c.expected.cells) {
    it('gives each cell the expected value or status (--json)', () => {
      const printed = JSON.parse(results.get(name)!.json.stdout) as Array<{ sheet: string; cell: string; value: unknown; storage: string; status: string }>;
      const byCell = new Map(printed.map((p) => [`${p.sheet}!${p.cell}`, p]));
      for (const [where, want] of Object.entries(c.expected.cells!)) {
        const got = byCell.get(where);
        expect({ where, found: got !== undefined }).toEqual({ where, found: true });
        // The corpus writes MKT calls as Excel saves bound ones.
        expect(got!.storage).toBe('bound');
        if (want.status) expect(got!.status).toBe(want.status);
        if (want.value !== undefined) {
          if (typeof want.value === 'object') expect(got!.value).toMatchObject(want.value as object);
          else expect(got!.value).toBe(want.value);
        }
        if (want.message) expect((got!.value as { message: string }).message).toMatch(want.message);
      }
    });
  }

  it('leaves the file unchanged', () => {
    const path = paths.get(name)!;
    expect(fingerprint(path)).toEqual(before.get(path));
  });
});

describe('terminal safety', () => {
  it('shows escapes, C1 codes and bidi overrides from the workbook as \\u escapes, in the table and in --json', () => {
    const { table, json } = results.get('escapes.xlsx')!;
    expect(table.stdout).toContain('\\u001B]0;pwned\\u0007\\u001B[2J');
    expect(table.stdout).toContain('S\\u202Eevil!B1');
    expect(table.stdout).toContain('\\u009B2J\\u202E');
    expect(json.stdout).not.toMatch(/[\u009b\u202e\u001b]/);
    // Still the same values once parsed.
    const printed = JSON.parse(json.stdout) as Array<{ sheet: string; value: { message: string } }>;
    expect(printed[0].sheet).toBe('S\u202eevil');
    expect(printed[0].value.message).toContain('\u001b]0;pwned\u0007');
  });
});

describe('files that are not files', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli([fifo]);
    expectBounded(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pipe\.xlsx is not a regular file/);
    expect(run.seconds).toBeLessThan(WATCHDOG_SECONDS);
  });

  it('refuses /dev/zero instead of reading it forever', async () => {
    const run = await runCli(['/dev/zero']);
    expectBounded(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/zero is not a regular file/);
  });

  it('refuses a folder', async () => {
    const run = await runCli([dir]);
    expectBounded(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is a folder/);
  });

  it('ends quietly when the reader of its output goes away (| head -1)', () => {
    const path = paths.get('far-cells-every-row.xlsx')!;
    const out = execFileSync('bash', ['-c', `set -o pipefail; node --import tsx ${JSON.stringify(CLI)} ${JSON.stringify(path)} 2>&1 | head -1; echo "exit=\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^far-cells-every-row\.xlsx: 20000 MKT cell\(s\), 0 error\(s\); 20000 stored as Excel binds them\.\nexit=0\n$/);
  });
});
