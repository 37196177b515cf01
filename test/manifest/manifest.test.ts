/**
 * @jest-environment jsdom
 *
 * The manifest as written, and as both builds ship it. Microsoft's validator needs its web
 * service; ./check-manifest.ts checks Microsoft's schema and the rules it cannot express offline,
 * with no system package (libxml2 as WebAssembly, from npm).
 */
import fs from 'node:fs';
import path from 'node:path';
import { built, listFiles, PRODUCTION_BASE_URL, ROOT } from '../support/dist';
import { checkManifestFile, formatProblem } from './check-manifest';

const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

function parse(file: string): Document {
  const doc = new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const all = (doc: Document, name: string) => Array.from(doc.getElementsByTagName(name));

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const manifests: Array<[string, string, string]> = [
  ['manifest.xml (source)', path.join(ROOT, 'manifest.xml'), 'https://localhost:3000/'],
  ['dist/manifest.xml (offline build)', built('dist', 'manifest.xml'), 'https://localhost:3000/'],
  ['dist-prod/manifest.xml (production build)', built('dist-prod', 'manifest.xml'), PRODUCTION_BASE_URL],
];

describe.each(manifests)('%s', (_title, file, baseUrl) => {
  const doc = parse(file);
  const xml = fs.readFileSync(file, 'utf8');

  it('defines every resid it uses', () => {
    const defined = new Set(all(doc, '*').filter((el) => el.namespaceURI === BT && el.hasAttribute('id')).map((el) => el.getAttribute('id')));
    const used = all(doc, '*').filter((el) => el.hasAttribute('resid')).map((el) => el.getAttribute('resid'));
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect(defined).toContain(resid);
  });
  it('uses https for every URL, all under the base URL', () => {
    const urls = xml.match(/[a-z][a-z0-9+.-]*:\/\/[^"'<\s]+/gi)!.filter((url) => !url.startsWith('http://schemas.') && !url.startsWith('http://www.w3.org/'));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith('https://')).toBe(true);
      expect(url.startsWith(baseUrl)).toBe(true);
    }
  });
  it('has a GUID as Id', () => expect(doc.getElementsByTagName('Id')[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i));
  it('declares the MKT namespace for the custom functions', () => {
    const resid = doc.getElementsByTagName('Namespace')[0].getAttribute('resid');
    const text = all(doc, 'bt:String').find((el) => el.getAttribute('id') === resid);
    expect(text?.getAttribute('DefaultValue')).toBe('MKT');
  });
  it('runs the functions and the pane in one long-lived shared runtime', () => {
    expect(all(doc, 'Runtime').map((el) => el.getAttribute('lifetime'))).toEqual(['long']);
    const sets = all(doc, 'Set').map((el) => `${el.getAttribute('Name')} ${el.getAttribute('MinVersion')}`);
    expect(sets).toEqual(expect.arrayContaining(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.3', 'ExcelApi 1.9']));
    const runtimeUrl = all(doc, 'Runtime')[0].getAttribute('resid');
    const page = doc.getElementsByTagName('Page')[0].getElementsByTagName('SourceLocation')[0].getAttribute('resid');
    expect(page).toBe(runtimeUrl);
  });
  it('points the French metadata overrides at fr-fr and fr-ca files', () => {
    const metadataUrl = all(doc, 'bt:Url').find((el) => el.getAttribute('id') === 'Functions.Metadata.Url')!;
    const overrides = Array.from(metadataUrl.getElementsByTagName('bt:Override')).map((el) => [el.getAttribute('Locale'), el.getAttribute('Value')]);
    expect(overrides).toEqual([
      ['fr-fr', `${baseUrl}fr-fr/functions.json`],
      ['fr-ca', `${baseUrl}fr-ca/functions.json`],
    ]);
  });
  it('names the add-in in English and French', () => {
    const display = doc.getElementsByTagName('DisplayName')[0];
    expect(display.getAttribute('DefaultValue')).toMatch(/Marketing decisions/);
    expect(Array.from(display.getElementsByTagName('Override')).map((el) => el.getAttribute('Locale'))).toEqual(['fr-FR', 'fr-CA']);
    expect(doc.getElementsByTagName('Description')[0].getElementsByTagName('Override')).toHaveLength(2);
  });
  it('declares icons that exist at their declared sizes', () => {
    const icons = all(doc, 'bt:Image').filter((el) => el.hasAttribute('DefaultValue'));
    const declared: Array<[string, number]> = icons.map((el) => [el.getAttribute('DefaultValue')!, Number(/(\d+)x\d+/.exec(el.getAttribute('id')!)![1])]);
    declared.push([doc.getElementsByTagName('IconUrl')[0].getAttribute('DefaultValue')!, 32]);
    declared.push([doc.getElementsByTagName('HighResolutionIconUrl')[0].getAttribute('DefaultValue')!, 64]);
    for (const [url, size] of declared) {
      const file = path.join(ROOT, url.slice(baseUrl.length));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
  it("passes Microsoft's schema and the checks it cannot express (resids, ids, https, GUID)", async () => {
    const problems = await checkManifestFile(file);
    expect(problems.map((problem) => formatProblem(path.basename(file), problem))).toEqual([]);
  });
});

describe('the icons in assets/', () => {
  it.each([16, 32, 64, 80, 128])('has icon-%d.png at its size', (size) => {
    expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});

describe('the production build', () => {
  const textFiles = listFiles(built('dist-prod')).filter((name) => /\.(xml|json|html)$/.test(name));

  it('leaves no localhost URL in any file it ships', () => {
    expect(textFiles).toEqual(expect.arrayContaining(['manifest.xml', 'functions.json', 'fr-fr/functions.json', 'fr-ca/functions.json', 'help.html', 'taskpane.html']));
    for (const name of textFiles) expect(fs.readFileSync(built('dist-prod', name), 'utf8')).not.toContain('localhost');
  });
  it('points the help URLs at the base URL', () => {
    const metadata = JSON.parse(fs.readFileSync(built('dist-prod', 'fr-ca/functions.json'), 'utf8'));
    expect(metadata.functions[0].helpUrl).toBe(`${PRODUCTION_BASE_URL}help.html#INTERNALISE_SIGNAL`);
  });
  it("loads office.js from Microsoft's CDN and ships no copy of it", () => {
    const html = fs.readFileSync(built('dist-prod', 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    expect(fs.existsSync(built('dist-prod', 'office-js'))).toBe(false);
    // Its Content-Security-Policy allows scripts from this origin and that CDN only.
    expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  });
});

describe('the offline build', () => {
  const html = fs.readFileSync(built('dist', 'taskpane.html'), 'utf8');
  const at = (src: string) => Math.max(html.indexOf(`src=${src}`), html.indexOf(`src="${src}"`), html.indexOf(`src=\\"${src}`));

  it('loads the local office.js, when Office hosts the page, before the functions, and the functions before the pane', () => {
    // office-loader.js (no inline script: the pane's CSP) writes the office.js script it names.
    const order = ['office-loader.js', 'functions.js', 'taskpane.js'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toMatch(/src="?office-loader\.js"? data-office-js="?office-js\/office\.js"?/);
    expect(fs.readFileSync(built('dist', 'office-loader.js'), 'utf8')).toContain('_host_Info');
    expect(fs.existsSync(built('dist', 'office-js', 'office.js'))).toBe(true);
  });
  it('ships the office.js files Excel and the pane languages need', () => {
    for (const file of ['office.js', 'custom-functions-runtime.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'fr-fr/office_strings.js', 'fr-ca/office_strings.js', 'en-us/office_strings.js']) {
      expect(fs.existsSync(built('dist', 'office-js', file))).toBe(true);
    }
  });
});
