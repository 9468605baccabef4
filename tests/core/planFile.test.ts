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
  formatVersion: 2,
  id: "demo",
  title: { zh: "示例", en: "Demo" },
  source: { document: { zh: "示例", en: "Demo" }, issuer: { zh: "某局", en: "A bureau" }, date: "2021-12-30" },
  baseYear: 2020,
  targetYear: 2025,
  indicators: [
    {
      attribute: "binding",
      target: { obligation: "keep", comparator: "<=", value: 5.5, kind: "level" },
      baselineYear: 2020,
      baseline: 5,
      direction: "down",
      kind: "percent",
      unit: { en: "%", zh: "%" },
      name: { en: "Unemployment rate", zh: "城镇调查失业率" },
      category: { en: "Livelihood", zh: "民生福祉" },
      id: "UNEMPLOYMENT",
      actuals: {
        "2022": { value: 5.2 },
        "2021": { source: "2021年统计公报", release: "annual", value: 5.1 },
      },
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
    expect(text).toContain('\n  "formatVersion": 2,\n');
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
    expect(ind.indexOf('"value": 5.1')).toBeLessThan(ind.indexOf('"source"'));
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
          en: "Indicator 4 “R&D personnel per 10,000 employed persons” (id RD_PERSONNEL_PER_10K), target.value: expected a number",
          zh: "第4行指标“每万名从业人员中R&D人员数”（RD_PERSONNEL_PER_10K）的 目标 › 数值：应为数字",
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
        "Indicator 1 “Overall level of scientific and technological progress” (id TECH_PROGRESS_RANK), unit: required field is missing",
        "第1行指标“综合科技进步水平”（TECH_PROGRESS_RANK）的 单位：缺少必填字段",
      ],
      [
        "indicators[0].kind",
        1,
        "Indicator 1 “Overall level of scientific and technological progress” (id TECH_PROGRESS_RANK), kind: must be percent, count, amount, rank or index",
        "第1行指标“综合科技进步水平”（TECH_PROGRESS_RANK）的 指标类别：应为 percent（百分比）、count（个数）、amount（金额或数量）、rank（位次）或 index（其他指数）",
      ],
      [
        "indicators[1]",
        2,
        "Indicator 2 “R&D expenditure as a share of GDP” (id RD_INTENSITY): unknown field(s): atribute (check the spelling)",
        "第2行指标“R&D经费支出与GDP比重”（RD_INTENSITY）：未知字段：atribute（请检查拼写）",
      ],
    ]);
  });

  it("a target of unknown kind, a bad year key, an empty name, a negative band", () => {
    const obj = seedObject();
    obj.indicators[1].target = { kind: "range", value: 1.47 };
    obj.indicators[2].actuals = { "23": { value: 4 } };
    obj.indicators[4].name.zh = "";
    obj.indicators[5].target.band = -1;
    const issues = issuesOf(parsePlanFile(JSON.stringify(obj)));
    expect(issues.map((i) => i.message.en)).toEqual([
      "Indicator 2 “R&D expenditure as a share of GDP” (id RD_INTENSITY), target.kind: the target's kind must be level, cumulative (〔〕), annualGrowth (年均), relative (to another indicator) or text",
      'Indicator 3 “R&D spending of enterprises above designated size as a share of their main business revenue” (id ENTERPRISE_RD_SHARE), actuals.23: key "23" has the wrong format: expected a four-digit year such as 2023',
      "Indicator 5 “High-value invention patents per 10,000 population” (id HIGH_VALUE_PATENTS_PER_10K), name.zh: must not be empty",
      "Indicator 6 “Turnover of technology market contracts” (id TECH_CONTRACT_TURNOVER), target.band: must be >= 0",
    ]);
    expect(issues[0]!.message.zh).toBe(
      "第2行指标“R&D经费支出与GDP比重”（RD_INTENSITY）的 目标 › 目标形式：目标形式应为 level（数值目标）、cumulative（〔〕累计目标）、annualGrowth（年均增长目标）、relative（相对另一指标的目标）或 text（定性目标）",
    );
  });

  it("names the attribute and direction in staff's words, and reads 约束性/逆向 written in Chinese", () => {
    const obj = seedObject();
    obj.indicators[1].attribute = "约束性";
    obj.indicators[1].direction = "正向";
    obj.indicators[2].attribute = "required";
    obj.indicators[3].direction = "sideways";
    const issues = issuesOf(parsePlanFile(JSON.stringify(obj)));
    expect(issues.map((i) => i.message.zh)).toEqual([
      "第3行指标“规模以上企业R&D投入占主营业务收入比重”（ENTERPRISE_RD_SHARE）的 属性：应为“预期性”或“约束性”（也可写 expected / binding；规划未注明时写 null）",
      "第4行指标“每万名从业人员中R&D人员数”（RD_PERSONNEL_PER_10K）的 方向：应为“正向”（越大越好，up）或“逆向”（越小越好，down）",
    ]);
    obj.indicators[2].attribute = "未注明";
    obj.indicators[3].direction = "逆向";
    const ok = parsePlanFile(JSON.stringify(obj));
    if (!ok.ok) throw new Error(JSON.stringify(ok.issues));
    expect(ok.plan.indicators[1]!.attribute).toBe("binding");
    expect(ok.plan.indicators[2]!.attribute).toBeNull();
    expect(ok.plan.indicators[3]!.direction).toBe("down");
  });

  it("a field of another target form says which form it belongs to", () => {
    const obj = seedObject();
    obj.indicators[3].target = { kind: "level", value: 40, comparator: ">=", obligation: "reach", mode: "reduction" };
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))[0]!.message).toEqual({
      zh: "第4行指标“每万名从业人员中R&D人员数”（RD_PERSONNEL_PER_10K）的 目标：数值目标（level）没有字段 mode；此形式可用的字段：value、comparator、obligation、approximate、band（mode 属于〔〕累计目标（cumulative））",
      en: "Indicator 4 “R&D personnel per 10,000 employed persons” (id RD_PERSONNEL_PER_10K), target: a level target has no field mode; its fields are value, comparator, obligation, approximate, band (mode belongs to a cumulative (〔〕) target)",
    });
  });

  it("a row without a usable id still gets its row number", () => {
    const obj = seedObject();
    obj.indicators[6].id = "7 高新";
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))[0]).toEqual({
      path: "indicators[6].id",
      row: 7,
      message: {
        en: "Indicator 7 “Number of high-tech enterprises” (id 7 高新), id: wrong format: expected a code of letters, digits and _ . - starting with a letter",
        zh: "第7行指标“高新技术企业数”（7 高新）的 指标代码：格式不正确：编号只能由字母、数字和 _ . - 组成，并以字母开头",
      },
    });
    delete obj.indicators[6].id;
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))[0]!.message.zh).toBe(
      "第7行指标“高新技术企业数”的 指标代码：缺少必填字段",
    );
  });

  it("duplicate ids and plan-level fields", () => {
    const obj = seedObject();
    obj.indicators[2].id = "RD_INTENSITY";
    obj.source.date = "2021/12/30";
    const issues = issuesOf(parsePlanFile(JSON.stringify(obj)));
    expect(issues.map((i) => [i.path, i.row, i.message.zh])).toEqual([
      ["source.date", undefined, "source.date：格式不正确：日期格式应为 2021-12-30"],
      [
        "indicators[2].id",
        3,
        "第3行指标“规模以上企业R&D投入占主营业务收入比重”（RD_INTENSITY）的 指标代码：指标编号 RD_INTENSITY 重复",
      ],
    ]);
  });

  it("a goal's own target year: the seed's 2035 vision has one; before the base year or on a main-table row it is refused, naming the row", () => {
    const seed = parsePlanFile(seedText);
    if (!seed.ok) throw new Error(JSON.stringify(seed.issues));
    expect(seed.plan.indicators.filter((i) => i.targetYear !== undefined).map((i) => [i.id, i.targetYear])).toEqual([
      ["VISION_2035", 2035],
    ]);
    const early = seedObject();
    early.indicators[14].targetYear = 2019;
    expect(issuesOf(parsePlanFile(JSON.stringify(early))).map((i) => [i.path, i.row, i.message.zh])).toEqual([
      [
        "indicators[14].targetYear",
        15,
        "第15行指标“2035年远景目标”（VISION_2035）的 targetYear：指标目标年 targetYear（2019年）早于规划基期年 baseYear（2020年）：请核对目标年是否填错",
      ],
    ]);
    const main = seedObject();
    main.indicators[1].targetYear = 2035;
    const [issue] = issuesOf(parsePlanFile(JSON.stringify(main)));
    expect([issue!.path, issue!.row]).toEqual(["indicators[1].targetYear", 2]);
    expect(issue!.message.zh).toContain("只有规划正文中的其他目标（supplementary: true）可以有自己的目标年");
    expect(issue!.message.en).toContain("(id RD_INTENSITY)");
  });

  it("a format version this build does not read", () => {
    const obj = seedObject();
    obj.formatVersion = 3;
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))).toEqual([
      {
        path: "formatVersion",
        message: {
          zh: "不支持的文件格式版本 formatVersion 3；本版本支持：1, 2",
          en: "formatVersion 3 is not supported; supported versions: 1, 2",
        },
      },
    ]);
    delete obj.formatVersion;
    expect(issuesOf(parsePlanFile(JSON.stringify(obj)))[0]!.message.en).toBe(
      "formatVersion is missing; supported versions: 1, 2",
    );
  });

  it("migrates a version 1 file, and says what it decided", () => {
    const v1 = {
      ...structuredClone(minimal),
      formatVersion: 1,
      indicators: [
        {
          ...structuredClone(minimal.indicators[0]!),
          target: { kind: "level", value: 5.5, comparator: "<=" },
          actuals: { "2021": { vintage: "2021年统计公报", value: 5.1 } },
        },
        {
          ...structuredClone(minimal.indicators[0]!),
          id: "RANK",
          kind: "rank",
          baseline: 5,
          target: { kind: "level", value: 3, comparator: ">=" },
          actuals: {},
        },
        {
          ...structuredClone(minimal.indicators[0]!),
          id: "SEA",
          direction: "up",
          baseline: 70.5,
          target: { kind: "level", value: 70, comparator: "~", tolerance: 1 },
          actuals: {},
        },
      ],
    };
    const r = parsePlanFile(JSON.stringify(v1));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.plan.formatVersion).toBe(2);
    const [unemployment, rank, sea] = r.plan.indicators;
    // A ceiling the baseline already keeps is a bound to keep; v1's vintage is where the figure came from.
    expect(unemployment!.target).toEqual({ kind: "level", value: 5.5, comparator: "<=", obligation: "keep" });
    expect(unemployment!.actuals["2021"]).toEqual({ value: 5.1, source: "2021年统计公报" });
    // v1 wrote a rank "at least this good" as >= with a downward direction: the bound is <= 3.
    expect(rank!.target).toEqual({ kind: "level", value: 3, comparator: "<=", obligation: "reach" });
    // v1's ~ is 左右 on the good side, with its band.
    expect(sea!.target).toEqual({
      kind: "level",
      value: 70,
      comparator: ">=",
      obligation: "keep",
      approximate: true,
      band: 1,
    });
    expect(r.notes.map((n) => n.indicatorId)).toEqual([null, "UNEMPLOYMENT", "SEA"]);
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
