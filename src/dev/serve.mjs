// A small static file server for dist/: https for Excel (npm start), http on 127.0.0.1 for tests.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves root. Resolves with { server, url } once listening.
 * @param {{root: string, host?: string, port?: number, tls?: {key: Buffer|string, cert: Buffer|string}}} options
 */
export function serveStatic({ root, host = '127.0.0.1', port = 0, tls }) {
  const base = path.resolve(root);
  const handler = (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(base, `.${urlPath.endsWith('/') ? `${urlPath}taskpane.html` : urlPath}`);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    fs.createReadStream(file).pipe(res);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `${tls ? 'https' : 'http'}://${host}:${address.port}/` });
    });
  });
}
