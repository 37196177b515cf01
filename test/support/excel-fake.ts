/**
 * A recording fake of the part of the Excel JavaScript API that src/excel uses, for tests.
 *
 * office-addin-mock (used as the `Excel` namespace object and for simple read tests) mocks static
 * object trees: it has no worksheets.add, names, copyFrom, conditional formats or charts, and its
 * sync does not batch. This fake models the behaviour our conduct depends on:
 * - operations are queued and run at `context.sync()`, in order; an operation Excel would refuse
 *   (a protected sheet, a cell in edit mode, an existing name) rejects the sync, the operations
 *   before it stay applied (as in Excel), those after it are dropped;
 * - a property read before it was loaded and synced throws (PropertyNotLoaded);
 * - a string starting with "=" written through `values` or `formulas` becomes a formula, unless
 *   the cell's number format is "@" (text) at that moment — as in Excel;
 * - `copyFrom` tiles the source and shifts relative references, as the fill handle does;
 * - `getSpecialCellsOrNullObject(formulas)` gives the formula cells as areas (one per column run),
 *   or a null object when there is none (Range.getSpecialCellsOrNullObject, ExcelApi 1.9);
 * - a formula written through `formulas` or `values` is entered as a user would type it: an MKT
 *   call in the dotted form binds (its value is no longer #NAME?; the fake computes nothing, so it
 *   is null), while a prefixed form (`_xldudf_MKT_…`, `[1]!…`) stays #NAME? as in Excel (issues
 *   6611, 4185, 2568). A test sets `value: '#NAME?'` on a cell to make it stuck;
 * - every sync is counted and the JSON size of the operations it carries is recorded.
 *
 * Host behaviours a test picks (defaults: English desktop):
 * - `listSeparator: ';'` (French Windows, fr-FR, fr-CA): a name formula joining areas with `,` is
 *   refused with InvalidArgument (office-js issue 2891); with `;` it is accepted;
 * - `localizedNameFormulas`: `NamedItem.formula` comes back localized (issue 2834): areas joined by
 *   the list separator, and in R1C1 French (`L1C1`) when `referenceStyle` is 'R1C1';
 * - `displayLanguage: 'fr-FR'` with `localFunctionNames` (English id → French name): a custom
 *   function written with its English name through `range.formulas` stays unbound, its value
 *   #NAME?, and `formulasLocal` shows it with that English name (issue 891); one written through
 *   `formulasLocal` with its French name binds. `formulasLocal` renders built-ins in French and the
 *   list separator of the host.
 * - `platform: 'web'` and `excelApi` (the highest ExcelApi set): `insertWorksheetsFromBase64`
 *   (ExcelApi 1.13) as the reference and office-js issues describe it, see its comment.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { findMktCalls } from '../../src/formula/mkt-calls';

export type CellValue = string | number | boolean | null;

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** A custom function of the formula is not bound (the cell shows #NAME?). */
  unbound?: boolean;
}

interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

export function colLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

export function parseRect(address: string): Rect {
  const a = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const whole = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(a);
  if (whole) {
    const c1 = colIndex(whole[1]);
    const c2 = colIndex(whole[2]);
    return { row: 0, column: Math.min(c1, c2), rows: MAX_ROWS, columns: Math.abs(c2 - c1) + 1 };
  }
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(a);
  if (!m) throw new FakeExcelError('InvalidArgument', `bad address ${address}`);
  const c1 = colIndex(m[1]);
  const r1 = +m[2] - 1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const r2 = m[4] ? +m[4] - 1 : r1;
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

export function rectAddress(r: Rect): string {
  const a = `${colLetters(r.column)}${r.row + 1}`;
  if (r.rows === 1 && r.columns === 1) return a;
  return `${a}:${colLetters(r.column + r.columns - 1)}${r.row + r.rows}`;
}

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function intersect(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.column + a.columns, b.column + b.columns);
  if (rowEnd <= row || colEnd <= column) return undefined;
  return { row, column, rows: rowEnd - row, columns: colEnd - column };
}

type Part = string | { colAbs: boolean; col: number; rowAbs: boolean; row: number };
const parsedFormulas = new Map<string, Part[]>();

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46;

/** Splits a formula into text and A1 references, skipping strings and quoted sheet names. */
function parseFormula(formula: string): Part[] {
  const cached = parsedFormulas.get(formula);
  if (cached) return cached;
  const ref = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)/y;
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      text += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (i === 0 || !isWordChar(formula.charCodeAt(i - 1))) {
      ref.lastIndex = i;
      const m = ref.exec(formula);
      if (m) {
        const next = formula.charCodeAt(i + m[0].length);
        if (!(isWordChar(next) && next !== 46) && formula[i + m[0].length] !== '(') {
          if (text) parts.push(text);
          text = '';
          parts.push({ colAbs: m[1] === '$', col: colIndex(m[2]), rowAbs: m[3] === '$', row: +m[4] });
          i += m[0].length;
          continue;
        }
      }
    }
    text += ch;
    i++;
  }
  if (text) parts.push(text);
  parsedFormulas.set(formula, parts);
  return parts;
}

/** Shifts the relative references of an A1 formula, as Excel does when it copies a formula. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  for (const part of parseFormula(formula)) {
    if (typeof part === 'string') out += part;
    else out += `${part.colAbs ? '$' : ''}${colLetters(part.colAbs ? part.col : part.col + dCol)}${part.rowAbs ? '$' : ''}${part.rowAbs ? part.row : part.row + dRow}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legend?: string;
  position?: [string, string];
  series: Array<{ name?: string; values?: string; xValues?: string; chartType?: string }>;
  deleted?: boolean;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
}

export class FakeSheet {
  readonly rows = new Map<number, Map<number, FakeCell>>();
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: Array<{ address: string; rule: unknown }> = [];
  formats: Array<{ address: string; property: string; value: unknown }> = [];
  protected = false;
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.rows.get(row)?.get(column);
  }
  ensure(row: number, column: number): FakeCell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    let c = r.get(column);
    if (!c) r.set(column, (c = { value: null }));
    return c;
  }
  /** A cell by A1 address, e.g. `get('B5')`. */
  get(address: string): FakeCell | undefined {
    const r = parseRect(address);
    return this.cell(r.row, r.column);
  }
  /** Sets plain values from a 2-D array at an A1 top-left (test data; strings are text). */
  put(topLeft: string, data: CellValue[][]): void {
    const r = parseRect(topLeft);
    data.forEach((row, i) => row.forEach((v, j) => (this.ensure(r.row + i, r.column + j).value = v)));
  }
  isEmpty(cell: FakeCell | undefined): boolean {
    return !cell || (cell.formula === undefined && (cell.value === null || cell.value === ''));
  }
  usedRect(within?: Rect): Rect | undefined {
    let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
    for (const [r, cols] of this.rows) {
      if (within && (r < within.row || r >= within.row + within.rows)) continue;
      for (const [c, cell] of cols) {
        if (within && (c < within.column || c >= within.column + within.columns)) continue;
        if (this.isEmpty(cell)) continue;
        r1 = Math.min(r1, r); c1 = Math.min(c1, c); r2 = Math.max(r2, r); c2 = Math.max(c2, c);
      }
    }
    return r2 < 0 ? undefined : { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
  }
  /** Every non-empty cell, as `A1 → cell`. */
  snapshot(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const [r, cols] of this.rows) for (const [c, cell] of cols) if (!this.isEmpty(cell)) out[`${colLetters(c)}${r + 1}`] = { ...cell };
    return out;
  }
}

export interface FakeName {
  name: string;
  sheet: FakeSheet;
  /** The first (or only) area. */
  rect: Rect;
  /** A multi-area reference (`=S!$A$1,S!$B$2:$C$3`), when the name was added from such a formula. */
  areas?: Rect[];
  comment?: string;
  visible?: boolean;
}

export interface FakeOptions {
  /** Every sync fails as if a cell were being edited. */
  editMode?: boolean;
}

/** A host's behaviour, as a test picks it (see the header). */
export interface FakeHost {
  listSeparator?: ',' | ';';
  localizedNameFormulas?: boolean;
  referenceStyle?: 'A1' | 'R1C1';
  displayLanguage?: string;
  localFunctionNames?: Record<string, string>;
  bindsEnglishNames?: boolean;
  /** Where Excel runs: on the web some inserts are refused (see insertWorksheetsFromBase64). */
  platform?: 'windows' | 'mac' | 'web';
  /** The highest ExcelApi set the host has; an API of a later set is missing. */
  excelApi?: string;
}

export class FakeWorkbook {
  /**
   * The host every new FakeWorkbook starts as: lets a whole suite run again on another host. Kept
   * on globalThis so a suite loaded in an isolated module registry sees it too.
   */
  static get defaultHost(): FakeHost {
    return (globalThis as { __mktFakeHost?: FakeHost }).__mktFakeHost ?? {};
  }
  static set defaultHost(host: FakeHost) {
    (globalThis as { __mktFakeHost?: FakeHost }).__mktFakeHost = host;
  }
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  tables: Array<{ name: string; sheet: FakeSheet; rect: Rect }> = [];
  protected = false;
  editMode = false;
  selection?: { sheet: FakeSheet; rect: Rect };
  active?: { sheet: FakeSheet; rect: Rect };
  activeSheet?: FakeSheet;
  // Recording
  syncs = 0;
  runs = 0;
  requestBytes: number[] = [];
  /** Makes the first queued operation matching this predicate fail with AccessDenied (a refusal the pre-checks cannot see). */
  failOn?: (payload: Record<string, unknown>) => boolean;
  calcSuspended = 0;
  screenSuspended = 0;
  /** The host's list separator: ';' on French Windows, fr-FR and fr-CA. */
  listSeparator: ',' | ';' = ',';
  /** NamedItem.formula comes back localized (issue 2834). */
  localizedNameFormulas = false;
  referenceStyle: 'A1' | 'R1C1' = 'A1';
  /** Office's display language; French with `localFunctionNames` behaves as issue 891 reports. */
  displayLanguage = 'en-US';
  /** Custom functions' French names, by English id (upper case). */
  localFunctionNames: Record<string, string> = {};
  /** A French-display host that binds English custom-function names all the same (issue 891 not reproduced). */
  bindsEnglishNames = false;
  platform: 'windows' | 'mac' | 'web' = 'windows';
  excelApi = '1.17';
  /** insertWorksheetsFromBase64 places the sheets, then reports an error all the same (office-js issue 3179). */
  insertReportsError = false;
  /** Sheets inserted by insertWorksheetsFromBase64 get ids; the others have none in the fake. */
  ids = new Map<FakeSheet, string>();

  /** Office.context.requirements.isSetSupported as this host answers it (ExcelApi only). */
  isSetSupported(name: string, version = '1.1'): boolean {
    if (name !== 'ExcelApi') return false;
    const [hMajor, hMinor] = this.excelApi.split('.').map(Number);
    const [wMajor, wMinor] = version.split('.').map(Number);
    return hMajor > wMajor || (hMajor === wMajor && hMinor >= (wMinor ?? 0));
  }

  constructor(host: FakeHost = FakeWorkbook.defaultHost) {
    Object.assign(this, host);
  }
  log: Array<Record<string, unknown>> = [];

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  select(sheet: FakeSheet, address: string): void {
    this.selection = { sheet, rect: parseRect(address) };
    this.active = { sheet, rect: { ...parseRect(address), rows: 1, columns: 1 } };
  }
  nameFormula(n: FakeName): string {
    if (!this.sheets.includes(n.sheet)) return '=#REF!';
    const local = this.localizedNameFormulas;
    const one = (r: Rect) => {
      const r1c1 = local && this.referenceStyle === 'R1C1';
      const a = r1c1 ? `L${r.row + 1}C${r.column + 1}` : `$${colLetters(r.column)}$${r.row + 1}`;
      const b = r1c1 ? `L${r.row + r.rows}C${r.column + r.columns}` : `$${colLetters(r.column + r.columns - 1)}$${r.row + r.rows}`;
      return `${quote(n.sheet.name)}!${r.rows === 1 && r.columns === 1 ? a : `${a}:${b}`}`;
    };
    return '=' + (n.areas ?? [n.rect]).map(one).join(local ? this.listSeparator : ',');
  }
  /** All non-empty cells of all sheets, for "nothing changed" assertions. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, cells: s.snapshot(), charts: s.charts.length, cfs: s.conditionalFormats.length })),
      names: this.names.map((n) => [n.name, this.nameFormula(n)]),
    };
  }

  /** The `Excel` namespace object: office-addin-mock carries `run` and the enums we read. */
  excel(): unknown {
    const workbook = this;
    return new OfficeMockObject({
      run: async (callback: (context: FakeContext) => Promise<unknown>) => {
        workbook.runs++;
        const context = new FakeContext(workbook);
        return callback(context);
      },
      RangeCopyType: { all: 'All', formats: 'Formats', formulas: 'Formulas', values: 'Values' },
      ErrorCodes: { accessDenied: 'AccessDenied', itemNotFound: 'ItemNotFound' },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies and the batch

interface Op {
  payload: Record<string, unknown>;
  /** An operation that reads a file (insertWorksheetsFromBase64) finishes before the next one runs. */
  run: () => unknown;
}

export class FakeContext {
  ops: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  constructor(readonly model: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }
  queue(payload: Record<string, unknown>, run: () => unknown): void {
    this.ops.push({ payload, run });
  }
  async sync(): Promise<void> {
    const model = this.model;
    model.syncs++;
    const ops = this.ops;
    this.ops = [];
    let bytes = 0;
    for (const op of ops) bytes += JSON.stringify(op.payload).length;
    model.requestBytes.push(bytes);
    if (model.editMode && ops.length > 0) throw new FakeExcelError('InvalidOperationInCellEditMode');
    for (const op of ops) {
      if (model.failOn?.(op.payload)) {
        model.failOn = undefined;
        throw new FakeExcelError('AccessDenied', 'refused');
      }
      model.log.push(op.payload);
      const pending = op.run();
      if (pending instanceof Promise) await pending;
    }
  }
}

class Loadable {
  protected loaded = new Map<string, unknown>();
  protected read<T>(key: string): T {
    if (!this.loaded.has(key)) throw new FakeExcelError('PropertyNotLoaded', `${key} was not loaded`);
    return this.loaded.get(key) as T;
  }
}

class ApplicationProxy {
  constructor(private ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue({ op: 'suspendCalc' }, () => this.ctx.model.calcSuspended++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue({ op: 'suspendScreen' }, () => this.ctx.model.screenSuspended++);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NameCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly protection: ProtectionProxy;
  constructor(private ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NameCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
    this.protection = new ProtectionProxy(ctx, () => ctx.model.protected);
  }
  getSelectedRange(): RangeProxy {
    const m = this.ctx.model;
    return new RangeProxy(this.ctx, () => {
      if (!m.selection) throw new FakeExcelError('InvalidSelection');
      return { sheet: m.selection.sheet, rect: m.selection.rect };
    });
  }
  /**
   * Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13), as the reference and office-js issues
   * describe it: the source's sheets (all, or `sheetNamesToInsert`) inserted at `positionType`
   * (default "End"; "Beginning", or "Before"/"After" `relativeTo`); the result is their ids. On the
   * web a source with charts, PivotTables, comments or slicers is refused (UnsupportedFeature).
   * The source's defined names come over pointing at #REF! (issues 3583, 4772). Cells are not
   * copied (the fake has no xlsx cell reader). What Excel does when a name is already taken is
   * not documented: the fake refuses with NotModelled, so a caller that relies on it fails its test.
   */
  insertWorksheetsFromBase64(base64: string, options: { positionType?: string; relativeTo?: string; sheetNamesToInsert?: string[] } = {}): { readonly value: string[] } {
    const ctx = this.ctx;
    const m = ctx.model;
    if (!m.isSetSupported('ExcelApi', '1.13')) throw new FakeExcelError('ApiNotFound', 'insertWorksheetsFromBase64 needs ExcelApi 1.13');
    let ids: string[] | undefined;
    ctx.queue({ op: 'insertWorksheetsFromBase64', bytes: base64.length, options }, async () => {
      if (m.protected) throw new FakeExcelError('AccessDenied', 'The workbook is protected.');
      const { readSourceWorkbook } = await import('./xlsx-source');
      let source;
      try {
        source = await readSourceWorkbook(base64);
      } catch (error) {
        throw new FakeExcelError('InvalidArgument', `not a workbook: ${(error as Error).message}`);
      }
      const wanted = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : source.sheets;
      const missing = wanted.filter((n) => !source.sheets.some((s) => s.toLowerCase() === n.toLowerCase()));
      if (missing.length > 0) throw new FakeExcelError('ItemNotFound', `no sheet ${missing.join(', ')} in the source`);
      if (m.platform === 'web' && source.webUnsupported.length > 0) throw new FakeExcelError('UnsupportedFeature', `not on the web: ${source.webUnsupported.join(', ')}`);
      const taken = wanted.filter((n) => m.sheet(n));
      if (taken.length > 0) throw new FakeExcelError('NotModelled', `what Excel does with a taken name (${taken.join(', ')}) is not documented`);
      const position = (options.positionType ?? 'End').toLowerCase();
      let at = m.sheets.length;
      if (position === 'beginning') at = 0;
      else if (position === 'before' || position === 'after') {
        const relative = options.relativeTo === undefined ? undefined : m.sheet(options.relativeTo);
        if (!relative) throw new FakeExcelError('InvalidArgument', 'relativeTo is needed with Before / After');
        at = m.sheets.indexOf(relative) + (position === 'after' ? 1 : 0);
      }
      const added = wanted.map((name) => new FakeSheet(source.sheets.find((s) => s.toLowerCase() === name.toLowerCase())!));
      m.sheets.splice(at, 0, ...added);
      ids = added.map((sheet) => {
        const id = `{FAKE-${m.ids.size + 1}}`;
        m.ids.set(sheet, id);
        return id;
      });
      const broken = new FakeSheet('#REF!');
      for (const n of source.names) if (!m.names.some((x) => x.name.toLowerCase() === n.name.toLowerCase())) m.names.push({ name: n.name, sheet: broken, rect: { row: 0, column: 0, rows: 1, columns: 1 } });
      if (m.insertReportsError) throw new FakeExcelError('GeneralException', 'There was an internal error while processing the request.');
    });
    return {
      get value(): string[] {
        if (!ids) throw new FakeExcelError('PropertyNotLoaded', 'insertWorksheetsFromBase64: read its value after context.sync()');
        return ids;
      },
    };
  }
  getActiveCell(): RangeProxy {
    const m = this.ctx.model;
    return new RangeProxy(this.ctx, () => {
      if (!m.active) throw new FakeExcelError('InvalidSelection');
      return { sheet: m.active.sheet, rect: m.active.rect };
    });
  }
}

class ProtectionProxy extends Loadable {
  constructor(
    private ctx: FakeContext,
    private get_: () => boolean,
  ) {
    super();
  }
  load(_props?: string): this {
    this.ctx.queue({ op: 'load', what: 'protection' }, () => this.loaded.set('protected', this.get_()));
    return this;
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

class WorksheetCollectionProxy extends Loadable {
  constructor(private ctx: FakeContext) {
    super();
  }
  load(_props?: string): this {
    this.ctx.queue({ op: 'load', what: 'worksheets' }, () =>
      this.loaded.set(
        'items',
        this.ctx.model.sheets.map((s) => {
          const p = new WorksheetProxy(this.ctx, () => s);
          p.fill(s);
          return p;
        }),
      ),
    );
    return this;
  }
  get items(): WorksheetProxy[] {
    return this.read('items');
  }
  add(name: string): WorksheetProxy {
    const ctx = this.ctx;
    let created: FakeSheet | undefined;
    ctx.queue({ op: 'addSheet', name }, () => {
      if (ctx.model.protected) throw new FakeExcelError('AccessDenied', 'The workbook is protected.');
      if (ctx.model.sheet(name)) throw new FakeExcelError('ItemAlreadyExists', `sheet ${name} exists`);
      created = ctx.model.addSheet(name);
    });
    return new WorksheetProxy(ctx, () => {
      if (!created) throw new FakeExcelError('ItemNotFound', name);
      return created;
    });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s) throw new FakeExcelError('ItemNotFound', `sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name), true);
  }
}

export class WorksheetProxy extends Loadable {
  readonly protection: ProtectionProxy;
  readonly charts: ChartCollectionProxy;
  constructor(
    private ctx: FakeContext,
    readonly resolve: () => FakeSheet | undefined,
    private nullable = false,
  ) {
    super();
    this.protection = new ProtectionProxy(ctx, () => this.sheet().protected);
    this.charts = new ChartCollectionProxy(ctx, () => this.sheet());
  }
  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeExcelError('ItemNotFound', 'sheet');
    return s;
  }
  fill(s: FakeSheet): void {
    this.loaded.set('name', s.name);
    (this.protection as unknown as { loaded: Map<string, unknown> }).loaded.set('protected', s.protected);
  }
  load(_props?: string): this {
    this.ctx.queue({ op: 'load', what: 'worksheet' }, () => {
      const s = this.resolve();
      this.loaded.set('isNullObject', !s);
      if (s) this.fill(s);
    });
    return this;
  }
  get name(): string {
    return this.read('name');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.sheet(), rect: address ? parseRect(address) : { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } }));
  }
  /** Worksheet.getUsedRangeOrNullObject (ExcelApi 1.4): a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }
  activate(): void {
    this.ctx.queue({ op: 'activate' }, () => (this.ctx.model.activeSheet = this.sheet()));
  }
  delete(): void {
    this.ctx.queue({ op: 'deleteSheet' }, () => {
      const s = this.resolve();
      if (!s) {
        if (this.nullable) return;
        throw new FakeExcelError('ItemNotFound');
      }
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
    });
  }
}

type Resolved = { sheet: FakeSheet; rect: Rect } | undefined;

export class RangeProxy extends Loadable {
  readonly format: FormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  readonly dataValidation: { rule: unknown };
  constructor(
    private ctx: FakeContext,
    readonly resolve: () => Resolved,
  ) {
    super();
    this.format = new FormatProxy(ctx, () => this.target(), 'format');
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, () => this.target());
    const self = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        ctx.queue({ op: 'validation', rule: rule as Record<string, unknown> }, () => {
          const t = self.writable();
          t.sheet.validations.push({ address: rectAddress(t.rect), rule });
        });
      },
      get rule(): unknown {
        throw new FakeExcelError('PropertyNotLoaded');
      },
    };
  }
  target(): { sheet: FakeSheet; rect: Rect } {
    const t = this.resolve();
    if (!t) throw new FakeExcelError('ItemNotFound', 'range');
    return t;
  }
  writable(): { sheet: FakeSheet; rect: Rect } {
    const t = this.target();
    if (t.sheet.protected) throw new FakeExcelError('AccessDenied', `The sheet ${t.sheet.name} is protected.`);
    return t;
  }
  private derive(f: (t: { sheet: FakeSheet; rect: Rect }) => Resolved): RangeProxy {
    return new RangeProxy(this.ctx, () => f(this.target()));
  }

  // --- reads
  load(props?: string): this {
    const keys = (props ?? 'address,values,formulas,rowIndex,columnIndex,rowCount,columnCount').split(',').map((k) => k.trim());
    this.ctx.queue({ op: 'load', what: 'range', keys }, () => {
      const t = this.resolve();
      this.loaded.set('isNullObject', !t);
      if (!t) return;
      const { sheet, rect } = t;
      for (const key of keys) {
        if (key === 'address') this.loaded.set('address', `${quote(sheet.name)}!${rectAddress(rect)}`);
        else if (key === 'rowIndex') this.loaded.set(key, rect.row);
        else if (key === 'columnIndex') this.loaded.set(key, rect.column);
        else if (key === 'rowCount') this.loaded.set(key, rect.rows);
        else if (key === 'columnCount') this.loaded.set(key, rect.columns);
        else if (key === 'values' || key === 'formulas' || key === 'formulasLocal' || key === 'numberFormat') {
          if (rect.rows * rect.columns > 5_000_000) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded');
          const grid: unknown[][] = [];
          for (let r = 0; r < rect.rows; r++) {
            const row: unknown[] = [];
            for (let c = 0; c < rect.columns; c++) {
              const cell = sheet.cell(rect.row + r, rect.column + c);
              if (key === 'values') row.push(cell ? (cell.unbound && cell.formula !== undefined ? '#NAME?' : (cell.value ?? '')) : '');
              else if (key === 'formulas') row.push(cell ? (cell.formula ?? cell.value ?? '') : '');
              else if (key === 'formulasLocal') row.push(cell ? (cell.formula !== undefined ? toLocal(this.ctx.model, cell) : (cell.value ?? '')) : '');
              else row.push(cell?.numberFormat ?? 'General');
            }
            grid.push(row);
          }
          this.loaded.set(key, grid);
        }
      }
    });
    return this;
  }
  get address(): string { return this.read('address'); }
  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get isNullObject(): boolean { return this.read('isNullObject'); }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.target().sheet);
  }

  // --- writes
  set values(data: unknown[][]) { this.write('values', data); }
  get values(): unknown[][] { return this.read('values'); }
  set formulas(data: unknown[][]) { this.write('formulas', data); }
  get formulas(): unknown[][] { return this.read('formulas'); }
  set formulasLocal(data: unknown[][]) { this.write('formulasLocal', data); }
  get formulasLocal(): unknown[][] { return this.read('formulasLocal'); }
  set numberFormat(data: unknown[][]) {
    this.ctx.queue({ op: 'set', prop: 'numberFormat', data }, () => {
      const { sheet, rect } = this.writable();
      this.each(rect, data, (r, c, v) => (sheet.ensure(r, c).numberFormat = String(v)));
    });
  }
  get numberFormat(): unknown[][] { return this.read('numberFormat'); }

  private each(rect: Rect, data: unknown[][], visit: (row: number, column: number, value: unknown) => void): void {
    if (!Array.isArray(data) || data.length !== rect.rows || data.some((row) => !Array.isArray(row) || row.length !== rect.columns)) {
      throw new FakeExcelError('InvalidArgument', `data does not match ${rectAddress(rect)}`);
    }
    data.forEach((row, i) => row.forEach((v, j) => visit(rect.row + i, rect.column + j, v)));
  }
  private write(prop: 'values' | 'formulas' | 'formulasLocal', data: unknown[][]): void {
    this.ctx.queue({ op: 'set', prop, data }, () => {
      const { sheet, rect } = this.writable();
      const model = this.ctx.model;
      this.each(rect, data, (r, c, v) => {
        const cell = sheet.ensure(r, c);
        const isText = cell.numberFormat === '@';
        if (typeof v === 'string' && v.startsWith('=') && !isText) {
          // Bound or not by the name written: through formulasLocal French Excel knows the French names only.
          cell.unbound = hasUnboundCall(model, v) || undefined;
          cell.formula = prop === 'formulasLocal' ? fromLocal(model, v) : v;
          // Entered now: a dotted MKT call binds; a prefixed one Excel does not bind.
          cell.value = findMktCalls(v).some((call) => call.form !== 'dotted') ? '#NAME?' : null;
        } else {
          delete cell.unbound;
          delete cell.formula;
          cell.value = v as CellValue;
        }
      });
    });
  }
  clear(_what?: string): void {
    this.ctx.queue({ op: 'clear' }, () => {
      const { sheet, rect } = this.writable();
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        const row = sheet.rows.get(r);
        if (!row) continue;
        for (const c of [...row.keys()]) if (c >= rect.column && c < rect.column + rect.columns) row.delete(c);
      }
    });
  }
  copyFrom(source: RangeProxy | string, copyType: string = 'All'): void {
    this.ctx.queue({ op: 'copyFrom', copyType }, () => {
      const dest = this.writable();
      const src = typeof source === 'string' ? { sheet: dest.sheet, rect: parseRect(source) } : source.target();
      for (let r = 0; r < dest.rect.rows; r++) {
        for (let c = 0; c < dest.rect.columns; c++) {
          const sr = src.rect.row + (r % src.rect.rows);
          const sc = src.rect.column + (c % src.rect.columns);
          const from = src.sheet.cell(sr, sc);
          const to = dest.sheet.ensure(dest.rect.row + r, dest.rect.column + c);
          if (copyType === 'All' || copyType === 'Formats') to.numberFormat = from?.numberFormat;
          if (copyType === 'All' || copyType === 'Formulas') {
            if (from?.formula !== undefined) {
              to.formula = shiftFormula(from.formula, dest.rect.row + r - sr, dest.rect.column + c - sc);
              to.value = null;
              to.unbound = from.unbound;
            } else {
              delete to.unbound;
              delete to.formula;
              to.value = from?.value ?? null;
            }
          }
        }
      }
    });
  }
  select(): void {
    this.ctx.queue({ op: 'select' }, () => {
      const t = this.target();
      this.ctx.model.selection = t;
    });
  }

  // --- navigation
  getCell(row: number, column: number): RangeProxy {
    return this.derive(({ sheet, rect }) => ({ sheet, rect: { row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 } }));
  }
  getResizedRange(dRows: number, dCols: number): RangeProxy {
    return this.derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, rows: rect.rows + dRows, columns: rect.columns + dCols } }));
  }
  getIntersection(other: RangeProxy): RangeProxy {
    return this.derive(({ sheet, rect }) => {
      const o = other.target();
      const i = intersect(rect, o.rect);
      if (!i || o.sheet !== sheet) throw new FakeExcelError('ItemNotFound', 'no intersection');
      return { sheet, rect: i };
    });
  }
  getLastRow(): RangeProxy {
    return this.derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, row: rect.row + rect.rows - 1, rows: 1 } }));
  }
  getUsedRange(_valuesOnly?: boolean): RangeProxy {
    let memo: Resolved;
    return this.derive(({ sheet, rect }) => {
      // Computed once, when the first operation that needs it runs.
      memo ??= (() => {
        const u = sheet.usedRect(rect);
        if (!u) throw new FakeExcelError('ItemNotFound', 'no used cells');
        return { sheet, rect: u };
      })();
      return memo;
    });
  }
  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    if (cellType !== 'Formulas') throw new FakeExcelError('NotImplemented', `the fake finds formula cells only, not ${cellType}`);
    let memo: { value: RangeProxy[] } | undefined;
    return new RangeAreasProxy(this.ctx, () => {
      memo ??= (() => {
        const { sheet, rect } = this.target();
        // One area per column run of formula cells, in column then row order.
        const byColumn = new Map<number, number[]>();
        for (const [r, cols] of sheet.rows) {
          if (r < rect.row || r >= rect.row + rect.rows) continue;
          for (const [c, cell] of cols) {
            if (cell.formula === undefined || c < rect.column || c >= rect.column + rect.columns) continue;
            if (!byColumn.has(c)) byColumn.set(c, []);
            byColumn.get(c)!.push(r);
          }
        }
        const areas: RangeProxy[] = [];
        for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
          const rowsOf = byColumn.get(c)!.sort((a, b) => a - b);
          let start = 0;
          for (let i = 1; i <= rowsOf.length; i++) {
            if (i < rowsOf.length && rowsOf[i] === rowsOf[i - 1] + 1) continue;
            const area = { sheet, rect: { row: rowsOf[start], column: c, rows: i - start, columns: 1 } };
            areas.push(new RangeProxy(this.ctx, () => area));
            start = i;
          }
        }
        return { value: areas };
      })();
      return memo.value.length ? memo.value : undefined;
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    let memo: { value: Resolved } | undefined;
    return new RangeProxy(this.ctx, () => {
      memo ??= (() => {
        const { sheet, rect } = this.target();
        const u = sheet.usedRect(rect);
        return { value: u ? { sheet, rect: u } : undefined };
      })();
      return memo.value;
    });
  }
}

/** Excel.RangeAreas, as getSpecialCellsOrNullObject returns it: `isNullObject` and `areas`. */
class RangeAreasProxy extends Loadable {
  readonly areas: RangeCollectionProxy;
  constructor(
    private ctx: FakeContext,
    private resolve: () => RangeProxy[] | undefined,
  ) {
    super();
    this.areas = new RangeCollectionProxy(ctx, () => {
      const areas = this.resolve();
      // As in Excel, a null object has no areas to read.
      if (!areas) throw new FakeExcelError('InvalidOperation', 'the RangeAreas is a null object');
      return areas;
    });
  }
  load(_props?: string): this {
    this.ctx.queue({ op: 'load', what: 'rangeAreas' }, () => {
      const areas = this.resolve();
      this.loaded.set('isNullObject', !areas);
      if (areas) this.loaded.set('areaCount', areas.length);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
}

class RangeCollectionProxy extends Loadable {
  constructor(
    private ctx: FakeContext,
    private resolve: () => RangeProxy[],
  ) {
    super();
  }
  /** `load('address,formulas,values')`: those properties of every item, in the same sync. */
  load(props?: string): this {
    const keys = (props ?? 'address').split(',').map((k) => k.trim().replace(/^items\//, '')).join(',');
    let items: RangeProxy[] | undefined;
    this.ctx.queue({ op: 'load', what: 'rangeCollection' }, () => {
      items = this.resolve();
      this.loaded.set('items', items);
    });
    // Each item's own load runs right after, within the same sync.
    this.ctx.queue({ op: 'loadItems' }, () => {
      const pending = new FakeContext(this.ctx.model);
      for (const item of items ?? []) (item as unknown as { ctx: FakeContext }).ctx = pending;
      for (const item of items ?? []) item.load(keys);
      for (const op of pending.ops) op.run();
      for (const item of items ?? []) (item as unknown as { ctx: FakeContext }).ctx = this.ctx;
    });
    return this;
  }
  get items(): RangeProxy[] {
    return this.read('items');
  }
}

class FormatProxy {
  constructor(
    private ctx: FakeContext,
    private target: () => { sheet: FakeSheet; rect: Rect },
    private path: string,
  ) {
    return new Proxy(this, {
      get: (obj, key: string) => {
        if (key in obj) return (obj as unknown as Record<string, unknown>)[key];
        if (key === 'autofitColumns') return () => undefined;
        return new FormatProxy(ctx, target, `${path}.${key}`);
      },
      set: (_obj, key: string, value) => {
        ctx.queue({ op: 'format', property: `${path}.${key}`, value }, () => {
          const t = target();
          if (t.sheet.protected) throw new FakeExcelError('AccessDenied');
          t.sheet.formats.push({ address: rectAddress(t.rect), property: `${path}.${key}`, value });
        });
        return true;
      },
    });
  }
}

class ConditionalFormatCollectionProxy {
  constructor(
    private ctx: FakeContext,
    private target: () => { sheet: FakeSheet; rect: Rect },
  ) {}
  add(type: string) {
    const ctx = this.ctx;
    const record: FakeConditionalFormat = { address: '', type };
    ctx.queue({ op: 'addConditionalFormat', type }, () => {
      const t = this.target();
      if (t.sheet.protected) throw new FakeExcelError('AccessDenied');
      record.address = rectAddress(t.rect);
      t.sheet.conditionalFormats.push(record);
    });
    const set = (key: keyof FakeConditionalFormat) => (value: string) => ctx.queue({ op: 'cf', key, value }, () => ((record as unknown as Record<string, string>)[key] = value));
    const setFormula = set('formula');
    const setFill = set('fill');
    const setFont = set('font');
    return {
      custom: {
        rule: { set formula(v: string) { setFormula(v); } },
        format: { fill: { set color(v: string) { setFill(v); } }, font: { set color(v: string) { setFont(v); } } },
      },
    };
  }
  clearAll(): void {
    this.ctx.queue({ op: 'clearConditionalFormats' }, () => {
      const t = this.target();
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersect(parseRect(cf.address), t.rect));
    });
  }
}

class ChartCollectionProxy extends Loadable {
  constructor(
    private ctx: FakeContext,
    private sheet: () => FakeSheet,
  ) {
    super();
  }
  load(_props?: string): this {
    this.ctx.queue({ op: 'load', what: 'charts' }, () =>
      this.loaded.set('items', this.sheet().charts.filter((c) => !c.deleted).map((c) => ({ name: c.name }))),
    );
    return this;
  }
  get items(): Array<{ name: string }> {
    return this.read('items');
  }
  getItem(name: string) {
    return {
      delete: () =>
        this.ctx.queue({ op: 'deleteChart', name }, () => {
          const s = this.sheet();
          const chart = s.charts.find((c) => c.name === name);
          if (!chart) throw new FakeExcelError('ItemNotFound', name);
          s.charts = s.charts.filter((c) => c !== chart);
        }),
    };
  }
  add(type: string, source: RangeProxy, seriesBy: string) {
    const ctx = this.ctx;
    const chart: FakeChart = { name: '', type, source: '', seriesBy, series: [] };
    ctx.queue({ op: 'addChart', type, seriesBy }, () => {
      const t = source.target();
      if (t.sheet.protected) throw new FakeExcelError('AccessDenied');
      chart.source = rectAddress(t.rect);
      chart.series.push({ values: chart.source });
      this.sheet().charts.push(chart);
    });
    const q = (payload: Record<string, unknown>, run: () => void) => ctx.queue(payload, run);
    const seriesProxy = (get: () => FakeChart['series'][number]) => ({
      set name(v: string) { q({ op: 'seriesName', v }, () => (get().name = v)); },
      set chartType(v: string) { q({ op: 'seriesType', v }, () => (get().chartType = v)); },
      setValues: (r: RangeProxy) => q({ op: 'seriesValues' }, () => (get().values = rectAddress(r.target().rect))),
      setXAxisValues: (r: RangeProxy) => q({ op: 'seriesX' }, () => (get().xValues = rectAddress(r.target().rect))),
    });
    return {
      set name(v: string) { q({ op: 'chartName', v }, () => (chart.name = v)); },
      title: { set text(v: string) { q({ op: 'chartTitle', v }, () => (chart.title = v)); } },
      legend: { set position(v: string) { q({ op: 'legend', v }, () => (chart.legend = v)); } },
      setPosition: (a: string, b: string) => q({ op: 'chartPosition', a, b }, () => (chart.position = [a, b])),
      series: {
        getItemAt: (i: number) => seriesProxy(() => chart.series[i]),
        add: (name: string) => {
          let s: FakeChart['series'][number] | undefined;
          q({ op: 'addSeries', name }, () => chart.series.push((s = { name })));
          return seriesProxy(() => s!);
        },
      },
    };
  }
}

/**
 * `=S!$A$1,'My sheet'!$B$2:$C$3` → the sheet (one only) and its areas. Areas are joined by the
 * host's list separator only: a `,`-joined multi-area formula is refused where it is `;` (issue 2891).
 */
function parseReference(model: FakeWorkbook, formula: string): { sheet: FakeSheet; areas: Rect[] } {
  const body = formula.replace(/^=/, '');
  const parts = body.match(/(?:'(?:[^']|'')+'|[^',;!]+)![$A-Za-z0-9:]+/g);
  if (!parts || parts.join(model.listSeparator) !== body) throw new FakeExcelError('InvalidArgument', `bad reference ${formula}`);
  const sheetOf = (p: string) => {
    const raw = p.slice(0, p.lastIndexOf('!'));
    return raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  };
  const sheet = model.sheet(sheetOf(parts[0]));
  if (!sheet || parts.some((p) => model.sheet(sheetOf(p)) !== sheet)) throw new FakeExcelError('InvalidReference', formula);
  return { sheet, areas: parts.map((p) => parseRect(p)) };
}

// ---------------------------------------------------------------------------------------------
// French display (issue 891): local formulas

const FRENCH_BUILTINS: Record<string, string> = {
  SUM: 'SOMME', IF: 'SI', AND: 'ET', OR: 'OU', COUNTIF: 'NB.SI', COUNT: 'NB', AVERAGE: 'MOYENNE',
  SUMIFS: 'SOMME.SI.ENS', IFERROR: 'SIERREUR', ROUND: 'ARRONDI', MIN: 'MIN', MAX: 'MAX',
};
const ENGLISH_BUILTINS = Object.fromEntries(Object.entries(FRENCH_BUILTINS).map(([en, fr]) => [fr, en]));

function mapCode(formula: string, f: (code: string) => string): string {
  return formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/).map((part, i) => (i % 2 === 1 ? part : f(part))).join('');
}

function isFrench(model: FakeWorkbook): boolean {
  return /^fr/i.test(model.displayLanguage);
}

/** True when the invariant or local formula calls a custom function by an English name French Excel does not know. */
function hasUnboundCall(model: FakeWorkbook, formula: string): boolean {
  if (!isFrench(model) || model.bindsEnglishNames) return false;
  let found = false;
  mapCode(formula, (code) => {
    for (const m of code.matchAll(/\bMKT\.([A-Za-z0-9_.]+)\(/g)) {
      const fr = model.localFunctionNames[m[1].toUpperCase()];
      if (fr && fr.toUpperCase() !== m[1].toUpperCase()) found = true;
    }
    return code;
  });
  return found;
}

/** The formula as the host shows it: French built-ins and, bound, French custom names; its list separator. */
function toLocal(model: FakeWorkbook, cell: FakeCell): string {
  const formula = cell.formula!;
  const french = isFrench(model);
  return mapCode(formula, (code) => {
    let out = code.replace(/([A-Za-z_][A-Za-z0-9_.]*)\(/g, (all, name: string) => {
      const up = name.toUpperCase();
      if (up.startsWith('MKT.')) {
        const fr = model.localFunctionNames[up.slice(4)];
        return french && fr && !cell.unbound ? `MKT.${fr}(` : all;
      }
      return french && FRENCH_BUILTINS[up] ? `${FRENCH_BUILTINS[up]}(` : all;
    });
    if (model.listSeparator === ';') out = out.replace(/,/g, '\u0001').replace(/(\d)\.(\d)/g, '$1,$2').replace(/\u0001/g, ';');
    return out;
  });
}

/** A local formula back to the invariant one. */
function fromLocal(model: FakeWorkbook, local: string): string {
  const french = isFrench(model);
  const englishOf = Object.fromEntries(Object.entries(model.localFunctionNames).map(([id, fr]) => [fr.toUpperCase(), id]));
  return mapCode(local, (code) => {
    let out = code;
    if (model.listSeparator === ';') out = out.replace(/;/g, '\u0001').replace(/(\d),(\d)/g, '$1.$2').replace(/\u0001/g, ',');
    return out.replace(/([A-Za-z_][A-Za-z0-9_.]*)\(/g, (all, name: string) => {
      const up = name.toUpperCase();
      if (up.startsWith('MKT.')) return french && englishOf[up.slice(4)] ? `MKT.${englishOf[up.slice(4)]}(` : all;
      return french && ENGLISH_BUILTINS[up] ? `${ENGLISH_BUILTINS[up]}(` : all;
    });
  });
}

class NameCollectionProxy extends Loadable {
  constructor(private ctx: FakeContext) {
    super();
  }
  load(_props?: string): this {
    this.ctx.queue({ op: 'load', what: 'names' }, () =>
      this.loaded.set(
        'items',
        this.ctx.model.names.map((n) => {
          const item = this.getItem(n.name);
          const formula = this.ctx.model.nameFormula(n);
          return {
            name: n.name,
            type: formula.includes('#REF!') ? 'Error' : 'Range',
            get formula() { return formula; },
            set formula(v: string) { item.formula = v; },
            delete: () => item.delete(),
          };
        }),
      ),
    );
    return this;
  }
  get items(): Array<{ name: string; formula: string }> {
    return this.read('items');
  }
  add(name: string, reference: RangeProxy | string, comment?: string) {
    this.ctx.queue({ op: 'addName', name, comment }, () => {
      const model = this.ctx.model;
      if (model.names.some((n) => n.name.toUpperCase() === name.toUpperCase())) throw new FakeExcelError('ItemAlreadyExists', name);
      if (typeof reference === 'string') {
        const { sheet, areas } = parseReference(model, reference);
        model.names.push({ name, sheet, rect: areas[0], areas: areas.length > 1 ? areas : undefined, comment });
        return;
      }
      const t = reference.target();
      model.names.push({ name, sheet: t.sheet, rect: t.rect, comment });
    });
    return this.getItem(name);
  }
  getItem(name: string) {
    const ctx = this.ctx;
    const find = () => {
      const n = ctx.model.names.find((x) => x.name.toUpperCase() === name.toUpperCase());
      if (!n) throw new FakeExcelError('ItemNotFound', name);
      return n;
    };
    return {
      /** NamedItem.formula (ExcelApi 1.7): re-points the name. */
      set formula(reference: string) {
        ctx.queue({ op: 'setNameFormula', name, reference }, () => {
          const n = find();
          const { sheet, areas } = parseReference(ctx.model, reference);
          n.sheet = sheet;
          n.rect = areas[0];
          n.areas = areas.length > 1 ? areas : undefined;
        });
      },
      set visible(visible: boolean) {
        ctx.queue({ op: 'setNameVisible', name, visible }, () => (find().visible = visible));
      },
      delete: () => ctx.queue({ op: 'deleteName', name }, () => {
        const n = find();
        ctx.model.names = ctx.model.names.filter((x) => x !== n);
      }),
      getRange: () => new RangeProxy(ctx, () => {
        const n = find();
        if (!ctx.model.sheets.includes(n.sheet)) throw new FakeExcelError('InvalidReference', name);
        return { sheet: n.sheet, rect: n.rect };
      }),
    };
  }
}

class TableCollectionProxy extends Loadable {
  constructor(private ctx: FakeContext) {
    super();
  }
  load(_props?: string): this {
    this.ctx.queue({ op: 'load', what: 'tables' }, () => this.loaded.set('items', this.ctx.model.tables.map((t) => ({ name: t.name }))));
    return this;
  }
  get items(): Array<{ name: string }> {
    return this.read('items');
  }
  getItem(name: string) {
    return {
      getRange: () =>
        new RangeProxy(this.ctx, () => {
          const t = this.ctx.model.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) throw new FakeExcelError('ItemNotFound', name);
          return { sheet: t.sheet, rect: t.rect };
        }),
    };
  }
}

/** Installs the fake as the global `Excel` for the duration of a test. */
export function installFake(workbook: FakeWorkbook): void {
  (globalThis as unknown as { Excel: unknown }).Excel = workbook.excel();
}
