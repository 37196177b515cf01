/**
 * npm test on a fresh machine: the system packages the tests need are installed by the run when
 * it is root with apt-get, and otherwise the run stops at once with the one command to type.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/dist';

const { SYSTEM_PACKAGES, ensureSystemPackages, installCommand } = require('../../src/dev/system-packages.cjs');

/** A package whose presence flips once apt-get has "installed" it. */
function fakePackage(name: string, apt: string[]) {
  const state = { present: false };
  return { state, pkg: { name, apt, neededBy: 'a test', isPresent: () => state.present } };
}

function recorder(onInstall: () => void = () => undefined, status = 0) {
  const calls: string[][] = [];
  const run = (command: string, args: string[]) => {
    calls.push([command, ...args]);
    if (args[0] === 'install' && status === 0) onInstall();
    return { status };
  };
  return { calls, run };
}

const quiet = () => undefined;

describe('ensureSystemPackages', () => {
  it('does nothing when every package is there', () => {
    const { calls, run } = recorder();
    const result = ensureSystemPackages({ packages: [{ name: 'x', apt: ['x'], neededBy: 'a test', isPresent: () => true }], isRoot: true, aptGet: '/usr/bin/apt-get', run, log: quiet });
    expect(result).toEqual({ ok: true, installed: [], message: '' });
    expect(calls).toEqual([]);
  });

  it('installs what is missing, as root with apt-get: update, then install without recommends', () => {
    const chromium = fakePackage('Chromium', ['chromium']);
    const office = fakePackage('LibreOffice Calc', ['libreoffice-calc-nogui', 'python3-uno']);
    const { calls, run } = recorder(() => {
      chromium.state.present = true;
      office.state.present = true;
    });
    const result = ensureSystemPackages({ packages: [chromium.pkg, office.pkg], isRoot: true, aptGet: '/usr/bin/apt-get', run, allowInstall: true, log: quiet });
    expect(calls).toEqual([
      ['/usr/bin/apt-get', 'update'],
      ['/usr/bin/apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'libreoffice-calc-nogui', 'python3-uno'],
    ]);
    expect(result).toMatchObject({ ok: true, installed: ['chromium', 'libreoffice-calc-nogui', 'python3-uno'] });
  });

  it('stops at once with the single command when it is not root', () => {
    const chromium = fakePackage('Chromium', ['chromium']);
    const { calls, run } = recorder();
    const result = ensureSystemPackages({ packages: [chromium.pkg], isRoot: false, aptGet: '/usr/bin/apt-get', run, log: quiet });
    expect(calls).toEqual([]);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n');
  });

  it('says what to install where there is no apt-get', () => {
    const { calls, run } = recorder();
    const result = ensureSystemPackages({ packages: [fakePackage('Chromium', ['chromium']).pkg], isRoot: true, aptGet: null, run, log: quiet });
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('no apt-get: install Chromium') });
  });

  it('fails clearly when apt-get fails, or installs yet the package is still not found', () => {
    const failing = recorder(() => undefined, 100);
    expect(ensureSystemPackages({ packages: [fakePackage('Chromium', ['chromium']).pkg], isRoot: true, aptGet: '/usr/bin/apt-get', run: failing.run, allowInstall: true, log: quiet }))
      .toMatchObject({ ok: false, message: expect.stringContaining('apt-get update failed (exit 100)') });
    expect(failing.calls).toHaveLength(1);
    const noEffect = recorder();
    expect(ensureSystemPackages({ packages: [fakePackage('Chromium', ['chromium']).pkg], isRoot: true, aptGet: '/usr/bin/apt-get', run: noEffect.run, allowInstall: true, log: quiet }))
      .toMatchObject({ ok: false, message: expect.stringContaining('still not found') });
  });

  it('lists Chromium and LibreOffice Calc, the packages the tests need', () => {
    expect(SYSTEM_PACKAGES.map((p: { apt: string[] }) => p.apt)).toEqual([['chromium'], ['libreoffice-calc-nogui', 'python3-uno']]);
    expect(installCommand(SYSTEM_PACKAGES, { root: true })).toBe('apt-get update && apt-get install -y --no-install-recommends chromium libreoffice-calc-nogui python3-uno');
  });
});

describe('npm test without Chromium, when it may not install', () => {
  it('stops before any build with the command to run, and still ends with the summary line', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'src', 'dev', 'run-tests.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM: '/nonexistent/chromium', MKT_NO_INSTALL: '1' },
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install -y --no-install-recommends chromium');
    expect(run.stdout).not.toContain('=== typecheck');
    expect(run.stdout.trim().split('\n').pop()).toBe('0 passed, 1 failed');
  });
});
