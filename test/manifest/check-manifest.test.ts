/**
 * The offline manifest check (test/manifest/check-manifest.ts) proves itself on sample manifests:
 * samples/good.xml passes, and each samples/bad-*.xml fails with exactly the one problem its
 * first comment names (`Must fail "check": why`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkManifest, checkManifestFile, formatProblem, MAX_MANIFEST_BYTES, type Check } from './check-manifest';
import { ROOT } from '../support/dist';

const SAMPLES = path.join(__dirname, 'samples');
const bad = fs.readdirSync(SAMPLES).filter((name) => name.startsWith('bad-') && name.endsWith('.xml')).sort();
const expected = (name: string): Check => {
  const match = /<!-- Must fail "([a-z-]+)": /.exec(fs.readFileSync(path.join(SAMPLES, name), 'utf8'));
  if (!match) throw new Error(`${name}: its first comment must say Must fail "check": why`);
  return match[1] as Check;
};

describe('the manifest check', () => {
  it('passes the good sample', async () => expect(await checkManifestFile(path.join(SAMPLES, 'good.xml'))).toEqual([]));

  it.each(bad)('fails %s with the one problem it was written for', async (name) => {
    const problems = await checkManifestFile(path.join(SAMPLES, name));
    expect(problems.map((p) => p.check)).toEqual([expected(name)]);
    expect(problems[0].message.length).toBeGreaterThan(10);
  });

  it('has a bad sample for every check', () => {
    const all: Check[] = ['xml', 'schema', 'resid-undefined', 'resid-kind', 'duplicate-id', 'https', 'guid'];
    expect([...new Set(bad.map(expected))].sort()).toEqual([...all].sort());
  });

  it('names the line and the fix in its messages', async () => {
    const xml = fs.readFileSync(path.join(SAMPLES, 'bad-resid-kind.xml'), 'utf8');
    const [problem] = await checkManifest(xml);
    expect(formatProblem('m.xml', problem)).toBe('m.xml:64: [resid-kind] resid "GetStarted.LearnMoreUrl" on <Label> must name a bt:ShortStrings entry, but it is in bt:Urls (line 104)');
  });

  it('reports every problem of a manifest with several, in line order', async () => {
    const xml = fs.readFileSync(path.join(SAMPLES, 'good.xml'), 'utf8')
      .replace('<Id>5d6f3c1e-8a2b-4c7d-9e0f-1a2b3c4d5e6f</Id>', '<Id>urn:uuid:5d6f3c1e-8a2b-4c7d-9e0f-1a2b3c4d5e6f</Id>')
      .replace('lifetime="long"', 'lifetime="forever"')
      .replace('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="ftp://');
    expect((await checkManifest(xml)).map((p) => [p.line, p.check])).toEqual([[8, 'guid'], [18, 'https'], [38, 'schema']]);
  });

  it('refuses an oversized file before parsing it', async () => {
    const huge = `<OfficeApp>${' '.repeat(MAX_MANIFEST_BYTES)}</OfficeApp>`;
    expect(await checkManifest(huge)).toEqual([{ check: 'xml', line: null, message: expect.stringContaining('bytes') }]);
  });

  it('runs with no xmllint and nothing else on the PATH but node', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-path-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'check-manifest.ts'), 'manifest.xml', path.join(SAMPLES, 'bad-http.xml')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: bin, HOME: process.env.HOME ?? os.tmpdir() },
    });
    fs.rmSync(bin, { recursive: true, force: true });
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/bad-http\.xml:18: \[https\] URL is not https/), 'manifest: 1 problem']);
    expect(run.status).toBe(1);
  });
});
