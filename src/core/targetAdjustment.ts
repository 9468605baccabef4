/**
 * An approved target adjustment (动态调整, pure): the new value, the date it was approved, the
 * approving document's number (文号) and the reason. The plan keeps the original target; the
 * adjustment is added after any earlier ones, and the evaluation uses the last one (targetView in
 * indicatorEvaluation.ts), so the status follows the adjusted target while the template, the pane and
 * the report show both.
 *
 * An adjustment changes the value only: the target keeps its form (a level stays a level with the same
 * bound, a 〔〕 five-year total stays one, 年均 stays 年均). Every problem is said in staff's words, in
 * Chinese and English, naming the indicator.
 */
import { targetNotation } from "./evaluationReport";
import { parseUserNumber } from "./numberParsing";
import type { Indicator, Plan, Target, TargetAdjustment } from "./planSchema";
import { numberOptions } from "./templateRow";

type Message = { zh: string; en: string };

export type AdjustmentField = "indicator" | "value" | "date" | "document" | "reason";

export interface AdjustmentProblem {
  field: AdjustmentField;
  message: Message;
}

/** What staff fill in. `value` as typed (text or number); or a whole `target`, which must keep the original's form. */
export interface AdjustmentInput {
  value?: unknown;
  target?: Target;
  /** When it was approved: 2023-06-30, 2023/6/30 or 2023年6月30日. */
  date: string;
  /** The approving document's number, e.g. 张政办发〔2023〕12号. */
  document: string;
  reason: string;
}

export type AdjustmentCheck = { ok: true; adjustment: TargetAdjustment } | { ok: false; problems: AdjustmentProblem[] };

export type AdjustmentResult =
  | { ok: true; plan: Plan; indicator: Indicator; adjustment: TargetAdjustment }
  | { ok: false; problems: AdjustmentProblem[] };

const FORM_WORDS: Record<Target["kind"], Message> = {
  level: { zh: "目标值", en: "target level" },
  cumulative: { zh: "五年累计目标〔〕", en: "five-year total 〔〕" },
  annualGrowth: { zh: "年均增长目标", en: "average annual growth target" },
  text: { zh: "文字目标", en: "qualitative target" },
  relative: { zh: "相对其他指标的目标", en: "target relative to another indicator" },
};

function named(ind: Indicator, zh: string, en: string): Message {
  return { zh: `指标“${ind.name.zh}”：${zh}`, en: `“${ind.name.en}”: ${en}` };
}

/** A date as staff type it (2023-6-30, 2023/6/30, 2023.6.30, 2023年6月30日, full-width digits) as ISO, or null. */
export function isoDateOf(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize("NFKC").trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The target of the original's form with another value; null for text and relative targets (no number to adjust). */
export function adjustedTargetOf(original: Target, value: number): Target | null {
  switch (original.kind) {
    case "level":
    case "cumulative":
    case "annualGrowth":
      return { ...original, value };
    case "text":
    case "relative":
      return null;
  }
}

/** Whether `t` has the original's form: same kind, and the same bound (≥/≤) or the same kind of 〔〕 total. */
export function sameTargetForm(original: Target, t: Target): boolean {
  if (original.kind !== t.kind) return false;
  if (original.kind === "cumulative" && t.kind === "cumulative") return original.mode === t.mode;
  if (original.kind === "level" && t.kind === "level") return original.comparator === t.comparator;
  if (original.kind === "annualGrowth" && t.kind === "annualGrowth") return original.comparator === t.comparator;
  return original.kind !== "text" && original.kind !== "relative";
}

/** The target now in force: the last approved adjustment, else the plan's. */
export function targetInForce(ind: Indicator): Target {
  const adjustments = ind.targetAdjustments ?? [];
  return adjustments.length > 0 ? adjustments[adjustments.length - 1]!.target : ind.target;
}

/** A level target's value the indicator's kind cannot take (a share of 930 %, a rank of 2.5). */
function outOfRange(ind: Indicator, t: Target, value: number): Message | null {
  if (t.kind !== "level") return null;
  if (ind.kind === "percent" && (value < 0 || value > 100))
    return named(
      ind,
      `占比目标须在 0–100 之间（收到 ${value}）。`,
      `a share must be between 0 and 100 (got ${value}).`,
    );
  if (ind.kind === "rank" && (!Number.isInteger(value) || value < 1))
    return named(ind, `位次目标须为正整数（收到 ${value}）。`, `a rank must be a whole number from 1 (got ${value}).`);
  if ((ind.kind === "count" || ind.kind === "amount") && value < 0)
    return named(ind, `目标不能为负数（收到 ${value}）。`, `the target cannot be negative (got ${value}).`);
  return null;
}

function valueText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return "";
}

/** The adjustment staff describe, checked against the indicator; every problem at once. */
export function checkAdjustment(ind: Indicator, input: AdjustmentInput): AdjustmentCheck {
  const problems: AdjustmentProblem[] = [];
  const original = ind.target;
  let target: Target | null = null;
  if (original.kind === "text" || original.kind === "relative") {
    const words = targetNotation(ind, original, "zh").text;
    problems.push({
      field: "value",
      message: named(
        ind,
        `目标是${FORM_WORDS[original.kind].zh}（${words}），没有可调整的数值；如需调整请在“人工状态”和“说明”中记录。`,
        `the target is a ${FORM_WORDS[original.kind].en} (${targetNotation(ind, original, "en").text}) with no number to adjust; record the decision in Manual status and Note instead.`,
      ),
    });
  } else if (input.target !== undefined) {
    if (!sameTargetForm(original, input.target))
      problems.push({
        field: "value",
        message: named(
          ind,
          `调整后目标须与原目标形式相同（原目标为${FORM_WORDS[original.kind].zh} ${targetNotation(ind, original, "zh").text}，调整为${FORM_WORDS[input.target.kind].zh}）。`,
          `the adjusted target must keep the original's form (the original is a ${FORM_WORDS[original.kind].en}, ${targetNotation(ind, original, "en").text}; the adjustment is a ${FORM_WORDS[input.target.kind].en}).`,
        ),
      });
    else target = input.target;
  } else {
    const typed = valueText(input.value);
    const parsed = parseUserNumber(input.value, numberOptions(ind.kind, ind.unit.zh));
    if (!parsed.ok)
      problems.push({
        field: "value",
        message:
          typed === ""
            ? named(ind, "请填写调整后的目标值。", "enter the adjusted target.")
            : named(
                ind,
                `调整后目标须为数值（收到“${typed}”）。`,
                `the adjusted target must be a number (got “${typed}”).`,
              ),
      });
    else target = adjustedTargetOf(original, parsed.value);
  }
  if (target !== null && "value" in target) {
    const range = outOfRange(ind, target, target.value);
    const inForce = targetInForce(ind);
    if (range) problems.push({ field: "value", message: range });
    else if ("value" in inForce && inForce.value === target.value && sameTargetForm(inForce, target))
      problems.push({
        field: "value",
        message: named(
          ind,
          `调整后目标与现行目标（${targetNotation(ind, inForce, "zh").text}）相同。`,
          `the adjusted target is the target already in force (${targetNotation(ind, inForce, "en").text}).`,
        ),
      });
  }

  const dateText = (input.date ?? "").trim();
  const date = isoDateOf(dateText);
  if (date === null)
    problems.push({
      field: "date",
      message:
        dateText === ""
          ? named(ind, "请填写批准日期。", "enter the date it was approved.")
          : named(
              ind,
              `批准日期“${dateText}”不是有效日期，请写成 2023-06-30。`,
              `the approval date “${dateText}” is not a date; write it as 2023-06-30.`,
            ),
    });
  const document = (input.document ?? "").trim();
  if (document === "")
    problems.push({
      field: "document",
      message: named(
        ind,
        "请填写批准文件的文号（如 张政办发〔2023〕12号）。",
        "enter the approving document's number (文号).",
      ),
    });
  const reason = (input.reason ?? "").trim();
  if (reason === "")
    problems.push({ field: "reason", message: named(ind, "请填写调整原因。", "enter the reason for the adjustment.") });

  if (problems.length > 0 || target === null || date === null) return { ok: false, problems };
  return { ok: true, adjustment: { target, date, document, reason } };
}

/** The plan with the adjustment added after the indicator's earlier ones; the original target is kept. */
export function addTargetAdjustment(plan: Plan, indicatorId: string, input: AdjustmentInput): AdjustmentResult {
  const ind = plan.indicators.find((i) => i.id === indicatorId);
  if (!ind)
    return {
      ok: false,
      problems: [
        {
          field: "indicator",
          message: {
            zh: `规划中没有指标“${indicatorId}”。`,
            en: `The plan has no indicator “${indicatorId}”.`,
          },
        },
      ],
    };
  const checked = checkAdjustment(ind, input);
  if (!checked.ok) return checked;
  const indicator: Indicator = {
    ...ind,
    targetAdjustments: [...(ind.targetAdjustments ?? []), checked.adjustment],
  };
  return {
    ok: true,
    plan: { ...plan, indicators: plan.indicators.map((i) => (i === ind ? indicator : i)) },
    indicator,
    adjustment: checked.adjustment,
  };
}
