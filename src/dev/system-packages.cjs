// The system packages the tests need, and how `npm test` gets them on a fresh machine. Like
// `playwright install --with-deps`: a missing package is installed when the user is root with
// apt-get (CI, containers); otherwise the run stops at once with the one command to type.
// Add a package the tests need with one entry in SYSTEM_PACKAGES.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

/**
 * @typedef {{ name: string, apt: string[], neededBy: string, isPresent: () => boolean }} SystemPackage
 * @type {SystemPackage[]}
 */
const SYSTEM_PACKAGES = [
  {
    name: 'Chromium',
    apt: ['chromium'],
    neededBy: 'the browser tests (test/browser/run.mjs; CHROMIUM=path for another binary)',
    isPresent: () => isExecutable(process.env.CHROMIUM || '/usr/bin/chromium'),
  },
  {
    name: 'LibreOffice Calc',
    apt: ['libreoffice-calc-nogui', 'python3-uno'],
    neededBy: "the portable copy's recalculation check (test/portable/libreoffice.test.ts, test/libreoffice/recalc.py)",
    // Debian's python3, which python3-uno extends (a pyenv python3 on the PATH does not see it).
    isPresent: () =>
      isExecutable('/usr/bin/soffice') &&
      isExecutable('/usr/bin/python3') &&
      spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0,
  },
];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** apt-get on the PATH, or undefined (pass aptGet: null to ensureSystemPackages for "none"). */
function findAptGet(envPath = process.env.PATH || '') {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, 'apt-get'))) return path.join(dir, 'apt-get');
  }
  return undefined;
}

/** The one shell command that installs these packages, for a user who must type it. */
function installCommand(packages, { root = false } = {}) {
  const sudo = root ? '' : 'sudo ';
  const names = [...new Set(packages.flatMap((p) => p.apt))].join(' ');
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${names}`;
}

/**
 * Makes sure every package of `packages` is present. Installs the missing ones itself when it
 * can (root, apt-get, and MKT_NO_INSTALL unset); never asks a question.
 * @returns {{ ok: boolean, installed: string[], message: string }}
 */
function ensureSystemPackages({
  packages = SYSTEM_PACKAGES,
  isRoot = typeof process.getuid === 'function' && process.getuid() === 0,
  aptGet = findAptGet(),
  allowInstall = !process.env.MKT_NO_INSTALL,
  run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
  log = (line) => console.log(line),
} = {}) {
  const missing = packages.filter((p) => !p.isPresent());
  if (missing.length === 0) return { ok: true, installed: [], message: '' };
  const what = missing.map((p) => `${p.name} (${p.apt.join(', ')}), for ${p.neededBy}`).join('; ');

  if (!aptGet) {
    return { ok: false, installed: [], message: `The tests need ${what}, and this machine has no apt-get: install ${missing.map((p) => p.name).join(' and ')} with its package manager, then run npm test again.` };
  }
  if (!isRoot || !allowInstall) {
    return { ok: false, installed: [], message: `The tests need ${what}. Install ${missing.length === 1 ? 'it' : 'them'} with:\n  ${installCommand(missing, { root: isRoot })}\nthen run npm test again.` };
  }

  const names = [...new Set(missing.flatMap((p) => p.apt))];
  log(`The tests need ${what}: installing (${installCommand(missing, { root: true })})`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...names]]) {
    const result = run(aptGet, args);
    if (result.status !== 0) {
      return { ok: false, installed: [], message: `apt-get ${args[0]} failed (exit ${result.status ?? result.signal}). Run it yourself:\n  ${installCommand(missing, { root: true })}` };
    }
  }
  const stillMissing = missing.filter((p) => !p.isPresent());
  if (stillMissing.length) {
    return { ok: false, installed: [], message: `apt-get installed ${names.join(' ')}, yet ${stillMissing.map((p) => p.name).join(' and ')} is still not found.` };
  }
  return { ok: true, installed: names, message: `installed ${names.join(' ')}` };
}

module.exports = { SYSTEM_PACKAGES, ensureSystemPackages, installCommand, findAptGet };
