/**
 * Functions as data, all the way: src/functions/functions.ts (the JSDoc wrappers custom-functions-metadata
 * turns into functions.json) and the README's function table are generated from the specs in
 * planFunctions.ts by `npm run functions:generate`. This fails when either is stale — a spec changed and the
 * generator was not run, or a generated file was edited by hand.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLAN_FUNCTIONS, type PlanFunctionSpec } from "../../src/functions/planFunctions";
import { renderFunctionsModule, renderReadmeTable, withReadmeTable } from "../../scripts/functions/render";

const projectDir = path.resolve(__dirname, "../..");
const functionsFile = path.join(projectDir, "src/functions/functions.ts");
const readmeFile = path.join(projectDir, "README.md");

describe("generated from the specs", () => {
  it("src/functions/functions.ts is what npm run functions:generate writes", async () => {
    const expected = await renderFunctionsModule(PLAN_FUNCTIONS, functionsFile);
    expect(fs.readFileSync(functionsFile, "utf8"), "run npm run functions:generate").toBe(expected);
  });

  it("the README's function table is what npm run functions:generate writes", () => {
    const readme = fs.readFileSync(readmeFile, "utf8");
    expect(readme, "run npm run functions:generate").toBe(withReadmeTable(readme, renderReadmeTable(PLAN_FUNCTIONS)));
    for (const spec of PLAN_FUNCTIONS) expect(readme).toContain(`\`PLAN.${spec.id}(`);
  });

  it("a changed spec makes both stale (so the checks above can fail)", async () => {
    const changed: PlanFunctionSpec[] = PLAN_FUNCTIONS.map((s) =>
      s.id === "GAP"
        ? {
            ...s,
            description: { ...s.description, en: s.description.en + " Changed." },
            parameters: s.parameters.map((p, i) => (i === 2 ? { ...p, default: { value: "down" } } : p)),
          }
        : s,
    );
    expect(await renderFunctionsModule(changed, functionsFile)).not.toBe(fs.readFileSync(functionsFile, "utf8"));
    const readme = fs.readFileSync(readmeFile, "utf8");
    expect(withReadmeTable(readme, renderReadmeTable(changed))).not.toBe(readme);
  });
});
