/**
 * How the pane prints the core's figures: numbers in the UI language's style, gaps with the
 * indicator's unit (百分点 for shares), growth rates as percentages. Failures print as "—" with
 * the core's reason available as a tooltip.
 */
import { countOf, message, type Lang } from "../../core/messages";
import type { IndicatorEvaluation } from "../../core/indicatorEvaluation";
import type { Indicator } from "../../core/planSchema";
import type { Result } from "../../core/result";
import { t, type StringKey } from "./i18n";

export const DASH = "—";

export function formatNumber(value: number, lang: Lang, maxDigits = 2): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: maxDigits }).format(value);
}

export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(fraction);
}

export interface Figure {
  text: string;
  /** Why there is no number (the core's message), for a tooltip. */
  reason?: string;
}

function failure(result: Result<number> | null, lang: Lang): Figure {
  if (result && !result.ok) return { text: DASH, reason: message(result.code, lang, result.args) };
  return { text: DASH };
}

function unitText(ind: Indicator, ev: IndicatorEvaluation, lang: Lang): string {
  if (ev.percentagePoints) return ` ${t(lang, "percentPoints")}`;
  const unit = ind.unit[lang];
  return unit === "%" ? "%" : ` ${unit}`;
}

export function latestFigure(ind: Indicator, ev: IndicatorEvaluation, lang: Lang): Figure {
  if (!ev.latest) return { text: DASH, reason: message("eval.noData", lang) };
  const unit = ind.unit[lang];
  return { text: `${formatNumber(ev.latest.value, lang)}${unit === "%" ? "%" : ` ${unit}`} (${ev.latest.year})` };
}

/** The gap to target: positive = still short. */
export function gapFigure(ind: Indicator, ev: IndicatorEvaluation, lang: Lang): Figure {
  if (!ev.gap || !ev.gap.ok) return failure(ev.gap, lang);
  return { text: `${formatNumber(ev.gap.value, lang)}${unitText(ind, ev, lang)}` };
}

/**
 * The name of what each remaining year needs: a rank moves by places (每年需前进 N 位), never by growth; shares
 * by points (每年需提高); other levels by growth (年均需增长).
 */
export function neededTerm(ind: Indicator, ev: IndicatorEvaluation): StringKey {
  if (ind.kind === "rank") return "requiredPlaces";
  return ev.percentagePoints ? "requiredStep" : "requiredGrowth";
}

/** What each remaining year needs: growth in % for levels, points for shares, places for ranks, the step otherwise. */
export function neededFigure(ind: Indicator, ev: IndicatorEvaluation, lang: Lang): Figure {
  const perYear = lang === "zh" ? "/年" : "/yr";
  if (ind.kind === "rank") {
    if (!ev.requiredStep || !ev.requiredStep.ok) return failure(ev.requiredStep, lang);
    // Rank 1 is best: the step towards a better place is negative; the places to gain are its size.
    const places = Number(Math.abs(ev.requiredStep.value).toFixed(2));
    return { text: lang === "zh" ? `${formatNumber(places, lang)} 位` : countOf(places, "place", "places") };
  }
  if (!ev.percentagePoints && ev.requiredGrowth) {
    return ev.requiredGrowth.ok
      ? { text: `${formatPercent(ev.requiredGrowth.value, lang)}${perYear}` }
      : failure(ev.requiredGrowth, lang);
  }
  if (ev.requiredStep) {
    return ev.requiredStep.ok
      ? { text: `${formatNumber(ev.requiredStep.value, lang)}${unitText(ind, ev, lang)}${perYear}` }
      : failure(ev.requiredStep, lang);
  }
  return { text: DASH };
}
