/** The src/excel functions the pane calls, as jest mocks (use with jest.mock's factory); the pure ones are the real ones. */
export const excelMock = () => ({
  listTables: jest.fn(),
  readSource: jest.fn(),
  writeDiagnostic: jest.fn(),
  writeInternalisation: jest.fn(),
  writeHiringCost: jest.fn(),
  writeArbitrage: jest.fn(),
  writeTransfer: jest.fn(),
  writePilot: jest.fn(),
  readCellForExplain: jest.fn(),
  readActiveCell: jest.fn(),
  explainSelectedCell: jest.fn(),
  repairMktFormulas: jest.fn(),
  removeMktWrites: jest.fn(),
  isUsableLayout: jest.fn(() => true),
  // The workbook's memory: nothing kept, no pane sheet yet (a test sets its own).
  loadMemory: jest.fn(() => undefined),
  saveMemory: jest.fn(async () => ({ status: 'ok', value: undefined })),
  readPaneSheets: jest.fn(async () => ({ status: 'ok', value: { kinds: [] } })),
  // « Insérer l'exemple »: not offered unless a test resolves it (test/taskpane/example-offer.test.tsx).
  exampleOffer: jest.fn(() => new Promise(() => undefined)),
  insertExample: jest.fn(),
  ...jest.requireActual('../../src/excel/sheets/arbitrage-preview'),
});
