/**
 * Small .xlsx packages in the shapes other writers give them, for the tests that both tools read
 * them alike: Strict Open XML names (Excel's "Strict Open XML Spreadsheet"), prefixed elements
 * (`<x:workbook>` from the Open XML SDK, `ns0:` from ElementTree), a workbook part at another path
 * than xl/workbook.xml, and hostile or broken ones. Built by code at test time.
 */
import { zip, type ZipPart } from './hostile-corpus';
import { STRICT, TRANSITIONAL } from '../../src/xlsx/ooxml';

export interface VariantSpec {
  strict?: boolean;
  /** Prefix of the SpreadsheetML elements ('x' gives `<x:workbook>`); none by default. */
  prefix?: string;
  /** Prefix of the relationships parts' elements too (`<ns0:Relationships>`). */
  relsPrefix?: string;
  /** Where the workbook part is (found through _rels/.rels). */
  mainPart?: string;
  /** Sheets: name and the <sheetData> children written with the prefix (`{p}` stands for it). */
  sheets: Array<{ name: string; rows: string; after?: string }>;
  /** <definedName> elements, `{p}` for the prefix. */
  names?: string;
  workbookProlog?: string;
  extraParts?: ZipPart[];
  /** Extra workbook relationships: [id, kind, target, external?]. */
  extraRels?: Array<[string, string, string, boolean?]>;
  /** Children of <workbook> after <definedNames> ({p} for the prefix). */
  workbookTail?: string;
}

export function variantParts(spec: VariantSpec): ZipPart[] {
  const ns = spec.strict ? STRICT : TRANSITIONAL;
  const p = spec.prefix ? `${spec.prefix}:` : '';
  const xmlns = spec.prefix ? `xmlns:${spec.prefix}="${ns.main}"` : `xmlns="${ns.main}"`;
  const rp = spec.relsPrefix ? `${spec.relsPrefix}:` : '';
  const relsNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const relsXmlns = spec.relsPrefix ? `xmlns:${spec.relsPrefix}="${relsNs}"` : `xmlns="${relsNs}"`;
  const main = spec.mainPart ?? 'xl/workbook.xml';
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const relsOf = (part: string) => `${part.slice(0, part.lastIndexOf('/') + 1)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
  const fill = (text: string) => text.replace(/\{p\}/g, p);
  const rel = (id: string, kind: string, target: string, external = false) =>
    `<${rp}Relationship Id="${id}" Type="${ns.relationships}/${kind}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
  const sheets = spec.sheets.map((s, i) => `<${p}sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        spec.sheets.map((_, i) => `<Override PartName="/${folder}worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><${rp}Relationships ${relsXmlns}>${rel('rId1', 'officeDocument', main)}</${rp}Relationships>` },
    {
      name: main,
      data:
        `<?xml version="1.0" encoding="UTF-8"?>${spec.workbookProlog ?? ''}<${p}workbook ${xmlns} xmlns:r="${ns.relationships}"${spec.strict ? ' conformance="strict"' : ''}>` +
        `<${p}sheets>${sheets}</${p}sheets>${spec.names ? `<${p}definedNames>${fill(spec.names)}</${p}definedNames>` : ''}${fill(spec.workbookTail ?? '')}</${p}workbook>`,
    },
    {
      name: relsOf(main),
      data:
        `<?xml version="1.0" encoding="UTF-8"?><${rp}Relationships ${relsXmlns}>` +
        spec.sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') +
        (spec.extraRels ?? []).map(([id, kind, target, external]) => rel(id, kind, target, external)).join('') +
        `</${rp}Relationships>`,
    },
    ...spec.sheets.map((s, i) => ({
      name: `${folder}worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${xmlns}><${p}sheetData>${fill(s.rows)}</${p}sheetData>${fill(s.after ?? '')}</${p}worksheet>`,
    })),
    ...(spec.extraParts ?? []),
  ];
}

export function variant(spec: VariantSpec): Buffer {
  return zip(variantParts(spec));
}

/** A package whose first part named `name` has a wrong CRC in both headers (its bytes altered after the fact). */
export function withBadCrc(bytes: Buffer, name: string): Buffer {
  const out = Buffer.from(bytes);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < out.readUInt16LE(end + 10); i++) {
    const nameLength = out.readUInt16LE(at + 28);
    const entryName = out.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const local = out.readUInt32LE(at + 42);
      const crc = (out.readUInt32LE(at + 16) ^ 0x5a5a5a5a) >>> 0;
      out.writeUInt32LE(crc, at + 16);
      out.writeUInt32LE(crc, local + 14);
      return out;
    }
    at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  throw new Error(`no part ${name}`);
}
