/**
 * The table-import review form: its choices give back every target the reader proposes (all forms of
 * plan version 2), staff's edits reach the plan, and the confirm button stays disabled, with the reason
 * and the cell's text, while a target is unread — until staff mark it a text target or give it a form.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parsePlanTable, planFromDrafts, type TableImportResult } from "../../src/core/planTableImport";
import { TableImportForm } from "../../src/taskpane/app/travel/TableImportForm";
import {
  applyChoices,
  choiceOf,
  confirmBlockers,
  describeTarget,
  rowChoiceOf,
  targetFrom,
} from "../../src/taskpane/app/travel/targetForms";
import { tableIds, tableRows } from "../core/realTables/fixtures";

const render = (el: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

function imported(id: string): TableImportResult {
  const r = parsePlanTable(tableRows(id));
  if (!r.ok) throw new Error(r.message.en);
  return r;
}

const meta = { id: "x", title: "x", issuer: "x", date: "2026-01-01", baseYear: 2020, targetYear: 2025 };

describe("targetForms", () => {
  it.each(tableIds())("%s: the form's starting choice of every row is the reader's target", (id) => {
    for (const d of imported(id).drafts) expect(targetFrom(choiceOf(d)), d.name).toEqual(d.target);
  });

  it("an unread row blocks until staff mark it a text target (kept as printed) or choose a form and value", () => {
    const table = imported("sh-14th-fyp");
    const choices = table.drafts.map(rowChoiceOf);
    const blockers = confirmBlockers(table.drafts, choices);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]!.zh).toMatch(
      /第14行“中心城区二级旧里以下房屋改造面积”.*\[成片:五年累计约110 零星:五年累计约20\]/,
    );

    const i = table.drafts.findIndex((d) => d.target === null);
    const asText = choices.map((c, k) => (k === i ? { ...c, target: { ...c.target, form: "text" as const } } : c));
    expect(confirmBlockers(table.drafts, asText)).toEqual([]);
    const drafts = applyChoices(table.drafts, asText);
    expect(drafts[i]).toMatchObject({
      textByStaff: true,
      target: { kind: "text", text: { zh: "[成片:五年累计约110 零星:五年累计约20]" } },
    });
    expect(planFromDrafts(drafts, meta).ok).toBe(true);

    // A form with no value yet still blocks, with its own reason.
    const noValue = choices.map((c, k) =>
      k === i ? { ...c, target: { ...c.target, form: "cumulative" as const } } : c,
    );
    expect(confirmBlockers(table.drafts, noValue)[0]!.zh).toMatch(/目标值应为数字/);
    const withValue = noValue.map((c, k) =>
      k === i ? { ...c, target: { ...c.target, value: "130", approximate: true, mode: "increase" as const } } : c,
    );
    expect(confirmBlockers(table.drafts, withValue)).toEqual([]);
    expect(applyChoices(table.drafts, withValue)[i]!.target).toEqual({
      kind: "cumulative",
      value: 130,
      mode: "increase",
      approximate: true,
    });
  });

  it("staff's attribute, baseline, figure form and relative reference reach the plan; an empty baseline is unknown", () => {
    const table = imported("cn-14th-fyp");
    const choices = table.drafts.map(rowChoiceOf);
    choices[18] = { ...choices[18]!, attribute: null, baseline: "6.69", baselineYear: "2020", figures: "level" };
    choices[1] = { ...choices[1]!, target: { ...choices[1]!.target, relation: "inStep", reference: "IND_07" } };
    choices[2] = { ...choices[2]!, baseline: "" };
    const made = planFromDrafts(applyChoices(table.drafts, choices), meta);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.plan.indicators[18]).toMatchObject({ attribute: null, baseline: 6.69, baselineYear: 2020 });
    expect(made.plan.indicators[1]!.target).toMatchObject({
      kind: "relative",
      relation: "inStep",
      reference: "IND_07",
    });
    expect(made.plan.indicators[2]!.baseline).toBeNull();
    // A relative target whose row is left out blocks.
    choices[6] = { ...choices[6]!, excluded: true };
    expect(confirmBlockers(table.drafts, choices)[0]!.zh).toMatch(/对照指标/);
  });

  it("describes each target in planning staff's words", () => {
    const names = new Map([["IND_01", "国内生产总值（GDP）增长"]]);
    const at = { lang: "zh" as const, unit: "%", targetYear: 2025, names };
    expect(describeTarget({ kind: "level", value: 65, comparator: ">=", obligation: "reach" }, at)).toBe(
      "2025年不低于65%（达到）",
    );
    expect(describeTarget({ kind: "level", value: 5.5, comparator: "<=", obligation: "keep" }, at)).toBe(
      "2025年不高于5.5%（保持：期间须一直满足）",
    );
    expect(describeTarget({ kind: "cumulative", value: 13.5, mode: "reduction" }, at)).toMatch(/五年累计降低13.5%/);
    expect(describeTarget({ kind: "cumulative", value: 6, mode: "increase" }, at)).toBe("五年累计提高6个百分点");
    expect(describeTarget({ kind: "annualGrowth", value: 5, comparator: ">=", approximate: true }, at)).toBe(
      "年均增长不低于约5%",
    );
    expect(
      describeTarget({ kind: "relative", relation: "above", reference: "IND_01", text: { zh: "", en: "" } }, at),
    ).toBe("增长高于“国内生产总值（GDP）增长”");
    expect(describeTarget(null, at)).toMatch(/未读出/);
    expect(describeTarget(null, { ...at, lang: "en" })).toMatch(/not read/);
  });
});

describe("TableImportForm", () => {
  it("shows the unread cell with its text and keeps “Use this plan” disabled with the reason", () => {
    const html = render(
      <TableImportForm lang="zh" table={imported("sh-14th-fyp")} onUse={() => {}} onCancel={() => {}} />,
    );
    expect(html).toMatch(/<mark[^>]*>\[成片:五年累计约110 零星:五年累计约20\]<\/mark>/);
    expect(html).toContain("还有 1 处需要先处理");
    expect(html).toMatch(/<button[^>]*disabled[^>]*>使用此规划<\/button>/);
    expect(html).toContain("年均[累计]");
    expect(html).toContain("未注明");
  });

  it("is ready when every row is read; English too", () => {
    const html = render(
      <TableImportForm lang="en" table={imported("cn-14th-fyp")} onUse={() => {}} onCancel={() => {}} />,
    );
    expect(html).toContain("Every row is read");
    expect(html).not.toMatch(/<button[^>]*disabled[^>]*>Use this plan<\/button>/);
    expect(html).toContain("保持在合理区间、各年度视情提出");
  });

  it("renders cell text as text, never as HTML", () => {
    const r = parsePlanTable([
      ["类别", "指标", "2020年", "2025年", "属性"],
      ["<b>x</b>", "<img src=x onerror=alert(1)>（%）", "1", "<script>", "预期性"],
    ]);
    if (!r.ok) throw new Error("not parsed");
    const html = render(<TableImportForm lang="zh" table={r} onUse={() => {}} onCancel={() => {}} />);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
