/**
 * The words a template cell, a function argument or a plan file may use for the plan's fixed
 * vocabulary, read in Chinese or English (or as the schema's codes), and written back the same way.
 * One reader per word list, used by the template, the functions, the table import and the plan file.
 */
import type { Lang } from "./messages";
import type { Attribute, Comparator, Direction, FigureForm, Obligation, YearlyTarget } from "./planSchema";

function word(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return value.normalize("NFKC").trim().toLowerCase();
}

/** Direction words staff and plans use; null for anything else. */
export function parseDirection(value: unknown): Direction | null {
  if (value === "up" || value === "down") return value; // what the template and most formulas pass: no normalising
  const w = word(value);
  if (w === null) return null;
  if (["up", "正向", "向上", "越大越好", "越高越好", "higher", "higher is better"].includes(w)) return "up";
  if (["down", "逆向", "负向", "向下", "越小越好", "越低越好", "lower", "lower is better"].includes(w)) return "down";
  return null;
}

const BINDING_WORDS = ["约束性", "约束", "binding", "true", "1"];
const EXPECTED_WORDS = ["预期性", "预期", "expected", "anticipatory", "false", "0"];
/** What a table or file prints when it does not state the attribute. */
const UNSTATED_WORDS = ["未注明", "未标注", "不详", "—", "-", "–", "/", "unknown", "not stated", "null"];

/** 约束性/预期性, binding/expected, TRUE/FALSE, 1/0 → whether the indicator is binding; null for anything else. */
export function parseBinding(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  const w = word(value);
  if (w === null) return null;
  if (BINDING_WORDS.includes(w)) return true;
  if (EXPECTED_WORDS.includes(w)) return false;
  return null;
}

/**
 * An attribute cell: binding or expected, null for a blank or a word that says "not stated"
 * (未注明), undefined for anything else (a cell that needs fixing).
 */
export function parseAttribute(value: unknown): Attribute | undefined {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  const w = word(value);
  if (w !== null && UNSTATED_WORDS.includes(w)) return null;
  const b = parseBinding(value);
  return b === null ? undefined : b ? "binding" : "expected";
}

export function attributeWord(a: Attribute, lang: Lang): string {
  if (a === null) return lang === "zh" ? "未注明" : "not stated";
  if (a === "binding") return lang === "zh" ? "约束性" : "binding";
  return lang === "zh" ? "预期性" : "expected";
}

export function directionWord(d: Direction, lang: Lang): string {
  return d === "up" ? (lang === "zh" ? "正向" : "higher is better") : lang === "zh" ? "逆向" : "lower is better";
}

/** linear/geometric and their Chinese names (线性/等差, 几何/等比); null for anything else. */
export function parsePath(value: unknown): "linear" | "geometric" | null {
  const w = word(value);
  if (w === null) return null;
  if (["linear", "线性", "等差", "直线"].includes(w)) return "linear";
  if (["geometric", "几何", "等比", "复合"].includes(w)) return "geometric";
  return null;
}

export function parseComparator(value: unknown): Comparator | null {
  const w = word(value);
  if (w === null) return null;
  if ([">=", "≥", ">", "以上", "不低于", "at least"].includes(w)) return ">=";
  if (["<=", "≤", "<", "以下", "以内", "不高于", "不超过", "at most"].includes(w)) return "<=";
  return null;
}

export function parseObligation(value: unknown): Obligation | null {
  const w = word(value);
  if (w === null) return null;
  if (["reach", "达到", "实现", "提高到"].includes(w)) return "reach";
  if (["keep", "保持", "控制", "控制在", "hold"].includes(w)) return "keep";
  return null;
}

export function parseFigureForm(value: unknown): FigureForm | null {
  const w = word(value);
  if (w === null) return null;
  if (["level", "水平", "水平值", "总量", "当年值"].includes(w)) return "level";
  if (["rate", "增速", "增长率", "当年增速", "growth rate"].includes(w)) return "rate";
  if (["change", "变化量", "当年变化", "当年降低", "yearly change"].includes(w)) return "change";
  return null;
}

/** 是/yes/TRUE/1 → true; blank or 否/no/FALSE/0 → false; anything else null. */
export function parseYesNo(value: unknown): boolean | null {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  const w = word(value);
  if (w === null) return null;
  if (["", "否", "no", "false", "0"].includes(w)) return false;
  if (["是", "yes", "true", "1", "约", "左右", "~"].includes(w)) return true;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Yearly targets in one cell: `2021:>=6; 2022:≈>=5.5±0.3`

const YEARLY_ENTRY =
  /^((?:19|20|21)\d\d)\s*[:：]\s*(≈|~)?\s*(>=|<=|≥|≤)\s*([+-]?\d+(?:\.\d+)?)(?:\s*±\s*(\d+(?:\.\d+)?))?$/;

export function formatYearlyTargets(targets: Readonly<Record<string, YearlyTarget>> | undefined): string {
  if (!targets) return "";
  return Object.keys(targets)
    .sort()
    .map((year) => {
      const t = targets[year]!;
      const band = t.approximate && t.band !== undefined ? `±${t.band}` : "";
      return `${year}:${t.approximate ? "≈" : ""}${t.comparator}${t.value}${band}`;
    })
    .join("; ");
}

/** The cell's yearly targets, or null when an entry cannot be read (the cell needs fixing). Blank → {}. */
export function parseYearlyTargets(value: unknown): Record<string, YearlyTarget> | null {
  if (value === null || value === undefined) return {};
  if (typeof value !== "string") return null;
  const text = value.normalize("NFKC").trim();
  if (text === "") return {};
  const out: Record<string, YearlyTarget> = {};
  for (const part of text.split(/[;；]/)) {
    const entry = part.trim();
    if (entry === "") continue;
    const m = YEARLY_ENTRY.exec(entry);
    if (!m) return null;
    const comparator = m[3] === ">=" || m[3] === "≥" ? ">=" : "<=";
    const approximate = m[2] !== undefined;
    out[m[1]!] = {
      value: Number(m[4]),
      comparator,
      ...(approximate ? { approximate: true } : {}),
      ...(approximate && m[5] !== undefined ? { band: Number(m[5]) } : {}),
    };
  }
  return out;
}
