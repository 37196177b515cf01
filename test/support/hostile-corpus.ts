/**
 * A corpus of hostile .xlsx files, written by code at test time (nothing large is committed),
 * each with what check-workbook must answer. Used by test/hostile/ and by the bench.
 *
 * The packages are assembled by hand (a small zip writer below) because the point is to write
 * what no well-behaved library would: lying sizes, DTDs, whole-sheet areas, damaged parts.
 */
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toStoredForm } from '../../src/formula/mkt-calls';
import { crc32 } from '../../src/xlsx/zip';

// ---- a minimal zip writer --------------------------------------------------------------

// The checksum is the package module's (src/xlsx/zip.ts): one CRC-32 in the repository's TypeScript.

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Already deflated bytes, with the sizes to declare (a zip bomb declares what it likes). */
  raw?: { deflated: Buffer; size: number; crc?: number };
  stored?: boolean;
  /** General-purpose flags, in both headers (bit 0: encrypted). */
  flags?: number;
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
    const method = part.stored ? 0 : 8;
    const body = part.raw ? part.raw.deflated : part.stored ? data : deflateRawSync(data);
    const size = part.raw ? part.raw.size : data.length;
    const crc = part.raw ? (part.raw.crc ?? 0) : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `repeat` copies of `chunk`, deflated by deflating the chunk once and repeating the bytes: with
 * a full flush each copy is an independent, byte-aligned run of blocks.
 */
export function deflatedRepeat(head: string, chunk: Buffer, repeat: number, tail: string): Buffer {
  const flush = { finishFlush: zlibConstants.Z_FULL_FLUSH };
  const once = deflateRawSync(chunk, flush);
  return Buffer.concat([deflateRawSync(Buffer.from(head), flush), ...Array.from({ length: repeat }, () => once), deflateRawSync(Buffer.from(tail))]);
}

// ---- an .xlsx from XML pieces --------------------------------------------------------

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The <sheetData> children. */
  rows?: string;
  /** What follows <sheetData> (mergeCells, dataValidations). */
  after?: string;
  /** Replaces the whole part. */
  xml?: string | Buffer;
  raw?: ZipPart['raw'];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** <definedName> elements. */
  names?: string;
  strings?: string[];
  /** Text put before the workbook's root element (a DTD). */
  workbookProlog?: string;
  stringsProlog?: string;
  extraParts?: ZipPart[];
  omit?: string[];
}

export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function xlsxParts(spec: WorkbookSpec): ZipPart[] {
  const sheetEntries = spec.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = spec.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>${spec.workbookProlog ?? ''}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetEntries}</sheets>${spec.names ? `<definedNames>${spec.names}</definedNames>` : ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>${spec.stringsProlog ?? ''}<sst xmlns="${MAIN}">${(spec.strings ?? []).map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`,
    },
    ...spec.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: s.xml ?? `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${s.rows ?? ''}</sheetData>${s.after ?? ''}</worksheet>`,
      raw: s.raw,
    })),
    ...(spec.extraParts ?? []),
  ];
  return parts.filter((p) => !(spec.omit ?? []).includes(p.name));
}

export function xlsx(spec: WorkbookSpec): Buffer {
  return zip(xlsxParts(spec));
}

/** A formula cell, its MKT calls written as Excel saves bound ones (`_xldudf_MKT_ID(`). */
export function f(ref: string, formula: string, extra = ''): string {
  return `<c r="${ref}"><f${extra}>${xmlText(toStoredForm(formula))}</f></c>`;
}

export function n(ref: string, value: number): string {
  return `<c r="${ref}"><v>${value}</v></c>`;
}

export function s(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

export function row(r: number, ...cells: string[]): string {
  return `<row r="${r}">${cells.join('')}</row>`;
}

// ---- the corpus ------------------------------------------------------------------------

/** What check-workbook must answer for a file. */
export interface Expected {
  /** 0: cells listed, all computed; 4: listed, some not computable here; 1: a one-line message on stderr. */
  code: 0 | 1 | 4;
  /** Matched against stderr (code 1) or the table view (code 0, 4). */
  says?: RegExp;
  /** For code 0: checks on the --json cells, by "Sheet!A1". */
  cells?: Record<string, { value?: unknown; status?: string; message?: RegExp }>;
  /** The table view must not contain this (a secret an XXE would read). */
  never?: RegExp;
}

export interface HostileCase {
  name: string;
  why: string;
  bytes: () => Buffer;
  expected: Expected;
}

const MKT_4 = 'MKT.ROI_RATIO(8,2)';
const okCell = row(1, f('A1', MKT_4));
const sheet1 = (rows: string, after = ''): WorkbookSpec => ({ sheets: [{ name: 'S', rows, after }] });
const lots = (count: number, piece: (i: number) => string) => Array.from({ length: count }, (_, i) => piece(i)).join('');

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'zip-bomb-declared.xlsx',
    why: 'a sheet that says it inflates to 3 GB',
    bytes: () => xlsx({ sheets: [{ name: 'S', raw: { deflated: deflatedRepeat('<worksheet><sheetData>', Buffer.alloc(1 << 20, 32), 4, ''), size: 3_000_000_000 } }] }),
    expected: { code: 1, says: /inflates past check-workbook's limit/ },
  },
  {
    name: 'zip-bomb-lying.xlsx',
    why: 'a sheet that says 1 KB and inflates to 600 MB of blanks',
    bytes: () => xlsx({ sheets: [{ name: 'S', raw: { deflated: deflatedRepeat('<worksheet><sheetData>', Buffer.alloc(1 << 20, 32), 600, '</sheetData></worksheet>'), size: 1024 } }] }),
    expected: { code: 1, says: /inflates past check-workbook's limit/ },
  },
  {
    name: 'billion-laughs.xlsx',
    why: 'nested entities in the workbook part',
    bytes: () =>
      xlsx({
        ...sheet1(okCell),
        workbookProlog: `<!DOCTYPE workbook [<!ENTITY a "ha">${lots(9, (i) => `<!ENTITY ${'b'.repeat(i + 1)} "${'&' + (i === 0 ? 'a' : 'b'.repeat(i)) + ';'}`.repeat(1) + `${('&' + (i === 0 ? 'a' : 'b'.repeat(i)) + ';').repeat(9)}">`)}]>`,
      }),
    expected: { code: 1, says: /declares a DTD/ },
  },
  {
    name: 'xxe.xlsx',
    why: 'an external entity naming /etc/passwd in the shared strings',
    bytes: () =>
      xlsx({
        ...sheet1(row(1, '<c r="A1" t="s"><v>0</v></c>', f('B1', 'MKT.LABEL(A1)'))),
        strings: ['&xxe;'],
        stringsProlog: '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      }),
    expected: { code: 1, says: /declares a DTD/, never: /root:/ },
  },
  {
    name: 'array-whole-sheet.xlsx',
    why: 'an array formula whose range is the whole sheet',
    bytes: () => xlsx(sheet1(row(1, f('A1', MKT_4, ' t="array" ref="A1:XFD1048576"')))),
    expected: { code: 0, cells: { 'S!A1': { value: 4, status: 'computed' } } },
  },
  {
    name: 'merge-whole-sheet.xlsx',
    why: 'a merge over the whole sheet, and values under it',
    bytes: () => xlsx(sheet1(row(1, n('A1', 8), n('B1', 2)) + row(2, f('A2', 'MKT.ROI_RATIO(A1,2)')), '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
    expected: { code: 0, cells: { 'S!A2': { value: 4 } } },
  },
  {
    name: 'corner-cell.xlsx',
    why: 'one cell at XFD1048576',
    bytes: () => xlsx(sheet1(row(1048576, f('XFD1048576', MKT_4)))),
    expected: { code: 0, cells: { 'S!XFD1048576': { value: 4 } } },
  },
  {
    name: 'far-cells-every-row.xlsx',
    why: 'a value far right on 20 000 rows, which a dense grid would make 300 million slots',
    bytes: () => xlsx(sheet1(lots(20_000, (i) => row(i + 1, n(`XFA${i + 1}`, i), f(`XFD${i + 1}`, `MKT.ROI_RATIO(XFA${i + 1},2)`))))),
    expected: { code: 0, cells: { 'S!XFD5': { value: 2 }, 'S!XFD20000': { value: 19_999 / 2 } } },
  },
  {
    name: 'far-cells-engine.xlsx',
    why: 'far-right values on 6 000 rows read by plain formulas too, so the engine holds them all',
    bytes: () => xlsx(sheet1(lots(6_000, (i) => row(i + 1, n(`XFA${i + 1}`, i), f(`XFB${i + 1}`, `XFA${i + 1}*2`), f(`XFD${i + 1}`, `MKT.ROI_RATIO(XFB${i + 1},2)`))))),
    expected: { code: 0, cells: { 'S!XFD5': { value: 4 }, 'S!XFD6000': { value: 5_999 } } },
  },
  {
    name: 'validation-whole-columns.xlsx',
    why: 'list validation on ten whole columns',
    bytes: () =>
      xlsx(
        sheet1(
          okCell,
          `<dataValidations count="10">${lots(10, (i) => `<dataValidation type="list" sqref="${String.fromCharCode(66 + i)}1:${String.fromCharCode(66 + i)}1048576"><formula1>"a,b"</formula1></dataValidation>`)}</dataValidations>`,
        ),
      ),
    expected: { code: 0, cells: { 'S!A1': { value: 4 } } },
  },
  {
    name: 'long-formula.xlsx',
    why: '1 150 and 2 900 terms in plain cells, 3 500 in an MKT one, 4 500 (9 000 characters) in another',
    bytes: () =>
      xlsx(
        sheet1(
          row(1, n('A1', 1), f('B1', lots(1150, (i) => (i ? '+A1' : 'A1'))), f('C1', 'MKT.ROI_RATIO(B1,2)')) +
            row(2, f('A2', `MKT.ROI_RATIO(${lots(3500, (i) => (i ? '+1' : '1'))},2)`), f('B2', `MKT.ROI_RATIO(${lots(4500, (i) => (i ? '+1' : '1'))},2)`)) +
            row(3, f('A3', lots(2900, (i) => (i ? '+1' : '1'))), f('B3', 'MKT.ROI_RATIO(A3,2)')),
        ),
      ),
    expected: {
      code: 4,
      says: /: 4 MKT cell\(s\), 2 error\(s\), 2 not computed here; 4 stored as Excel binds them\./,
      cells: {
        'S!C1': { value: 575 },
        'S!A2': { status: 'beyond-engine', message: /formula of 3 500 operators/ },
        'S!B2': { status: 'beyond-engine', message: /longer than Excel's 8 192/ },
        'S!B3': { value: 1450 },
      },
    },
  },
  {
    name: 'deep-nesting.xlsx',
    why: '130 and 250 nested parentheses in a plain cell and 300 in an MKT one',
    bytes: () =>
      xlsx(
        sheet1(
          row(1, f('A1', `${'('.repeat(130)}8${')'.repeat(130)}`), f('B1', 'MKT.ROI_RATIO(A1,2)'), f('C1', `MKT.ROI_RATIO(${'('.repeat(300)}8${')'.repeat(300)},2)`)) +
            row(2, f('A2', MKT_4), f('B2', `${'ABS('.repeat(250)}8${')'.repeat(250)}`), f('C2', 'MKT.ROI_RATIO(B2,2)')),
        ),
      ),
    expected: { code: 4, cells: { 'S!B1': { value: 4 }, 'S!C1': { status: 'beyond-engine', message: /nested 301 levels/ }, 'S!A2': { value: 4 }, 'S!C2': { value: 4 } } },
  },
  {
    name: 'huge-range.xlsx',
    why: 'a formula over 2.6 million cells, which the engine would allocate one by one',
    bytes: () => xlsx(sheet1(row(1, f('A1', 'MKT.ROI_RATIO(B1:Z100000,2)'), f('A2', 'MKT.ROI_RATIO(B:B,2)')))),
    expected: { code: 4, cells: { 'S!A1': { status: 'beyond-engine', message: /range of 2 500 000 cells/ }, 'S!A2': { status: 'computed' } } },
  },
  {
    name: 'shared-without-master.xlsx',
    why: 'a shared formula whose master cell is missing',
    bytes: () => xlsx(sheet1(row(2, `<c r="A2"><f t="shared" si="7"/><v>4</v></c>`, f('B2', MKT_4)))),
    expected: { code: 0, cells: { 'S!B2': { value: 4 } } },
  },
  {
    name: 'shared-formulas.xlsx',
    why: 'a shared MKT formula filled down, moved row by row as Excel does',
    bytes: () =>
      xlsx(sheet1(lots(5, (i) => row(i + 1, n(`A${i + 1}`, 10 * (i + 1)), i === 0 ? f('B1', 'MKT.ROI_RATIO(A1,$C$1)', ' t="shared" ref="B1:B5" si="0"') : `<c r="B${i + 1}"><f t="shared" si="0"/></c>`, i === 0 ? n('C1', 5) : '')))),
    expected: { code: 0, cells: { 'S!B1': { value: 2 }, 'S!B5': { value: 10 } } },
  },
  {
    name: 'bad-array-ref.xlsx',
    why: 'an array formula whose range is "D1:Q"',
    bytes: () => xlsx(sheet1(row(1, f('D1', MKT_4, ' t="array" ref="D1:Q"'), f('E1', MKT_4)))),
    expected: { code: 4, cells: { 'S!D1': { status: 'damaged', message: /D1:Q/ }, 'S!E1': { value: 4 } } },
  },
  {
    name: 'escapes.xlsx',
    why: 'cell text holding terminal escapes (_x001B_), C1 codes and a bidi override',
    bytes: () =>
      xlsx({
        sheets: [{ name: 'S\u202eevil', rows: row(1, '<c r="A1" t="s"><v>0</v></c>', f('B1', 'MKT.LABEL(A1)'), f('C1', 'MKT.LABEL("\u009b2J\u202e")')) }],
        strings: ['_x001B_]0;pwned_x0007__x001B_[2J'],
      }),
    expected: { code: 0 },
  },
  {
    name: 'names.xlsx',
    why: 'a formula name, sheet-scoped names, a constant name and a union',
    bytes: () =>
      xlsx({
        sheets: [
          { name: 'S', rows: row(1, n('A1', 5), n('B1', 3), f('C1', 'MKT.ROI_RATIO(Budget,2)'), f('D1', 'MKT.ROI_RATIO(Rate,1)'), f('E1', 'MKT.ROI_RATIO(Spend,1)'), f('F1', 'MKT.ROI_RATIO(Both,1)')) },
          { name: 'T', rows: row(1, n('A1', 7), f('D1', 'MKT.ROI_RATIO(Rate,1)')) },
        ],
        names:
          '<definedName name="Budget">S!$A$1+S!$B$1</definedName>' +
          '<definedName name="Rate">S!$A$1</definedName>' +
          '<definedName name="Rate" localSheetId="1">T!$A$1</definedName>' +
          '<definedName name="Spend">12</definedName>' +
          '<definedName name="Both">S!$A$1,S!$B$1</definedName>',
      }),
    expected: {
      code: 4,
      cells: {
        'S!C1': { value: 4 },
        'S!D1': { value: 5 },
        'T!D1': { value: 7 },
        'S!E1': { value: 12 },
        'S!F1': { status: 'unsupported-name', message: /union/ },
      },
    },
  },
  {
    name: 'too-many-parts.xlsx',
    why: '12 000 entries in the package',
    bytes: () => xlsx({ ...sheet1(okCell), extraParts: Array.from({ length: 12_000 }, (_, i) => ({ name: `x/${i}.bin`, data: '', stored: true })) }),
    expected: { code: 1, says: /has 12 006 parts; check-workbook reads at most 10 000/ },
  },
  {
    name: 'truncated.xlsx',
    why: 'the first half of a good file',
    bytes: () => xlsx(sheet1(okCell)).subarray(0, 700),
    expected: { code: 1, says: /is damaged or not an \.xlsx workbook/ },
  },
  {
    name: 'missing-sheet-part.xlsx',
    why: 'a sheet listed in the workbook whose part is not in the package',
    bytes: () => xlsx({ ...sheet1(okCell), omit: ['xl/worksheets/sheet1.xml'] }),
    expected: { code: 1, says: /is damaged.*sheet1\.xml/ },
  },
  {
    name: 'corrupt-deflate.xlsx',
    why: 'a sheet part whose compressed bytes are noise',
    bytes: () => xlsx({ sheets: [{ name: 'S', raw: { deflated: Buffer.from('this is not deflate data at all, just noise'.repeat(20)), size: 5000 } }] }),
    expected: { code: 1, says: /is damaged or not an \.xlsx workbook/ },
  },
  {
    name: 'unclosed-cell.xlsx',
    why: 'a cell element that never ends',
    bytes: () => xlsx({ sheets: [{ name: 'S', xml: `<worksheet><sheetData><row r="1"><c r="A1"><f>${MKT_4}</f>` }] }),
    expected: { code: 1, says: /is damaged/ },
  },
  {
    name: 'csv-renamed.xlsx',
    why: 'a .csv saved under an .xlsx name',
    bytes: () => Buffer.from('canal;dépense;ca\nSEO;100;400\n'),
    expected: { code: 1, says: /is not an \.xlsx workbook/ },
  },
  {
    name: 'xls-renamed.xlsx',
    why: 'an Excel 97-2003 file under an .xlsx name',
    bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    expected: { code: 1, says: /Excel 97-2003/ },
  },
  {
    name: 'ods-renamed.xlsx',
    why: 'an OpenDocument spreadsheet (a zip without a workbook part) under an .xlsx name',
    bytes: () => zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true }, { name: 'content.xml', data: '<office:document-content/>' }]),
    expected: { code: 1, says: /no workbook part/ },
  },
  {
    name: 'png-renamed.xlsx',
    why: 'a picture under an .xlsx name',
    bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]),
    expected: { code: 1, says: /is not an \.xlsx workbook/ },
  },
  {
    name: 'empty.xlsx',
    why: 'a file of zero bytes',
    bytes: () => Buffer.alloc(0),
    expected: { code: 1, says: /is not an \.xlsx workbook/ },
  },
];

/** Writes every case into `dir`; returns their paths by name. */
export function writeHostileCorpus(dir: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const c of HOSTILE_CASES) {
    const path = join(dir, c.name);
    writeFileSync(path, c.bytes());
    paths.set(c.name, path);
  }
  return paths;
}
