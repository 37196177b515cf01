/**
 * @jest-environment jsdom
 *
 * The manifest's requirement sets are exactly what the shipped code and functions.json need, so
 * the two cannot drift apart:
 * - every Office.js or custom-functions API the code of src/ uses (resolved by the TypeScript
 *   checker to its declaration in @types/office-js or @types/custom-functions-runtime, whose doc
 *   comment names its set: `[Api set: ExcelApi 1.9]`) needs a set the manifest declares;
 * - every feature of the generated metadata (test/golden, kept equal to the build by
 *   test/build/metadata.test.ts) needs a declared CustomFunctionsRuntime;
 * - a shared runtime (`<Runtime lifetime="long">`) needs SharedRuntime 1.1;
 * - and the manifest declares no more than that: each set at the lowest version the code needs,
 *   which the README's supported-versions list names.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** Metadata features and the CustomFunctionsRuntime version each needs (Microsoft's custom-functions requirement sets page). */
const METADATA_TOP_LEVEL: Record<string, string | undefined> = { functions: '1.1', enums: '1.1', allowCustomDataForDataTypeAny: '1.4' };
const METADATA_OPTIONS: Record<string, string> = { stream: '1.1', cancelable: '1.1', volatile: '1.1', requiresAddress: '1.1', requiresParameterAddresses: '1.3', linkedEntityLoadService: '1.5', capturesCallingObject: '1.5' };

const compare = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

function declaredSets(): Record<string, string> {
  const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), 'application/xml');
  const out: Record<string, string> = {};
  for (const set of Array.from(doc.getElementsByTagName('Requirements')[0].getElementsByTagName('Set'))) {
    out[set.getAttribute('Name')!] = set.getAttribute('MinVersion') ?? doc.getElementsByTagName('Sets')[0].getAttribute('DefaultMinVersion') ?? '1.1';
  }
  return out;
}

interface Use {
  set: string;
  version: string;
  what: string;
  where: string;
}

/** The requirement set of each Office.js / custom-functions API the shipped code references. */
function apiUses(): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  // What ships: the pane, the workbook layer, the functions and the rules (not the build tools or the test engine).
  const shipped = (f: string) => /[\\/]src[\\/](excel|functions|rules|i18n|taskpane)[\\/]/.test(f);
  const program = ts.createProgram(config.fileNames.filter(shipped), { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  const seen = new Set<ts.Declaration>();
  const setOf = (decl: ts.Declaration): { set: string; version: string } | undefined => {
    const file = decl.getSourceFile();
    if (!/@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(file.fileName)) return undefined;
    const text = file.getFullText().slice(decl.getFullStart(), decl.getStart());
    const m = /\[Api set: (ExcelApi|CustomFunctionsRuntime|SharedRuntime) ([\d.]+)\]/.exec(text);
    return m ? { set: m[1], version: m[2] } : undefined;
  };
  for (const file of program.getSourceFiles()) {
    if (!shipped(file.fileName)) continue;
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const decl of symbol?.declarations ?? []) {
          const found = setOf(decl);
          if (!found) continue;
          const { line } = file.getLineAndCharacterOfPosition(node.getStart());
          uses.push({ ...found, what: node.text, where: `${path.relative(ROOT, file.fileName)}:${line + 1}` });
          seen.add(decl);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

function metadataNeeds(): Use[] {
  const out: Use[] = [];
  for (const file of ['functions.json', 'fr-fr/functions.json', 'fr-ca/functions.json']) {
    const metadata = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'golden', file), 'utf8'));
    for (const key of Object.keys(metadata)) {
      if (!(key in METADATA_TOP_LEVEL)) throw new Error(`${file}: metadata property ${key} has no known requirement set: add it to METADATA_TOP_LEVEL`);
      out.push({ set: 'CustomFunctionsRuntime', version: METADATA_TOP_LEVEL[key]!, what: key, where: file });
    }
    for (const fn of metadata.functions) {
      for (const [option, on] of Object.entries(fn.options ?? {})) {
        if (!on) continue;
        if (!(option in METADATA_OPTIONS)) throw new Error(`${file}: ${fn.id} option ${option} has no known requirement set: add it to METADATA_OPTIONS`);
        out.push({ set: 'CustomFunctionsRuntime', version: METADATA_OPTIONS[option], what: `${fn.id}.options.${option}`, where: file });
      }
    }
  }
  return out;
}

function manifestNeeds(): Use[] {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const out: Use[] = [];
  if (/<Runtime\b[^>]*lifetime="long"/.test(xml)) out.push({ set: 'SharedRuntime', version: '1.1', what: '<Runtime lifetime="long">', where: 'manifest.xml' });
  if (/xsi:type="CustomFunctions"/.test(xml)) out.push({ set: 'CustomFunctionsRuntime', version: '1.1', what: 'CustomFunctions extension point', where: 'manifest.xml' });
  return out;
}

/** The highest version each set is needed at, with one use that needs it. */
function needed(uses: readonly Use[]): Record<string, Use> {
  const out: Record<string, Use> = {};
  for (const u of uses) if (!out[u.set] || compare(u.version, out[u.set].version) > 0) out[u.set] = u;
  return out;
}

describe('the manifest declares what the code and the metadata need, no more', () => {
  const uses = [...apiUses(), ...metadataNeeds(), ...manifestNeeds()];
  const need = needed(uses);
  const declared = declaredSets();

  it('finds the APIs the workbook layer and the functions use (the check can see them)', () => {
    const names = new Set(uses.map((u) => `${u.set} ${u.what}`));
    for (const expected of ['ExcelApi copyFrom', 'ExcelApi getActiveCell', 'ExcelApi formulasLocal', 'ExcelApi suspendApiCalculationUntilNextSync', 'CustomFunctionsRuntime Error', 'CustomFunctionsRuntime notAvailable']) {
      expect(names).toContain(expected);
    }
  }, 60000);

  it('every set a use needs is declared, at that version or above', () => {
    const missing = Object.values(need)
      .filter((u) => declared[u.set] === undefined || compare(declared[u.set], u.version) < 0)
      .map((u) => `${u.set} ${u.version} (${u.what}, ${u.where}); manifest: ${declared[u.set] ?? 'none'}`);
    expect(missing).toEqual([]);
  });

  it('each declared set is at the lowest version the code needs, and none is declared for nothing', () => {
    expect(declared).toEqual(Object.fromEntries(Object.entries(need).map(([set, u]) => [set, u.version])));
  });

  it('is SharedRuntime 1.1, CustomFunctionsRuntime 1.3 (CustomFunctions.ErrorCode), ExcelApi 1.9 (Range.copyFrom)', () => {
    expect(declared).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3', ExcelApi: '1.9' });
    // Several 1.9 APIs are used (Repair's getSpecialCellsOrNullObject too); copyFrom is one of them.
    const at19 = uses.filter((u) => u.set === 'ExcelApi' && u.version === '1.9').map((u) => u.what);
    expect(at19).toContain('copyFrom');
  });

  it('the development notes name the same sets where they list the supported Excel versions', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'docs', 'DEVELOPMENT.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Install it in Excel'));
    for (const [set, version] of Object.entries(declared)) expect(section).toContain(`${set} ${version}`);
  });
});
