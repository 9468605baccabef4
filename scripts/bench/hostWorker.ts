/**
 * Child-process entry of the host benchmark: one plan size per process (run.ts kills it when a size
 * takes too long in the stand-in), the result printed as JSON on stdout.
 *   tsx scripts/bench/hostWorker.ts 1000
 */
import { benchHost } from "./host";

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
  console.error("usage: hostWorker.ts <indicators>");
  process.exit(2);
}
benchHost(count).then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
