import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanFile, serializePlanFile, type PlanFileResult } from "../../src/core/planFile";

const seedText = readFileSync(resolve(__dirname, "../../seeds/zhangye-sti-14th-fyp.plan.json"), "utf8");

/** The seed as a plain object to break in one place per test. */
function seedObject(): Record<string, any> {
  return JSON.parse(seedText);
}

function issuesOf(result: PlanFileResult) {
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.issues;
}

const minimal = {
  formatVersion: 1,
  id: "demo",
  title: { zh: "示例", en: "Demo" },
  source: { document: { zh: "示例", en: "Demo" }, issuer: { zh: "某局", en: "A bureau" }, date: "2021-12-30" },
  baseYear: 2020,
  targetYear: 2025,
  indicators: [
    {
      attribute: "binding",
      target: { comparator: "<=", value: 5.5, kind: "level" },
      baselineYear: 2020,
      baseline: 5,
      direction: "down",
      kind: "percent",
      unit: { en: "%", zh: "%" },
      name: { en: "Unemployment rate", zh: "城镇调查失业率" },
      category: { en: "Livelihood", zh: "民生福祉" },
      id: "UNEMPLOYMENT",
      actuals: { "2022": { value: 5.2 }, "2021": { vintage: "2021年统计公报", value: 5.1 } },
    },
  ],
};

describe("parsePlanFile / serializePlanFile: good files", () => {
  it("round-trips the seed byte for byte", () => {
    const first = parsePlanFile(seedText);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const text = serializePlanFile(first.plan);
    expect(text).toBe(seedText);
    expect(parsePlanFile(text)).toEqual(first);
  });

  it("writes keys in a stable reading order, years in order, 2-space indent, final newline", () => {
    const result = parsePlanFile(JSON.stringify(minimal));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const text = serializePlanFile(result.plan);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "formatVersion": 1,\n');
    const ind = text.slice(text.indexOf('"indicators"'));
    const order = [
      "id",
      "category",
      "name",
      "unit",
      "kind",
      "direction",
      "baseline",
      "baselineYear",
      "target",
      "attribute",
      "actuals",
    ];
    const positions = order.map((k) => ind.indexOf(`"${k}"`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(ind.indexOf('"2021"')).toBeLessThan(ind.indexOf('"2022"'));
    expect(ind.indexOf('"value": 5.1')).toBeLessThan(ind.indexOf('"vintage"'));
    expect(ind.indexOf('"kind": "level"')).toBeLessThan(ind.indexOf('"comparator"'));
    const again = parsePlanFile(text);
    expect(again).toEqual(result);
    if (again.ok) expect(serializePlanFile(again.plan)).toBe(text);
  });

  it("fills the default actuals when a hand-written file leaves them out", () => {
    const obj = structuredClone(minimal) as Record<string, any>;
    delete obj.indicators[0].actuals;
    const result = parsePlanFile(JSON.stringify(obj));
    expect(result.ok && result.plan.indicators[0]!.actuals).toEqual({});
  });

  it("accepts a file saved with a byte-order mark", () => {
    expect(parsePlanFile("\uFEFF" + seedText).ok).toBe(true);
  });
});

describe("parsePlanFile: bad files name the field and the row, in zh and en", () => {
  it("text where a number belongs", () => {
    const obj = seedObject();
    obj.indicators[3].target.value = "40";
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))).toEqual([
      {
        path: "indicators[3].target.value",
        row: 4,
        message: {
          en: "indicators[3] (id RD_PERSONNEL_PER_10K).target.value: expected a number",
          zh: "第4行指标（RD_PERSONNEL_PER_10K）的 target.value：应为数字",
        },
      },
    ]);
  });

  it("a missing required field, an unknown field and a wrong choice", () => {
    const obj = seedObject();
    delete obj.indicators[0].unit;
    obj.indicators[0].kind = "ratio";
    obj.indicators[1].atribute = "expected";
    const messages = issuesOf(parsePlanFile(JSON.stringify(obj))).map((i) => [
      i.path,
      i.row,
      i.message.en,
      i.message.zh,
    ]);
    expect(messages).toEqual([
      [
        "indicators[0].unit",
        1,
        "indicators[0] (id TECH_PROGRESS_RANK).unit: required field is missing",
        "第1行指标（TECH_PROGRESS_RANK）的 unit：缺少必填字段",
      ],
      [
        "indicators[0].kind",
        1,
        "indicators[0] (id TECH_PROGRESS_RANK).kind: must be one of: percent, count, amount, rank, index",
        "第1行指标（TECH_PROGRESS_RANK）的 kind：应为以下之一：percent, count, amount, rank, index",
      ],
      [
        "indicators[1]",
        2,
        "indicators[1] (id RD_INTENSITY): unknown field(s): atribute (check the spelling)",
        "第2行指标（RD_INTENSITY）：未知字段：atribute（请检查拼写）",
      ],
    ]);
  });

  it("a target of unknown kind, a bad year key, an empty name, a negative tolerance", () => {
    const obj = seedObject();
    obj.indicators[1].target = { kind: "range", value: 1.47 };
    obj.indicators[2].actuals = { "23": { value: 4 } };
    obj.indicators[4].name.zh = "";
    obj.indicators[5].target.tolerance = -1;
    const en = issuesOf(parsePlanFile(JSON.stringify(obj))).map((i) => i.message.en);
    expect(en).toEqual([
      "indicators[1] (id RD_INTENSITY).target.kind: must be one of: level, cumulative, annualGrowth, text",
      'indicators[2] (id ENTERPRISE_RD_SHARE).actuals.23: key "23" has the wrong format: expected a four-digit year such as 2023',
      "indicators[4] (id HIGH_VALUE_PATENTS_PER_10K).name.zh: must not be empty",
      "indicators[5] (id TECH_CONTRACT_TURNOVER).target.tolerance: must be >= 0",
    ]);
  });

  it("a row without a usable id still gets its row number", () => {
    const obj = seedObject();
    obj.indicators[6].id = "7 高新";
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))[0]).toEqual({
      path: "indicators[6].id",
      row: 7,
      message: {
        en: "indicators[6] (id 7 高新).id: wrong format: expected a code of letters, digits and _ . - starting with a letter",
        zh: "第7行指标（7 高新）的 id：格式不正确：编号只能由字母、数字和 _ . - 组成，并以字母开头",
      },
    });
    delete obj.indicators[6].id;
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))[0]!.message.zh).toBe("第7行指标的 id：缺少必填字段");
  });

  it("duplicate ids and plan-level fields", () => {
    const obj = seedObject();
    obj.indicators[2].id = "RD_INTENSITY";
    obj.source.date = "2021/12/30";
    const issues = issuesOf(parsePlanFile(JSON.stringify(obj)));
    expect(issues.map((i) => [i.path, i.row, i.message.zh])).toEqual([
      ["source.date", undefined, "source.date：格式不正确：日期格式应为 2021-12-30"],
      ["indicators[2].id", 3, "第3行指标（RD_INTENSITY）的 id：指标编号 RD_INTENSITY 重复"],
    ]);
  });

  it("a format version this build does not read", () => {
    const obj = seedObject();
    obj.formatVersion = 2;
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))).toEqual([
      {
        path: "formatVersion",
        message: {
          zh: "不支持的文件格式版本 formatVersion 2；本版本支持：1",
          en: "formatVersion 2 is not supported; supported versions: 1",
        },
      },
    ]);
    delete obj.formatVersion;
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))[0]!.message.en).toBe(
      "formatVersion is missing; supported versions: 1",
    );
  });

  it("something other than a JSON object", () => {
    expect(issuesOf(parsePlanFile("[1, 2]"))[0]!.message.en).toBe("The file must contain one JSON object (a plan)");
  });

  it("invalid JSON, located by line and column", () => {
    const [issue] = issuesOf(parsePlanFile('{\n  "formatVersion": 1,\n}'));
    expect(issue!.path).toBe("");
    expect(issue!.message.en).toMatch(/^The file is not valid JSON: syntax error near line 3, column 1 \(/);
    expect(issue!.message.zh).toMatch(/^文件不是有效的 JSON：第 3 行第 1 列附近有语法错误/);
    const truncated = issuesOf(parsePlanFile(seedText.slice(0, 200)))[0]!;
    expect(truncated.message.en).toMatch(/^The file is not valid JSON/);
    expect(issuesOf(parsePlanFile(""))[0]!.message.en).toMatch(/^The file is not valid JSON/);
  });
});
