/**
 * The template-integrity notice rendered to HTML: what no longer matches, as text (a header staff
 * renamed to markup is shown, never interpreted), and the repair offered only when there is one.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TemplateIntegrityNotice } from "../../src/taskpane/app/components/TemplateIntegrityNotice";
import { integrityText } from "../../src/taskpane/app/integrityView";
import type { ReactElement } from "react";

const render = (el: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

describe("TemplateIntegrityNotice", () => {
  it("lists the problems as text and offers the repair", () => {
    const html = render(
      <TemplateIntegrityNotice
        title={integrityText("zh", "title")}
        problems={["表头 J5 现为“<img src=x onerror=alert(1)>”，应为“目标值”"]}
        repair={{ label: integrityText("zh", "repairAction"), hint: integrityText("zh", "repairHint") }}
        disabled={false}
        onRepair={() => undefined}
      />,
    );
    expect(html).toContain("指标表与模板不再一致");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("恢复表头和指标代码");
  });

  it("offers no button when nothing can be repaired", () => {
    const html = render(
      <TemplateIntegrityNotice
        title={integrityText("en", "title")}
        problems={["The “Status” column cannot be found"]}
        repair={null}
        disabled={false}
        onRepair={() => undefined}
      />,
    );
    expect(html).toContain("The indicator table no longer matches the template");
    expect(html).not.toContain("<button");
  });
});
