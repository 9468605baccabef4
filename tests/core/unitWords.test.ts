/**
 * Units in English (issue #13 item 8): money as "CNY 100 million", never "100 million yuan"; the seed plan and a
 * plan imported from a published table say the same; a unit without a usual English form stays as printed.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanTable, planFromDrafts } from "../../src/core/planTableImport";
import { seedPlan } from "../../src/core/seedPlan";
import { englishUnit } from "../../src/core/unitWords";

const root = path.join(__dirname, "../..");

describe("englishUnit", () => {
  it("writes money with its currency code first", () => {
    expect(englishUnit("亿元")).toBe("CNY 100 million");
    expect(englishUnit("万元")).toBe("CNY 10,000");
    expect(englishUnit("元")).toBe("CNY");
    expect(englishUnit("亿美元")).toBe("USD 100 million");
    expect(englishUnit(" 亿 元 ")).toBe("CNY 100 million");
    expect(englishUnit("万元/人")).toBe("CNY 10,000 per person");
  });

  it("knows common measures and leaves the rest as printed", () => {
    expect(englishUnit("%")).toBe("%");
    expect(englishUnit("万人")).toBe("10,000 persons");
    expect(englishUnit("个百分点")).toBe("percentage points");
    for (const unit of ["家", "件", "亿吨标准煤", "万元/亩产"]) expect(englishUnit(unit)).toBe(unit);
  });
});

describe("English units in plans", () => {
  it("the seed plan's English units agree with englishUnit wherever it knows the unit", () => {
    for (const ind of seedPlan.indicators) {
      const known = englishUnit(ind.unit.zh);
      if (known !== ind.unit.zh) expect(ind.unit.en, `${ind.id} ${ind.unit.zh}`).toBe(known);
    }
    const turnover = seedPlan.indicators.find((i) => i.unit.zh === "亿元");
    expect(turnover?.unit.en).toBe("CNY 100 million");
  });

  it("no plan file in seeds/ writes yuan after a number", () => {
    const files = fs.readdirSync(path.join(root, "seeds")).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(path.join(root, "seeds", file), "utf8");
      expect(text, file).not.toMatch(/(?:million|thousand|billion|10,000) yuan/i);
    }
  });

  it("a plan imported from a published table carries CNY 100 million for 亿元", () => {
    const rows = [
      ["类别", "指标", "2020年", "2025年", "属性"],
      ["经济发展", "1.技术合同成交额（亿元）", "30", "40", "预期性"],
      ["经济发展", "2.研发投入强度（%）", "1.2", "1.5", "预期性"],
    ];
    const read = parsePlanTable(rows);
    if (!read.ok) throw new Error(read.message.en);
    const made = planFromDrafts(read.drafts, {
      id: "t",
      title: "测试",
      issuer: "—",
      date: "2021-01-01",
      baseYear: 2020,
      targetYear: 2025,
    });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    expect(made.plan.indicators.map((i) => i.unit)).toEqual([
      { zh: "亿元", en: "CNY 100 million" },
      { zh: "%", en: "%" },
    ]);
  });
});
