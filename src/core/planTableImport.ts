/**
 * Build a plan from a plan's main-indicator table as printed (pasted into a sheet, or selected), and
 * lose nothing on the way.
 *
 * The table may look like any real published one: a header of one or two rows (“十四五”目标 spanning
 * 2025年 and 年均[累计]); 类别/类型, 序号, 指标 (possibly spanning a category and a sub-group column),
 * 单位, a base-year column, a target-year column, a 年均/累计 column and 属性; merged category cells
 * arriving as blanks; numbered names (1. / （1）) with the unit in brackets and footnote markers glued on
 * (城市2, 拥有量[1]); note lines at the bottom (注：①〔〕内为5年累计数。②带*的为2019年数据。…).
 *
 * Every row becomes an IndicatorDraft that keeps the original text of every cell it read and proposes
 * the plan model's fields (version 2). The reader only proposes: what it cannot read with certainty is
 * a listed problem with the cell's text (in Chinese and English, naming the row and the indicator), a
 * target it cannot read stays unread (null) and blocks the plan until staff choose a form, or mark it
 * a text target themselves. Nothing is dropped or defaulted silently: a blank 属性 is 未注明 (null), a
 * baseline printed “—” is unknown (null), never 0.
 *
 * Target forms (planning-practice §9, docs/formulas.md): 〔13.5〕 a five-year total (reduction when the
 * name says 降低/下降/减少), >7 in the 年均 column a 年均增长 rate, <5.5 / 90以上 / ≥8 a bound, 15左右 / 约18
 * approximate, 提高6个百分点 a rise in points, 高于GDP增长 / 与经济增长基本同步 relative to another row,
 * 前3位 a rank, words a text target, “>7、力争…” a rate with its clause kept as a note.
 */
import { parsePlanFile, type PlanFileIssue, type PlanFileResult } from "./planFile";
import type {
  Attribute,
  Comparator,
  Direction,
  FigureForm,
  IndicatorKind,
  Obligation,
  PlanInput,
  Target,
} from "./planSchema";
import { inferObligation } from "./status";
import { parseAttribute } from "./templateWords";
import { englishUnit } from "./unitWords";

export type Message = { zh: string; en: string };

// ---------------------------------------------------------------------------------------------
// Types

/** What a column of the table holds. */
export type CellRole =
  "category" | "group" | "number" | "name" | "unit" | "baseline" | "targetYear" | "cumulative" | "attribute" | "other";

/** One cell of a row as printed, with its column's header as printed. */
export interface OriginalCell {
  role: CellRole;
  column: number;
  header: string;
  text: string;
}

export type ProblemField = "name" | "baseline" | "target" | "reference" | "attribute";

/** Something the reader could not read with certainty, with the cell's original text. */
export interface DraftProblem {
  field: ProblemField;
  /** The header of the column the text is in, as printed. */
  header: string;
  /** The cell's text as printed. */
  text: string;
  message: Message;
  /** An unread target or a reference not found: the plan cannot be made until staff resolve it. */
  blocking: boolean;
}

export type TargetCell = "targetYear" | "cumulative";

export interface IndicatorDraft {
  /** 0-based row of the selection the indicator came from. */
  row: number;
  /** The row as staff see it in the sheet (1-based), for messages. */
  sheetRow: number;
  /** Every non-empty cell of the row (and the merged cells it inherits), as printed. */
  cells: OriginalCell[];
  id: string;
  number: string | null;
  category: string;
  name: string;
  /** Footnote markers read off the name (城市2 → "2", 拥有量[1] → "1"). */
  footnotes: string[];
  /** "" when the table prints none. */
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  figures: FigureForm;
  /** null = 未注明 (the table does not say). */
  attribute: Attribute;
  /** null = unknown (printed —, blank, or not a number). */
  baseline: number | null;
  baselineYear: number | null;
  /** null while the target is unread. */
  target: Target | null;
  /** The cell the target was read from. */
  targetCell: TargetCell | null;
  /** That cell's text as printed ("" when no cell holds a target). */
  targetText: string;
  /** Staff marked an unread target as a text target themselves. */
  textByStaff: boolean;
  /** A relative target whose reference is not (yet) chosen: the relation and the words printed. */
  relativeHint: { relation: "above" | "inStep"; referenceText: string } | null;
  /** The other target cell when both hold one (森林覆盖率 23.04 and 〔1.38〕), kept and checked. */
  secondary: { cell: TargetCell; header: string; text: string } | null;
  /** Kept on the indicator: a clause after the target, footnotes, the second target form. */
  note: string | null;
  /** What the reader decided, for the form to show (not problems). */
  notes: Message[];
  problems: DraftProblem[];
  /** Staff chose not to import this row (never set by the reader). */
  excluded?: boolean;
}

export interface TableImportResult {
  ok: true;
  baseYear: number;
  targetYear: number;
  /** Text above the header (the table's title), when the selection includes it. */
  title: string | null;
  /** The note lines as printed, one per line. */
  tableNote: string | null;
  /** The year the note gives for baselines marked * (带*的为2019年数据). */
  starYear: number | null;
  drafts: IndicatorDraft[];
  /** About the table as a whole (the period assumed, rows or columns not used). */
  warnings: Message[];
}

export type TableImport = TableImportResult | { ok: false; message: Message };

export interface TableImportOptions {
  /** The sheet row of the selection's first row (messages name sheet rows); default 1. */
  firstRow?: number;
}

// ---------------------------------------------------------------------------------------------
// Text

/** A cell as printed: text trimmed, numbers as Excel shows them. */
function raw(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return joinLines(v).trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  try {
    return String(v).trim();
  } catch {
    return "";
  }
}

/** In-cell line breaks (Alt+Enter, print wrapping): none between Chinese characters, a space elsewhere. */
function joinLines(s: string): string {
  if (!/[\r\n]/.test(s)) return s;
  return s.replace(/\s*[\r\n]+\s*/g, (m, offset: number, all: string) => {
    const before = all[offset - 1] ?? "";
    const after = all[offset + m.length] ?? "";
    return /\p{Script=Han}/u.test(before) && /\p{Script=Han}/u.test(after) ? "" : " ";
  });
}

/**
 * Full-width ASCII forms (＞，（）［］１２) as ASCII, the ideographic space as a space, "。" between digits
 * as a point. Circled numbers (①), Roman numerals (Ⅲ) and 〔〕 stay as printed.
 */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/\u2212/g, "-")
    .replace(/(\d)。(\d)/g, "$1.$2");
}

/** For matching words: half-width, no spaces, lower case, no thousands separators (2,800 → 2800). */
function compact(s: string): string {
  return ungroup(halfWidth(s).replace(/\s+/g, "").toLowerCase());
}

/** 2,800 and 12,345.6 as plain numbers, so a thousands separator is not taken for a clause's comma. */
function ungroup(s: string): string {
  return s.replace(/\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, ""));
}

const DASH_ONLY = /^[-‐‑‒–—―─−/\\／＼]+$/;
const NONE_WORDS = new Set(["无", "暂无", "不适用", "n/a", "na"]);

/** A cell that says "nothing here": blank, —, -, /, 无. */
export function isEmptyCell(text: string): boolean {
  return isNone(text);
}

function isNone(text: string): boolean {
  const c = compact(text);
  return c === "" || DASH_ONLY.test(c) || NONE_WORDS.has(c);
}

const ASCII_DIGIT = /\d/;
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

function hasDigit(text: string): boolean {
  return ASCII_DIGIT.test(halfWidth(text));
}

/** Numbers written in words (翻一番, 两倍, 百分之五): a number the reader cannot take as text. */
const WORD_NUMBER = /翻[一两二三四五]番|[一二两三四五六七八九十百千]+倍|百分之|[一二三四五六七八九十]+个百分点/;

function readNumber(s: string): number | null {
  const m = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.exec(s);
  if (!m) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const fmt = (n: number) => String(Math.round(n * 1e9) / 1e9);

// ---------------------------------------------------------------------------------------------
// Words in names and units

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
  "张",
  "辆",
  "艘",
  "架",
  "套",
  "家次",
  "人次",
  "处",
];
const RANK_UNITS = ["位", "名次", "rank"];
/** Per-head and per-10,000 ratios are not whole things even when the unit is 人 or 件. */
const RATIO_WORDS = /每万|每千|每百|每十万|万人|人均|千人|百人|per/i;
/** Words in a name that say lower is better. */
const DOWN_WORDS =
  /降低|下降|减少|削减|压减|能耗|排放|失业率|死亡率|发病率|事故|贫困发生率|浓度|极差|劣[ⅤV5]类|污染天数|超标|cut|reduc|lower/i;
const REDUCTION_WORDS = /降低|下降|减少|削减|压减|降幅|cut|reduc/i;
/** A name that is itself a growth rate (the published statistic is that year's growth). */
const GROWTH_NAME = /增长|增速|增幅|growth/i;
/** A name that is a change over the period (its yearly figures are that year's change). */
const CHANGE_NAME = /^新增|(降低|下降|减少|削减|压减|提高|提升|增加|增长|降幅|增幅)(率|幅度|量)?$/;

/**
 * The kind of an indicator from its unit (and name): % a share, 位 a rank, whole things counts
 * (unless per head or in 万/亿), money, weights, areas, years and ages amounts, anything else an index.
 */
export function guessKind(unit: string, name: string): IndicatorKind {
  const u = compact(unit);
  if (u === "%" || u === "百分比" || u === "百分点") return "percent";
  if (RANK_UNITS.includes(u)) return "rank";
  if (COUNT_UNITS.includes(u)) return RATIO_WORDS.test(name) ? "amount" : "count";
  // 万张, 万个, 亿人次, 千户: whole things counted in ten-thousands hold decimals.
  if (/^[十百千万亿]+/.test(u) && COUNT_UNITS.includes(u.replace(/^[十百千万亿]+/, ""))) return "amount";
  if (/元|吨|瓦|公里|米|立方|亩|公顷|岁|年|小时|天|克|升|标准煤|kg|km|kw|t$/.test(u)) return "amount";
  if (u.includes("/")) return "amount";
  return "index";
}

function wordsDirection(name: string, kind: IndicatorKind): Direction {
  if (kind === "rank") return "down";
  return DOWN_WORDS.test(name) ? "down" : "up";
}

function segments(name: string): string[] {
  return name.split(/[：:]/).map((s) => s.trim());
}

function describesChange(name: string): boolean {
  return segments(name).some((s) => CHANGE_NAME.test(s.replace(/[(（][^)）]*[)）]$/, "")));
}

function isGrowthName(name: string): boolean {
  return GROWTH_NAME.test(name) && !REDUCTION_WORDS.test(name);
}

// ---------------------------------------------------------------------------------------------
// Names: numbering, unit in brackets, footnote markers

export interface NameParts {
  number: string | null;
  name: string;
  unit: string;
  footnotes: string[];
  /** A * glued to the name: the row's figures are from the note's * year. */
  starred: boolean;
}

const UNIT_MEASURE_AFTER = /^[岁年月日天个人件项家位名次倍类级万千百亿元吨%‰米克升期届批号·.,、\d]/;

/**
 * Splits a printed name: "1.国内生产总值（GDP）增长（%）" → 1, 国内生产总值（GDP）增长, %; "（1）…" numbered;
 * "地级及以上城市2空气质量…" → footnote 2 when the notes have a note 2; "…拥有量[1]" → footnote 1.
 * The name keeps its printed characters (full-width brackets, Ⅲ); only the parts read off are removed.
 */
export function splitIndicatorName(
  cell: string,
  opts: { footnoteNumbers?: ReadonlySet<string>; unitInName?: boolean } = {},
): NameParts {
  let s = cell.trim();
  let number: string | null = null;
  const footnotes: string[] = [];
  let starred = false;

  const dotted = /^([0-9０-９]{1,3})\s*[.．、]\s*(?![0-9０-９])/.exec(s);
  const bracketed = /^[(（]\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]\s*/.exec(s);
  if (dotted) {
    number = halfWidth(dotted[1]!);
    s = s.slice(dotted[0].length);
  } else if (bracketed) {
    number = `(${halfWidth(bracketed[1]!)})`;
    s = s.slice(bracketed[0].length);
  }

  // * glued to the name (带*指标).
  if (/^[*＊]|[*＊]$/.test(s)) {
    starred = true;
    s = s.replace(/^[*＊]+|[*＊]+$/g, "").trim();
  }
  // [1] / ［2］ / 【3】 footnote markers at the end.
  for (;;) {
    const m = /\s*[[［【]\s*([0-9０-９]{1,2})\s*[\]］】]\s*$/.exec(s);
    if (!m) break;
    footnotes.unshift(halfWidth(m[1]!));
    s = s.slice(0, m.index);
  }

  let unit = "";
  if (opts.unitInName !== false) {
    const m = /^(.+?)\s*[(（]([^()（）]{1,12})[)）]\s*$/.exec(s);
    if (m && looksLikeUnit(m[2]!)) {
      s = m[1]!;
      unit = m[2]!.trim();
    }
  }

  // Footnote digits glued between Chinese characters or at the end: only when the notes have that note.
  const known = opts.footnoteNumbers;
  if (known && known.size > 0) {
    s = s.replace(
      /(\p{Script=Han})([0-9０-９]{1,2})(?=(\p{Script=Han}|$|[(（]))/gu,
      (all, before: string, digits, _n, offset) => {
        const d = halfWidth(digits as string);
        const after = s.slice((offset as number) + all.length);
        if (!known.has(d) || UNIT_MEASURE_AFTER.test(after)) return all;
        footnotes.push(d);
        return before;
      },
    );
  }
  // Nothing left but marks ("1.", "[1]", "*"): the printed text is the name.
  if (s.trim() === "") return { number: null, name: cell.trim(), unit: "", footnotes: [], starred: false };
  return { number, name: s.trim(), unit, footnotes, starred };
}

/** Bracket contents that are a unit (%、亿吨标准煤、万元/人), not part of the name (GDP, 一、二类, PM2.5、PM10). */
function looksLikeUnit(text: string): boolean {
  const t = halfWidth(text).trim();
  if (t === "") return false;
  if (/[、,;，；]/.test(t)) return false;
  if (/^[A-Z]{2,}$/.test(t)) return false; // GDP, CPI
  if (/\d/.test(t) && !/^[\d.]+\s*[^\d\s]+$/.test(t)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Note lines

export interface TableNotes {
  text: string;
  starYear: number | null;
  /** Numbered notes: "2" → "空气质量评价覆盖全国338个城市…". */
  footnotes: Map<string, string>;
}

/** "注：①〔〕内为5年累计数。②带*的为2019年数据。" → star year 2019, notes 1 and 2. */
export function readTableNotes(lines: readonly string[]): TableNotes {
  const text = lines.join("\n");
  const half = halfWidth(text);
  const star = /[*＊](?:号)?(?:的|指标)?[^0-9\n]{0,14}?((?:19|20|21)\d\d)\s*年/.exec(half);
  const footnotes = new Map<string, string>();
  for (const printed of lines) {
    // halfWidth keeps every character's position, so positions found in it slice the printed line.
    const lead = /^\s*((注|说明|备注|附注|note)\s*[:：]?)?\s*/i.exec(halfWidth(printed))![0].length;
    const line = printed.slice(lead);
    const l = halfWidth(line);
    const take = (start: number, end: number) => line.slice(start, end).trim();
    // ① … ② …
    const circled = [...l.matchAll(new RegExp(`[${CIRCLED}]`, "g"))];
    if (circled.length > 0) {
      circled.forEach((m, i) => {
        const end = i + 1 < circled.length ? circled[i + 1]!.index! : l.length;
        footnotes.set(String(CIRCLED.indexOf(m[0]) + 1), take(m.index! + 1, end));
      });
      continue;
    }
    // [1] … / (1) …
    const bracketed = [...l.matchAll(/[[【(]\s*(\d{1,2})\s*[\]】)]/g)].filter(
      (m) => m.index === 0 || /[。;；\s]/.test(l[m.index! - 1]!),
    );
    if (bracketed.length > 0) {
      bracketed.forEach((m, i) => {
        const end = i + 1 < bracketed.length ? bracketed[i + 1]!.index! : l.length;
        footnotes.set(m[1]!, take(m.index! + m[0].length, end));
      });
      continue;
    }
    // 1.… 2.… (numbers at the start or after a full stop, in order)
    const numbered: Array<{ n: number; index: number; length: number }> = [];
    let expect = 1;
    for (const m of l.matchAll(/(\d{1,2})[.、](?!\d)/g)) {
      const n = Number(m[1]);
      const at = m.index!;
      if (n !== expect) continue;
      if (at !== 0 && !/[。;；\s]/.test(l[at - 1]!)) continue;
      numbered.push({ n, index: at, length: m[0].length });
      expect++;
    }
    numbered.forEach((m, i) => {
      const end = i + 1 < numbered.length ? numbered[i + 1]!.index : l.length;
      footnotes.set(String(m.n), take(m.index + m.length, end));
    });
  }
  return { text, starYear: star ? Number(star[1]) : null, footnotes };
}

const NOTE_START = /^\s*(注|说明|备注|附注|资料来源|数据来源|note\b)/i;
const MARKER_START = new RegExp(`^\\s*([[［【]\\s*[0-9０-９]{1,2}\\s*[\\]］】]|[${CIRCLED}]|[*＊])`);

// ---------------------------------------------------------------------------------------------
// The header

interface Layout {
  headerRow: number;
  bodyStart: number;
  width: number;
  /** Combined header text per column, as printed (“十四五”目标 2025年 for a two-row header). */
  headers: string[];
  /** The header staff know the column by: the lower row of a two-row header (2025年, 年均[累计]). */
  labels: string[];
  category?: number;
  group?: number;
  number?: number;
  name: number;
  unit?: number;
  attribute?: number;
  baseline?: number;
  targetYear?: number;
  cumulative?: number;
  baseYear: number | null;
  targetYearValue: number | null;
  /** The cumulative column's header says 年均 (an average), 累计 (a total), or both. */
  cumulativeMeans: { average: boolean; total: boolean };
  other: number[];
}

type HeaderRole =
  "category" | "number" | "name" | "unit" | "attribute" | "cumulative" | "year" | "base" | "target" | "other";

function headerRole(h: string): HeaderRole {
  const c = compact(h);
  if (c === "") return "other";
  if (/年均|累计|cumulative|average/.test(c)) return "cumulative";
  if (/属性|性质|attribute/.test(c)) return "attribute";
  if (/^(序号|编号|no\.?|#)$/.test(c)) return "number";
  if (/^(类别|类型|分类|领域|方面|指标类别|指标类型|一级指标|category)$/.test(c)) return "category";
  if (/^(单位|计量单位|unit)$/.test(c)) return "unit";
  if (/^(指标|指标名称|主要指标|名称|二级指标|indicator|name)$/.test(c)) return "name";
  const y = /(?:19|20|21)\d\d/.exec(c);
  if (y) {
    if (/基期|基数|现状|基准|base/.test(c)) return "base";
    if (/目标|规划|target/.test(c)) return "target";
    return "year";
  }
  if (/基期|基数|现状|基准|baseline/.test(c)) return "base";
  if (/目标|target/.test(c)) return "target";
  return "other";
}

function yearIn(h: string): number | null {
  const m = /(?:19|20|21)\d\d/.exec(compact(h));
  return m ? Number(m[0]) : null;
}

const PERIOD_DIGITS = "一二三四五六七八九";

/** “十四五” → 2020–2025; “十五五” → 2025–2030; null when the text names no plan period. */
export function periodOf(text: string): { baseYear: number; targetYear: number } | null {
  const m = new RegExp(`十([${PERIOD_DIGITS}])五`).exec(text);
  if (!m) return null;
  const n = 10 + PERIOD_DIGITS.indexOf(m[1]!) + 1;
  const baseYear = 2005 + 5 * (n - 11);
  return { baseYear, targetYear: baseYear + 5 };
}

/** The lower row of a two-row header: header words only, and nothing under the 指标 cell. */
function isSubHeader(row: readonly unknown[], nameColumn: number): boolean {
  if (raw(row[nameColumn]) !== "") return false;
  const texts = row.map(raw).filter((t) => t !== "");
  if (texts.length === 0) return false;
  const roles = texts.map(headerRole);
  return roles.every((r) => r !== "other" && r !== "name") && roles.some((r) => r !== "unit" && r !== "number");
}

function findLayout(rows: readonly (readonly unknown[])[]): Layout | null {
  const width = rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const limit = Math.min(rows.length, 40);
  for (let r = 0; r < limit; r++) {
    const top = Array.from({ length: width }, (_v, c) => raw(rows[r]?.[c]));
    if (!top.some((h) => headerRole(h) === "name")) continue;
    let headers = top;
    let labels = top;
    let bodyStart = r + 1;
    const next = rows[r + 1];
    if (
      next &&
      isSubHeader(
        next,
        top.findIndex((h) => headerRole(h) === "name"),
      )
    ) {
      const bottom = Array.from({ length: width }, (_v, c) => raw(next[c]));
      // A top cell spans the empty top cells to its right that have a bottom cell (“十四五”目标 over 2025年 | 年均[累计]).
      let spanning = "";
      headers = top.map((t, c) => {
        if (t !== "") spanning = t;
        const b = bottom[c]!;
        if (b === "") return t;
        const over = t !== "" ? t : spanning;
        return over !== "" && headerRole(over) !== "name" ? `${over} ${b}` : b;
      });
      labels = top.map((t, c) => bottom[c] || t);
      bodyStart = r + 2;
    }
    const layout = layoutFrom(headers, labels, r, bodyStart, width);
    if (layout) return layout;
  }
  return null;
}

function layoutFrom(
  headers: string[],
  labels: string[],
  headerRow: number,
  bodyStart: number,
  width: number,
): Layout | null {
  const roles = headers.map(headerRole);
  const first = (role: HeaderRole) => {
    const i = roles.indexOf(role);
    return i < 0 ? undefined : i;
  };
  const name = first("name");
  if (name === undefined) return null;
  // 指标 spanning empty header cells to its right: category | sub-group | name.
  let end = name;
  while (end + 1 < width && headers[end + 1] === "") end++;
  const block = Array.from({ length: end - name + 1 }, (_v, i) => name + i);
  let category = first("category");
  let group: number | undefined;
  const leaf = block[block.length - 1]!;
  const lead = block.slice(0, -1);
  if (lead.length > 0) {
    if (category === undefined) {
      category = lead[0];
      if (lead.length > 1) group = lead[1];
    } else group = lead[0];
  }

  const years: Array<{ col: number; year: number | null; role: HeaderRole }> = [];
  roles.forEach((role, col) => {
    if (role === "year" || role === "base" || role === "target") years.push({ col, year: yearIn(headers[col]!), role });
  });
  let baseline: number | undefined;
  let target: number | undefined;
  let baseYear: number | null = null;
  let targetYearValue: number | null = null;
  const explicitBase = years.find((y) => y.role === "base");
  const explicitTarget = years.find((y) => y.role === "target");
  const plain = years.filter((y) => y.role === "year" && y.year !== null).sort((a, b) => a.year! - b.year!);
  if (explicitBase) {
    baseline = explicitBase.col;
    baseYear = explicitBase.year;
  }
  if (explicitTarget) {
    target = explicitTarget.col;
    targetYearValue = explicitTarget.year;
  }
  if (baseline === undefined && target === undefined && plain.length >= 2) {
    baseline = plain[0]!.col;
    baseYear = plain[0]!.year;
    target = plain[plain.length - 1]!.col;
    targetYearValue = plain[plain.length - 1]!.year;
  } else if (target === undefined && plain.length > 0) {
    const last = plain[plain.length - 1]!;
    if (baseYear === null || last.year! > baseYear) {
      target = last.col;
      targetYearValue = last.year;
    }
  } else if (baseline === undefined && plain.length > 0) {
    const firstYear = plain[0]!;
    if (targetYearValue === null || firstYear.year! < targetYearValue) {
      baseline = firstYear.col;
      baseYear = firstYear.year;
    }
  }
  const cumulative = first("cumulative");
  if (target === undefined && cumulative === undefined) return null;
  const used = new Set(
    [
      category,
      group,
      ...block,
      first("number"),
      first("unit"),
      first("attribute"),
      baseline,
      target,
      cumulative,
    ].filter((c): c is number => c !== undefined),
  );
  const cumHeader = cumulative !== undefined ? compact(headers[cumulative]!) : "";
  return {
    headerRow,
    bodyStart,
    width,
    headers,
    labels,
    category,
    group,
    number: first("number"),
    name: leaf,
    unit: first("unit"),
    attribute: first("attribute"),
    baseline,
    targetYear: target,
    cumulative,
    baseYear,
    targetYearValue,
    cumulativeMeans: { average: /年均|average/.test(cumHeader), total: /累计|cumulative/.test(cumHeader) },
    other: Array.from({ length: width }, (_v, c) => c).filter((c) => !used.has(c) && headers[c] !== ""),
  };
}

// ---------------------------------------------------------------------------------------------
// Target cells

export interface TargetContext {
  /** The indicator's name (with its sub-group for parts of a group). */
  name: string;
  unit: string;
  kind: IndicatorKind;
  baseline: number | null;
  /** Which column the text is in, and what that column's header says it holds. */
  column: TargetCell;
  columnMeans?: { average: boolean; total: boolean };
}

export type TargetReading =
  | { state: "none" }
  | {
      state: "read";
      target: Target;
      figures: FigureForm;
      direction: Direction;
      kind: IndicatorKind;
      /** Words after the target (“、力争投入强度高于“十三五”时期实际”), kept as a note. */
      clause: string | null;
      notes: Message[];
      /** Read, but staff should check (a clause with a number in it). */
      doubts: Message[];
    }
  | {
      state: "relative";
      relation: "above" | "inStep";
      referenceText: string;
      figures: FigureForm;
    }
  | { state: "unread"; why: Message };

interface Bound {
  value: number;
  comparator: Comparator | null;
  approximate: boolean;
  /** 保持/控制/不低于/不高于/以内/稳定在: the bound must hold through the period. */
  keep: boolean;
  /** The words say 年均 (年均增长7%以上). */
  annual: boolean;
  /** The words say 增长 (增长5%左右). */
  growth: boolean;
}

const PREFIXES: Array<{ words: string[]; apply: (b: Bound) => void }> = [
  { words: ["年均增长", "年均增速", "年均提高", "年均"], apply: (b) => (b.annual = true) },
  { words: ["增长", "增速"], apply: (b) => (b.growth = true) },
  { words: ["大约", "约", "≈", "~"], apply: (b) => (b.approximate = true) },
  {
    words: ["保持在", "稳定在", "保持", "稳定"],
    apply: (b) => (b.keep = true),
  },
  {
    words: ["控制在", "控制到"],
    apply: (b) => {
      b.keep = true;
      b.comparator = "<=";
    },
  },
  {
    words: ["不低于", "不少于", "至少"],
    apply: (b) => {
      b.keep = true;
      b.comparator = ">=";
    },
  },
  {
    words: ["不高于", "不超过", "至多"],
    apply: (b) => {
      b.keep = true;
      b.comparator = "<=";
    },
  },
  {
    words: [
      "≥",
      ">=",
      "≧",
      ">",
      "高于",
      "超过",
      "大于",
      "达到",
      "提高到",
      "提升到",
      "增加到",
      "增长到",
      "突破",
      "力争达到",
      "力争",
    ],
    apply: (b) => (b.comparator = ">="),
  },
  {
    words: ["≤", "<=", "≦", "<", "低于", "小于", "少于", "降低到", "下降到", "降到", "降至", "压减到", "压减至"],
    apply: (b) => (b.comparator = "<="),
  },
];

const SUFFIXES: Array<{ words: string[]; apply: (b: Bound) => void }> = [
  { words: ["左右", "上下"], apply: (b) => (b.approximate = true) },
  { words: ["及以上", "以上"], apply: (b) => (b.comparator = ">=") },
  {
    words: ["以内"],
    apply: (b) => {
      b.keep = true;
      b.comparator = "<=";
    },
  },
  { words: ["及以下", "以下"], apply: (b) => (b.comparator = "<=") },
];

/** ">7", "90以上", "≥8", "15左右", "约18", "控制在5.5%以内", "年均增长7%以上"; null for anything else. */
export function readBound(text: string, unit = ""): Bound | null {
  let s = compact(text);
  const u = compact(unit);
  const b: Bound = { value: NaN, comparator: null, approximate: false, keep: false, annual: false, growth: false };
  for (let guard = 0; guard < 6; guard++) {
    const p = PREFIXES.find((p) => p.words.some((w) => s.startsWith(w)));
    if (!p) break;
    const w = p.words.find((w) => s.startsWith(w))!;
    p.apply(b);
    s = s.slice(w.length);
  }
  const m = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))/.exec(s);
  if (!m) return null;
  const value = readNumber(m[1]!);
  if (value === null) return null;
  b.value = value;
  s = s.slice(m[0].length);
  for (let guard = 0; guard < 6 && s !== ""; guard++) {
    if (s.startsWith("%") || s.startsWith("‰")) {
      s = s.slice(1);
      continue;
    }
    if (u !== "" && u !== "%" && s.startsWith(u)) {
      s = s.slice(u.length);
      continue;
    }
    const x = SUFFIXES.find((x) => x.words.some((w) => s.startsWith(w)));
    if (!x) break;
    const w = x.words.find((w) => s.startsWith(w))!;
    x.apply(b);
    s = s.slice(w.length);
  }
  return s === "" ? b : null;
}

function cumulativeMode(name: string, unit: string): "reduction" | "increase" | "decrease" {
  if (!REDUCTION_WORDS.test(name)) return "increase";
  const u = compact(unit);
  return u === "" || u === "%" ? "reduction" : "decrease";
}

function cumulativeFigures(mode: "reduction" | "increase" | "decrease", name: string): FigureForm {
  if (mode === "reduction") return "change";
  return describesChange(name) ? "change" : "level";
}

function plainFigures(name: string, unit: string): FigureForm {
  const u = compact(unit);
  if (isGrowthName(name) && (u === "%" || u === "")) return "rate";
  if (REDUCTION_WORDS.test(name) || describesChange(name)) return "change";
  return "level";
}

const SEPARATORS = /[、,，;；]/;
const RELATIVE_ABOVE = /^(?:要|应)?(?:略)?(?:高于|快于|不低于|超过|跑赢)(.+)$/;
const RELATIVE_IN_STEP = /^(?:与|同|和)(.+?)(?:基本)?(?:保持)?同步$/;

/**
 * What one target cell says, in the context of its row and column. "none" for an empty or dash cell;
 * "unread" with the reason when it holds something the reader cannot read with certainty.
 */
export function readTargetCell(text: string, ctx: TargetContext): TargetReading {
  const printed = text.trim();
  if (isNone(printed)) return { state: "none" };
  const s = compact(printed);
  const doubts: Message[] = [];

  // 〔13.5〕, [20], 【10】: a five-year total (or its words).
  const bracket = /^[〔[【]([^〔〕[\]【】]*)[〕\]】]$/.exec(s);
  if (bracket) return readBracketed(printed, bracket[1]!, ctx);

  // 提高6个百分点
  const points = /^(提高|增加|上升|提升|增长|降低|下降|减少)(.+?)个?百分点(以上|左右)?$/.exec(s);
  if (points) {
    const inner = readBound(points[2]!);
    if (inner && inner.comparator !== "<=") {
      const mode = /^(降低|下降|减少)$/.test(points[1]!) ? "decrease" : "increase";
      return read(
        {
          kind: "cumulative",
          value: inner.value,
          mode,
          ...(inner.approximate || points[3] === "左右" ? { approximate: true } : {}),
        },
        "level",
        mode === "decrease" ? "down" : "up",
        ctx.kind,
        [
          {
            zh: `“${printed}”：规划期内累计${mode === "decrease" ? "降低" : "提高"} ${fmt(inner.value)} 个百分点，各年填水平值`,
            en: `“${printed}”: a ${mode === "decrease" ? "fall" : "rise"} of ${fmt(inner.value)} percentage points over the period; type each year's level`,
          },
        ],
      );
    }
    return { state: "unread", why: unreadWhy(printed) };
  }

  // 前3位, 全国前17位: a rank.
  const rank = /^(保持|稳定在|进入|位居|居|保持在)?(?:全国|全省|全市|全区)?(?:前|第)(\d+)(?:位|名)(以内|左右)?$/.exec(
    s,
  );
  if (rank) {
    const value = Number(rank[2]);
    const keep = rank[1] === "保持" || rank[1] === "稳定在" || rank[1] === "保持在" || rank[3] === "以内";
    return read(
      {
        kind: "level",
        value,
        comparator: "<=",
        obligation: keep ? "keep" : inferObligation(ctx.baseline, value, "<="),
      },
      "level",
      "down",
      "rank",
    );
  }

  // A number with its words, in the whole cell or before a clause.
  const whole = readNumberTarget(s, ctx);
  if (whole) return whole;
  const unGrouped = ungroup(halfWidth(printed));
  const split = SEPARATORS.exec(unGrouped);
  if (split) {
    const head = compact(unGrouped.slice(0, split.index));
    const clause = unGrouped.slice(split.index + 1).trim();
    const first = readNumberTarget(head, ctx);
    if (first && first.state === "read" && clause !== "") {
      if (hasDigit(clause) || WORD_NUMBER.test(clause))
        doubts.push({
          zh: `“${clause}”中含有数字，只作为备注保留，不参与评估`,
          en: `“${clause}” contains a number; it is kept as a note only and not evaluated`,
        });
      return { ...first, clause, doubts: [...first.doubts, ...doubts] };
    }
  }

  // 高于GDP增长, 与经济增长基本同步: relative to another row of the table.
  if (!hasDigit(s)) {
    const words = halfWidth(printed).replace(/\s+/g, "");
    const above = RELATIVE_ABOVE.exec(words);
    const inStep = RELATIVE_IN_STEP.exec(words);
    const hit = inStep
      ? { relation: "inStep" as const, ref: inStep[1]! }
      : above
        ? { relation: "above" as const, ref: above[1]! }
        : null;
    if (hit && hit.ref.length <= 20 && !SEPARATORS.test(hit.ref)) {
      return {
        state: "relative",
        relation: hit.relation,
        referenceText: hit.ref.replace(/^同期/, ""),
        figures: plainFigures(ctx.name, ctx.unit),
      };
    }
  }

  // Words only: a text target, judged by staff.
  if (!hasDigit(s) && !WORD_NUMBER.test(s)) {
    return read(
      { kind: "text", text: { zh: printed, en: printed } },
      plainFigures(ctx.name, ctx.unit),
      wordsDirection(ctx.name, ctx.kind),
      ctx.kind,
      [
        {
          zh: "文字目标：没有可计算的数值，状态由人工判断",
          en: "text target: no number to compute with; the status is a manual verdict",
        },
      ],
    );
  }
  return { state: "unread", why: unreadWhy(printed) };
}

function unreadWhy(printed: string): Message {
  return {
    zh: `“${printed}”无法读成一个目标（数值、上下限、约数、五年累计、年均增长或对照指标）`,
    en: `“${printed}” cannot be read as one target (a value, a bound, an approximate value, a five-year total, an average growth rate or a comparison with another indicator)`,
  };
}

function read(
  target: Target,
  figures: FigureForm,
  direction: Direction,
  kind: IndicatorKind,
  notes: Message[] = [],
): Extract<TargetReading, { state: "read" }> {
  return { state: "read", target, figures, direction, kind, clause: null, notes, doubts: [] };
}

function readBracketed(printed: string, inner: string, ctx: TargetContext): TargetReading {
  if (inner === "") return { state: "unread", why: unreadWhy(printed) };
  // 累计达到1000: the total reaches 1000 by the target year (a level).
  const reach = /^累计(?:达到|实现|超过)(.+)$/.exec(inner);
  if (reach) {
    const b = readBound(reach[1]!, ctx.unit);
    if (b && b.comparator !== "<=" && !b.annual) {
      return read(
        {
          kind: "level",
          value: b.value,
          comparator: ">=",
          obligation: inferObligation(ctx.baseline, b.value, ">=", b.approximate),
          ...(b.approximate ? { approximate: true } : {}),
        },
        "level",
        "up",
        ctx.kind,
        [
          {
            zh: `“${printed}”：到目标年累计总数达到 ${fmt(b.value)}，按目标年的水平值读取`,
            en: `“${printed}”: the running total reaches ${fmt(b.value)} by the target year, read as a level`,
          },
        ],
      );
    }
    return { state: "unread", why: unreadWhy(printed) };
  }
  const b = readBound(inner.replace(/^(五年)?累计/, ""), ctx.unit);
  if (b && b.comparator !== "<=" && !b.annual) {
    const mode = cumulativeMode(ctx.name, ctx.unit);
    return read(
      { kind: "cumulative", value: b.value, mode, ...(b.approximate ? { approximate: true } : {}) },
      cumulativeFigures(mode, ctx.name),
      mode === "increase" ? "up" : "down",
      ctx.kind,
    );
  }
  if (!hasDigit(inner) && !WORD_NUMBER.test(inner)) {
    return read(
      { kind: "text", text: { zh: printed, en: printed } },
      plainFigures(ctx.name, ctx.unit),
      wordsDirection(ctx.name, ctx.kind),
      ctx.kind,
      [
        {
          zh: "文字目标：没有可计算的数值，状态由人工判断",
          en: "text target: no number to compute with; the status is a manual verdict",
        },
      ],
    );
  }
  return { state: "unread", why: unreadWhy(printed) };
}

function readNumberTarget(s: string, ctx: TargetContext): Extract<TargetReading, { state: "read" }> | null {
  const b = readBound(s, ctx.unit);
  if (!b) return null;
  const notes: Message[] = [];
  const doubts: Message[] = [];
  const growthName = isGrowthName(ctx.name);
  const means = ctx.columnMeans ?? { average: false, total: false };
  const totalColumn = ctx.column === "cumulative" && means.total && !means.average;
  // A growth rate's bound is an average annual growth, unless the column holds five-year totals only.
  const annual = b.annual || (growthName && !totalColumn);
  if (annual && ctx.kind !== "rank") {
    const comparator = b.comparator ?? ">=";
    if (ctx.column === "targetYear" && !b.annual && !/年均/.test(ctx.name))
      doubts.push({
        zh: "增长率指标的目标写在目标年列，按规划期年均增长读取，请核对是否为目标年当年的增速",
        en: "a growth-rate indicator's target is in the target-year column: read as the period's average annual growth; check it is not that year's growth",
      });
    return {
      ...read(
        { kind: "annualGrowth", value: b.value, comparator, ...(b.approximate ? { approximate: true } : {}) },
        compact(ctx.unit) === "%" || compact(ctx.unit) === "" ? "rate" : "level",
        comparator === "<=" ? "down" : "up",
        ctx.kind,
        notes,
      ),
      doubts,
    };
  }
  if (totalColumn) {
    // A bare number in a 累计-only column is a five-year total.
    const mode = cumulativeMode(ctx.name, ctx.unit);
    if (b.comparator === "<=") return null;
    return read(
      { kind: "cumulative", value: b.value, mode, ...(b.approximate ? { approximate: true } : {}) },
      cumulativeFigures(mode, ctx.name),
      mode === "increase" ? "up" : "down",
      ctx.kind,
    );
  }
  const wordsDir = wordsDirection(ctx.name, ctx.kind);
  const comparator: Comparator = b.comparator ?? (wordsDir === "down" ? "<=" : ">=");
  const obligation: Obligation = b.keep
    ? "keep"
    : inferObligation(ctx.baseline, b.value, comparator, b.approximate || undefined);
  if (ctx.column === "cumulative")
    notes.push({
      zh: `“${s}”写在年均/累计列，但指标不是增长率：按各年水平${comparator === "<=" ? "不超过" : "不低于"} ${fmt(b.value)} 读取`,
      en: `“${s}” is in the 年均/累计 column but the indicator is not a growth rate: read as each year's level ${comparator === "<=" ? "at most" : "at least"} ${fmt(b.value)}`,
    });
  if (obligation === "keep" && !b.keep && ctx.baseline !== null)
    notes.push({
      zh: `基期值 ${fmt(ctx.baseline)} 已满足目标：按“保持”判断（期间须一直满足）`,
      en: `the baseline ${fmt(ctx.baseline)} already meets the target: read as a bound to keep through the period`,
    });
  return {
    ...read(
      {
        kind: "level",
        value: b.value,
        comparator,
        obligation,
        ...(b.approximate ? { approximate: true } : {}),
      },
      "level",
      comparator === "<=" ? "down" : "up",
      ctx.kind,
      notes,
    ),
    doubts,
  };
}

// ---------------------------------------------------------------------------------------------
// Baselines

type BaselineReading =
  { state: "none" } | { state: "read"; value: number; starred: boolean; approximate: boolean } | { state: "unread" };

function readBaseline(text: string): BaselineReading {
  if (isNone(text)) return { state: "none" };
  let s = compact(text);
  let starred = false;
  if (/^[*＊]|[*＊]$/.test(s)) {
    starred = true;
    s = s.replace(/^[*＊]+|[*＊]+$/g, "");
  }
  const b = readBound(s);
  if (!b || b.comparator !== null || b.keep || b.annual || b.growth) return { state: "unread" };
  return { state: "read", value: b.value, starred, approximate: b.approximate };
}

// ---------------------------------------------------------------------------------------------
// References of relative targets

/** One spelling for GDP and its names, and for growth words, so 经济增长 finds 全市生产总值年均增长率. */
function referenceKey(text: string): string {
  return compact(text)
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/^\d+[.、]/, "")
    .replace(/国内生产总值|地区生产总值|全市生产总值|全省生产总值|全区生产总值|生产总值|经济/g, "gdp")
    .replace(/年均增长率|年均增长|年均增速|增长率|增速|增长/g, "增长")
    .replace(/[“”"'‘’]/g, "");
}

function resolveReference(
  referenceText: string,
  self: IndicatorDraft,
  drafts: readonly IndicatorDraft[],
): { ok: true; id: string } | { ok: false; candidates: IndicatorDraft[] } {
  const key = referenceKey(referenceText);
  const others = drafts.filter((d) => d !== self);
  const exact = others.filter((d) => referenceKey(d.name) === key);
  if (exact.length === 1) return { ok: true, id: exact[0]!.id };
  if (exact.length > 1) return { ok: false, candidates: exact };
  const containing = others.filter((d) => {
    const k = referenceKey(d.name);
    return k.endsWith(key) && !/单位|占|比重|比例|相当于/.test(d.name);
  });
  if (containing.length === 1) return { ok: true, id: containing[0]!.id };
  return { ok: false, candidates: containing };
}

// ---------------------------------------------------------------------------------------------
// Messages about a row

function rowLabel(d: { sheetRow: number; name: string }): Message {
  return { zh: `第${d.sheetRow}行“${d.name}”`, en: `Row ${d.sheetRow} “${d.name}”` };
}

function problem(
  d: { sheetRow: number; name: string },
  field: ProblemField,
  header: string,
  text: string,
  what: Message,
  blocking: boolean,
): DraftProblem {
  const at = rowLabel(d);
  return { field, header, text, message: { zh: `${at.zh}：${what.zh}`, en: `${at.en}: ${what.en}` }, blocking };
}

const CHOOSE_TARGET: Message = {
  zh: "请选择目标形式并填写目标值，或标为文字目标（人工判断）",
  en: "choose the target form and value, or mark it as a text target (manual verdict)",
};

// ---------------------------------------------------------------------------------------------
// The table

interface Group {
  number: string | null;
  name: string;
  unit: string;
  /** A group with its own unit is one indicator in parts (主要污染物排放总量减少(%): 化学需氧量, 氨氮 …). */
  composite: boolean;
  firstRow: number;
  attributeText: string;
  header: string;
  printed: string;
  column: number;
}

/** Reads a plan's indicator table as printed; every row with a name becomes a draft to confirm. */
export function parsePlanTable(rows: readonly (readonly unknown[])[], opts: TableImportOptions = {}): TableImport {
  const table: readonly (readonly unknown[])[] = Array.isArray(rows)
    ? rows.map((r) => (Array.isArray(r) ? r : []))
    : [];
  const layout = findLayout(table);
  if (!layout) {
    return {
      ok: false,
      message: {
        zh: "所选区域中找不到指标表的表头：需要“指标”列，以及目标年列（如 2025年）或“年均/累计”列。",
        en: "No indicator table header in the selection: it needs an 指标 (indicator) column and a target-year column (such as 2025年) or a 年均/累计 column.",
      },
    };
  }
  const parts = splitTable(table, layout);
  const notes = readTableNotes(parts.noteLines);
  const period = readPeriod(layout, [...parts.titleLines, ...layout.headers, ...parts.noteLines].join(" "));
  if (!period.ok) return period;
  const warnings = [...period.warnings];
  for (const c of layout.other)
    warnings.push({
      zh: `“${layout.headers[c]}”列不属于指标表的固定列，未读入规划；各行该列的原文保留在核对表中。`,
      en: `The column “${layout.headers[c]}” is not one of the table's known columns and is not read into the plan; its cells are kept with each row in the form.`,
    });
  if (notes.text !== "" && /[*＊]/.test(notes.text) && notes.starYear === null)
    warnings.push({
      zh: "注释行提到 *，但读不出年份；带*的基期值需填写基期年。",
      en: "The note mentions * but no year could be read from it; baselines marked * need their year filled in.",
    });

  const reader: RowReader = {
    layout,
    notes,
    footnoteNumbers: new Set(notes.footnotes.keys()),
    baseYear: period.baseYear,
    firstRow: opts.firstRow ?? 1,
    header: (c) => (c === undefined ? "" : layout.labels[c]!),
    label: (c) => (c === undefined ? "" : layout.labels[c]!).replace(/([^\d\s])\d{1,2}$/, "$1"),
  };
  const state: RowState = { category: "", group: null };
  const drafts: IndicatorDraft[] = [];
  for (const { index, cells } of parts.body) {
    const read = readRow(reader, state, index, cells, drafts);
    if (read.kind === "draft") drafts.push(read.draft);
    else if (read.kind === "skipped") warnings.push(read.warning);
  }
  if (drafts.length === 0) {
    return { ok: false, message: { zh: "表头下面没有指标行。", en: "There are no indicator rows under the header." } };
  }
  resolveReferences(drafts, reader);
  if (
    drafts.some((d) => d.baselineYear === null && d.problems.some((p) => p.field === "baseline" && /\*/.test(p.text)))
  )
    warnings.push({
      zh: "有基期值带*，但未找到说明年份的注释行（如“注：带*的为2019年数据”）；这些行的基期年为空，请填写。",
      en: "Some baselines are marked * but no note line gives their year (such as 注：带*的为2019年数据); their baseline year is empty, please fill it in.",
    });

  return {
    ok: true,
    baseYear: period.baseYear,
    targetYear: period.targetYear,
    title: parts.titleLines.length > 0 ? parts.titleLines.join(" ") : null,
    tableNote: notes.text !== "" ? notes.text : null,
    starYear: notes.starYear,
    drafts,
    warnings,
  };
}

/** “一、经济发展”, “（二）创新驱动”: a heading row naming the category of the rows below. */
const CATEGORY_HEADING = /^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

/** The title above the header, the body rows, and the note lines below (a lone cell starting 注/①/[1]/*). */
function splitTable(
  table: readonly (readonly unknown[])[],
  layout: Layout,
): { titleLines: string[]; body: Array<{ index: number; cells: string[] }>; noteLines: string[] } {
  const titleLines = table
    .slice(0, layout.headerRow)
    .map((r) =>
      r
        .map(raw)
        .filter((t) => t !== "")
        .join(" "),
    )
    .filter((t) => t !== "");
  const body: Array<{ index: number; cells: string[] }> = [];
  const noteLines: string[] = [];
  let inNotes = false;
  for (let r = layout.bodyStart; r < table.length; r++) {
    const cells = Array.from({ length: layout.width }, (_v, c) => raw(table[r]?.[c]));
    const filled = cells.filter((t) => t !== "");
    if (filled.length === 0) continue;
    if (filled.length === 1) {
      const only = filled[0]!;
      const inName = cells[layout.name] !== "";
      const marker = MARKER_START.test(only);
      if (NOTE_START.test(only) || (inNotes && marker) || (!inName && (inNotes || marker))) {
        inNotes = true;
        noteLines.push(only);
        continue;
      }
    }
    inNotes = false;
    body.push({ index: r, cells });
  }
  return { titleLines, body, noteLines };
}

/** The plan period: the header's years, else the plan's name (十四五), else five years from the one year known. */
function readPeriod(
  layout: Layout,
  text: string,
): { ok: true; baseYear: number; targetYear: number; warnings: Message[] } | { ok: false; message: Message } {
  const warnings: Message[] = [];
  const period = periodOf(text);
  let baseYear = layout.baseYear;
  let targetYear = layout.targetYearValue;
  if (targetYear === null && period) targetYear = period.targetYear;
  if (baseYear === null && period && (targetYear === null || period.baseYear < targetYear)) baseYear = period.baseYear;
  if (targetYear === null && baseYear !== null) {
    targetYear = baseYear + 5;
    warnings.push({
      zh: `表头没有目标年：按五年规划推定为 ${targetYear} 年，请核对。`,
      en: `The header gives no target year: ${targetYear} is assumed (a five-year plan); please check.`,
    });
  }
  if (baseYear === null && targetYear !== null) {
    baseYear = targetYear - 5;
    warnings.push({
      zh: `表头没有基期年：按五年规划推定为 ${baseYear} 年，请核对。`,
      en: `The header gives no base year: ${baseYear} is assumed (a five-year plan); please check.`,
    });
  } else if (layout.baseline === undefined && period) {
    warnings.push({
      zh: `表中没有基期值列：规划期按“${text.match(/十[一二三四五六七八九]五/)?.[0] ?? ""}”定为 ${baseYear}–${targetYear} 年，各指标基期值为空（未知）。`,
      en: `The table has no baseline column: the period ${baseYear}–${targetYear} is taken from the plan's name, and every baseline is empty (unknown).`,
    });
  }
  if (baseYear === null || targetYear === null || targetYear <= baseYear) {
    return {
      ok: false,
      message: {
        zh: "表头中找不到规划期：需要基期年和目标年（如 2020年、2025年），或规划名称（如“十四五”）。",
        en: "The header gives no plan period: it needs a base year and a target year (such as 2020年 and 2025年), or the plan's name (such as 十四五).",
      },
    };
  }
  return { ok: true, baseYear, targetYear, warnings };
}

/** What every row is read with. */
interface RowReader {
  layout: Layout;
  notes: TableNotes;
  footnoteNumbers: ReadonlySet<string>;
  baseYear: number;
  firstRow: number;
  /** A column's header as staff know it. */
  header: (c: number | undefined) => string;
  /** The same for messages: 〔累计〕1 → 〔累计〕 (the footnote digit dropped). */
  label: (c: number | undefined) => string;
}

/** What carries from row to row: merged category and sub-group cells arrive blank after their first row. */
interface RowState {
  category: string;
  group: Group | null;
}

type PendingProblem = Omit<DraftProblem, "message"> & { what: Message };

type RowResult = { kind: "draft"; draft: IndicatorDraft } | { kind: "heading" } | { kind: "skipped"; warning: Message };

function readRow(
  reader: RowReader,
  state: RowState,
  r: number,
  cells: readonly string[],
  drafts: readonly IndicatorDraft[],
): RowResult {
  const { layout, header } = reader;
  const at = (c: number | undefined) => (c === undefined ? "" : cells[c]!);
  const sheetRow = reader.firstRow + r;
  const filled = cells.filter((t) => t !== "");
  const catText = layout.category !== undefined ? at(layout.category) : "";
  const groupText = layout.group !== undefined ? at(layout.group) : "";
  const leafText = at(layout.name);
  const hasData = [layout.number, layout.unit, layout.baseline, layout.targetYear, layout.cumulative, layout.attribute]
    .filter((c) => c !== undefined)
    .some((c) => at(c) !== "");
  const hasValues = [layout.baseline, layout.targetYear, layout.cumulative].some(
    (c) => c !== undefined && at(c) !== "",
  );

  // A lone “一、经济发展” in a table without a category column: it names the rows below.
  if (layout.category === undefined && filled.length === 1 && CATEGORY_HEADING.test(filled[0]!) && !hasValues) {
    state.category = filled[0]!;
    state.group = null;
    return { kind: "heading" };
  }
  if (catText !== "") {
    state.category = catText;
    state.group = null;
  }
  let freshGroup = false;
  if (groupText !== "") {
    const parts = splitIndicatorName(groupText, { footnoteNumbers: reader.footnoteNumbers });
    state.group = {
      number: parts.number,
      name: parts.name,
      unit: parts.unit,
      composite: parts.unit !== "",
      firstRow: r,
      attributeText: at(layout.attribute),
      header: header(layout.group),
      printed: groupText,
      column: layout.group!,
    };
    freshGroup = true;
  }
  // A row with only a category (or group) heading and nothing else: it names what follows.
  if (leafText === "" && !hasData && (catText !== "" || groupText !== "")) return { kind: "heading" };
  if (leafText === "" && !freshGroup && !hasValues) {
    const printed = filled.join(" ");
    return {
      kind: "skipped",
      warning: {
        zh: `第${sheetRow}行没有指标名称和数值（“${printed}”），未作为指标读入。`,
        en: `Row ${sheetRow} has no indicator name and no values (“${printed}”) and was not read as an indicator.`,
      },
    };
  }

  const cellsOut: OriginalCell[] = [];
  const addCell = (role: CellRole, c: number | undefined, text: string) => {
    if (c !== undefined && text !== "") cellsOut.push({ role, column: c, header: header(c), text });
  };
  const problems: PendingProblem[] = [];
  const rowNotes: Message[] = [];

  // The name: the leaf, a part of a composite group, the group itself, or (blank) the row above's.
  const unitCell = at(layout.unit);
  const leaf = splitIndicatorName(leafText, {
    footnoteNumbers: reader.footnoteNumbers,
    unitInName: layout.unit === undefined || isNone(unitCell),
  });
  let { name, number, unit } = leaf;
  let footnotes = [...leaf.footnotes];
  let starredName = leaf.starred;
  let category = state.category;
  const group = state.group;
  if (leafText !== "") {
    if (group) {
      if (group.composite) {
        name = `${group.name}：${leaf.name}`;
        if (unit === "") unit = group.unit;
      } else category = state.category ? `${state.category}·${group.name}` : group.name;
      if (number === null) number = group.number;
      if (!freshGroup) addCell("group", group.column, group.printed);
    }
  } else if (group && freshGroup) {
    name = group.name;
    unit = group.unit;
    number = group.number;
    footnotes = splitIndicatorName(groupText, { footnoteNumbers: reader.footnoteNumbers }).footnotes;
    starredName = false;
    state.group = null; // the group was this indicator; nothing below belongs to it
  } else {
    const previous = drafts[drafts.length - 1];
    name = previous?.name ?? `第${sheetRow}行`;
    unit = previous?.unit ?? "";
    number = previous?.number ?? null;
    problems.push({
      field: "name",
      header: header(layout.name),
      text: leafText,
      what: {
        zh: "指标名称为空（可能是合并单元格），暂按上一行的名称读入，请核对",
        en: "the indicator name is empty (perhaps a merged cell); the previous row's name is used, please check",
      },
      blocking: false,
    });
  }
  if (catText === "" && state.category !== "" && layout.category !== undefined)
    cellsOut.push({ role: "category", column: layout.category, header: header(layout.category), text: state.category });
  addCell("category", layout.category, catText);
  if (freshGroup) addCell("group", layout.group, groupText);
  addCell("name", layout.name, leafText);
  const numberCell = at(layout.number);
  addCell("number", layout.number, numberCell);
  if (numberCell !== "") number = halfWidth(numberCell).replace(/[.、]$/, "");
  addCell("unit", layout.unit, unitCell);
  if (layout.unit !== undefined && !isNone(unitCell)) unit = unitCell;

  const baselineText = at(layout.baseline);
  addCell("baseline", layout.baseline, baselineText);
  const bl = readBaselineCell(reader, baselineText, leafText, starredName, problems, rowNotes);

  const attributeText = at(layout.attribute);
  addCell("attribute", layout.attribute, attributeText);
  const inherited =
    attributeText === "" && group?.composite && group.firstRow !== r && group.attributeText !== ""
      ? group.attributeText
      : null;
  const attribute = readAttributeCell(reader, attributeText, inherited, problems, rowNotes);

  const targetYearText = at(layout.targetYear);
  const cumulativeText = at(layout.cumulative);
  addCell("targetYear", layout.targetYear, targetYearText);
  addCell("cumulative", layout.cumulative, cumulativeText);
  for (const c of layout.other) addCell("other", c, cells[c]!);
  const kind = guessKind(unit, name);
  const t = readTargets(reader, { name, unit, kind, baseline: bl.baseline }, targetYearText, cumulativeText, problems);
  rowNotes.push(...t.notes);

  // Footnotes glued to the name: their note text goes with the indicator.
  const noteParts = [...t.noteParts];
  for (const f of footnotes) {
    const text = reader.notes.footnotes.get(f);
    if (text) noteParts.push(`注${f}：${text}`);
    else
      rowNotes.push({
        zh: `名称带脚注标记 ${f}，但所选区域中没有对应的注释行`,
        en: `the name carries footnote mark ${f}, but the selection has no note line for it`,
      });
  }

  const rowAt = { sheetRow, name };
  return {
    kind: "draft",
    draft: {
      row: r,
      sheetRow,
      cells: cellsOut.sort((a, b) => a.column - b.column),
      id: `IND_${String(drafts.length + 1).padStart(2, "0")}`,
      number,
      category,
      name,
      footnotes,
      unit,
      kind: t.kind,
      direction: t.direction,
      figures: t.figures,
      attribute,
      baseline: bl.baseline,
      baselineYear: bl.baselineYear,
      target: t.target,
      targetCell: t.targetCell,
      targetText: t.targetText,
      textByStaff: false,
      relativeHint: t.relativeHint,
      secondary: t.secondary,
      note: noteParts.length > 0 ? noteParts.join("；") : null,
      notes: rowNotes,
      problems: problems.map(({ what, ...p }) => problem(rowAt, p.field, p.header, p.text, what, p.blocking)),
    },
  };
}

/** The baseline and its year: the column's year, or the note's year for a * figure; “—” is unknown. */
function readBaselineCell(
  reader: RowReader,
  text: string,
  nameText: string,
  starredName: boolean,
  problems: PendingProblem[],
  notes: Message[],
): { baseline: number | null; baselineYear: number | null } {
  const { layout, header } = reader;
  let baseline: number | null = null;
  let baselineYear: number | null = layout.baseline !== undefined ? (layout.baseYear ?? reader.baseYear) : null;
  const bl = readBaseline(text);
  if (bl.state === "read") {
    baseline = bl.value;
    if (bl.approximate)
      notes.push({
        zh: `基期值“${text}”为约数，按 ${fmt(bl.value)} 读取`,
        en: `the baseline “${text}” is approximate; read as ${fmt(bl.value)}`,
      });
  } else if (bl.state === "unread") {
    problems.push({
      field: "baseline",
      header: header(layout.baseline),
      text,
      what: {
        zh: `基期值“${text}”不是数字，暂按未知（空）处理；请在下面填写基期值`,
        en: `the baseline “${text}” is not a number and is left unknown (empty); enter the baseline below`,
      },
      blocking: false,
    });
  }
  if ((bl.state === "read" && bl.starred) || starredName) {
    const year = reader.notes.starYear;
    if (year !== null) {
      baselineYear = year;
      notes.push({
        zh: `带*：基期值为 ${year} 年数据（见注释行）`,
        en: `marked *: the baseline is a ${year} figure (see the note line)`,
      });
    } else {
      baselineYear = null;
      problems.push({
        field: "baseline",
        header: header(layout.baseline),
        text: text || nameText,
        what: {
          zh: "带*，但所选区域中没有说明*年份的注释行；请填写基期年",
          en: "marked *, but no note line in the selection gives the year of * figures; enter the baseline year",
        },
        blocking: false,
      });
    }
  }
  return { baseline, baselineYear };
}

/** 预期性/约束性; blank is 未注明 (null), except inside a group printed as one indicator in parts (merged cell). */
function readAttributeCell(
  reader: RowReader,
  text: string,
  inherited: string | null,
  problems: PendingProblem[],
  notes: Message[],
): Attribute {
  // 约束性指标 / [约束性]: the word with what is printed around it.
  const word = (inherited ?? text).replace(/^[[［【(（]\s*|\s*[\]］】)）]$/g, "").replace(/指标$/, "");
  const parsed = parseAttribute(word);
  if (parsed === undefined) {
    problems.push({
      field: "attribute",
      header: reader.header(reader.layout.attribute),
      text,
      what: {
        zh: `属性“${text}”无法识别，暂按未注明处理；请选择预期性或约束性`,
        en: `the attribute “${text}” is not 预期性 or 约束性 and is left as not stated; choose 预期性 (expected) or 约束性 (binding)`,
      },
      blocking: false,
    });
    return null;
  }
  if (inherited !== null && parsed !== null)
    notes.push({
      zh: `属性沿用本组第一行的合并单元格：${inherited}`,
      en: `attribute taken from the merged cell of the group's first row: ${inherited}`,
    });
  return parsed;
}

type HeldReading = Exclude<TargetReading, { state: "none" }>;

interface TargetsRead {
  target: Target | null;
  targetCell: TargetCell | null;
  targetText: string;
  kind: IndicatorKind;
  direction: Direction;
  figures: FigureForm;
  relativeHint: IndicatorDraft["relativeHint"];
  secondary: IndicatorDraft["secondary"];
  noteParts: string[];
  notes: Message[];
}

/**
 * The row's target: from the target-year cell or the 年均/累计 cell, whichever holds one (a number before
 * a comparison, before words, before what cannot be read). When both do, the other is kept in the note
 * and checked against the first (23.04 and 〔1.38〕 from 21.66).
 */
function readTargets(
  reader: RowReader,
  row: { name: string; unit: string; kind: IndicatorKind; baseline: number | null },
  targetYearText: string,
  cumulativeText: string,
  problems: PendingProblem[],
): TargetsRead {
  const { layout, label } = reader;
  const fromYear =
    layout.targetYear !== undefined ? readTargetCell(targetYearText, { ...row, column: "targetYear" }) : null;
  const fromCumulative =
    layout.cumulative !== undefined
      ? readTargetCell(cumulativeText, { ...row, column: "cumulative", columnMeans: layout.cumulativeMeans })
      : null;
  const score = (x: HeldReading) =>
    x.state === "read" ? (x.target.kind === "text" ? 1 : 3) : x.state === "relative" ? 2 : 0;
  type Held = { cell: TargetCell; reading: HeldReading; text: string };
  const held: Held[] = [];
  if (fromYear && fromYear.state !== "none") held.push({ cell: "targetYear", reading: fromYear, text: targetYearText });
  if (fromCumulative && fromCumulative.state !== "none")
    held.push({ cell: "cumulative", reading: fromCumulative, text: cumulativeText });
  if (held.length === 2 && score(held[1]!.reading) > score(held[0]!.reading)) held.reverse();
  const primary = held[0] ?? null;
  const secondary = held[1] ?? null;
  const columnOf = (cell: TargetCell) => (cell === "targetYear" ? layout.targetYear : layout.cumulative);

  const out: TargetsRead = {
    target: null,
    targetCell: primary?.cell ?? null,
    targetText: primary?.text ?? "",
    kind: row.kind,
    direction: wordsDirection(row.name, row.kind),
    figures: "level",
    relativeHint: null,
    secondary: secondary
      ? { cell: secondary.cell, header: reader.header(columnOf(secondary.cell)), text: secondary.text }
      : null,
    noteParts: [],
    notes: [],
  };
  if (!primary) {
    const columns = [label(layout.targetYear), label(layout.cumulative)].filter((h) => h !== "");
    problems.push({
      field: "target",
      header: columns.join(" / "),
      text: "",
      what: {
        zh: `没有目标：${columns.join("列和")}列都是空的；${CHOOSE_TARGET.zh}`,
        en: `no target: the ${columns.join(" and ")} cells are empty; ${CHOOSE_TARGET.en}`,
      },
      blocking: true,
    });
    return out;
  }
  const p = primary.reading;
  const h = label(columnOf(primary.cell));
  if (p.state === "unread") {
    problems.push({
      field: "target",
      header: h,
      text: primary.text,
      what: {
        zh: `“${h}”列的${p.why.zh}；${CHOOSE_TARGET.zh}`,
        en: `in the ${h} column, ${p.why.en}; ${CHOOSE_TARGET.en}`,
      },
      blocking: true,
    });
  } else if (p.state === "relative") {
    out.relativeHint = { relation: p.relation, referenceText: p.referenceText };
    out.figures = p.figures;
    out.direction = "up";
  } else {
    out.target = p.target;
    out.figures = p.figures;
    out.direction = p.direction;
    out.kind = p.kind;
    out.notes.push(...p.notes);
    if (p.clause) out.noteParts.push(p.clause);
    for (const doubt of p.doubts)
      problems.push({ field: "target", header: h, text: primary.text, what: doubt, blocking: false });
  }
  if (secondary) {
    const sh = label(columnOf(secondary.cell));
    const check = secondCheck(out.target, secondary.reading, row.baseline);
    out.noteParts.push(`${sh}：${secondary.text}`);
    if (check.consistent)
      out.notes.push({
        zh: `“${sh}”列的“${secondary.text}”与目标一致（${check.arithmetic}），已记入备注`,
        en: `“${secondary.text}” in the ${sh} column agrees with the target (${check.arithmetic}) and is kept in the note`,
      });
    else
      problems.push({
        field: "target",
        header: sh,
        text: secondary.text,
        what: check.checked
          ? {
              zh: `两列都有目标，“${sh}”列的“${secondary.text}”与按目标年值算出的（${check.arithmetic}）不一致；按目标年值读取，另一列记入备注，请核对`,
              en: `both columns hold a target and “${secondary.text}” in the ${sh} column does not agree with the target-year value (${check.arithmetic}); the target-year value is used and the other is kept in the note, please check`,
            }
          : {
              zh: `两列都有目标，“${sh}”列的“${secondary.text}”只记入备注，请核对用哪一个`,
              en: `both columns hold a target; “${secondary.text}” in the ${sh} column is kept in the note only, please check which one applies`,
            },
        blocking: false,
      });
  }
  return out;
}

/** Relative targets: find the row they compare with (GDP增长, 经济增长 → the GDP row), or say they cannot. */
function resolveReferences(drafts: IndicatorDraft[], reader: RowReader): void {
  for (const d of drafts) {
    if (!d.relativeHint) continue;
    const found = resolveReference(d.relativeHint.referenceText, d, drafts);
    if (found.ok) {
      const ref = drafts.find((x) => x.id === found.id)!;
      d.target = {
        kind: "relative",
        relation: d.relativeHint.relation,
        reference: found.id,
        text: { zh: d.targetText, en: d.targetText },
      };
      d.notes.push({
        zh: `对照指标：${ref.number ? `${ref.number}. ` : ""}${ref.name}`,
        en: `compared with: ${ref.number ? `${ref.number}. ` : ""}${ref.name}`,
      });
      d.relativeHint = null;
      continue;
    }
    const h = reader.label(d.targetCell === "targetYear" ? reader.layout.targetYear : reader.layout.cumulative);
    const what: Message =
      found.candidates.length > 1
        ? {
            zh: `“${d.targetText}”：有多行可作对照（${found.candidates.map((c) => c.name).join("、")}），请选择对照的指标`,
            en: `“${d.targetText}”: several rows could be the one compared with (${found.candidates.map((c) => c.name).join(", ")}); choose the indicator`,
          }
        : {
            zh: `“${d.targetText}”：表中找不到“${d.relativeHint.referenceText}”对应的指标行；请选择对照的指标，或标为文字目标`,
            en: `“${d.targetText}”: no row of the table matches “${d.relativeHint.referenceText}”; choose the indicator it is compared with, or mark it as a text target`,
          };
    d.problems.push(problem(d, "reference", h, d.targetText, what, true));
  }
}

/** Two target cells in one row (23.04 and 〔1.38〕): do they say the same thing? */
function secondCheck(
  target: Target | null,
  other: HeldReading,
  baseline: number | null,
): { checked: boolean; consistent: boolean; arithmetic: string } {
  const unchecked = { checked: false, consistent: false, arithmetic: "" };
  if (!target || target.kind !== "level" || other.state !== "read" || baseline === null) return unchecked;
  const t = other.target;
  if (t.kind !== "cumulative" || t.mode === "reduction") return unchecked;
  const change = t.mode === "increase" ? target.value - baseline : baseline - target.value;
  const arithmetic =
    t.mode === "increase"
      ? `${fmt(target.value)} − ${fmt(baseline)} = ${fmt(change)}`
      : `${fmt(baseline)} − ${fmt(target.value)} = ${fmt(change)}`;
  const consistent = Math.abs(change - t.value) <= 1e-6 * Math.max(1, Math.abs(t.value)) + 0.005;
  return { checked: true, consistent, arithmetic };
}

// ---------------------------------------------------------------------------------------------
// Confirming

/** Why a draft cannot go into the plan yet (an unread target, a relative target without its row). */
export function draftBlockers(draft: IndicatorDraft, drafts: readonly IndicatorDraft[]): Message[] {
  if (draft.excluded) return [];
  const at = rowLabel(draft);
  const out: Message[] = [];
  if (draft.target === null) {
    const unread = draft.problems.find((p) => p.blocking && (p.field === "target" || p.field === "reference"));
    out.push(
      unread?.message ?? {
        zh: `${at.zh}：目标未读出。${CHOOSE_TARGET.zh}`,
        en: `${at.en}: the target is not read. ${CHOOSE_TARGET.en}`,
      },
    );
  } else if (
    draft.target.kind === "text" &&
    !draft.textByStaff &&
    draft.problems.some((p) => p.blocking && (p.field === "target" || p.field === "reference"))
  ) {
    // A cell the reader could not read becomes a text target only when staff say so.
    out.push({
      zh: `${at.zh}：原表目标未读出，只有工作人员明确标为文字目标后才能按文字目标使用`,
      en: `${at.en}: the printed target was not read; it is used as a text target only once staff mark it as one`,
    });
  } else if (draft.target.kind === "relative") {
    const reference = draft.target.reference;
    const ref = drafts.find((d) => d.id === reference && !d.excluded);
    if (!ref || ref === draft)
      out.push({
        zh: `${at.zh}：对照指标未选择或已不导入；请选择对照的指标`,
        en: `${at.en}: the indicator it is compared with is not chosen or not imported; choose it`,
      });
  }
  return out;
}

export interface PlanMeta {
  id: string;
  title: string;
  issuer: string;
  date: string;
  baseYear: number;
  targetYear: number;
  /** The table's note lines (kept on the plan's source). */
  note?: string | null;
  section?: string;
}

/**
 * The plan the confirmed drafts make (format version 2), checked by the plan schema; messages name the
 * field and the row, as for a plan file. Refused, with a message per row, while a target is unread
 * (unless staff marked it a text target) or a relative target has no row to compare with. Texts are in
 * the table's language only: zh and en both carry them.
 */
export function planFromDrafts(drafts: readonly IndicatorDraft[], meta: PlanMeta): PlanFileResult {
  const included = drafts.filter((d) => !d.excluded);
  const issues: PlanFileIssue[] = [];
  included.forEach((d, i) => {
    for (const message of draftBlockers(d, drafts))
      issues.push({ path: `indicators[${i}].target`, row: i + 1, message });
  });
  if (included.length === 0)
    issues.push({
      path: "indicators",
      message: { zh: "没有要导入的指标。", en: "There are no indicators to import." },
    });
  if (issues.length > 0) return { ok: false, issues };
  const both = (s: string) => ({ zh: s || "—", en: s || "—" });
  const candidate: PlanInput = {
    formatVersion: 2,
    id: meta.id,
    title: both(meta.title),
    source: {
      document: both(meta.title),
      issuer: both(meta.issuer),
      date: meta.date,
      ...(meta.section ? { section: meta.section } : {}),
      ...(meta.note ? { note: meta.note } : {}),
    },
    baseYear: meta.baseYear,
    targetYear: meta.targetYear,
    indicators: included.map((d) => ({
      id: d.id,
      ...(d.number !== null ? { number: d.number } : {}),
      category: both(d.category),
      name: both(d.name),
      // The unit in English where it has a usual English form (亿元 → CNY 100 million), else as printed.
      unit: { zh: d.unit || "—", en: englishUnit(d.unit) || "—" },
      kind: d.kind,
      direction: d.direction,
      figures: d.figures,
      baseline: d.baseline,
      baselineYear: d.baselineYear,
      target: d.target!,
      attribute: d.attribute,
      ...(d.note ? { note: both(d.note) } : {}),
      actuals: {},
    })),
  };
  return parsePlanFile(JSON.stringify(candidate));
}
