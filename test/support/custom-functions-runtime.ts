// The stub lives beside the engine bridge, which needs it outside jest too (check-workbook).
export * from '../../src/engine/custom-functions-runtime';
