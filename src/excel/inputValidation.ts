/**
 * Excel data validation for the template's input cells: hints with an input message, raised as
 * warnings staff can override (errorAlert style "Warning"). The core's validation stays the
 * authority: Excel checks only typed values, not pasted ones.
 *
 * Excel shows one fixed alert whatever was typed, and most entries it questions are text, not numbers out of
 * range (约38, ３．１％, 116家): so each alert first says to write the figure alone, half-width, then the range —
 * never only "cannot be negative", which misleads whoever typed 约38. Excel's limits: title 32 characters,
 * alert 225, input message 255 (tests/hardening/validationWording.test.ts).
 */
import type { Lang } from "../core/messages";
import type { Indicator } from "../core/planSchema";
import { statusLabel } from "../core/status";

export interface InputRule {
  /** Rows with equal keys share one rule, so consecutive rows are validated with one range. */
  key: string;
  rule: Excel.DataValidationRule;
  prompt: { title: string; message: string };
  alert: { title: string; message: string };
}

type Words = { title: string; message: string; alert: string };

function words(lang: Lang, zh: Words, en: Words): Words {
  return lang === "zh" ? zh : en;
}

function build(key: string, rule: Excel.DataValidationRule, w: Words, lang: Lang): InputRule {
  return {
    key,
    rule,
    prompt: { title: w.title, message: w.message },
    alert: { title: lang === "zh" ? "请核对数值" : "Please check the value", message: w.alert },
  };
}

/** The rule for one indicator's yearly figures, or null when any number will do (index kinds). */
export function yearCellRule(ind: Indicator, lang: Lang): InputRule | null {
  const unit = ind.unit[lang];
  if (ind.target.kind === "cumulative") {
    return build(
      "rate",
      { decimal: { formula1: -100, formula2: 100, operator: "Between" } },
      words(
        lang,
        {
          title: "当年变化率（%）",
          message: `填写当年的${ind.target.mode === "reduction" ? "下降" : "变化"}率，单位 %，如 3.1；只填数字，不带 % 号或“约”。`,
          alert:
            "请只填写数字本身（−100 到 100，单位 %，如 3.1）：不要带 % 号、“约”“左右”或文字；全角字符（３．１）请改用半角（3.1）。",
        },
        {
          title: "Yearly rate (%)",
          message: `Enter this year's ${ind.target.mode === "reduction" ? "reduction" : "change"} in %, e.g. 3.1: the figure alone, without a % sign or 约.`,
          alert:
            "Enter the figure alone, from −100 to 100 in % (e.g. 3.1): no % sign, no 约/左右 or words, and half-width characters (３．１ → 3.1).",
        },
      ),
      lang,
    );
  }
  switch (ind.kind) {
    case "percent":
      return build(
        "percent",
        { decimal: { formula1: 0, formula2: 100, operator: "Between" } },
        words(
          lang,
          {
            title: "百分比（0–100）",
            message: "填写百分数本身，如 1.47 表示 1.47%，不要输入 % 号或“约”。",
            alert:
              "请只填写 0 到 100 之间的数字本身（1.47 表示 1.47%）：不要带 % 号、“约”“左右”或文字；全角字符（３．１％）请改用半角（3.1）。",
          },
          {
            title: "Percentage (0–100)",
            message: "Enter the percentage itself: 1.47 for 1.47 %, without a % sign or 约.",
            alert:
              "Enter the percentage alone, from 0 to 100 (1.47 for 1.47 %): no % sign, no 约/左右 or words, and half-width characters (３．１％ → 3.1).",
          },
        ),
        lang,
      );
    case "count":
      return build(
        "count",
        { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
        words(
          lang,
          {
            title: `整数（${unit}）`,
            message: `填写不小于 0 的整数，单位：${unit}；只填数字，不带单位或“约”。`,
            alert: `请只填写不小于 0 的整数（单位：${unit}）：不要带单位、“约”“左右”或“万”“亿”；全角数字请改用半角。`,
          },
          {
            title: `Whole number (${unit})`,
            message: `Enter a whole number of 0 or more, in ${unit}: the figure alone, without the unit or 约.`,
            alert: `Enter a whole number of 0 or more alone (in ${unit}): no unit, no 约/左右, 万 or 亿, and half-width digits.`,
          },
        ),
        lang,
      );
    case "rank":
      return build(
        "rank",
        { wholeNumber: { formula1: 1, operator: "GreaterThanOrEqualTo" } },
        words(
          lang,
          {
            title: "位次（1 为最好）",
            message: "填写位次，不小于 1 的整数，1 为最好；只填数字，不写“第”“位”。",
            alert: "请只填写位次数字（不小于 1 的整数，1 为最好）：不要写“第”“位”“前”或“约”；全角数字请改用半角。",
          },
          {
            title: "Rank (1 = best)",
            message: "Enter the place: a whole number of 1 or more, 1 = best; the number alone.",
            alert:
              "Enter the place alone, a whole number of 1 or more (1 = best): no 第, 位, 前 or 约, and half-width digits.",
          },
        ),
        lang,
      );
    case "amount":
      return build(
        "amount",
        { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
        words(
          lang,
          {
            title: `数值（${unit}）`,
            message: `填写不小于 0 的数值，单位：${unit}，不要带单位、“约”或“万”“亿”。`,
            alert: `请只填写不小于 0 的数字本身（单位：${unit}）：不要带单位、“约”“左右”或“万”“亿”；全角数字请改用半角。`,
          },
          {
            title: `Amount (${unit})`,
            message: `Enter a number of 0 or more, in ${unit}, without the unit or 约.`,
            alert: `Enter the figure alone, a number of 0 or more in ${unit}: no unit, no 约/左右, 万 or 亿, and half-width digits.`,
          },
        ),
        lang,
      );
    case "index":
      return null;
  }
}

/** The official words a manual verdict may take, as a list (the first achieved label doubles as 已完成 in Chinese). */
export function manualStatusWords(lang: Lang): string[] {
  const words = [
    statusLabel("achieved", lang, { year: 0, targetYear: 1 }),
    statusLabel("achieved", lang),
    statusLabel("ahead", lang),
    statusLabel("onTrack", lang),
    statusLabel("lagging", lang),
    statusLabel("missed", lang),
  ];
  return [...new Set(words)];
}

export function manualStatusRule(lang: Lang): InputRule {
  return build(
    "manualStatus",
    { list: { inCellDropDown: true, source: manualStatusWords(lang).join(",") } },
    words(
      lang,
      {
        title: "人工状态（可选）",
        message: "填写官方评估结论时，将取代自动计算的状态；请在“说明”中写明依据。",
        alert: "请选用列表中的状态词。",
      },
      {
        title: "Manual status (optional)",
        message: "An official verdict entered here replaces the computed status; give the reason in the Note column.",
        alert: "Please pick one of the listed status words.",
      },
    ),
    lang,
  );
}
