/**
 * What a figure may be, by the indicator's kind and the form its figures are published in. The one
 * rule the template reader (templateRow.ts) and validation (validation.ts) apply, so a figure the
 * pane refuses is refused on the sheet too: a share of 930 % is a typing error in both, never a
 * number either of them computes with.
 *
 * level figures: a share 0–100, a count whole ≥ 0, a rank whole ≥ 1, an amount ≥ 0, an index anything;
 * rate figures (that year's growth in %): above −100;
 * change figures (that year's change): for shares −100…100, otherwise anything.
 */
import type { MessageCode } from "./messages";
import type { FigureForm, IndicatorKind } from "./planSchema";

export function figureRangeCode(kind: IndicatorKind | null, figures: FigureForm, value: number): MessageCode | null {
  if (figures === "rate") return value <= -100 ? "validate.rateOutOfRange" : null;
  if (figures === "change") {
    return kind === "percent" && (value < -100 || value > 100) ? "validate.changeOutOfRange" : null;
  }
  switch (kind) {
    case "percent":
      return value < 0 || value > 100 ? "validate.percentOutOfRange" : null;
    case "count":
      return Number.isInteger(value) && value >= 0 ? null : "validate.countInvalid";
    case "rank":
      return Number.isInteger(value) && value >= 1 ? null : "validate.rankInvalid";
    case "amount":
      return value >= 0 ? null : "validate.amountNegative";
    case "index":
    case null:
      return null;
  }
}
