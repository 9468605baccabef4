/**
 * Reading a real table's fixture files as the tests use them: table.tsv split as Excel pastes it
 * (lines on \n, cells on tabs), figures.json put into an imported plan in each indicator's figure
 * form, and the published verdict words as status codes.
 */
import fs from "node:fs";
import path from "node:path";
import type { Actual, Indicator, Plan, StatusCode } from "../../../src/core/planSchema";

const root = path.resolve(__dirname, "../../../seeds/tables");

export function tableIds(): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, "table.tsv")))
    .map((d) => d.name)
    .sort();
}

/** table.tsv as a pasted block: one row per line, one cell per tab. */
export function tableRows(id: string): string[][] {
  return fs
    .readFileSync(path.join(root, id, "table.tsv"), "utf8")
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.split("\t"));
}

interface FixtureFigure {
  value: number | null;
  form: "growthRate" | "level" | "yearlyChange" | "cumulativeChange" | "statement" | "components";
  /** A level given alongside a growth rate. */
  level?: number;
}

interface FigureFile {
  indicators: Array<{ row: number; name: string; figures?: Record<string, FixtureFigure> }>;
}

export interface VerdictFile {
  evaluationYear?: number;
  verdicts: Array<{ row: number; name: string; verdict: string | null; confidence: string | null }>;
}

export function readJson<T>(id: string, file: string): T | null {
  const p = path.join(root, id, file);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, "utf8")) as T) : null;
}

/** The words the published evaluations use, as the status codes of the rules. */
const VERDICT_WORDS: Record<string, StatusCode> = {
  提前实现: "achieved",
  提前达到规划目标: "achieved",
  超额完成: "achieved",
  完成: "achieved",
  已完成: "achieved",
  快于预期: "ahead",
  好于预期: "ahead",
  基本符合预期: "onTrack",
  符合预期: "onTrack",
  滞后: "lagging",
  未完成: "missed",
};

export function verdictCode(word: string): StatusCode {
  const code = VERDICT_WORDS[word];
  if (!code) throw new Error(`unknown verdict word ${word}`);
  return code;
}

export interface PlacedFigures {
  plan: Plan;
  /** Figures that could not be typed in the indicator's form (row → why). */
  skipped: Array<{ row: number; key: string; why: string }>;
}

/**
 * The plan with the fixture's figures typed in, in each indicator's figure form: rates as rates, levels
 * as levels, yearly cuts as changes; a level where rates are typed becomes the rate against the year
 * before; a total fall since the base year (cumulativeChange) is typed as an index with base = 100.
 * Period keys that are not years (2023H1) go to the year given, unless that year already has a figure.
 */
export function withFigures(plan: Plan, id: string, periodYears: Record<string, number> = {}): PlacedFigures {
  const file = readJson<FigureFile>(id, "figures.json");
  const skipped: PlacedFigures["skipped"] = [];
  if (!file) return { plan, skipped };
  const indicators = plan.indicators.map((ind, i) => {
    const entry = file.indicators.find((f) => f.row === i + 1);
    if (!entry?.figures) return ind;
    let out: Indicator = { ...ind, actuals: { ...ind.actuals } };
    const levels = new Map<number, number>();
    for (const [key, f] of Object.entries(entry.figures)) {
      const y = /^\d{4}$/.test(key) ? Number(key) : periodYears[key];
      if (y === undefined) continue;
      if (f.form === "level" && f.value !== null) levels.set(y, f.value);
      else if (f.level !== undefined) levels.set(y, f.level);
    }
    const calendar = new Set(Object.keys(entry.figures).filter((k) => /^\d{4}$/.test(k)));
    for (const [key, f] of Object.entries(entry.figures)) {
      const y = /^\d{4}$/.test(key) ? Number(key) : periodYears[key];
      if (y === undefined) {
        skipped.push({ row: i + 1, key, why: "a period that is not a year" });
        continue;
      }
      if (!/^\d{4}$/.test(key) && calendar.has(String(y))) {
        skipped.push({ row: i + 1, key, why: `the year ${y} has its own figure` });
        continue;
      }
      if (f.value === null) {
        skipped.push({ row: i + 1, key, why: `${f.form}: no number` });
        continue;
      }
      let value: number | null = null;
      if (f.form === "cumulativeChange" && out.target.kind === "cumulative" && out.target.mode === "reduction") {
        out = {
          ...out,
          figures: "level",
          baselineRevisions: [{ value: 100, reason: "指数：基期 = 100（公布的是较基期累计下降幅度）" }],
        };
        value = 100 - f.value;
      } else if (out.figures === "rate") {
        if (f.form === "growthRate") value = f.value;
        else if (f.form === "level") {
          const before = levels.get(y - 1);
          value = before !== undefined ? (f.value / before - 1) * 100 : null;
        }
      } else if (out.figures === "level") {
        if (f.form === "level") value = f.value;
      } else if (out.figures === "change") {
        if (f.form === "yearlyChange") value = f.value;
      }
      if (value === null) {
        skipped.push({ row: i + 1, key, why: `${f.form} cannot be typed as ${out.figures}` });
        continue;
      }
      const actual: Actual = { value };
      out.actuals[String(y)] = actual;
    }
    return out;
  });
  return { plan: { ...plan, indicators }, skipped };
}
