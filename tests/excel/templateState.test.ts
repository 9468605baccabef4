/**
 * The add-in's state in workbook settings stays small whatever the plan's size (the plan itself is
 * kept once, in the workbook's plan part), and a workbook whose settings still hold the whole plan
 * (the earlier format) refreshes as before and is migrated.
 */
import { describe, expect, it } from "vitest";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { utf8Length } from "../../src/excel/requestBudget";
import { STATE_KEY } from "../../src/excel/templateState";
import { cellOf, measure, seedPlan, syntheticPlan, useHost } from "./helpers";

/** A template cell by column key (from the layout) and sheet row. */
const at = (key: Parameters<typeof cellOf>[1], row: number) => cellOf(seedPlan, key, row);

const SHEET = "规划指标";

async function stateText(): Promise<string> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItem(STATE_KEY).load("value");
    await context.sync();
    return String(setting.value);
  });
}

async function writeLegacyState(tableName: string, plan: Plan): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.settings.add(
      STATE_KEY,
      JSON.stringify({ version: 1, tableName, lang: "zh", plan, highlightRuleIds: [] }),
    );
    await context.sync();
  });
}

/** The seed plan with a new target for R&D intensity (row 7 of the template). */
function updatedSeed(): Plan {
  return planSchema.parse({
    ...seedPlan,
    indicators: seedPlan.indicators.map((i) =>
      i.id === "RD_INTENSITY"
        ? { ...i, target: { kind: "level", value: 1.6, comparator: ">=", obligation: "reach" } }
        : i,
    ),
  });
}

describe("template state: size", () => {
  const host = useHost();

  it("stays a few kB at 1,000 indicators (10 bytes a row), far below the plan, on insert and on refresh", async () => {
    await insertTemplate(seedPlan, "zh");
    const small = utf8Length(await stateText());
    host.standin.reset();
    const large = syntheticPlan(1000);
    await insertTemplate(large, "zh");
    const inserted = utf8Length(await stateText());
    await insertTemplate(large, "zh");
    const refreshed = utf8Length(await stateText());
    expect(inserted).toBeLessThan(20_000);
    expect(refreshed).toBe(inserted);
    // What grows with the plan is one 10-character hash per row; the plan alone is 30 times larger.
    expect((inserted - small) / (1000 - seedPlan.indicators.length)).toBeLessThanOrEqual(11);
    expect(utf8Length(JSON.stringify(large))).toBeGreaterThan(25 * inserted);
    expect(small).toBeLessThan(2_000);
  }, 120_000);
});

describe("template state: refresh", () => {
  const host = useHost();

  it("replaces the add-in's own cells of untouched rows when the plan changes, with a constant 3 syncs", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 7), "1.3");
    const { result, syncs } = await measure(host.standin, () => insertTemplate(updatedSeed(), "zh"));
    expect(syncs).toBe(3);
    expect(result.kept).toEqual([]);
    expect(wb.cell(SHEET, at("target", 7)).value).toBe(1.6);
    expect(wb.cell(SHEET, at("y2021", 7)).value).toBe(1.3);
  });

  it("in a row staff changed, keeps and reports every cell that is not blank and not the new plan's", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("gap", 7), "见说明"); // typed over a computed cell
    const result = await insertTemplate(updatedSeed(), "zh");
    expect(wb.cell(SHEET, at("gap", 7)).text).toBe("见说明");
    expect(wb.cell(SHEET, at("target", 7)).value).toBe(1.47);
    expect(result.kept.map((k) => k.address).sort()).toEqual([at("target", 7), at("gap", 7)].sort());
    // Once staff clear their cell, the row is the add-in's again.
    wb.setCellInput(SHEET, at("gap", 7), "");
    wb.setCellInput(SHEET, at("target", 7), "");
    const again = await insertTemplate(updatedSeed(), "zh");
    expect(again.kept).toEqual([]);
    expect(wb.cell(SHEET, at("target", 7)).value).toBe(1.6);
  });

  it("refreshes a workbook whose settings still hold the whole plan (earlier format), keeps typed values, migrates", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    await writeLegacyState(tableName, seedPlan);
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 7), "1.3");
    wb.setCellInput(SHEET, at("y2022", 12), "130");
    wb.setCellInput(SHEET, at("gap", 8), "见说明");
    const before = await readTemplate(tableName);
    expect(before.stored.kind === "ok" && before.stored.plan?.id).toBe(seedPlan.id);

    const { result, syncs } = await measure(host.standin, () => insertTemplate(updatedSeed(), "zh"));
    expect(syncs).toBe(3);
    expect(result.created).toBe(false);
    expect(result.kept.map((k) => k.address)).toEqual([at("gap", 8)]);
    expect(wb.cell(SHEET, at("target", 7)).value).toBe(1.6); // the add-in's cell, known from the stored plan
    expect(wb.cell(SHEET, at("y2021", 7)).value).toBe(1.3);
    expect(wb.cell(SHEET, at("y2022", 12)).value).toBe(130);
    expect(wb.cell(SHEET, at("gap", 8)).text).toBe("见说明");

    const migrated = JSON.parse(await stateText()) as { version: number; plan: object };
    expect(migrated.version).toBe(2);
    expect(migrated.plan).not.toHaveProperty("indicators");
    // …and the next refresh knows the add-in's cells from the row hashes.
    const again = await insertTemplate(seedPlan, "zh");
    expect(again.kept.map((k) => k.address)).toEqual([at("gap", 8)]);
    expect(wb.cell(SHEET, at("target", 7)).value).toBe(1.47);
  });
});
