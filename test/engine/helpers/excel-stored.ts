/**
 * Workbooks written part by part the way Excel saves them, for the stored forms of an MKT call
 * that ExcelJS cannot write: a bound call is `_xldudf_MKT_ID(` in a dynamic-array formula
 * (`<c cm="1"><f t="array" ref="…">`, with xl/metadata.xml), even for one cell (office-js issues
 * 5611, 6611; Excel-Custom-Functions issue 108); a formula typed while the add-in was not loaded
 * stays plain, cached `#NAME?` (6395, 6611); another add-in's file in between leaves
 * `[1]!_xldudf_MKT_ID(` with an externalLink part (2568, 3872).
 */
import { XlsxPackage } from '../../../src/xlsx/package';
import { DYNAMIC_ARRAY_METADATA_XML, METADATA_CONTENT_TYPE, METADATA_RELATIONSHIP } from '../../../src/xlsx/dynamic-arrays';

export interface StoredSheet {
  name: string;
  /** The `<row>` elements of its sheetData, as Excel writes them. */
  rows: string;
}

export interface StoredWorkbook {
  sheets: StoredSheet[];
  /** Writes xl/metadata.xml (cm="1" is a dynamic array), its content type and relationship. */
  dynamicArrays?: boolean;
  /** Writes xl/externalLinks/externalLink1.xml, the file `[1]!` points at. */
  externalAddinFile?: string;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The bytes of an .xlsx holding these sheets. */
export async function storedWorkbookBytes(spec: StoredWorkbook): Promise<Buffer> {
  const pkg = XlsxPackage.empty();
  const put = (path: string, text: string) => pkg.writeText(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...spec.sheets.map(
      (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
  ];
  const rels = spec.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  let externalReferences = '';
  if (spec.externalAddinFile) {
    const id = `rId${rels.length + 1}`;
    rels.push(`<Relationship Id="${id}" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>`);
    overrides.push('<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>');
    externalReferences = `<externalReferences><externalReference r:id="${id}"/></externalReferences>`;
    put(
      'xl/externalLinks/externalLink1.xml',
      `<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`,
    );
    put(
      'xl/externalLinks/_rels/externalLink1.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="${escape(spec.externalAddinFile)}" TargetMode="External"/></Relationships>`,
    );
  }
  if (spec.dynamicArrays) {
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${METADATA_RELATIONSHIP}" Target="metadata.xml"/>`);
    overrides.push(`<Override PartName="/xl/metadata.xml" ContentType="${METADATA_CONTENT_TYPE}"/>`);
    pkg.writeText('xl/metadata.xml', DYNAMIC_ARRAY_METADATA_XML);
  }
  put(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join('')}</Types>`,
  );
  put(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${spec.sheets
      .map((sheet, i) => `<sheet name="${escape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets>${externalReferences}</workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  spec.sheets.forEach((sheet, i) => put(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheet.rows}</sheetData></worksheet>`));
  return pkg.toBuffer();
}

/** Spend in A, revenue in B, three channels. */
export const DATA_SHEET: StoredSheet = {
  name: 'Données',
  rows:
    '<row r="1"><c r="A1"><v>100</v></c><c r="B1"><v>400</v></c></row>' +
    '<row r="2"><c r="A2"><v>200</v></c><c r="B2"><v>300</v></c></row>' +
    '<row r="3"><c r="A3"><v>300</v></c><c r="B3"><v>900</v></c></row>',
};
