/**
 * One word per status everywhere (issue #13 item 8). The rules (../shared/notes/planning-practice.md, status.ts):
 * a target reached before the target year is 提前实现, in or after it 已完成; then 快于预期, 基本符合预期, 滞后, 未完成.
 * English mirrors them one to one: achieved early, achieved, ahead, on track, lagging, missed. This test collects
 * the status words every table writes — the core's labels (cells, PLAN.STATUS, the portable copy, highlights), the
 * report's counts and summary paragraph (sheet and Word file), Excel's manual-status list, the pane's cards,
 * legend and messages — and fails on any other word, and on a synonym in any string of src/ outside the two
 * tables that read what staff type (status.ts, nativeFormulas.ts).
 * Before: English 提前实现 was "achieved" in cells but "achieved early" in the report's counts and "achieved
 * ahead of schedule" in its summary (read like the "ahead" status), 未完成 was "not achieved" there, and a function
 * message said 目标已实现.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { countLabel } from "../../src/core/evaluationReport";
import type { Lang } from "../../src/core/messages";
import type { ReportVerdict } from "../../src/core/reportDocument";
import { reportSummary, type SummaryItem } from "../../src/core/reportSummary";
import { statusLabel, statusLabels } from "../../src/core/status";
import { manualStatusWords } from "../../src/excel/inputValidation";
import { statusName } from "../../src/taskpane/app/components/StatusCards";
import { t } from "../../src/taskpane/app/i18n";

type Word = "achievedEarly" | "achieved" | "ahead" | "onTrack" | "lagging" | "missed";
const WORDS: readonly Word[] = ["achievedEarly", "achieved", "ahead", "onTrack", "lagging", "missed"];

/** The vocabulary, pinned. */
const VOCABULARY: Record<Lang, Record<Word, string>> = {
  zh: {
    achievedEarly: "提前实现",
    achieved: "已完成",
    ahead: "快于预期",
    onTrack: "基本符合预期",
    lagging: "滞后",
    missed: "未完成",
  },
  en: {
    achievedEarly: "achieved early",
    achieved: "achieved",
    ahead: "ahead",
    onTrack: "on track",
    lagging: "lagging",
    missed: "missed",
  },
};

const EARLY = { year: 2023, targetYear: 2025 };
const codeOf = (w: Word) => (w === "achievedEarly" ? "achieved" : w);

/** Words for a status that are not its word (read from what staff type, never written). */
const SYNONYMS =
  /提前完成|已提前实现|已实现|已达标|超前|(?<!基本)符合预期|高于预期|达到预期进度|未实现|achieved \(?ahead|not achieved|completed early|on schedule|behind schedule/i;

describe("one word per status", () => {
  it("the core's labels (cells, PLAN.STATUS, the portable copy, highlights) are the vocabulary", () => {
    for (const lang of ["zh", "en"] as const)
      for (const w of WORDS) {
        const opts = w === "achievedEarly" ? EARLY : w === "achieved" ? { year: 2025, targetYear: 2025 } : undefined;
        expect(statusLabel(codeOf(w), lang, opts), `${lang} ${w}`).toBe(VOCABULARY[lang][w]);
        expect(statusLabels(codeOf(w), opts)[lang]).toBe(VOCABULARY[lang][w]);
      }
  });

  it("the report's counts (sheet and Word file) use the same words", () => {
    for (const lang of ["zh", "en"] as const)
      for (const w of WORDS)
        expect(countLabel(codeOf(w), lang, w === "achievedEarly"), `${lang} ${w}`).toBe(VOCABULARY[lang][w]);
  });

  it.each(["zh", "en"] as const)(
    "the report's summary paragraph (%s) names each status by its word, no synonym",
    (lang) => {
      const items = (verdicts: ReportVerdict[]): SummaryItem[] =>
        verdicts.map((verdict, i) => ({
          name: `I${i}`,
          verdict,
          binding: verdict === "missed" || verdict === "lagging",
        }));
      const annual = (year: number) =>
        reportSummary(items(["achieved", "ahead", "onTrack", "lagging", "missed"]), {
          kind: "annual",
          lang,
          evaluationYear: year,
          targetYear: 2025,
          baseYear: 2020,
        }).join(" ");
      const early = annual(2023);
      const inTargetYear = annual(2025);
      const final = reportSummary(items(["achieved", "missed"]), {
        kind: "final",
        lang,
        evaluationYear: 2025,
        targetYear: 2025,
      }).join(" ");
      const v = VOCABULARY[lang];
      for (const word of [v.achievedEarly, v.ahead, v.onTrack, v.lagging, v.missed]) expect(early).toContain(word);
      expect(inTargetYear).toContain(v.achieved);
      expect(inTargetYear).not.toContain(v.achievedEarly);
      expect(final).toContain(v.achieved);
      expect(final).toContain(v.missed);
      for (const text of [early, inTargetYear, final]) expect(text).not.toMatch(SYNONYMS);
      // English: "ahead" belongs to 快于预期 alone; an early achievement never reads "ahead".
      if (lang === "en") expect(early).not.toMatch(/achieved ahead/);
    },
  );

  it("Excel's manual-status list offers exactly the vocabulary", () => {
    for (const lang of ["zh", "en"] as const) {
      const expected = [...new Set(WORDS.map((w) => VOCABULARY[lang][w]))];
      expect(manualStatusWords(lang)).toEqual(expected);
    }
  });

  it("the pane's cards, legend and status-word message use the same words", () => {
    for (const lang of ["zh", "en"] as const) {
      const v = VOCABULARY[lang];
      for (const w of ["achieved", "ahead", "onTrack", "lagging", "missed"] as const)
        expect(statusName(w, lang).toLowerCase()).toBe(v[w]);
      const legend = t(lang, "legendGreen").toLowerCase().split(/、|, /);
      expect(new Set(legend)).toEqual(new Set([v.achieved, v.achievedEarly]));
      const listed = /[（(]([^）)]*)[）)]/.exec(t(lang, "unknownStatusWord", { text: "x" }))![1]!.split(/、|, /);
      expect(new Set(listed)).toEqual(new Set(WORDS.map((w) => v[w])));
    }
  });

  it("no string in src/ writes a synonym, outside the tables that read what staff type", () => {
    const readers = new Set(["src/core/status.ts", "src/core/nativeFormulas.ts"]);
    const hits: string[] = [];
    const walk = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
        );
    const root = path.join(__dirname, "../..");
    for (const file of walk(path.join(root, "src"))) {
      const rel = path.relative(root, file).split(path.sep).join("/");
      if (readers.has(rel)) continue;
      const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
          const text = ts.isJsxText(node) ? node.getText() : node.text;
          if (SYNONYMS.test(text)) hits.push(`${rel}: ${text.slice(0, 120)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(hits).toEqual([]);
  });
});
