/**
 * The split of issue 21 kept true: commands apart from libraries, build scripts apart from the
 * code, and the tools-only folders (the HyperFormula bridge, the commands, the dev scripts, the
 * example builder) out of what webpack bundles. Read from the import statements (static, dynamic
 * and require), so it needs no build; test/engine/no-hyperformula-in-dist.test.ts checks dist/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './structure';

const ROOT = path.resolve(__dirname, '../..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** Folders of src/ that run under Node only, never in the add-in. */
const TOOLS_ONLY = ['src/engine/', 'src/commands/', 'src/dev/', 'src/examples/'];

/** Relative specifiers of a file: import and export statements, import('…') and require('…'). */
function specifiersOf(file: string): string[] {
  const kind = /\.(c|m)?js$/.test(file) ? ts.ScriptKind.JS : file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((s) => s.startsWith('.'));
}

function resolveFrom(file: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(file), specifier);
  const stripped = base.replace(/\.(js|mjs|cjs)$/, '');
  const candidates = [base, `${stripped}.ts`, `${stripped}.tsx`, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

function importsOf(file: string): string[] {
  return specifiersOf(file)
    .map((s) => resolveFrom(file, s))
    .filter((f): f is string => f !== undefined);
}

/** Every file reachable from the given ones through relative imports. */
function reachableFrom(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (/\.(ts|tsx|js|mjs|cjs)$/.test(file)) queue.push(...importsOf(file));
  }
  return [...seen].map(rel).sort();
}

/** The entries of webpack.config.js, development build (it has every entry of the production one, and more). */
function webpackEntries(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'development' }) as { entry: Record<string, string> };
  return Object.values(config.entry).map((entry) => path.resolve(ROOT, entry));
}

/** `importer → imported` for each import in src/ that goes into `folder` from outside it. */
function importsInto(folder: string): string[] {
  return sourceFiles()
    .filter((file) => !rel(file).startsWith(folder))
    .flatMap((file) => importsOf(file).filter((target) => rel(target).startsWith(folder)).map((target) => `${rel(file)} → ${rel(target)}`));
}

describe('the layout of src/ (issue 21)', () => {
  it('bundles no file of the tools-only folders from the webpack entries', () => {
    const entries = webpackEntries();
    expect(entries.map(rel)).toEqual(expect.arrayContaining(['src/functions/functions.ts', 'src/taskpane/taskpane.ts']));
    const bundled = reachableFrom(entries);
    expect(bundled.filter((file) => TOOLS_ONLY.some((folder) => file.startsWith(folder)))).toEqual([]);
  });

  it('finds the tools-only folders from a command, so the walk can fail', () => {
    const reached = reachableFrom([path.join(ROOT, 'src/commands/check-workbook.ts')]);
    expect(reached).toContain('src/engine/recompute.ts');
    expect(reached).toContain('src/functions/functions.ts');
  });

  it('follows import() as webpack does (the pane’s later steps are lazy chunks)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-layout-'));
    try {
      fs.writeFileSync(path.join(dir, 'entry.ts'), "export const later = () => import('./lazy');\n");
      fs.writeFileSync(path.join(dir, 'lazy.ts'), "export const cjs = require('./script.cjs');\n");
      fs.writeFileSync(path.join(dir, 'script.cjs'), 'module.exports = 1;\n');
      expect(reachableFrom([path.join(dir, 'entry.ts')]).map((file) => path.basename(file))).toEqual(['entry.ts', 'lazy.ts', 'script.cjs']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps commands apart: no file of src/ outside src/commands imports one', () => {
    expect(importsInto('src/commands/')).toEqual([]);
  });

  it('keeps the build and dev scripts apart: no file of src/ outside src/dev imports one', () => {
    expect(importsInto('src/dev/')).toEqual([]);
  });
});
