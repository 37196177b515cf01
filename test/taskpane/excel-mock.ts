/** The src/excel functions the pane calls, as jest mocks (use with jest.mock's factory). */
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
  isUsableLayout: jest.fn(() => true),
});
