import { writeBigSheet, runCheck } from './bench/check-workbook';
(async () => { const n = Number(process.argv[2]); const f = `/tmp/s13/big-${n}.xlsx`; let t = Date.now(); writeBigSheet(f, n); console.log('written', Date.now() - t);
 for (const v of ['table'] as const) console.log(await runCheck(f, v)); })();
