/**
 * `npm run examples`: writes the example workbooks and their portable twins to assets/examples/.
 * The outer layer only: the library is src/examples/.
 *
 * Exit codes: 0 written; 1 something failed (its message printed).
 */
import { writeExampleFiles } from '../examples/build-examples';

async function main(): Promise<number> {
  try {
    for await (const path of writeExampleFiles()) process.stdout.write(`wrote ${path}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`examples: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
