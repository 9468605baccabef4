/**
 * A rank indicator (排名/位次) says what each year needs in places — 每年需前进 N 位 / "Places to gain / yr" —
 * never "年均需增长" / "growth" (issue #13 item 8). Before, the pane labelled the rank's step as growth.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { evaluateIndicator, summarizePlan } from "../../src/core/indicatorEvaluation";
import { plan as planSchema } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { IndicatorList, indicatorRows } from "../../src/taskpane/app/components/IndicatorList";
import { neededFigure, neededTerm } from "../../src/taskpane/app/figures";
import { t } from "../../src/taskpane/app/i18n";

const rankPlan = planSchema.parse({
  ...seedPlan,
  // 综合科技进步水平: 3rd in 2020, to keep within the top 3; 5th in 2022 → 2 places to gain over 3 years.
  indicators: seedPlan.indicators
    .filter((i) => i.id === "TECH_PROGRESS_RANK")
    .map((i) => ({ ...i, actuals: { "2022": { value: 5 } } })),
});
const rank = rankPlan.indicators[0]!;
const GROWTH_WORDS = /增长|growth/i;

describe("a rank indicator's yearly need", () => {
  it("is places to gain, in both languages", () => {
    const ev = evaluateIndicator(rankPlan, rank, { evaluationYear: 2022 });
    expect(neededTerm(rank, ev)).toBe("requiredPlaces");
    expect(t("zh", neededTerm(rank, ev))).toBe("每年需前进");
    expect(t("en", neededTerm(rank, ev))).toBe("Places to gain / yr");
    expect(neededFigure(rank, ev, "zh").text).toBe("0.67 位");
    expect(neededFigure(rank, ev, "en").text).toBe("0.67 places");
  });

  it.each(["zh", "en"] as const)("the pane's row in %s never calls it growth", (lang) => {
    const summary = summarizePlan(rankPlan, { evaluationYear: 2022 });
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <IndicatorList
          rows={indicatorRows(summary, rankPlan.indicators, null)}
          lang={lang}
          onSelect={() => undefined}
        />
      </FluentProvider>,
    );
    expect(html).toContain(lang === "zh" ? "每年需前进" : "Places to gain / yr");
    expect(html).toContain(lang === "zh" ? "0.67 位" : "0.67 places");
    expect(html.replace(/<[^>]*>/g, " ")).not.toMatch(GROWTH_WORDS);
  });

  it("one place is singular in English", () => {
    const onePlace = planSchema.parse({ ...rankPlan, indicators: [{ ...rank, actuals: { "2024": { value: 4 } } }] });
    const ev = evaluateIndicator(onePlace, onePlace.indicators[0]!, { evaluationYear: 2024 });
    expect(neededFigure(onePlace.indicators[0]!, ev, "en").text).toBe("1 place");
  });
});
