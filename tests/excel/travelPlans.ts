/**
 * Plans for the travel tests: a seeded generator of random plans (model v2) with every target form
 * (reach >=, <=; keep; 约/左右 with and without a band; 〔〕 reductions and increases from yearly
 * changes and from levels; 年均 growth from rates and from levels; relative; text with yearly
 * targets), random baselines (some missing), baseline years (some unknown), revisions, adjustments,
 * directions, attributes (some unknown), figures and manual verdicts. Deterministic: the same seed
 * gives the same plan, so a failure can be replayed.
 */
import { plan as planSchema, type Plan, type PlanInput } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";

/** mulberry32: a small, well-mixed 32-bit generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Indicators = PlanInput["indicators"];
type TargetInput = Indicators[number]["target"];

const FORMS = [
  "level>=",
  "level<=",
  "level~",
  "level~band",
  "reduction",
  "increase",
  "annualGrowth",
  "text",
  "keep",
  "increaseLevels",
  "growthRates",
  "relative",
] as const;
export type Form = (typeof FORMS)[number];

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f || 0; // never -0
}

/** One random indicator of the given form (index i names it). */
function indicator(next: () => number, i: number, form: Form, plan: { baseYear: number; targetYear: number }) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const kind =
    form === "reduction" || form === "growthRates" || form === "relative"
      ? "percent"
      : form === "increaseLevels"
        ? "amount"
        : pick(["percent", "count", "amount", "rank", "index"] as const);
  const direction =
    kind === "rank" ? "down" : form === "level<=" ? pick(["up", "down"] as const) : next() < 0.85 ? "up" : "down";
  const scale = kind === "percent" ? 30 : kind === "rank" ? 20 : pick([5, 120, 4000]);
  // Counts and ranks are whole numbers (validation says so); ranks start at 1.
  const whole = kind === "count" || kind === "rank";
  const fit = (x: number) => (whole ? Math.max(1, Math.round(x)) : round(x, 2));
  const levels = form === "annualGrowth" || form.startsWith("level") || form === "keep" || form === "increaseLevels";
  const baseline = levels ? fit(scale * (0.5 + next())) : fit(next() * 10);
  const targetValue = (b: number) =>
    fit(direction === "up" ? b * (1 + next() * 0.8) : Math.max(1, b * (1 - next() * 0.6)));
  let target: TargetInput;
  switch (form) {
    case "level>=":
      target = { kind: "level", value: targetValue(baseline), comparator: ">=", obligation: "reach" };
      break;
    case "level<=":
      target = { kind: "level", value: targetValue(baseline), comparator: "<=", obligation: "reach" };
      break;
    case "level~":
      target = {
        kind: "level",
        value: targetValue(baseline),
        comparator: direction === "down" ? "<=" : ">=",
        obligation: "reach",
        approximate: true,
      };
      break;
    case "level~band":
      target = {
        kind: "level",
        value: targetValue(baseline),
        comparator: direction === "down" ? "<=" : ">=",
        obligation: "reach",
        approximate: true,
        band: round(next() * scale * 0.1, 2),
      };
      break;
    case "keep":
      target = {
        kind: "level",
        value: fit(direction === "down" ? baseline * 1.1 : baseline * 0.9),
        comparator: direction === "down" ? "<=" : ">=",
        obligation: "keep",
      };
      break;
    case "increaseLevels":
      target = { kind: "cumulative", value: round(1 + next() * 10, 1), mode: "increase" };
      break;
    case "growthRates":
      target = { kind: "annualGrowth", value: round(next() * 12 - 1, 1), comparator: ">=" };
      break;
    case "relative":
      target = {
        kind: "relative",
        relation: pick(["above", "inStep"] as const),
        reference: "R7",
        text: { zh: "高于R7增长", en: "above R7" },
      };
      break;
    case "reduction":
      target = { kind: "cumulative", value: round(5 + next() * 20, 1), mode: "reduction" };
      break;
    case "increase":
      target = { kind: "cumulative", value: round(1 + next() * 10, 1), mode: "increase" };
      break;
    case "annualGrowth":
      target = { kind: "annualGrowth", value: round(next() * 12 - 1, 1), comparator: ">=" };
      break;
    case "text":
      target = { kind: "text", text: { zh: "保持在合理区间", en: "within a reasonable range" } };
      break;
  }
  const baselineYear = next() < 0.05 ? null : plan.baseYear - pick([0, 0, 0, 1, 2]);
  const figures =
    form === "reduction" || form === "increase"
      ? ("change" as const)
      : form === "growthRates" || form === "relative"
        ? ("rate" as const)
        : ("level" as const);
  const actuals: Record<string, { value: number }> = {};
  let level = baseline;
  for (let y = plan.baseYear + 1; y <= plan.targetYear; y++) {
    if (next() < 0.3) break; // figures stop at a random year (the monitoring year)
    if (figures === "change")
      actuals[String(y)] = { value: whole ? Math.round(next() * 5) + (kind === "rank" ? 1 : 0) : round(next() * 5, 2) };
    else if (figures === "rate") actuals[String(y)] = { value: round(next() * 16 - 3, 1) };
    else {
      level = level * (1 + (next() - 0.35) * 0.3);
      actuals[String(y)] = { value: whole ? Math.max(kind === "rank" ? 1 : 0, Math.round(level)) : round(level, 2) };
    }
  }
  const missingBaseline = figures === "level" && form !== "increaseLevels" && next() < 0.1;
  const manual = next() < 0.08;
  const revised = form === "level>=" && next() < 0.3;
  const adjusted = form === "level>=" && next() < 0.3;
  const yearly = form === "text" && next() < 0.7;
  return {
    id: `R${i + 1}`,
    number: String(i + 1),
    category: { zh: "随机", en: "Random" },
    name: { zh: `随机指标${i + 1}`, en: `Random ${i + 1}` },
    unit:
      kind === "percent"
        ? { zh: "%", en: "%" }
        : kind === "rank"
          ? { zh: "位", en: "rank" }
          : { zh: "个", en: "units" },
    kind,
    direction,
    figures,
    baseline: missingBaseline ? null : baseline,
    baselineYear,
    ...(revised ? { baselineRevisions: [{ value: fit(baseline * 1.05), reason: "普查修订" }] } : {}),
    target,
    ...(adjusted && target.kind === "level"
      ? {
          targetAdjustments: [
            {
              target: { ...target, value: fit(target.value * 0.95) },
              date: "2023-06-30",
              document: "X发〔2023〕1号",
              reason: "中期调整",
            },
          ],
        }
      : {}),
    ...(yearly ? { yearlyTargets: { [String(plan.baseYear + 1)]: { value: 4, comparator: ">=" as const } } } : {}),
    attribute: next() < 0.1 ? null : next() < 0.4 ? "binding" : "expected",
    actuals,
    ...(manual ? { override: { status: pick(["lagging", "ahead", "missed"] as const), note: "人工判断" } } : {}),
  } satisfies Indicators[number];
}

/** A random plan of `count` indicators; every form appears when count ≥ 12 (R7 is the 年均 row relative targets refer to). */
export function randomPlan(seed: number, count: number, period = { baseYear: 2020, targetYear: 2025 }): Plan {
  const next = rng(seed);
  const indicators = Array.from({ length: count }, (_v, i) =>
    indicator(next, i, FORMS[i < FORMS.length ? i : Math.floor(next() * FORMS.length)]!, period),
  );
  return planSchema.parse({ ...seedPlan, id: `random-${seed}`, ...period, indicators });
}

export { FORMS };
