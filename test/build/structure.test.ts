/**
 * Issue 21: no file in src/ above about 400 lines, no function above about 80, no circle of
 * imports, and layers that point one way. The report is test/build/structure.ts
 * (`npx tsx test/build/structure.ts` prints it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  FILE_LINE_LIMIT, FUNCTION_LINE_LIMIT, TABLE_FILES, cyclesOf, importsOf, longFunctionsOf, sourceFiles, structureReport,
} from './structure';

const ROOT = path.resolve(__dirname, '../..');
const folderOf = (file: string) => path.relative(path.join(ROOT, 'src'), file).split(path.sep)[0];

describe('the structure report', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-structure-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import type { c } from './c';\nexport const b = 1 as unknown as c;\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "export type { a } from './a';\nexport type c = number;\n");
    fs.writeFileSync(path.join(dir, 'd.ts'), "import { a } from './a';\nexport const d = () => import('./e');\n");
    fs.writeFileSync(path.join(dir, 'e.ts'), "import { d } from './d';\nexport const e = d;\n");
    const body = Array.from({ length: FUNCTION_LINE_LIMIT }, (_, i) => `  const x${i} = ${i};`).join('\n');
    fs.writeFileSync(path.join(dir, 'long.tsx'), `export function Long() {\n${body}\n  return x0;\n}\nexport const short = () => 1;\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds a circle through type-only imports and re-exports, not through import()', () => {
    const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'].map((f) => path.join(dir, f));
    const cycles = cyclesOf(files, dir).map((c) => c.map((f) => path.basename(f)));
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(importsOf(path.join(dir, 'd.ts')).map((f) => path.basename(f))).toEqual(['a.ts']);
  });

  it('measures a function from its first line to its last', () => {
    const found = longFunctionsOf(path.join(dir, 'long.tsx'));
    expect(found).toEqual([expect.objectContaining({ name: 'Long', line: 1, lines: FUNCTION_LINE_LIMIT + 3 })]);
  });
});

describe('src/', () => {
  const report = structureReport();

  it(`has no file above ${FILE_LINE_LIMIT} lines but the tables named in structure.ts`, () => {
    expect(report.longFiles).toEqual([]);
    for (const table of TABLE_FILES.keys()) expect(fs.existsSync(path.join(ROOT, table))).toBe(true);
  });

  it(`has no function above ${FUNCTION_LINE_LIMIT} lines`, () => {
    expect(report.longFunctions).toEqual([]);
  });

  it('has no circle of imports', () => {
    expect(report.cycles).toEqual([]);
  });

  /** What each folder of src/ may import from the others (its own files always). */
  const MAY_IMPORT: Record<string, readonly string[]> = {
    rules: [],
    i18n: ['rules'],
    formula: ['rules', 'i18n'],
    functions: ['rules', 'i18n', 'formula'],
    xlsx: [],
    portable: ['rules', 'i18n', 'formula', 'functions', 'xlsx'],
    excel: ['rules', 'i18n', 'formula', 'functions', 'xlsx', 'portable'],
    taskpane: ['rules', 'i18n', 'formula', 'functions', 'excel', 'portable'],
    engine: ['rules', 'i18n', 'formula', 'functions', 'xlsx', 'portable', 'excel'],
    examples: ['rules', 'i18n', 'formula', 'functions', 'xlsx', 'portable', 'excel', 'engine'],
    commands: ['rules', 'i18n', 'formula', 'functions', 'xlsx', 'portable', 'excel', 'engine', 'examples'],
    dev: ['rules', 'i18n', 'formula', 'functions', 'xlsx', 'portable', 'excel', 'engine', 'examples'],
  };

  it('keeps every folder to what it may import', () => {
    const strays: string[] = [];
    for (const file of sourceFiles()) {
      const from = folderOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) { strays.push(`src/${from}/ is not a known folder (add it to MAY_IMPORT and src/README.md)`); continue; }
      for (const target of importsOf(file)) {
        const to = target.startsWith(path.join(ROOT, 'src')) ? folderOf(target) : 'outside src/';
        // The pane's test harness renders over the repository's Excel fake (test/support).
        if (to === 'outside src/' && from === 'taskpane' && file.includes(`${path.sep}testing${path.sep}`)) continue;
        if (to !== from && !allowed.includes(to)) strays.push(`${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`);
      }
    }
    expect([...new Set(strays)]).toEqual([]);
  });

  it('lets the pane reach the workbook layer through src/excel/index.ts only (and the Share step its own lazy entry)', () => {
    const entries = ['src/excel/index.ts', 'src/excel/share/index.ts'].map((f) => path.join(ROOT, f));
    const strays = sourceFiles()
      .filter((f) => folderOf(f) === 'taskpane')
      .flatMap((f) => importsOf(f).filter((t) => folderOf(t) === 'excel' && !entries.includes(t))
        .map((t) => `${path.relative(ROOT, f)} → ${path.relative(ROOT, t)}`));
    expect(strays).toEqual([]);
  });

  it('has a README.md in every folder', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !fs.existsSync(path.join(ROOT, 'src', f, 'README.md')))).toEqual([]);
    const map = fs.readFileSync(path.join(ROOT, 'src', 'README.md'), 'utf8');
    const listed = [...map.matchAll(/^\| \[`([a-z0-9-]+)\/`\]/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...folders].sort());
    expect(listed).toEqual(Object.keys(MAY_IMPORT));
  });
});
