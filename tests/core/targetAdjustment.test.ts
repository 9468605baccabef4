/**
 * Target adjustments (src/core/targetAdjustment.ts): the original target is kept, the adjustment is
 * added with its date, 文号 and reason, the status follows the adjusted target; staff's mistakes are
 * said in both languages, naming the indicator.
 */
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/core/indicatorEvaluation";
import { plan as planSchema, type Indicator, type Plan, type PlanInput } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import {
  addTargetAdjustment,
  checkAdjustment,
  isoDateOf,
  sameTargetForm,
  targetInForce,
  type AdjustmentInput,
} from "../../src/core/targetAdjustment";

function planOf(indicators: PlanInput["indicators"]): Plan {
  return planSchema.parse({ ...seedPlan, id: "adjust-test", indicators });
}

const base = {
  category: { zh: "科技", en: "S&T" },
  unit: { zh: "%", en: "%" },
  kind: "percent" as const,
  direction: "up" as const,
  baseline: 20,
  baselineYear: 2020,
  attribute: "expected" as const,
};

const plan = planOf([
  {
    ...base,
    id: "RD",
    name: { zh: "研发经费投入强度", en: "R&D intensity" },
    target: { kind: "level", value: 30, comparator: ">=", obligation: "reach" },
    actuals: { "2023": { value: 25 } },
  },
  {
    ...base,
    id: "ENERGY",
    name: { zh: "单位GDP能耗降低", en: "Energy intensity cut" },
    unit: { zh: "%", en: "%" },
    target: { kind: "cumulative", value: 13.5, mode: "reduction" },
    figures: "change",
    actuals: {},
  },
  {
    ...base,
    id: "TEXT",
    name: { zh: "创新型城市建设", en: "Innovative city" },
    target: { kind: "text", text: { zh: "迈进创新型城市行列", en: "join the innovative cities" } },
    actuals: {},
  },
]);

const good: AdjustmentInput = {
  value: "40",
  date: "2023-06-30",
  document: "张政办发〔2023〕12号",
  reason: "中期评估调整",
};

describe("addTargetAdjustment", () => {
  it("adds the adjustment after earlier ones and keeps the original target; the status follows the adjusted target", () => {
    const r = addTargetAdjustment(plan, "RD", good);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const ind = r.plan.indicators[0]!;
    expect(ind.target).toEqual(plan.indicators[0]!.target);
    expect(ind.targetAdjustments).toEqual([
      {
        target: { kind: "level", value: 40, comparator: ">=", obligation: "reach" },
        date: "2023-06-30",
        document: "张政办发〔2023〕12号",
        reason: "中期评估调整",
      },
    ]);
    expect(() => planSchema.parse(r.plan)).not.toThrow();
    // 2023, from 20 (2020) towards the target at 2025: time progress 0.6.
    const before = evaluateIndicator(plan, plan.indicators[0]!, { evaluationYear: 2023 });
    const after = evaluateIndicator(r.plan, ind, { evaluationYear: 2023 });
    expect(before.progress).toEqual({ ok: true, value: 0.5 }); // (25 − 20) / (30 − 20)
    expect(before.status?.code).toBe("onTrack");
    expect(after.progress).toEqual({ ok: true, value: 0.25 }); // (25 − 20) / (40 − 20)
    expect(after.status?.code).toBe("lagging");
    expect(after.target.original).toEqual(plan.indicators[0]!.target);
    expect(after.target.adjustment?.document).toBe("张政办发〔2023〕12号");

    const again = addTargetAdjustment(r.plan, "RD", { ...good, value: 35, date: "2024-03-01" });
    expect(again.ok && again.indicator.targetAdjustments!.map((a) => "value" in a.target && a.target.value)).toEqual([
      40, 35,
    ]);
    expect(again.ok && targetInForce(again.indicator)).toMatchObject({ value: 35 });
  });

  it("keeps the target's form: a 〔〕 reduction stays one; the value is read as staff type it (full-width, %)", () => {
    const r = addTargetAdjustment(plan, "ENERGY", { ...good, value: "１４．５%" });
    expect(r.ok && r.adjustment.target).toEqual({ kind: "cumulative", value: 14.5, mode: "reduction" });
  });

  it("says every problem at once, in staff's words, naming the indicator", () => {
    const r = addTargetAdjustment(plan, "RD", { value: "四十", date: "2023-02-30", document: " ", reason: "" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(["value", "date", "document", "reason"]);
    for (const p of r.problems) {
      expect(p.message.zh).toMatch(/^指标“研发经费投入强度”：/);
      expect(p.message.en).toMatch(/^“R&D intensity”: /);
    }
    expect(r.problems[0]!.message.zh).toContain("须为数值（收到“四十”）");
    expect(r.problems[1]!.message.zh).toContain("“2023-02-30”不是有效日期");
    expect(r.problems[2]!.message.zh).toContain("文号");
    expect(r.problems[3]!.message.en).toContain("reason");
  });

  it("refuses a qualitative target (nothing to adjust), a blank value, a share over 100 and the target already in force", () => {
    const text = addTargetAdjustment(plan, "TEXT", good);
    expect(!text.ok && text.problems[0]!.message.zh).toMatch(/文字目标（迈进创新型城市行列），没有可调整的数值/);
    const blank = addTargetAdjustment(plan, "RD", { ...good, value: "" });
    expect(!blank.ok && blank.problems[0]!.message.zh).toContain("请填写调整后的目标值");
    const share = addTargetAdjustment(plan, "RD", { ...good, value: 130 });
    expect(!share.ok && share.problems[0]!.message.en).toContain("between 0 and 100");
    const same = addTargetAdjustment(plan, "RD", { ...good, value: 30 });
    expect(!same.ok && same.problems[0]!.message.zh).toContain("与现行目标（30）相同");
    const missing = addTargetAdjustment(plan, "NOPE", good);
    expect(!missing.ok && missing.problems[0]!.field).toBe("indicator");
  });

  it("a whole target must keep the original's form (kind, bound, kind of 〔〕 total)", () => {
    const rd = plan.indicators[0]!;
    const asTotal = checkAdjustment(rd, {
      ...good,
      target: { kind: "cumulative", value: 40, mode: "increase" },
    });
    expect(!asTotal.ok && asTotal.problems[0]!.message.zh).toContain("须与原目标形式相同");
    const ceiling = checkAdjustment(rd, {
      ...good,
      target: { kind: "level", value: 40, comparator: "<=", obligation: "keep" },
    });
    expect(ceiling.ok).toBe(false);
    const fine = checkAdjustment(rd, {
      ...good,
      target: { kind: "level", value: 40, comparator: ">=", obligation: "keep" },
    });
    expect(fine.ok).toBe(true);
    const energy: Indicator = plan.indicators[1]!;
    expect(sameTargetForm(energy.target, { kind: "cumulative", value: 1, mode: "increase" })).toBe(false);
  });
});

describe("isoDateOf", () => {
  it("reads the ways staff write a date and refuses impossible ones", () => {
    expect(isoDateOf("2023-6-30")).toBe("2023-06-30");
    expect(isoDateOf("2023/06/30")).toBe("2023-06-30");
    expect(isoDateOf("2023.6.3")).toBe("2023-06-03");
    expect(isoDateOf("2023年6月30日")).toBe("2023-06-30");
    expect(isoDateOf("２０２３－０６－３０")).toBe("2023-06-30");
    expect(isoDateOf("2024-02-29")).toBe("2024-02-29");
    expect(isoDateOf("2023-02-29")).toBeNull();
    expect(isoDateOf("2023-13-01")).toBeNull();
    expect(isoDateOf("30/06/2023")).toBeNull();
    expect(isoDateOf("")).toBeNull();
  });
});
