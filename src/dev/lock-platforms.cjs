// Keeps package-lock.json whole where the registry lacks other platforms' builds. This machine's
// registry serves only the linux builds of unrs-resolver's native bindings (a jest dependency), so
// `npm install` here leaves the others out of the lock, and `npm ci` then rejects the lock as out
// of sync. This adds each missing optional binding with its os and cpu, so npm skips it on every
// other platform and fetches it by name on its own. Run after `npm install`: node src/dev/lock-platforms.cjs
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.resolve(__dirname, '..', '..', 'package-lock.json');
const PLATFORM = /-(android|darwin|freebsd|linux|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)(-|$)/;

function missingBindings(lock) {
  const missing = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const match = PLATFORM.exec(name);
      const at = `${key ? `${key}/` : ''}node_modules/${name}`;
      if (match && !lock.packages[`node_modules/${name}`] && !lock.packages[at]) {
        missing.push({ key: `node_modules/${name}`, version, os: match[1], cpu: match[2], dev: entry.dev === true });
      }
    }
  }
  return missing;
}

function addMissing(lock) {
  const missing = missingBindings(lock);
  for (const m of missing) {
    lock.packages[m.key] = { version: m.version, ...(m.dev ? { dev: true } : {}), optional: true, os: [m.os], cpu: [m.cpu] };
  }
  const keys = Object.keys(lock.packages).sort((a, b) => (a === b ? 0 : a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1));
  lock.packages = Object.fromEntries(keys.map((k) => [k, lock.packages[k]]));
  return missing.length;
}

module.exports = { missingBindings };

if (require.main === module) {
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
  const added = addMissing(lock);
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: ${added} platform binding(s) added`);
}
