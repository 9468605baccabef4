/**
 * npm run functions:generate — writes what is generated from the PLAN function specs
 * (src/functions/planFunctions.ts): the JSDoc wrappers in src/functions/functions.ts and the README's
 * function table (between its functions:begin/end markers). Run it after changing a spec; the test
 * tests/functions/generated.test.ts fails until you do.
 */
import fs from "node:fs";
import path from "node:path";
import { PLAN_FUNCTIONS } from "../src/functions/planFunctions";
import { renderFunctionsModule, renderReadmeTable, withReadmeTable } from "./functions/render";

const projectDir = path.resolve(__dirname, "..");
const functionsFile = path.join(projectDir, "src/functions/functions.ts");
const readmeFile = path.join(projectDir, "README.md");

function write(file: string, text: string): void {
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (before === text) {
    console.log(`unchanged ${path.relative(projectDir, file)}`);
    return;
  }
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(projectDir, file)}`);
}

async function main(): Promise<void> {
  write(functionsFile, await renderFunctionsModule(PLAN_FUNCTIONS, functionsFile));
  write(readmeFile, withReadmeTable(fs.readFileSync(readmeFile, "utf8"), renderReadmeTable(PLAN_FUNCTIONS)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
