/**
 * The pane's flow through the Excel stand-in with hostile content: a plan whose names hold markup,
 * sheet-name characters and formula-looking text is inserted as text; hostile values typed into the
 * template are read, evaluated and validated without a crash, a NaN or a silent write; applying the
 * offered fixes changes only the cells they name.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStandin, installStandin, type SerializedWorkbook, type Standin } from "../../dev/standin";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { validatePlanData } from "../../src/core/validation";
import { applyFixes } from "../../src/excel/applyFixes";
import { columnIndex, columnLetters } from "../../src/excel/a1";
import { applyHighlights, removeHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { selectRange } from "../../src/excel/selectCell";
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { buildFindings, fixesOf } from "../../src/taskpane/app/validationView";
import {
  FORMULA_INJECTION,
  HOSTILE_INPUTS,
  HTML_PAYLOAD,
  SHEET_NAME_CHARACTERS,
  hasChinese,
  isReadableMessage,
  nonFinitePaths,
} from "./hostileInputs";

let standin: Standin;
let uninstall: () => void;
beforeEach(() => {
  standin = createStandin({ displayLanguage: "zh-CN" });
  uninstall = installStandin(standin);
});
afterEach(() => uninstall());

/** The seed plan with markup, sheet-name characters and formula text in every name it writes. */
function hostilePlan(): Plan {
  return planSchema.parse({
    ...seedPlan,
    title: { zh: `${HTML_PAYLOAD}规划${SHEET_NAME_CHARACTERS}`, en: `${HTML_PAYLOAD}${SHEET_NAME_CHARACTERS}` },
    indicators: seedPlan.indicators.map((ind, i) => ({
      ...ind,
      name:
        i === 0
          ? { zh: FORMULA_INJECTION, en: FORMULA_INJECTION }
          : { zh: `${HTML_PAYLOAD}${ind.name.zh}`, en: `${SHEET_NAME_CHARACTERS}${ind.name.en}` },
      category: { zh: `${SHEET_NAME_CHARACTERS}${ind.category.zh}`, en: ind.category.en },
    })),
  });
}

/** Cells of every sheet as [sheet, row, col, input], for "nothing else changed" comparisons. */
function cellsOf(state: SerializedWorkbook): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const sheet of state.sheets)
    for (const [r, c, input] of sheet.cells) out.set(`${sheet.name}!${r},${c}`, JSON.stringify(input));
  return out;
}

function shownTexts(sheet: string): string[] {
  const { rows, cols } = standin.workbook.extent(sheet);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(standin.workbook.cellAt(sheet, r, c).text);
  return out;
}

describe("insert: names are written as text, never as markup or formulas", () => {
  it("keeps markup, sheet-name characters and formula text literal in the cells", async () => {
    const plan = hostilePlan();
    const result = await insertTemplate(plan, "zh");
    const wb = standin.workbook;
    // The sheet is named by the add-in, not after the plan: always a legal sheet name.
    expect(result.sheetName).toBe("规划指标");
    expect(/[[\]:*?/\\]/.test(result.sheetName)).toBe(false);
    expect(wb.cell(result.sheetName, "A1").text).toBe(plan.title.zh);
    const texts = shownTexts(result.sheetName);
    expect(texts).toContain(FORMULA_INJECTION); // shown as typed text, not evaluated
    expect(texts.some((t) => t.startsWith(HTML_PAYLOAD))).toBe(true);
    expect(texts).toContain(`${SHEET_NAME_CHARACTERS}${seedPlan.indicators[0]!.category.zh}`);
    // The formula-looking name is a string in the cell, not a formula (no HYPERLINK was created).
    const row = 6 + 0;
    const nameCell = wb.cell(result.sheetName, `C${row}`);
    expect(nameCell.text).toBe(FORMULA_INJECTION);
    expect(nameCell.valueType).toBe("String");
    expect(nonFinitePaths(texts)).toEqual([]);
  });

  it("re-inserting, highlighting and going to a cell work on such a plan", async () => {
    const plan = hostilePlan();
    const { tableName, sheetName } = await insertTemplate(plan, "en");
    const again = await insertTemplate(plan, "en");
    expect(again.kept).toEqual([]);
    const ids = await applyHighlights(await readTemplate(tableName));
    expect(ids.length).toBeGreaterThan(0);
    expect(await removeHighlights(await readTemplate(tableName))).toBe(ids.length);
    await selectRange(sheetName, "C6");
    expect(standin.workbook.selection()?.address).toBe("C6");
  });
});

describe("refresh of text that itself starts with an apostrophe (Excel's text-prefix character)", () => {
  // Text is written with a "'" prefix and may read back through Range.formulas without it. A value whose
  // own text starts with "'" ("'%", "'Made in China 2025'") must still be recognised as the add-in's, or a
  // refresh would report the add-in's own cell as changed by staff and stop updating it (a bug, now fixed).
  it("re-inserting the same plan keeps no cell when a unit is '%", async () => {
    const plan = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((ind, i) => (i === 1 ? { ...ind, unit: { zh: "'%", en: "'%" } } : ind)),
    });
    const { sheetName } = await insertTemplate(plan, "en");
    expect(standin.workbook.cell(sheetName, "D7").text).toBe("'%");
    const again = await insertTemplate(plan, "en");
    expect(again.kept).toEqual([]);
  });
});

describe("hostile values typed into the template", () => {
  it("are read, evaluated and validated without a crash or a NaN; each refused one is explained at its cell", async () => {
    const { tableName, sheetName } = await insertTemplate(hostilePlan(), "zh");
    const wb = standin.workbook;
    const snapshot0 = await readTemplate(tableName);
    const yearColumns = snapshot0.headers.map((h, i) => (/^20\d\d/.test(String(h)) ? i : -1)).filter((i) => i >= 0);
    // Sheet letters past Z (AA, AB …) as Excel names them: the one helper the host layer uses.
    const letter = (i: number) => columnLetters(snapshot0.body.firstColumn + i);
    const typed = HOSTILE_INPUTS.filter((h) => h.typed !== null);
    const rows = seedPlan.indicators.length;
    const cells: Array<{ address: string; text: string }> = typed.map((h, k) => ({
      address: `${letter(yearColumns[k % yearColumns.length]!)}${snapshot0.body.firstRow + (Math.floor(k / yearColumns.length) % rows)}`,
      text: h.typed!,
    }));
    expect(new Set(cells.map((c) => c.address)).size).toBe(cells.length); // one cell each
    for (const c of cells) wb.setCellInput(sheetName, c.address, c.text);
    await standin.whenIdle();

    // Reading and evaluating writes nothing.
    const before = standin.serialize();
    const snapshot = await readTemplate(tableName);
    const { sheet, summary } = evaluateSnapshot(snapshot);
    const findingsZh = buildFindings(sheet, "zh");
    const findingsEn = buildFindings(sheet, "en");
    expect(standin.serialize()).toEqual(before);

    expect(nonFinitePaths(summary)).toEqual([]);
    expect(nonFinitePaths(sheet.plan)).toEqual([]);
    for (const f of findingsZh) expect(isReadableMessage(f.message), f.message.slice(0, 200)).toBe(true);
    for (const f of findingsEn) expect(isReadableMessage(f.message), f.message.slice(0, 200)).toBe(true);
    expect(findingsZh.every((f) => hasChinese(f.message))).toBe(true);

    // Each typed value the sheet holds as unreadable text has an error finding at its own cell.
    const core = validatePlanData(sheet.plan, sheet.entries);
    for (const entry of sheet.entries) {
      const h = typed[cells.findIndex((c) => c.address === entry.address)];
      const refused = core.some(
        (f) => f.severity === "error" && f.indicatorId === entry.indicatorId && f.year === entry.year,
      );
      const listed = findingsZh.some((f) => f.address === entry.address);
      if (refused) expect(listed, `${h?.label} at ${entry.address}`).toBe(true);
    }
    const errorsAt = new Set(findingsZh.filter((f) => f.severity === "error").map((f) => f.address));
    for (const label of ["HTML payload", "sheet-name characters", "trailing 万 multiplier", "hexadecimal"]) {
      const k = typed.findIndex((h) => h.label === label);
      expect(errorsAt.has(cells[k]!.address), label).toBe(true);
    }

    // No cell of the sheet shows NaN or Infinity (PLAN formulas included).
    expect(shownTexts(sheetName).filter((t) => /\bNaN\b|Infinity/.test(t))).toEqual([]);

    // Applying the offered fixes writes exactly the cells they name, nothing else.
    const fixes = fixesOf(findingsZh);
    expect(fixes.length).toBeGreaterThan(0);
    const beforeFix = cellsOf(standin.serialize());
    const outcome = await applyFixes(tableName, fixes);
    expect(outcome.applied.sort()).toEqual(fixes.map((f) => f.address).sort());
    const afterFix = cellsOf(standin.serialize());
    const changed = [...new Set([...beforeFix.keys(), ...afterFix.keys()])].filter(
      (k) => beforeFix.get(k) !== afterFix.get(k),
    );
    const fixedCells = new Set(
      fixes.map((f) => {
        const m = /^([A-Z]+)(\d+)$/.exec(f.address)!;
        return `${sheetName}!${Number(m[2]) - 1},${columnIndex(m[1]!)}`;
      }),
    );
    expect(changed.filter((k) => !fixedCells.has(k))).toEqual([]);
    for (const f of fixes) expect(Number.isFinite(wb.cell(sheetName, f.address).value as number)).toBe(true);
  });
});
