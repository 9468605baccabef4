/**
 * How the template prints (src/excel/templatePrint.ts, pure): the print scale worked out as Excel works out
 * "fit to 1 page wide" — A4 landscape less the margins set, over the summed widths of the printed columns —
 * is at least 70 % for the seed plan and the national 14th FYP table; a 15-year plan, which cannot reach it
 * on one page, prints two pages wide at a legible scale and says so. The widths before this change (one
 * fixed width per column kind, still used by the portable copy) gave about 40 %: the test fails on them.
 */
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/planSchema";
import { parsePlanTable, planFromDrafts } from "../../src/core/planTableImport";
import { seedPlan } from "../../src/core/seedPlan";
import type { Lang } from "../../src/core/messages";
import { buildFreshTemplate, columnWidth, titleBlock } from "../../src/excel/templateContent";
import { widePrintNote } from "../../src/excel/templatePage";
import {
  formattedText,
  INDICATOR_COLUMNS,
  MIN_TEMPLATE_SCALE,
  pagesAcross,
  TEMPLATE_PRINTABLE_WIDTH,
  templateColumnWidths,
  templatePrint,
  textPoints,
  wrappedWidth,
} from "../../src/excel/templatePrint";
import { tableRows } from "../core/realTables/fixtures";

/** The national 14th FYP main-indicator table as printed, imported; its text targets confirmed as text. */
function national14th(): Plan {
  const r = parsePlanTable(tableRows("cn-14th-fyp"));
  if (!r.ok) throw new Error(r.message.en);
  const drafts = r.drafts.map((d) =>
    d.target
      ? d
      : { ...d, textByStaff: true, target: { kind: "text" as const, text: { zh: d.targetText, en: d.targetText } } },
  );
  const made = planFromDrafts(drafts, {
    id: "cn-14th-fyp",
    title: "“十四五”经济社会发展主要指标",
    issuer: "国务院",
    date: "2021-03-13",
    baseYear: r.baseYear,
    targetYear: r.targetYear,
    note: r.tableNote,
  });
  if (!made.ok) throw new Error(made.issues.map((i) => i.message.en).join("\n"));
  return made.plan;
}

/** A five-year plan with its 2035 vision: fifteen year columns (the longest period the schema takes). */
const fifteenYears: Plan = { ...seedPlan, targetYear: 2035 };

function printOf(plan: Plan, lang: Lang, widthOf?: (i: number) => number) {
  const fresh = buildFreshTemplate(plan, lang);
  const firstColumnLabel = titleBlock(plan, lang).evaluationYearLabel;
  const widths = templateColumnWidths({ ...fresh, lang, targetYear: plan.targetYear, firstColumnLabel });
  const printed = fresh.columns
    .map((c, i) => ({ c, w: widthOf ? widthOf(i) : widths[i]! }))
    .filter(({ c }) => c.role !== "technical")
    .map(({ w }) => w);
  return { print: templatePrint(printed, INDICATOR_COLUMNS.length), widths, fresh };
}

describe("the template's print scale (fit to A4 landscape, hidden technical columns left out)", () => {
  it("the printable width is A4 landscape (297 mm = 841.89 pt) less 0.25 in margins left and right", () => {
    expect(TEMPLATE_PRINTABLE_WIDTH).toBeCloseTo(841.89 - 36, 6);
  });

  it.each([
    ["the seed plan (11 main indicators and its supplementary goals, 2021–2025)", seedPlan],
    [
      "the seed plan's 11 main indicators",
      { ...seedPlan, indicators: seedPlan.indicators.filter((i) => !i.supplementary) },
    ],
    ["the national 14th FYP table (20 indicators)", national14th()],
  ])("%s prints one page wide at ≥ 70 %%", (_name, plan) => {
    const { print } = printOf(plan as Plan, "zh");
    expect(print.pagesWide).toBe(1);
    expect(print.scale).toBeGreaterThanOrEqual(MIN_TEMPLATE_SCALE);
    // The scale is Excel's fit-to-width: the largest whole percent at which the printed columns fit.
    expect(print.scale).toBe(Math.min(100, Math.floor((TEMPLATE_PRINTABLE_WIDTH * 100) / print.printedWidth)));
    expect(widePrintNote(print)).toBeNull();
  });

  it("the widths the template had before (one per column kind) printed the seed at about 40 %: below 70", () => {
    const fresh = buildFreshTemplate(seedPlan, "zh");
    const { print } = printOf(seedPlan, "zh", (i) => columnWidth(fresh.columns[i]!));
    expect(print.fitScale).toBeLessThan(MIN_TEMPLATE_SCALE);
    expect(print.fitScale).toBeLessThan(45);
  });

  it("a 15-year plan cannot fit one page at 70 %: it prints 2 pages wide at ≥ 70 %, the indicator columns repeated, and says so", () => {
    const { print } = printOf(fifteenYears, "zh");
    expect(print.fitScale).toBeLessThan(MIN_TEMPLATE_SCALE);
    expect(print.pagesWide).toBe(2);
    expect(print.scale).toBeGreaterThanOrEqual(MIN_TEMPLATE_SCALE);
    const note = widePrintNote(print)!;
    expect(note.zh).toContain(`按 2 页宽、${print.scale}% 打印`);
    expect(note.zh).toContain("每页左侧重复序号、类型、指标列");
    expect(note.en).toContain(`2 pages wide at ${print.scale}%`);
    // Within Excel's 255 characters per footer, with "&L" and the page number in the centre.
    expect(`&L${note.en}&CPage &P of &N`.length).toBeLessThanOrEqual(255);
  });

  it("technical columns are not counted (hidden: not printed); every printed column is at least as wide as its header needs", () => {
    const { widths, fresh, print } = printOf(seedPlan, "zh");
    const visible = fresh.columns.filter((c) => c.role !== "technical");
    expect(print.printedWidth).toBe(
      widths.filter((_w, i) => fresh.columns[i]!.role !== "technical").reduce((a, b) => a + b, 0),
    );
    expect(visible.length).toBeLessThan(fresh.columns.length);
    fresh.columns.forEach((c, i) => {
      if (c.role !== "technical") expect(widths[i], c.key).toBeGreaterThanOrEqual(wrappedWidth(c.header.zh, 2));
    });
  });

  it("long names wrap (the name column stays narrower than the longest name) and targets show in full on one line", () => {
    const { widths, fresh } = printOf(seedPlan, "zh");
    const name = fresh.columns.findIndex((c) => c.key === "name");
    const longest = Math.max(...seedPlan.indicators.map((i) => textPoints(i.name.zh)));
    expect(widths[name]!).toBeLessThan(longest);
    expect(widths[name]!).toBeGreaterThanOrEqual(wrappedWidth("省级以上企业技术中心、重点实验室、工程中心等", 3));
    // 前3位 and 年均增长 30.0% (numbers never wrap: a narrower column would show ####).
    const target = fresh.columns.findIndex((c) => c.key === "target");
    expect(widths[target]!).toBeGreaterThanOrEqual(textPoints("年均增长 30.0%"));
  });
});

describe("the pieces", () => {
  it("formattedText shows a number as the template's formats do", () => {
    expect(formattedText(3, '"前"0"位"')).toBe("前3位");
    expect(formattedText(7, '"年均增长 "0.0"%"')).toBe("年均增长 7.0%");
    expect(formattedText(13.5, '"〔"0.0"〕"')).toBe("〔13.5〕");
    expect(formattedText(0.123, "0.0%")).toBe("12.3%");
    expect(formattedText(1.2, "0.00")).toBe("1.20");
    expect(formattedText(24.51, "General")).toBe("24.51");
    expect(formattedText(5.5, '"≤"0.0')).toBe("≤5.5");
  });

  it("wrappedWidth breaks between CJK characters, never inside a number or a word", () => {
    expect(wrappedWidth("投入指标", 2)).toBe(wrappedWidth("投入", 1));
    expect(wrappedWidth("2021年", 2)).toBeGreaterThanOrEqual(textPoints("2021"));
    expect(wrappedWidth("Required annual growth", 3)).toBeGreaterThanOrEqual(textPoints("Required"));
  });

  it("pagesAcross packs columns as Excel breaks pages, the title columns repeated on each page", () => {
    const room = TEMPLATE_PRINTABLE_WIDTH; // at 100 %
    expect(pagesAcross([100, room - 100], 1, 100)).toBe(1);
    expect(pagesAcross([100, room - 100, 10], 1, 100)).toBe(2);
    // Each page starts with the title column again: that can cost a page.
    expect(pagesAcross([100, 400, 400, 400], 0, 100)).toBe(2);
    expect(pagesAcross([100, 400, 400, 400], 1, 100)).toBe(3);
    // At a smaller scale more fits on a page.
    expect(pagesAcross([100, 400, 400, 400], 1, 70)).toBe(2);
  });

  it("templatePrint keeps one page when the fit is legible, and caps the scale at 100 %", () => {
    expect(templatePrint([200, 200], 1)).toMatchObject({ scale: 100, pagesWide: 1 });
    const fit = templatePrint([TEMPLATE_PRINTABLE_WIDTH / 0.75], 1);
    expect(fit).toMatchObject({ scale: 75, pagesWide: 1 });
  });
});
