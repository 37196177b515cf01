/**
 * What the Excel fake reads of a workbook passed to `insertWorksheetsFromBase64`: its sheets in
 * order, its defined names, and the parts Excel on the web refuses to insert (charts, PivotTables,
 * comments, slicers: "UnsupportedFeature", Office.js reference, Workbook.insertWorksheetsFromBase64).
 * Browser-safe (src/xlsx/zip with the browser's DecompressionStream), so the fake pane page can
 * use it too; loaded on first use, since jsdom lacks TextDecoder until a test installs it.
 */
import { browserCodec } from '../../src/xlsx/browser-codec';
import { entryText, readZip } from '../../src/xlsx/zip';

export interface SourceWorkbook {
  sheets: string[];
  names: Array<{ name: string; formula: string }>;
  /** The package's parts that make Excel on the web refuse the insert. */
  webUnsupported: string[];
}

const WEB_UNSUPPORTED = /^xl\/(charts\/|pivotTables\/|pivotCache\/|comments\d*\.xml|threadedComments\/|slicers\/|slicerCaches\/)/;

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

export async function readSourceWorkbook(base64: string): Promise<SourceWorkbook> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const entries = readZip(bytes);
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml');
  if (!workbook) throw new Error('no xl/workbook.xml');
  const xml = await entryText(workbook, browserCodec);
  const sheets = [...xml.matchAll(/<sheet\b[^>]*?\sname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  const names = [...xml.matchAll(/<definedName\b[^>]*?\sname="([^"]*)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => ({ name: unescapeXml(m[1]), formula: unescapeXml(m[2]) }));
  return { sheets, names, webUnsupported: entries.map((e) => e.name).filter((n) => WEB_UNSUPPORTED.test(n)) };
}
