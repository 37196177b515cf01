/**
 * The offline check of an Office Add-in XML manifest, with no system package and no network:
 * Microsoft's XSD (test/manifest/schema/, see its README for origin and licence) through libxml2
 * compiled to WebAssembly (xmllint-wasm), then the rules the XSD cannot express.
 *
 * Library: `checkManifest(xml)` resolves to the list of problems (empty when valid); it throws
 * only when the check itself cannot run (a schema file missing or broken).
 * Command line: `npm run check-manifest -- dist/manifest.xml [more.xml…]` prints one line per
 * problem and `manifest: valid` or `manifest: N problems`; exit 0 valid, 1 problems, 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { validateXML } from 'xmllint-wasm';

export type Check = 'xml' | 'schema' | 'resid-undefined' | 'resid-kind' | 'duplicate-id' | 'https' | 'guid';

export interface ManifestProblem {
  check: Check;
  /** 1-based line in the manifest, when known. */
  line: number | null;
  message: string;
}

export const SCHEMA_DIR = path.join(__dirname, 'schema');
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';
/** A real manifest is about 10 kB; a larger file is refused before any parsing. */
export const MAX_MANIFEST_BYTES = 1_000_000;

const OFFICEAPP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

type Kind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
const RESOURCE_LISTS: Record<Kind, string> = { Images: 'Image', Urls: 'Url', ShortStrings: 'String', LongStrings: 'String' };

/** The resource list each resid-bearing element must name (add-in manifest reference, Resources). */
const EXPECTED_KIND: Record<string, Kind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Runtime: 'Urls',
  Override: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_LIKE = /^\s*([a-z][a-z0-9+.-]*):\/\//i;

interface Element {
  uri: string;
  local: string;
  attributes: Map<string, string>;
  line: number;
  text: string;
  parent: Element | null;
  children: Element[];
}

/** Parses well-formed XML into a small tree with line numbers; throws a ManifestProblem otherwise. */
function parseTree(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Element[] = [];
  let root: Element | null = null;
  let startLine = 1;
  let failure: ManifestProblem | null = null;
  parser.on('doctype', () => {
    throw { check: 'xml', line: parser.line, message: 'a manifest has no DOCTYPE (refused: entity definitions are a way to blow up a parser)' } satisfies ManifestProblem;
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      // Namespace declarations name namespaces; they are not links.
      if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes.set(attribute.local, attribute.value);
    }
    const parent = stack[stack.length - 1] ?? null;
    const element: Element = { uri: tag.uri, local: tag.local, attributes, line: startLine, text: '', parent, children: [] };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    failure ??= { check: 'xml', line: parser.line, message: `not well-formed XML: ${error.message.replace(/^([^:]*:)?\d+:\d+: /, '')}` };
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error && typeof error === 'object' && 'check' in error) throw error;
    failure ??= { check: 'xml', line: parser.line, message: `not well-formed XML: ${String((error as Error)?.message ?? error)}` };
  }
  if (failure) throw failure;
  if (!root) throw { check: 'xml', line: null, message: 'no root element' } satisfies ManifestProblem;
  return root;
}

function* walk(element: Element): Generator<Element> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

/** The checks the XSD cannot express. Pure: takes the parsed tree, returns the problems. */
function checkRules(root: Element): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const elements = [...walk(root)];

  // <Id> is a plain GUID.
  const id = root.children.find((child) => child.uri === OFFICEAPP && child.local === 'Id');
  if (root.local !== 'OfficeApp' || root.uri !== OFFICEAPP) {
    problems.push({ check: 'schema', line: root.line, message: `the root element is <${root.local}> in ${root.uri || 'no namespace'}, not <OfficeApp> in ${OFFICEAPP}` });
  } else if (id && !GUID.test(id.text.trim())) {
    problems.push({ check: 'guid', line: id.line, message: `<Id> "${id.text.trim()}" is not a plain GUID (8-4-4-4-12 hex digits, no braces, no urn:uuid:)` });
  }

  // Resources: every id defined once in the whole manifest ("An id must be unique within the manifest").
  const defined = new Map<string, { kind: Kind; line: number }>();
  for (const element of elements) {
    const list = element.parent;
    if (element.uri !== BT || !list || list.uri !== BT || !(list.local in RESOURCE_LISTS)) continue;
    const kind = list.local as Kind;
    const resourceId = element.attributes.get('id');
    if (element.local !== RESOURCE_LISTS[kind] || resourceId === undefined) continue;
    const first = defined.get(resourceId);
    if (first) {
      problems.push({ check: 'duplicate-id', line: element.line, message: `resource id "${resourceId}" is defined again in bt:${kind} (first in bt:${first.kind}, line ${first.line}); ids must be unique in the manifest` });
    } else {
      defined.set(resourceId, { kind, line: element.line });
    }
  }
  // Ribbon groups and controls: their ids must be unique too (built-in tab ids such as TabHome are not theirs).
  const controlIds = new Map<string, number>();
  for (const element of elements) {
    const controlId = element.attributes.get('id');
    if (controlId === undefined || element.uri === BT || !['Group', 'Control', 'Item', 'CustomTab'].includes(element.local)) continue;
    const first = controlIds.get(controlId);
    if (first !== undefined) problems.push({ check: 'duplicate-id', line: element.line, message: `<${element.local}> id "${controlId}" is used again (first on line ${first})` });
    else controlIds.set(controlId, element.line);
  }

  // Every resid names a resource of the right kind.
  for (const element of elements) {
    const resid = element.attributes.get('resid');
    if (resid === undefined) continue;
    const resource = defined.get(resid);
    if (!resource) {
      problems.push({ check: 'resid-undefined', line: element.line, message: `resid "${resid}" on <${element.local}> is not defined in <Resources>` });
      continue;
    }
    const expected = EXPECTED_KIND[element.local];
    if (expected && expected !== resource.kind) {
      problems.push({ check: 'resid-kind', line: element.line, message: `resid "${resid}" on <${element.local}> must name a bt:${expected} entry, but it is in bt:${resource.kind} (line ${resource.line})` });
    }
  }

  // Every URL is https.
  for (const element of elements) {
    for (const [name, value] of element.attributes) {
      const scheme = URL_LIKE.exec(value)?.[1];
      if (scheme && scheme.toLowerCase() !== 'https') problems.push({ check: 'https', line: element.line, message: `URL is not https: ${name}="${value.trim()}" on <${element.local}>` });
    }
    const scheme = element.children.length === 0 ? URL_LIKE.exec(element.text)?.[1] : undefined;
    if (scheme && scheme.toLowerCase() !== 'https') problems.push({ check: 'https', line: element.line, message: `URL is not https: <${element.local}>${element.text.trim()}</${element.local}>` });
  }
  return problems;
}

let schemaFiles: Array<{ fileName: string; contents: string }> | undefined;
function loadSchemas(): Array<{ fileName: string; contents: string }> {
  if (!schemaFiles) {
    const names = fs.readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.xsd'));
    if (!names.includes(ROOT_SCHEMA)) throw new Error(`${ROOT_SCHEMA} is missing from ${SCHEMA_DIR}`);
    // The root schema first; the ones it imports by relative schemaLocation are preloaded beside it.
    schemaFiles = [ROOT_SCHEMA, ...names.filter((name) => name !== ROOT_SCHEMA)].map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8') }));
  }
  return schemaFiles;
}

async function checkSchema(xml: string): Promise<ManifestProblem[]> {
  const [root, ...imported] = loadSchemas();
  const fileName = 'manifest.xml';
  const result = await validateXML({
    xml: { fileName, contents: xml },
    schema: root,
    preload: imported,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  if (result.valid) return [];
  const problems = result.errors.map((error): ManifestProblem => ({
    check: 'schema',
    line: error.loc?.fileName === fileName ? error.loc.lineNumber : null,
    message: error.message.replace(/^(element \S+: )?Schemas validity error : /, ''),
  }));
  // A schema that does not compile is this check's failure, not the manifest's.
  if (problems.some((p) => /failed to compile|Schemas parser error|WXS schema/.test(p.message))) {
    throw new Error(`the manifest schemas in ${SCHEMA_DIR} do not compile:\n${result.rawOutput}`);
  }
  return problems.length ? problems : [{ check: 'schema', line: null, message: result.rawOutput.trim() || 'rejected by the schema' }];
}

/** Every problem of a manifest (the XSD's, then the rules'), by line; empty when it is valid. */
export async function checkManifest(xml: string): Promise<ManifestProblem[]> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > MAX_MANIFEST_BYTES) return [{ check: 'xml', line: null, message: `the file is ${bytes} bytes; a manifest is at most ${MAX_MANIFEST_BYTES} here` }];
  let root: Element;
  try {
    root = parseTree(xml.replace(/^\uFEFF/, ''));
  } catch (problem) {
    if (problem && typeof problem === 'object' && 'check' in problem) return [problem as ManifestProblem];
    throw problem;
  }
  const problems = [...(await checkSchema(xml.replace(/^\uFEFF/, ''))), ...checkRules(root)];
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export async function checkManifestFile(file: string): Promise<ManifestProblem[]> {
  return checkManifest(fs.readFileSync(file, 'utf8'));
}

export function formatProblem(file: string, problem: ManifestProblem): string {
  return `${file}:${problem.line ?? '-'}: [${problem.check}] ${problem.message}`;
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0 || files.some((f) => f === '-h' || f === '--help')) {
    console.error('usage: npm run check-manifest -- MANIFEST.xml [MORE.xml…]');
    return 2;
  }
  let total = 0;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`check-manifest: cannot read ${file}`);
      return 2;
    }
    const problems = await checkManifestFile(file);
    for (const problem of problems) console.log(formatProblem(file, problem));
    total += problems.length;
  }
  console.log(total === 0 ? 'manifest: valid' : `manifest: ${total} problem${total === 1 ? '' : 's'}`);
  return total === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`check-manifest: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
