// End-to-end, issue #13 item 5: insert the template in the preview, read back every formula the add-in wrote
// on the template's sheet (through the Excel API in the page, as the pane reads), and resolve each function
// it calls against the functions.json a build of the add-in emits (custom-functions-metadata-plugin, the
// file Excel reads): every PLAN function a computed cell calls is declared there and not volatile, and no cell
// calls one of Excel's volatile functions (NOW, OFFSET …) — so Excel recalculates a computed cell only when its
// own row (or the evaluation year) changes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDir, usePreview } from "./harness";

interface FunctionMetadata {
  id: string;
  name: string;
  options?: { volatile?: boolean; stream?: boolean };
}

let metadata: FunctionMetadata[];
const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-recalc-build-"));

/** The add-in's webpack build (development mode: the same metadata plugin, no minifying) into `outDir`. */
function buildAddIn(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectDir, "node_modules/webpack-cli/bin/cli.js"), "--mode", "development"],
      { cwd: projectDir, env: { ...process.env, PLAN_TRACKER_OUT_DIR: outDir } },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`The build failed (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
}

beforeAll(async () => {
  await buildAddIn(buildDir);
  metadata = JSON.parse(fs.readFileSync(path.join(buildDir, "functions.json"), "utf8")).functions;
}, 600_000);

afterAll(() => {
  fs.rmSync(buildDir, { recursive: true, force: true });
});

// Registered after the add-in build's hook, so the preview starts once that build is done, as before.
const session = usePreview();

/** Excel's volatile worksheet functions (recalculated on every edit anywhere). */
const EXCEL_VOLATILE = new Set([
  "NOW",
  "TODAY",
  "RAND",
  "RANDBETWEEN",
  "RANDARRAY",
  "OFFSET",
  "INDIRECT",
  "CELL",
  "INFO",
]);

/** The functions a formula calls, upper case ("PLAN.EVALUATE", "IF" …); text in quotes is not a call. */
function functionsCalled(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1]!.toUpperCase());
}

/** Why a formula may make its cell recalculate on every edit, or "" when it does not. */
function volatileReason(formula: string, functions: readonly FunctionMetadata[]): string {
  for (const name of functionsCalled(formula)) {
    if (EXCEL_VOLATILE.has(name)) return `${name} is volatile`;
    if (!name.startsWith("PLAN.")) continue; // IF, IFERROR …: Excel's own, recalculated with their arguments
    const fn = functions.find((f) => f.name.toUpperCase() === name.slice(5));
    if (!fn) return `${name} is not in functions.json`;
    if (fn.options?.volatile === true) return `${name} is volatile in functions.json`;
  }
  return "";
}

describe("recalculation: the inserted template calls no volatile function", () => {
  it("the check itself: a volatile PLAN function, an unknown one and Excel's volatile NOW() are each refused", () => {
    const volatile = metadata.map((f) => (f.id === "EVALUATE" ? { ...f, options: { volatile: true } } : f));
    expect(volatileReason('=PLAN.EVALUATE($A$5:$AK$5,$A6:$AK6,"status",$C$3)', volatile)).toBe(
      "PLAN.EVALUATE is volatile in functions.json",
    );
    expect(volatileReason("=PLAN.NOPE(A1)", metadata)).toBe("PLAN.NOPE is not in functions.json");
    expect(volatileReason("=PLAN.ELAPSED(2020,2025,YEAR(NOW()))", metadata)).toBe("NOW is volatile");
    expect(volatileReason('=IF(B3<>"",B3,IFERROR(PLAN.DATAYEAR($A$5:$AF$5),""))', metadata)).toBe("");
    expect(volatileReason("=NOW()", metadata)).toBe("NOW is volatile");
    expect(volatileReason('=PLAN.GAP(C7,"NOW()")', metadata)).toBe(""); // text is not a call
  });

  it("every formula on the template's sheet calls only PLAN functions functions.json declares non-volatile, and no volatile Excel function", async () => {
    expect(metadata.map((f) => f.id).sort()).toEqual(
      ["DATAYEAR", "ELAPSED", "EVALUATE", "EXPECTED", "GAP", "GROWTH", "PROGRESS", "STATUS", "STEP"].sort(),
    );
    const { page, errors } = await session.open("zh-CN");
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("tab", { name: "规划指标", selected: true }).waitFor();

    const sheet = await page.evaluate(async () =>
      Excel.run(async (context) => {
        const used = context.workbook.worksheets.getItem("规划指标").getUsedRange().load("address, formulas, values");
        await context.sync();
        return { address: used.address, formulas: used.formulas as unknown[][], values: used.values as unknown[][] };
      }),
    );
    const formulas: Array<{ at: string; formula: string }> = [];
    sheet.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        // A text cell that looks like a formula reads back without its prefix (office-js #6687): its value is the text.
        if (typeof f === "string" && f.startsWith("=") && sheet.values[r]![c] !== f)
          formulas.push({ at: `${r + 1}:${c + 1}`, formula: f });
      }),
    );
    // Eight computed columns for each of the seed's indicators, and C3's evaluation year.
    expect(formulas.length, sheet.address).toBeGreaterThanOrEqual(8 * 11 + 1);
    const refused = formulas
      .map((f) => ({ ...f, why: volatileReason(f.formula, metadata) }))
      .filter((f) => f.why !== "");
    expect(refused).toEqual([]);
    const used = new Set(formulas.flatMap((f) => functionsCalled(f.formula)).filter((n) => n.startsWith("PLAN.")));
    expect([...used].sort()).toEqual(["PLAN.DATAYEAR", "PLAN.EVALUATE"]);
    // C3 streams (it pushes a new year only when the year changes); the computed cells follow their arguments.
    expect(metadata.find((f) => f.id === "DATAYEAR")?.options?.stream).toBe(true);
    expect(metadata.find((f) => f.id === "EVALUATE")?.options?.stream).toBeUndefined();
    expect(errors).toEqual([]);
  }, 240_000);
});
