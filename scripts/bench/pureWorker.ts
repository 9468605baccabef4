/**
 * Child-process entry of the pure benchmarks (PLAN functions, validation): run.ts bundles it with
 * esbuild, as webpack bundles functions.js (one scope, no module-loader indirection between the core
 * and its callers), runs it in a fresh node and reads the JSON it prints.
 */
import { benchFunctions } from "./functions";
import { benchValidation } from "./validation";

async function main(): Promise<void> {
  const functions = await benchFunctions();
  const validation = benchValidation();
  process.stdout.write(JSON.stringify({ functions, validation }));
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
