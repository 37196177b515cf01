// Reads situations as JSON on argv[2], prints the model's yearly costs as JSON (for the jest test
// that re-derives a sample of the golden file live: jest cannot load this ES module directly).
import { createOracle } from './oracle.mjs';

const situations = JSON.parse(process.argv[2]);
const oracle = createOracle();
process.stdout.write(JSON.stringify(situations.map((s) => oracle.yearlyCost(s).total)));
