/**
 * @jest-environment jsdom
 *
 * The privacy statement published beside the help pages (privacy.html in French, privacy-en.html
 * in English, at <baseUrl>privacy.html in a production build), linked from each help page; and
 * what it claims stays true of the add-in's code: no network request, nothing kept in the
 * browser, the inputs in the document's settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, listFiles, PRODUCTION_BASE_URL, ROOT } from '../support/dist';

const page = (outDir: 'dist' | 'dist-prod', name: string) => new DOMParser().parseFromString(fs.readFileSync(built(outDir, name), 'utf8'), 'text/html');

describe.each([
  ['privacy.html', 'fr', 'privacy-en.html', 'help.html', /n’envoie rien nulle part/, /paramètres de document/, /Microsoft/],
  ['privacy-en.html', 'en', 'privacy.html', 'help-en.html', /sends nothing anywhere/, /document settings/, /Microsoft/],
])('%s', (file, lang, other, help, sendsNothing, settings, microsoft) => {
  const doc = page('dist', file);

  it(`is in its language (lang="${lang}"), with a title and a link to the other language`, () => {
    expect(doc.documentElement.lang).toBe(lang);
    expect(doc.querySelector('h1')?.textContent).toMatch(/^MKT — /);
    expect(doc.querySelector(`a[href="${other}"]`)?.getAttribute('hreflang')).toBe(lang === 'fr' ? 'en' : 'fr');
  });

  it('says that MKT sends nothing, where the inputs stay, and that Microsoft’s terms cover Office and office.js', () => {
    const text = doc.body.textContent ?? '';
    expect(text).toMatch(sendsNothing);
    expect(text).toMatch(settings);
    expect(text).toMatch(/cookie/);
    expect(text).toMatch(/MKT_/);
    expect(text).toMatch(/appsforoffice\.microsoft\.com/);
    expect(text).toMatch(microsoft);
  });

  it('runs no script and loads nothing from another origin', () => {
    expect(doc.querySelectorAll('script, link[rel="stylesheet"], img, iframe')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    for (const a of Array.from(doc.querySelectorAll('a[href]'))) expect(a.getAttribute('href')).toMatch(/^[a-z-]+\.html$/);
  });

  it(`is linked from ${help}`, () => {
    expect(page('dist', help).querySelector(`footer a[href="${file}"]`)).not.toBeNull();
  });

  if (lang === 'fr') {
    it('puts a non-breaking space before its colons, here and in the help page’s link to it', () => {
      const text = [doc.body.textContent ?? '', page('dist', help).querySelector(`footer a[href="${file}"]`)?.textContent ?? ''].join('\n');
      expect(text).not.toMatch(/ [:;!?»]|« /);
      expect(text).toMatch(/\u00a0:/);
    });
  }

  it('is published by a production build at <baseUrl> + its name, the same page', () => {
    expect(fs.readFileSync(built('dist-prod', file), 'utf8')).toBe(fs.readFileSync(built('dist', file), 'utf8'));
    expect(new URL(file, PRODUCTION_BASE_URL).href).toBe(`${PRODUCTION_BASE_URL}${file}`);
  });
});

describe('what the privacy statement claims, in the code that ships', () => {
  // The add-in's code: everything under src/ but the build-time tools and the test-only pages.
  const TOOLS_ONLY = ['dev', 'engine', 'commands', 'examples'].map((folder) => `${folder}${path.sep}`);
  const shipped = listFiles(path.join(ROOT, 'src'))
    .filter((name) => /\.(ts|tsx|js|mjs|cjs|html)$/.test(name) && !TOOLS_ONLY.some((folder) => name.startsWith(folder)) && !name.includes(`${path.sep}testing${path.sep}`))
    .map((name) => ({ name, text: fs.readFileSync(path.join(ROOT, 'src', name), 'utf8') }));

  it('reads the add-in’s code', () => {
    expect(shipped.length).toBeGreaterThan(50);
  });

  // The one request: « Insérer l'exemple » fetches a shipped example from the pane's own address.
  const OWN_FILES_ONLY = path.join('excel', 'insert-example.ts');

  it('asks only the add-in’s own address, and only for a shipped example', async () => {
    const { exampleOffer } = await import('../../src/excel/insert-example');
    for (const market of ['FR', 'QC']) {
      const offer = await exampleOffer(market, 'https://mkt.example.com/addin/taskpane.html');
      expect(offer.url).toMatch(/^https:\/\/mkt\.example\.com\/addin\/assets\/examples\/budget-[a-z-]+\.xlsx$/);
      expect(fs.existsSync(built('dist', new URL(offer.url).pathname.replace('/addin/', '')))).toBe(true);
    }
  });

  it('makes no other network request (fetch, XMLHttpRequest, beacon, WebSocket, EventSource)', () => {
    const found = shipped.filter(({ name, text }) => {
      if (name === OWN_FILES_ONLY) return /\b(XMLHttpRequest|sendBeacon|WebSocket|EventSource)\b/.test(text) || (text.match(/(^|[^.\w])fetch\s*\(/gm) ?? []).length !== 1;
      // A local `fetch` (a lazy loader's parameter, src/taskpane/app/later.tsx) is no network call.
      const localFetch = /\bfetch\s*[:=]|[(,]\s*fetch\s*[,)]/.test(text);
      return /\b(XMLHttpRequest|sendBeacon|WebSocket|EventSource)\b|\b(window|globalThis|self)\.fetch\b/.test(text) || (!localFetch && /(^|[^.\w])fetch\s*\(/m.test(text));
    });
    expect(found.map((f) => f.name)).toEqual([]);
  });

  it('keeps nothing in the browser (cookie, localStorage, indexedDB); office.js’s own host check only reads sessionStorage', () => {
    const found = shipped.filter(({ name, text }) => /\bdocument\.cookie\b|\blocalStorage\b|\bindexedDB\b/.test(text) || (/\bsessionStorage\b/.test(text) && !name.endsWith('office-loader.js')));
    expect(found.map((f) => f.name)).toEqual([]);
    const loader = shipped.find((f) => f.name.endsWith('office-loader.js'))!;
    expect(loader.text).not.toMatch(/sessionStorage\.(setItem|removeItem|clear)/);
  });

  it('keeps the pane’s inputs in the document’s settings', () => {
    expect(shipped.find((f) => f.name.endsWith(path.join('excel', 'memory.ts')))?.text).toMatch(/Office\?\.context\?\.document\?\.settings/);
  });
});
