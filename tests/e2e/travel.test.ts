// End-to-end, issue 6: import a plan file with mixed target forms in the pane (pasted), insert it,
// type figures into the grid, export the workbook's plan as a file and compare it with what went in.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { plan as planSchema, type PlanInput } from "../../src/core/planSchema";
import { typeInto } from "./grid";
import { saveScreenshot, usePreview } from "./harness";
import { openPanel } from "./panels";
import { at, readTemplate } from "./template";

const PLAN: PlanInput = {
  formatVersion: 2,
  id: "county-mixed-forms",
  title: { zh: "某县科技创新主要指标", en: "County S&T main indicators" },
  source: {
    document: { zh: "某县“十四五”科技创新规划", en: "County 14th FYP for S&T" },
    issuer: { zh: "某县人民政府", en: "County government" },
    date: "2021-12-30",
  },
  baseYear: 2020,
  targetYear: 2025,
  indicators: [
    {
      id: "RD",
      number: "1",
      category: { zh: "投入", en: "Input" },
      name: { zh: "研发投入强度", en: "R&D intensity" },
      unit: { zh: "%", en: "%" },
      kind: "percent",
      direction: "up",
      baseline: 1.2,
      baselineYear: 2020,
      target: { kind: "level", value: 1.5, comparator: ">=", obligation: "reach", approximate: true, band: 0.05 },
      attribute: "expected",
    },
    {
      id: "ENERGY",
      number: "2",
      category: { zh: "绿色", en: "Green" },
      name: { zh: "单位GDP能耗降低", en: "Energy use per unit of GDP cut" },
      unit: { zh: "%", en: "%" },
      kind: "percent",
      direction: "up",
      figures: "change",
      baseline: null,
      baselineYear: 2020,
      target: { kind: "cumulative", value: 13.5, mode: "reduction" },
      attribute: "binding",
    },
    {
      id: "SPEND",
      number: "3",
      category: { zh: "投入", en: "Input" },
      name: { zh: "财政科技支出", en: "Public S&T spending" },
      unit: { zh: "亿元", en: "100 million yuan" },
      kind: "amount",
      direction: "up",
      baseline: 2,
      baselineYear: 2019,
      target: { kind: "annualGrowth", value: 7, comparator: ">=" },
      attribute: "expected",
    },
    {
      id: "FIRMS",
      number: "4",
      category: { zh: "企业", en: "Firms" },
      name: { zh: "高新技术企业数", en: "High-tech firms" },
      unit: { zh: "家", en: "firms" },
      kind: "count",
      direction: "up",
      baseline: 10,
      baselineYear: 2020,
      target: { kind: "level", value: 20, comparator: ">=", obligation: "reach" },
      attribute: "expected",
    },
    {
      id: "CLIMATE",
      number: "5",
      category: { zh: "环境", en: "Climate" },
      name: { zh: "创新创业环境", en: "Climate for innovation" },
      unit: { zh: "—", en: "—" },
      kind: "index",
      direction: "up",
      baseline: null,
      baselineYear: 2020,
      target: { kind: "text", text: { zh: "明显改善", en: "markedly better" } },
      attribute: "expected",
    },
  ],
};

/** What staff type: indicator (English name) → year → figure. */
const FIGURES: Record<string, Record<string, number>> = {
  "R&D intensity": { "2021": 1.3, "2022": 1.38 },
  "Energy use per unit of GDP cut": { "2021": 2.7, "2022": 3.1 },
  "Public S&T spending": { "2021": 2.3 },
  "High-tech firms": { "2021": 12, "2022": 15, "2023": 16 },
};

const session = usePreview();

describe("travel: import a plan file, insert, enter figures, export, compare", () => {
  it("gives back the imported plan with the figures typed into the grid", async () => {
    const { page, errors } = await session.open("en-US");

    await openPanel(page, "Sharing and other plans");
    await page.getByRole("textbox", { name: "Or paste the plan file's text" }).fill(JSON.stringify(PLAN, null, 2));
    await page.getByRole("button", { name: "Read pasted text" }).click();
    await page.getByText("Using “County S&T main indicators” (5 indicators)", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByRole("tab", { name: "Plan indicators", selected: true }).waitFor();
    // The workbook is tagged to open the pane for colleagues; the switch says so.
    const autoOpen = page.getByRole("switch", { name: "Open the pane with this workbook" });
    await expect.poll(() => autoOpen.isChecked()).toBe(true);
    const map = await readTemplate(page);
    expect([...map.rows.keys()]).toEqual(expect.arrayContaining(Object.keys(FIGURES)));
    for (const [name, years] of Object.entries(FIGURES)) {
      for (const [year, value] of Object.entries(years)) {
        await typeInto(page, at(map, name, year), String(value));
      }
    }

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export plan file" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("county-mixed-forms.plan.json");
    const exported = planSchema.parse(JSON.parse(fs.readFileSync((await file.path())!, "utf8")));
    // Every figure carries the day it was entered (the figure records travel with the plan).
    for (const ind of exported.indicators)
      for (const a of Object.values(ind.actuals)) {
        expect(a.enteredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        delete a.enteredOn;
      }

    const expected = planSchema.parse({
      ...PLAN,
      indicators: PLAN.indicators.map((ind) => ({
        ...ind,
        actuals: Object.fromEntries(
          Object.entries(FIGURES[ind.name.en] ?? {}).map(([year, value]) => [year, { value }]),
        ),
      })),
    });
    expect(exported).toEqual(expected);
    await saveScreenshot(page, "travel-export");
    expect(errors).toEqual([]);
  }, 240_000);
});
