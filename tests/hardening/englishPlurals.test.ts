/**
 * English counts agree with their noun (issue #13 item 8): "1 warning", never "1 warnings". Every English message
 * template in src/ and the preview is filled with 1 for each placeholder (as fillTemplate fills them, so
 * {count|indicator|indicators} gives "1 indicator") and must not print "1 <plural>"; and a count written straight
 * into a template literal (`${count} indicators`) must go through countOf or choose the noun itself.
 * Before: "1 errors, 1 warnings.", "Fixed 1 cells.", "Inserted the sheet … (1 indicators)", "1 indicators: …".
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../src/core/messages";

const root = path.join(__dirname, "../..");
/** Nouns the add-in counts, in the plural. */
const PLURAL =
  "indicators|indicator IDs|cells|errors|warnings|figures|formulas|headers|parts|texts|rows|values|places|sheets|files|items|findings|fixes|pages|rules|copies|syncs|commands|changes|targets|records|reasons-and-next-steps texts";
const ONE_PLURAL = new RegExp(`\\b1 (?:more |new |other )?(?:${PLURAL})\\b`);
/** `${count} cells`: a count-like expression straight before a plural noun. */
const COUNT_EXPRESSION =
  /^(?:count|total|n|added|kept|skipped|applied|errors|warnings|cells|carriedCells|[\w.]*\.length|[\w.]*\.size)$/;
const NOUN_AFTER = new RegExp(`^ (?:more |new |other )?(?:${PLURAL})\\b`);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
}

function scan(): { templates: string[]; literals: string[] } {
  const templates: string[] = [];
  const literals: string[] = [];
  for (const file of [...sourceFiles(path.join(root, "src")), ...sourceFiles(path.join(root, "dev/preview"))]) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) && !/[\u4e00-\u9fff]/.test(node.text) && /\{\w+/.test(node.text)) {
        const names = [...node.text.matchAll(/\{(\w+)/g)].map((m) => m[1]!);
        const filled = fillTemplate(node.text, Object.fromEntries(names.map((n) => [n, 1])));
        if (ONE_PLURAL.test(filled)) templates.push(`${rel}: ${filled.slice(0, 140)}`);
      }
      if (ts.isTemplateExpression(node))
        for (const span of node.templateSpans) {
          const expression = span.expression.getText(source);
          if (COUNT_EXPRESSION.test(expression) && NOUN_AFTER.test(span.literal.text))
            literals.push(`${rel}: \${${expression}}${span.literal.text.slice(0, 40)}`);
        }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { templates, literals };
}

describe("English plurals", () => {
  const found = scan();

  it("no English message template prints '1 <plural>'", () => {
    expect(found.templates).toEqual([]);
  });

  it("no count goes straight into a template literal before a plural noun", () => {
    expect(found.literals).toEqual([]);
  });

  it("the pane's findings line: 1 error, 1 warning; 2 errors, 0 warnings", async () => {
    const { t } = await import("../../src/taskpane/app/i18n");
    expect(t("en", "findingsSummary", { errors: 1, warnings: 1 })).toBe("1 error, 1 warning.");
    expect(t("en", "findingsSummary", { errors: 2, warnings: 0 })).toBe("2 errors, 0 warnings.");
    expect(t("en", "inserted", { sheet: "Plan indicators", count: 1 })).toBe(
      "Inserted the sheet “Plan indicators” (1 indicator).",
    );
    const { insertedText } = await import("../../src/taskpane/app/store/insertAction");
    const { seedPlan } = await import("../../src/core/seedPlan");
    expect(insertedText("Plan indicators", seedPlan, "en")).toBe(
      "Inserted the sheet “Plan indicators” (11 main indicators, and 4 other goals listed below the table).",
    );
    const pair = new Set(["PROVINCIAL_RD_PLATFORMS", "HIGH_VALUE_PATENTS_TOTAL"]);
    const oneOther = { ...seedPlan, indicators: seedPlan.indicators.filter((i) => pair.has(i.id)) };
    expect(insertedText("Plan indicators", oneOther, "en")).toBe(
      "Inserted the sheet “Plan indicators” (1 main indicator, and 1 other goal listed below the table).",
    );
    expect(t("zh", "findingsSummary", { errors: 1, warnings: 1 })).toBe("1 个错误，1 个警告。");
  });
});
