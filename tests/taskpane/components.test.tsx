/**
 * The pane's components rendered to HTML (no DOM needed): accessible names the end-to-end tests
 * rely on, both languages, and plan or cell text always escaped, never interpreted as HTML.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { summarizePlan } from "../../src/core/indicatorEvaluation";
import { plan as planSchema } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { HighlightControl } from "../../src/taskpane/app/components/HighlightControl";
import { IndicatorList, indicatorRows } from "../../src/taskpane/app/components/IndicatorList";
import { StatusCards } from "../../src/taskpane/app/components/StatusCards";
import { ValidationPanel } from "../../src/taskpane/app/components/ValidationPanel";
import { t } from "../../src/taskpane/app/i18n";
import type { ReactElement } from "react";

const render = (el: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

const hostile = planSchema.parse({
  ...seedPlan,
  indicators: seedPlan.indicators.slice(0, 2).map((ind, i) => ({
    ...ind,
    name: { zh: `<img src=x onerror=alert(${i})>`, en: "<b>bold</b>" },
    actuals: { "2021": { value: i === 0 ? 4 : 1.3 } },
  })),
});

describe("pane components", () => {
  it("the main actions carry their names in both languages", () => {
    expect([t("en", "insertTemplate"), t("en", "validate"), t("en", "highlightOffTrack")]).toEqual([
      "Insert template",
      "Validate",
      "Highlight off-track",
    ]);
    expect([t("zh", "insertTemplate"), t("zh", "validate"), t("zh", "highlightOffTrack")]).toEqual([
      "插入模板",
      "校验数据",
      "标出滞后指标",
    ]);
    const html = render(<HighlightControl lang="en" checked={false} disabled={false} onChange={() => undefined} />);
    expect(html).toContain('role="switch"');
    expect(html).toContain("Highlight off-track");
  });

  it("renders plan text as text: markup in an indicator's name is escaped", () => {
    const summary = summarizePlan(hostile);
    const html = render(
      <IndicatorList rows={indicatorRows(summary, hostile.indicators, null)} lang="zh" onSelect={() => undefined} />,
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(0)&gt;");
    const cards = render(<StatusCards summary={summary} lang="en" filter={null} onFilter={() => undefined} />);
    expect(cards).toContain('aria-label="lagging: 1"');
    expect(cards).toContain('aria-pressed="false"');
  });

  it("lists findings with their cells as buttons, and offers fixes behind a preview", () => {
    const html = render(
      <ValidationPanel
        lang="en"
        indicatorCount={11}
        busy={false}
        onSelectCell={() => undefined}
        onApplyFixes={() => undefined}
        findings={[
          {
            key: "1",
            severity: "error",
            message: "“<i>x</i>” is not a number.",
            indicatorName: "A",
            year: 2021,
            address: "J7",
          },
          {
            key: "2",
            severity: "warning",
            message: "read as 1.3",
            indicatorName: "B",
            year: 2021,
            address: "J8",
            fix: { address: "J8", before: "１．３", beforeText: "１．３", after: 1.3 },
          },
        ]}
      />,
    );
    expect(html).toContain("1 error, 1 warning.");
    expect(html).toContain('title="Go to cell J7"');
    expect(html).not.toContain("<i>x</i>");
    expect(html).toContain("Preview fixes");
    expect(html).not.toContain("Apply fixes"); // applied only after the preview is opened and confirmed
  });
});
