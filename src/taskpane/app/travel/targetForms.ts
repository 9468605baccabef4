/**
 * What staff choose in the table-import form for each row, and the conversions between those choices,
 * the plan model's Target and the drafts (pure, no React). Every target form of plan version 2 can be
 * chosen: a level to reach or keep, a five-year total 〔〕, an average annual growth (年均), a target
 * relative to another row, or a text target; 约/左右 on any number. A row whose target the reader could
 * not read stays unread until staff choose a form and a value, or mark it a text target themselves.
 */
import type { Lang } from "../../../core/messages";
import type { Attribute, Direction, FigureForm, IndicatorKind, Target } from "../../../core/planSchema";
import { draftBlockers, type IndicatorDraft, type Message } from "../../../core/planTableImport";

export type FormChoice = "unread" | "level" | "cumulative" | "annualGrowth" | "relative" | "text";
/** The forms staff can choose ("unread" is only where a row starts). */
export const FORM_CHOICES: readonly Exclude<FormChoice, "unread">[] = [
  "level",
  "cumulative",
  "annualGrowth",
  "relative",
  "text",
];

export interface TargetChoice {
  form: FormChoice;
  /** The number as typed. */
  value: string;
  comparator: ">=" | "<=";
  obligation: "reach" | "keep";
  approximate: boolean;
  mode: "reduction" | "increase" | "decrease";
  relation: "above" | "inStep";
  /** The id of the row a relative target is compared with ("" = not chosen). */
  reference: string;
  /** A text target's words, or a relative target's words as printed. */
  text: string;
}

export interface RowChoice {
  target: TargetChoice;
  kind: IndicatorKind;
  direction: Direction;
  figures: FigureForm;
  attribute: Attribute;
  /** As typed; "" = unknown. */
  baseline: string;
  baselineYear: string;
  excluded: boolean;
}

function number(typed: string): number | null {
  const t = typed
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％\s]/g, "")
    .trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The choice a draft starts with: its reading, or "unread" with the cell's text ready for a text target. */
export function choiceOf(draft: IndicatorDraft): TargetChoice {
  const base: TargetChoice = {
    form: "unread",
    value: "",
    comparator: draft.direction === "down" ? "<=" : ">=",
    obligation: "reach",
    approximate: false,
    mode: draft.direction === "down" ? "reduction" : "increase",
    relation: draft.relativeHint?.relation ?? "above",
    reference: "",
    text: draft.targetText,
  };
  const t = draft.target;
  if (!t) return draft.relativeHint ? { ...base, form: "relative" } : base;
  switch (t.kind) {
    case "level":
      return {
        ...base,
        form: "level",
        value: String(t.value),
        comparator: t.comparator,
        obligation: t.obligation,
        approximate: t.approximate === true,
      };
    case "cumulative":
      return { ...base, form: "cumulative", value: String(t.value), mode: t.mode, approximate: t.approximate === true };
    case "annualGrowth":
      return {
        ...base,
        form: "annualGrowth",
        value: String(t.value),
        comparator: t.comparator,
        approximate: t.approximate === true,
      };
    case "relative":
      return { ...base, form: "relative", relation: t.relation, reference: t.reference, text: t.text.zh };
    case "text":
      return { ...base, form: "text", text: t.text.zh };
  }
}

export function rowChoiceOf(draft: IndicatorDraft): RowChoice {
  return {
    target: choiceOf(draft),
    kind: draft.kind,
    direction: draft.direction,
    figures: draft.figures,
    attribute: draft.attribute,
    baseline: draft.baseline === null ? "" : String(draft.baseline),
    baselineYear: draft.baselineYear === null ? "" : String(draft.baselineYear),
    excluded: draft.excluded === true,
  };
}

/** The target a choice stands for; null while it is unread or a value is missing. */
export function targetFrom(choice: TargetChoice): Target | null {
  const approx = choice.approximate ? { approximate: true } : {};
  const words = choice.text.trim();
  if (choice.form === "unread") return null;
  if (choice.form === "text") return words === "" ? null : { kind: "text", text: { zh: words, en: words } };
  if (choice.form === "relative") {
    if (choice.reference === "") return null;
    const printed = words || (choice.relation === "above" ? "高于" : "基本同步");
    return {
      kind: "relative",
      relation: choice.relation,
      reference: choice.reference,
      text: { zh: printed, en: printed },
    };
  }
  const value = number(choice.value);
  if (value === null) return null;
  switch (choice.form) {
    case "level":
      return { kind: "level", value, comparator: choice.comparator, obligation: choice.obligation, ...approx };
    case "cumulative":
      return { kind: "cumulative", value, mode: choice.mode, ...approx };
    case "annualGrowth":
      return { kind: "annualGrowth", value, comparator: choice.comparator, ...approx };
  }
}

/** The drafts as staff confirmed them: every choice applied; a text target chosen for an unread cell is staff's. */
export function applyChoices(drafts: readonly IndicatorDraft[], choices: readonly RowChoice[]): IndicatorDraft[] {
  return drafts.map((d, i) => {
    const c = choices[i];
    if (!c) return d;
    const target = targetFrom(c.target);
    const baseline = c.baseline.trim() === "" ? null : number(c.baseline);
    const year = c.baselineYear.trim() === "" ? null : number(c.baselineYear);
    return {
      ...d,
      target,
      textByStaff: target?.kind === "text" && (d.target === null || d.textByStaff),
      kind: c.kind,
      direction: c.direction,
      figures: c.figures,
      attribute: c.attribute,
      baseline,
      baselineYear: year !== null && Number.isInteger(year) ? year : null,
      excluded: c.excluded,
    };
  });
}

/** What a row's typed fields get wrong (a value that is not a number), in the pane's language. */
export function choiceErrors(draft: IndicatorDraft, c: RowChoice): Message[] {
  if (c.excluded) return [];
  const out: Message[] = [];
  const at = { zh: `第${draft.sheetRow}行“${draft.name}”`, en: `Row ${draft.sheetRow} “${draft.name}”` };
  const t = c.target;
  if ((t.form === "level" || t.form === "cumulative" || t.form === "annualGrowth") && number(t.value) === null)
    out.push({ zh: `${at.zh}：目标值应为数字`, en: `${at.en}: the target value must be a number` });
  if (t.form === "relative" && t.reference === "")
    out.push({ zh: `${at.zh}：请选择对照的指标`, en: `${at.en}: choose the indicator it is compared with` });
  if (t.form === "text" && t.text.trim() === "")
    out.push({ zh: `${at.zh}：文字目标不能为空`, en: `${at.en}: the text target is empty` });
  if (c.baseline.trim() !== "" && number(c.baseline) === null)
    out.push({
      zh: `${at.zh}：基期值应为数字，或留空表示未知`,
      en: `${at.en}: the baseline must be a number, or empty for unknown`,
    });
  if (c.baselineYear.trim() !== "" && (number(c.baselineYear) === null || !Number.isInteger(number(c.baselineYear))))
    out.push({ zh: `${at.zh}：基期年应为四位年份`, en: `${at.en}: the baseline year must be a four-digit year` });
  return out;
}

/**
 * Everything that keeps the plan from being made yet, one message per problem: targets still unread,
 * relative targets without their row, values that are not numbers.
 */
export function confirmBlockers(drafts: readonly IndicatorDraft[], choices: readonly RowChoice[]): Message[] {
  const applied = applyChoices(drafts, choices);
  const out: Message[] = [];
  applied.forEach((d, i) => {
    if (d.excluded) return;
    const errors = choiceErrors(drafts[i]!, choices[i]!);
    out.push(...errors);
    if (errors.length === 0 || d.target !== null) out.push(...draftBlockers(d, applied));
  });
  return out;
}

const fmt = (n: number) => String(Math.round(n * 1e9) / 1e9);

/** The target in planning staff's words (2025年不低于65（达到）, 五年累计降低13.5%, 年均增长7%以上 …). */
export function describeTarget(
  target: Target | null,
  ctx: { lang: Lang; unit: string; targetYear: number; names: ReadonlyMap<string, string> },
): string {
  const zh = ctx.lang === "zh";
  if (!target) return zh ? "未读出（请选择目标形式）" : "not read (choose a target form)";
  const u = ctx.unit && ctx.unit !== "—" ? ctx.unit : "";
  const about = "approximate" in target && target.approximate ? (zh ? "约" : "about ") : "";
  switch (target.kind) {
    case "level": {
      const bound = zh
        ? target.comparator === ">="
          ? "不低于"
          : "不高于"
        : target.comparator === ">="
          ? "at least"
          : "at most";
      const how = zh
        ? target.obligation === "keep"
          ? "保持：期间须一直满足"
          : "达到"
        : target.obligation === "keep"
          ? "keep: must hold through the period"
          : "reach";
      return zh
        ? `${ctx.targetYear}年${bound}${about}${fmt(target.value)}${u}（${how}）`
        : `${ctx.targetYear}: ${bound} ${about}${fmt(target.value)}${u ? ` ${u}` : ""} (${how})`;
    }
    case "cumulative": {
      if (target.mode === "reduction")
        return zh
          ? `五年累计降低${about}${fmt(target.value)}%（逐年降低率复合计算）`
          : `a ${about}${fmt(target.value)} % cut over five years (yearly cuts compound)`;
      const verb = zh ? (target.mode === "increase" ? "提高" : "减少") : target.mode === "increase" ? "rise" : "fall";
      const unit = u === "%" ? (zh ? "个百分点" : " percentage points") : u;
      return zh
        ? `五年累计${verb}${about}${fmt(target.value)}${unit}`
        : `a five-year ${verb} of ${about}${fmt(target.value)}${unit && unit !== " percentage points" ? ` ${unit}` : unit}`;
    }
    case "annualGrowth":
      return zh
        ? `年均增长${target.comparator === ">=" ? "不低于" : "不高于"}${about}${fmt(target.value)}%`
        : `average annual growth ${target.comparator === ">=" ? "at least" : "at most"} ${about}${fmt(target.value)} %`;
    case "relative": {
      const other = ctx.names.get(target.reference) ?? target.reference;
      return zh
        ? target.relation === "above"
          ? `增长高于“${other}”`
          : `与“${other}”基本同步`
        : target.relation === "above"
          ? `growth above “${other}”`
          : `in step with “${other}”`;
    }
    case "text":
      return zh ? `文字目标（人工判断）：${target.text.zh}` : `text target (manual verdict): ${target.text.zh}`;
  }
}
