/**
 * The house's shape, measured (issue 21): files in src/ above the line limit, functions above the
 * function limit, and circles of imports. `npx tsx test/build/structure.ts` prints the report;
 * test/build/structure.test.ts asserts it is empty.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const FILE_LINE_LIMIT = 400;
export const FUNCTION_LINE_LIMIT = 80;

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Data tables, not code: one table reads better whole (issue 21 lets the translator's stay one). */
export const TABLE_FILES: ReadonlyMap<string, string> = new Map([
  ['src/functions/functions.ts', 'the custom functions\' declarations, one JSDoc block per function: the metadata plugin and two tests read them from this one file, and the adapters moved out make functions.js larger (+1 KB)'],
]);

export interface LongFile { file: string; lines: number }
export interface LongFunction { file: string; name: string; line: number; lines: number }
export interface StructureReport { longFiles: LongFile[]; longFunctions: LongFunction[]; cycles: string[][] }

export function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.(c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

function functionName(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    return `(callback of ${callee.length > 40 ? callee.slice(0, 40) + '…' : callee})`;
  }
  return '(anonymous)';
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)
    || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node);
}

/** A function's lines from its first to its last, nested functions included (they are read with it). */
export function longFunctionsOf(file: string, limit = FUNCTION_LINE_LIMIT): LongFunction[] {
  const source = parse(file);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (isFunction(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) found.push({ file: rel(file), name: functionName(node), line: start + 1, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Relative imports and re-exports, type-only ones included: a circle of types is still a circle to read. */
export function importsOf(file: string): string[] {
  const source = parse(file);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier
      && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
  }
  const visit = (node: ts.Node) => {
    // require('./x') in CommonJS scripts; import('./x') is deferred loading and makes no circle at load.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require'
      && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(path.dirname(file), s)).filter((r): r is string => !!r);
}

function resolve(dir: string, specifier: string): string | undefined {
  const base = path.resolve(dir, specifier);
  const stripped = base.replace(/\.(js|mjs|cjs)$/, '');
  const candidates = [base, `${stripped}.ts`, `${stripped}.tsx`, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, `${base}.cjs`,
    path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile() && CODE.test(c));
}

/** Strongly connected components of more than one file (Tarjan), and files importing themselves. */
export function cyclesOf(files: readonly string[], within = SRC): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t.startsWith(within))]));
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) { connect(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.map(rel).sort());
    }
  };
  for (const f of graph.keys()) if (!indices.has(f)) connect(f);
  return cycles;
}

export function structureReport(): StructureReport {
  const files = sourceFiles();
  const longFiles = files
    .map((file) => ({ file: rel(file), lines: fs.readFileSync(file, 'utf8').split('\n').length }))
    .filter((f) => f.lines > FILE_LINE_LIMIT && !TABLE_FILES.has(f.file));
  const longFunctions = files.flatMap((f) => longFunctionsOf(f));
  return { longFiles, longFunctions, cycles: cyclesOf(files) };
}

if (require.main === module) {
  const report = structureReport();
  console.log(`files above ${FILE_LINE_LIMIT} lines: ${report.longFiles.length}`);
  for (const f of report.longFiles.sort((a, b) => b.lines - a.lines)) console.log(`  ${f.lines}\t${f.file}`);
  console.log(`functions above ${FUNCTION_LINE_LIMIT} lines: ${report.longFunctions.length}`);
  for (const f of report.longFunctions.sort((a, b) => b.lines - a.lines)) console.log(`  ${f.lines}\t${f.file}:${f.line} ${f.name}`);
  console.log(`import circles: ${report.cycles.length}`);
  for (const c of report.cycles) console.log(`  ${c.join(' ↔ ')}`);
}
