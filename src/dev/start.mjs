// npm start: build in watch mode, serve dist/ over https on localhost:3000, and sideload into
// desktop Excel where it can (Windows, Mac). On Linux it keeps serving and says how to add the
// add-in to Excel on the web.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { serveStatic } from './serve.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const webpack = require('webpack');
const config = require(path.join(root, 'webpack.config.js'))({}, { mode: 'development' });

async function httpsOptions() {
  const certs = require('office-addin-dev-certs');
  try {
    // Creates the certificates and trusts their CA; trusting needs admin rights on some systems.
    return await certs.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const cert = path.join(dir, 'localhost.crt');
    const key = path.join(dir, 'localhost.key');
    if (!fs.existsSync(cert) || !fs.existsSync(key)) {
      fs.mkdirSync(dir, { recursive: true });
      const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
      await generateCertificates(path.join(dir, 'ca.crt'), cert, key);
    }
    console.log(`The development certificate could not be trusted automatically (${error.message ?? error}).`);
    console.log(`Trust ${path.join(dir, 'ca.crt')} in your system or browser, or run: npx office-addin-dev-certs install`);
    return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  }
}

function firstBuild() {
  return new Promise((resolve, reject) => {
    let done = false;
    webpack(config).watch({ aggregateTimeout: 300 }, (error, stats) => {
      if (error) return done ? console.error(error) : reject(error);
      const info = stats.toString({ colors: true, preset: 'errors-warnings' });
      if (info.trim()) console.log(info);
      console.log(stats.hasErrors() ? 'Build failed; fix the errors above.' : `Built into ${config.output.path}`);
      if (!done) {
        done = true;
        resolve();
      }
    });
  });
}

await firstBuild();
const { url } = await serveStatic({ root: config.output.path, host: 'localhost', port: 3000, tls: await httpsOptions() });
console.log(`Serving the add-in on ${url} (Ctrl+C to stop).`);

const canSideload = process.platform === 'win32' || process.platform === 'darwin';
let debugging;
try {
  debugging = require.resolve('office-addin-debugging/cli.js');
} catch {
  debugging = undefined;
}
if (canSideload && debugging) {
  spawn(process.execPath, [debugging, 'start', path.join(root, 'manifest.xml'), 'desktop', '--app', 'excel',
    '--dev-server-port', '3000', '--debug-method', 'direct', '--no-live-reload'], { stdio: 'inherit' });
} else {
  console.log(`
Desktop Excel cannot be started from here${canSideload ? ' (office-addin-debugging is not installed)' : ` (${process.platform})`}.
To use the add-in in Excel on the web:
  1. Open a workbook in Excel on the web (your Microsoft 365 account).
  2. Home > Add-ins > More add-ins > My add-ins > Upload my add-in, and choose ${path.join(root, 'manifest.xml')}.
  3. Excel must reach ${url}: open it once in the same browser and accept the certificate if asked.
Then type =MKT. in a cell, or open Home > Marketing decisions.`);
}
