/**
 * Build a plan from a plan's main-indicator table as staff paste it into a sheet, laid out like
 * the seed's: 类型 | 序号 | 指标 (单位) | 2020年 | 2025年 | 属性, with `*` on baselines from an
 * earlier year that a note line states ("注: *为2019年数据").
 *
 * The parser only proposes: every indicator comes back as a draft with a guessed kind, direction
 * and target form, which the pane shows in a form for staff to confirm before anything is used.
 * Guesses follow how plans write targets (docs: planning-practice §9): "<5.5" a ceiling, "15左右"
 * approximately, "〔13.5〕" a five-year total, "前3位" a rank, ">7" with 年均 an average annual
 * growth, words a qualitative target.
 */
import { parsePlanFile, type PlanFileResult } from "./planFile";
import { parseUserNumber } from "./numberParsing";
import type { Attribute, Direction, IndicatorKind, PlanInput, Target } from "./planSchema";
import { normalizeHeader, parseBinding, yearFromHeader } from "./templateLayout";

type Message = { zh: string; en: string };

export interface IndicatorDraft {
  /** 0-based row of the selection the indicator came from (for messages). */
  row: number;
  id: string;
  number: string | null;
  category: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  attribute: Attribute;
  baseline: number | null;
  baselineYear: number;
  /** The target cell as written in the plan. */
  targetText: string;
  target: Target;
  /** What was guessed rather than read, for the form to point out. */
  notes: Message[];
}

export type TableImport =
  | { ok: true; baseYear: number; targetYear: number; drafts: IndicatorDraft[]; warnings: Message[] }
  | { ok: false; message: Message };

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).normalize("NFKC").trim();
}

const HEADER_WORDS: Record<"category" | "number" | "name" | "unit" | "attribute", string[]> = {
  category: ["类型", "类别", "分类", "category"],
  number: ["序号", "编号", "no.", "no", "#"],
  name: ["指标", "指标名称", "indicator", "name"],
  unit: ["单位", "unit"],
  attribute: ["属性", "指标属性", "attribute"],
};

interface Layout {
  headerRow: number;
  columns: Partial<Record<keyof typeof HEADER_WORDS | "baseline" | "target", number>>;
  baseYear: number;
  targetYear: number;
}

/** A year header: 2020年, 2020, 2025年目标, 基期(2020年) … */
function headerYear(v: unknown): number | null {
  const direct = yearFromHeader(v);
  if (direct !== null) return direct;
  const m = /(19|20|21)\d\d/.exec(text(v));
  return m ? Number(m[0]) : null;
}

function findLayout(rows: readonly (readonly unknown[])[]): Layout | null {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const columns: Layout["columns"] = {};
    const years: Array<{ col: number; year: number }> = [];
    row.forEach((cell, c) => {
      const h = normalizeHeader(cell);
      for (const [key, words] of Object.entries(HEADER_WORDS) as Array<[keyof typeof HEADER_WORDS, string[]]>) {
        if (columns[key] === undefined && words.includes(h)) columns[key] = c;
      }
      const y = headerYear(cell);
      if (y !== null) years.push({ col: c, year: y });
    });
    if (columns.name === undefined || years.length < 2) continue;
    years.sort((a, b) => a.year - b.year);
    const base = years[0]!;
    const target = years[years.length - 1]!;
    if (target.year <= base.year) continue;
    return {
      headerRow: r,
      columns: { ...columns, baseline: base.col, target: target.col },
      baseYear: base.year,
      targetYear: target.year,
    };
  }
  return null;
}

/** "注: *为2019年数据", "* 2019 data", "带*指标为2019年数据" → 2019. */
export function starYear(rows: readonly (readonly unknown[])[]): number | null {
  for (const row of rows) {
    for (const cell of row) {
      const t = text(cell);
      if (!t.includes("*")) continue;
      const m = /\*[^0-9]{0,12}((?:19|20)\d\d)/.exec(t);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** "综合科技进步水平(位)" → name and unit; full-width brackets too. */
export function splitNameUnit(cell: string): { name: string; unit: string } {
  const m = /^(.*?)[(（[【]([^()（）[\]【】]{1,12})[)）\]】]\s*$/.exec(cell);
  return m ? { name: m[1]!.trim(), unit: m[2]!.trim() } : { name: cell.trim(), unit: "" };
}

const COUNT_UNITS = [
  "家",
  "个",
  "件",
  "项",
  "座",
  "所",
  "台",
  "户",
  "人",
  "名",
  "篇",
  "部",
  "条",
  "家次",
  "人次",
  "处",
];
const RANK_UNITS = ["位", "名次", "rank"];
/** Per-head and per-10,000 ratios are not whole things even when the unit is 人 or 件. */
const RATIO_WORDS = /每万|每千|每百|万人|人均|千人|百人|per/i;
const DOWN_WORDS = /降低|下降|减少|削减|控制在|能耗|排放|失业率|死亡率|发病率|事故|贫困|浓度|pm2\.?5|cut|reduc|lower/i;
const GROWTH_WORDS = /年均|年增长|每年增长|annual/i;
const REDUCTION_WORDS = /降低|下降|减少|削减|cut|reduc/i;

export function guessKind(unit: string, name: string): IndicatorKind {
  const u = unit.trim().toLowerCase();
  if (u === "%" || u === "％" || u === "百分比") return "percent";
  if (RANK_UNITS.includes(u)) return "rank";
  if (COUNT_UNITS.includes(u)) return RATIO_WORDS.test(name) ? "amount" : "count";
  if (/元|吨|千瓦|公里|米|立方|亩|公顷|岁|年|小时/.test(u)) return "amount";
  return "index";
}

function guessDirection(kind: IndicatorKind, name: string): Direction {
  if (kind === "rank") return "down";
  return DOWN_WORDS.test(name) ? "down" : "up";
}

function number(t: string): number | null {
  const parsed = parseUserNumber(t, { percent: true });
  return parsed.ok ? parsed.value : null;
}

/**
 * The target form a plan's target cell stands for. Returns the target and, where the form changes
 * the indicator (a rank, a ceiling), the kind and direction that go with it.
 */
export function guessTarget(
  cell: string,
  name: string,
  kind: IndicatorKind,
  direction: Direction,
): { target: Target; kind: IndicatorKind; direction: Direction } {
  const t = text(cell).replace(/\s+/g, "");
  const growthWords = GROWTH_WORDS.test(name) || GROWTH_WORDS.test(t);
  // 〔13.5〕: a five-year total; reductions compound.
  const total = /^[〔[【]([^〕\]】]+)[〕\]】]$/.exec(t);
  if (total) {
    const v = number(total[1]!);
    if (v !== null) {
      const mode = REDUCTION_WORDS.test(name) ? "reduction" : "increase";
      return { target: { kind: "cumulative", value: v, mode }, kind, direction: "up" };
    }
  }
  // 前3位: a rank, lower is better.
  const rank = /^(?:前|第)(\d+)(?:位|名)?(?:以内|左右)?$/.exec(t);
  if (rank)
    return { target: { kind: "level", value: Number(rank[1]), comparator: "<=" }, kind: "rank", direction: "down" };
  // 提高6个百分点: a change added up over the period.
  const points = /^(?:提高|增加|上升)(.+?)个?百分点$/.exec(t);
  if (points) {
    const v = number(points[1]!);
    if (v !== null) return { target: { kind: "cumulative", value: v, mode: "increase" }, kind, direction: "up" };
  }
  // Annotations in brackets ("(年均)") say how to read the number; the number is what is left.
  const bare = t.replace(/[(（][^)）]*[)）]/g, "");
  const cmp =
    /^(>=|<=|≥|≤|>|<|＞|＜|不低于|不高于|不超过|高于|低于|超过|大于|小于|控制在)?(.+?)(左右|以上|以下|以内)?$/.exec(
      bare,
    );
  const v = cmp ? number(cmp[2]!.replace(/^约/, "")) : null;
  if (cmp && v !== null) {
    const op = cmp[1] ?? "";
    const tail = cmp[3] ?? "";
    const approx = tail === "左右" || cmp[2]!.startsWith("约");
    const below = /^(<=|≤|<|＜|不高于|不超过|低于|小于|控制在)$/.test(op) || tail === "以下" || tail === "以内";
    const above = /^(>=|≥|>|＞|不低于|高于|超过|大于)$/.test(op) || tail === "以上";
    if (growthWords && !below && kind !== "rank") {
      return { target: { kind: "annualGrowth", value: v }, kind, direction };
    }
    if (approx) return { target: { kind: "level", value: v, comparator: "~" }, kind, direction };
    if (below) return { target: { kind: "level", value: v, comparator: "<=" }, kind, direction: "down" };
    if (above) return { target: { kind: "level", value: v, comparator: ">=" }, kind, direction: "up" };
    return { target: { kind: "level", value: v, comparator: direction === "down" ? "<=" : ">=" }, kind, direction };
  }
  const words = t === "" ? "—" : text(cell);
  return { target: { kind: "text", text: { zh: words, en: words } }, kind, direction };
}

const ATTRIBUTE_DEFAULT: Attribute = "expected";

/** Reads a selection laid out like the seed's table; every row becomes a draft to confirm. */
export function parsePlanTable(rows: readonly (readonly unknown[])[]): TableImport {
  const layout = findLayout(rows);
  if (!layout) {
    return {
      ok: false,
      message: {
        zh: "所选区域中找不到指标表的表头：需要“指标”列和两个年份列（如 2020年、2025年）。",
        en: "No indicator table header in the selection: it needs an 指标 (indicator) column and two year columns (such as 2020年 and 2025年).",
      },
    };
  }
  const star = starYear(rows);
  const warnings: Message[] = [];
  const drafts: IndicatorDraft[] = [];
  let category = "";
  const col = layout.columns;
  const cell = (row: readonly unknown[], key: keyof Layout["columns"]) =>
    col[key] === undefined ? "" : text(row[col[key]!]);
  let starWarned = false;

  for (let r = layout.headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const nameCell = cell(row, "name");
    if (nameCell === "" || /^(注|说明|note)/i.test(text(row[0])) || /^(注|note)[:：]/i.test(nameCell)) {
      if (row.every((v) => text(v) === "")) continue;
      if (nameCell === "") continue;
      break;
    }
    category = cell(row, "category") || category;
    const split = splitNameUnit(nameCell);
    const unit = cell(row, "unit") || split.unit;
    const notes: Message[] = [];
    let kind = guessKind(unit, split.name);
    let direction = guessDirection(kind, split.name);
    const baselineText = cell(row, "baseline");
    const starred = /[*＊]/.test(baselineText);
    const baseline = number(baselineText.replace(/[*＊]/g, ""));
    let baselineYear = layout.baseYear;
    if (starred) {
      if (star !== null) baselineYear = star;
      else {
        baselineYear = layout.baseYear - 1;
        if (!starWarned)
          warnings.push({
            zh: `基期值带 * 但未找到说明年份的注释行，暂按 ${baselineYear} 年处理，请核对。`,
            en: `Baselines are marked * but no note line gives their year; ${baselineYear} is assumed, please check.`,
          });
        starWarned = true;
      }
      notes.push({ zh: `基期为 ${baselineYear} 年数据`, en: `baseline from ${baselineYear}` });
    }
    if (baselineText !== "" && baseline === null && !/^[—–\-－/]+$/.test(baselineText)) {
      notes.push({
        zh: `基期值“${baselineText}”不是数字，按缺失处理`,
        en: `baseline “${baselineText}” is not a number; treated as missing`,
      });
    }
    const targetText = cell(row, "target");
    const guess = guessTarget(targetText, split.name, kind, direction);
    kind = guess.kind;
    direction = guess.direction;
    if (guess.target.kind === "text")
      notes.push({ zh: "文字目标：只能人工判断状态", en: "qualitative target: manual verdict only" });
    const attribute = parseBinding(cell(row, "attribute")) ? "binding" : ATTRIBUTE_DEFAULT;
    const numberText = cell(row, "number");
    drafts.push({
      row: r,
      id: `IND_${String(drafts.length + 1).padStart(2, "0")}`,
      number: numberText === "" ? null : numberText,
      category: category || "—",
      name: split.name,
      unit: unit || "—",
      kind,
      direction,
      attribute,
      baseline,
      baselineYear,
      targetText,
      target: guess.target,
      notes,
    });
  }
  if (drafts.length === 0) {
    return {
      ok: false,
      message: { zh: "表头下面没有指标行。", en: "There are no indicator rows under the header." },
    };
  }
  return { ok: true, baseYear: layout.baseYear, targetYear: layout.targetYear, drafts, warnings };
}

export interface PlanMeta {
  id: string;
  title: string;
  issuer: string;
  date: string;
  baseYear: number;
  targetYear: number;
}

/**
 * The plan the confirmed drafts make, checked by the plan schema (messages name the field and the
 * row, as for a plan file). Texts are in the table's language only: both zh and en carry them.
 */
export function planFromDrafts(drafts: readonly IndicatorDraft[], meta: PlanMeta): PlanFileResult {
  const both = (s: string) => ({ zh: s || "—", en: s || "—" });
  const candidate: PlanInput = {
    formatVersion: 1,
    id: meta.id,
    title: both(meta.title),
    source: { document: both(meta.title), issuer: both(meta.issuer), date: meta.date },
    baseYear: meta.baseYear,
    targetYear: meta.targetYear,
    indicators: drafts.map((d) => ({
      id: d.id,
      ...(d.number !== null ? { number: d.number } : {}),
      category: both(d.category),
      name: both(d.name),
      unit: both(d.unit),
      kind: d.kind,
      direction: d.direction,
      baseline: d.baseline,
      baselineYear: d.baselineYear,
      target: d.target,
      attribute: d.attribute,
      actuals: {},
    })),
  };
  return parsePlanFile(JSON.stringify(candidate));
}
