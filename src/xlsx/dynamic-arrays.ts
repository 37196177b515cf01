/**
 * Dynamic-array formulas as Excel stores them: the anchor cell carries `cm="N"`, pointing at the
 * N-th `cellMetadata` record of xl/metadata.xml, which points at an `XLDAPR` future-metadata block
 * with `fDynamic="1"`; its formula is `<f t="array" ref="…">` (the same element as a legacy {=}
 * array, which has no cm). ISO/IEC 29500-1 §18.9 and [MS-XLSX] "Metadata"; the part needs its
 * content type in [Content_Types].xml and a sheetMetadata relationship from the workbook.
 */
import { attributesOf as attributes, readRelationships, relationshipsPartOf, TRANSITIONAL } from './ooxml';
import type { XlsxPackage } from './package';

export const METADATA_PATH = 'xl/metadata.xml';
export const METADATA_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
export const METADATA_RELATIONSHIP = `${TRANSITIONAL.relationships}/sheetMetadata`;
const DYNAMIC_ARRAY_EXT = '{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}';

/** The metadata part Excel writes for a workbook whose only cell metadata is dynamic arrays: cm="1". */
export const DYNAMIC_ARRAY_METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="${DYNAMIC_ARRAY_EXT}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  '</metadata>';

/** The cm values (1-based) of a metadata part that mark a cell as a dynamic array. */
export function dynamicArrayCellMetadata(metadataXml: string): Set<number> {
  const types = [...metadataXml.matchAll(/<metadataType\b[^>]*>/g)].map((m) => attributes(m[0]).name);
  const future = /<futureMetadata\b[^>]*\bname="XLDAPR"[^>]*>([\s\S]*?)<\/futureMetadata>/.exec(metadataXml)?.[1] ?? '';
  const dynamicBlocks = [...future.matchAll(/<bk>([\s\S]*?)<\/bk>/g)].map((m) =>
    new RegExp(`<ext uri="${DYNAMIC_ARRAY_EXT.replace(/[{}]/g, '\\$&')}"[\\s\\S]*?fDynamic="1"`).test(m[1]),
  );
  const cellBlocks = /<cellMetadata\b[^>]*>([\s\S]*?)<\/cellMetadata>/.exec(metadataXml)?.[1] ?? '';
  const valid = new Set<number>();
  [...cellBlocks.matchAll(/<bk>([\s\S]*?)<\/bk>/g)].forEach((block, index) => {
    for (const rc of block[1].match(/<rc\b[^>]*>/g) ?? []) {
      const { t, v } = attributes(rc);
      if (types[Number(t) - 1] === 'XLDAPR' && dynamicBlocks[Number(v)]) valid.add(index + 1);
    }
  });
  return valid;
}

/** Where the workbook's metadata part is, if its relationship exists. */
export async function metadataPath(pkg: XlsxPackage): Promise<string | undefined> {
  const workbook = await pkg.workbookPath();
  const rels = readRelationships(await pkg.readText(relationshipsPartOf(workbook)), workbook);
  return rels.find((r) => r.type === METADATA_RELATIONSHIP && !r.external)?.target;
}

/**
 * Makes sure the package declares dynamic arrays as Excel does, and returns the cm value that
 * marks one. Writes xl/metadata.xml, its content type and its relationship when the workbook has
 * none; refuses a workbook whose metadata part exists without the dynamic-array record.
 */
export async function ensureDynamicArrayMetadata(pkg: XlsxPackage): Promise<number> {
  const existing = await metadataPath(pkg);
  if (existing) {
    const valid = [...dynamicArrayCellMetadata(await pkg.readText(existing))];
    if (valid.length === 0) throw new Error(`${existing} has no dynamic-array record`);
    return Math.min(...valid);
  }
  pkg.writeText(METADATA_PATH, DYNAMIC_ARRAY_METADATA_XML);
  const types = await pkg.readText('[Content_Types].xml');
  if (!types.includes('PartName="/xl/metadata.xml"')) {
    pkg.writeText(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/${METADATA_PATH}" ContentType="${METADATA_CONTENT_TYPE}"/></Types>`),
    );
  }
  const relsXml = await pkg.readText('xl/_rels/workbook.xml.rels');
  const ids = new Set(readRelationships(relsXml, 'xl/workbook.xml').map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  pkg.writeText(
    'xl/_rels/workbook.xml.rels',
    relsXml.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${METADATA_RELATIONSHIP}" Target="metadata.xml"/></Relationships>`),
  );
  return 1;
}
