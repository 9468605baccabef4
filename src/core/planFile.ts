/**
 * Reading and writing plan files (JSON, format version 2; version 1 files are migrated) with
 * messages staff can act on: every problem names the row, the indicator and the field in the words
 * planning staff use (属性 预期性/约束性, 方向 正向/逆向, which target forms have which fields), in
 * Chinese and English. The plan's words may be written in Chinese in the file too (属性: 约束性).
 */
import type { z } from "zod";
import { migrateV1, type MigrationNote } from "./planMigration";
import {
  annualGrowthTarget,
  cumulativeTarget,
  FORMAT_VERSION,
  levelTarget,
  plan,
  relativeTarget,
  textTarget,
  type Plan,
} from "./planSchema";
import { planV1 } from "./planSchemaV1";
import { parseComparator, parseDirection, parseFigureForm, parseObligation } from "./templateWords";

export type { MigrationNote };
export const SUPPORTED_FORMAT_VERSIONS = [1, FORMAT_VERSION] as const;

export interface PlanFileIssue {
  /** JSON path such as `indicators[3].target.value` ("" for the whole file). */
  path: string;
  /** 1-based indicator row, when the issue is inside `indicators`. */
  row?: number;
  message: { zh: string; en: string };
}

export type PlanFileResult =
  | { ok: true; plan: Plan; /** What reading the file decided (an old format migrated). */ notes: MigrationNote[] }
  | { ok: false; issues: PlanFileIssue[] };

type Key = string | number;

/**
 * `stored`: the text comes from the workbook's own plan part, which may hold any character staff
 * typed into a cell (escaped there); a file or pasted text is refused when a text in it holds a
 * character XML 1.0 forbids (forbiddenCharacterIssues).
 */
export function parsePlanFile(text: string, options: { stored?: boolean } = {}): PlanFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, "")); // Notepad writes a BOM; JSON.parse rejects it
  } catch (e) {
    return { ok: false, issues: [syntaxIssue(text, e)] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail("", { zh: "文件内容应为一个 JSON 对象（规划）", en: "The file must contain one JSON object (a plan)" });
  }
  if (!options.stored) {
    const forbidden = forbiddenCharacterIssues(raw);
    if (forbidden.length > 0) return { ok: false, issues: forbidden };
  }
  const version = (raw as Record<string, unknown>).formatVersion;
  if (!(SUPPORTED_FORMAT_VERSIONS as readonly unknown[]).includes(version)) {
    const supported = SUPPORTED_FORMAT_VERSIONS.join(", ");
    return version === undefined
      ? fail("formatVersion", {
          zh: `缺少 formatVersion（文件格式版本）；本版本支持：${supported}`,
          en: `formatVersion is missing; supported versions: ${supported}`,
        })
      : fail("formatVersion", {
          zh: `不支持的文件格式版本 formatVersion ${JSON.stringify(version)}；本版本支持：${supported}`,
          en: `formatVersion ${JSON.stringify(version)} is not supported; supported versions: ${supported}`,
        });
  }
  const words = normaliseWords(raw as Record<string, unknown>);
  if (version === 1) {
    const old = planV1.safeParse(words);
    if (!old.success) return { ok: false, issues: old.error.issues.map((issue) => schemaIssue(words, issue)) };
    const migrated = migrateV1(old.data);
    const parsed = plan.safeParse(migrated.plan);
    if (parsed.success) return { ok: true, plan: parsed.data, notes: migrated.notes };
    return { ok: false, issues: parsed.error.issues.map((issue) => schemaIssue(migrated.plan, issue)) };
  }
  const parsed = plan.safeParse(words);
  if (parsed.success) return { ok: true, plan: parsed.data, notes: [] };
  return { ok: false, issues: parsed.error.issues.map((issue) => schemaIssue(words, issue)) };
}

// ---------------------------------------------------------------------------------------------
// Characters a workbook cannot keep

/**
 * The first character XML 1.0 forbids in `text` (the workbook keeps the plan in a custom XML part,
 * and Excel keeps cell text in XML): C0 controls other than tab, line feed and carriage return,
 * the non-characters U+FFFE and U+FFFF, and a surrogate without its pair. Null when there is none.
 * https://www.w3.org/TR/xml/#charsets
 */
export function forbiddenCharacter(text: string): { code: number; at: number } | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const ok =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (!ok) return { code, at: i };
    if (code >= 0x10000) i++;
  }
  return null;
}

const FORBIDDEN_EN =
  /^contains the character U\+([0-9A-F]{4}) \((a control character|a non-character|half of a surrogate pair)\) at character (\d+)/;

function forbiddenMessage(code: number, at: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const what =
    code < 0x20
      ? "a control character"
      : code >= 0xd800 && code <= 0xdfff
        ? "half of a surrogate pair"
        : "a non-character";
  return `contains the character U+${hex} (${what}) at character ${at + 1}, which a workbook cannot keep; delete it and import the file again`;
}

/** Every text of the file (values and keys) that holds a character a workbook cannot keep, by row and field. */
function forbiddenCharacterIssues(raw: unknown): PlanFileIssue[] {
  const issues: PlanFileIssue[] = [];
  const visit = (value: unknown, path: Key[]): void => {
    if (issues.length >= 50) return;
    if (typeof value === "string") {
      const bad = forbiddenCharacter(value);
      if (bad)
        issues.push(
          schemaIssue(raw, {
            code: "custom",
            path,
            message: forbiddenMessage(bad.code, bad.at),
            input: value,
          } as z.core.$ZodIssue),
        );
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (typeof value === "object" && value !== null)
      for (const [k, v] of Object.entries(value)) {
        const bad = forbiddenCharacter(k);
        if (bad)
          issues.push(
            schemaIssue(raw, {
              code: "custom",
              path: [...path, k],
              message: forbiddenMessage(bad.code, bad.at),
            } as z.core.$ZodIssue),
          );
        else visit(v, [...path, k]);
      }
  };
  visit(raw, []);
  return issues;
}

// ---------------------------------------------------------------------------------------------
// The plan's words in Chinese (属性: 约束性, 方向: 逆向, comparator: ≥): read as the schema's codes

const ATTRIBUTE_WORDS: Record<string, "expected" | "binding" | null> = {
  预期性: "expected",
  预期: "expected",
  约束性: "binding",
  约束: "binding",
  未注明: null,
  未标注: null,
  "—": null,
};

function normaliseEnum(value: unknown, read: (v: unknown) => string | null): unknown {
  if (typeof value !== "string") return value;
  return read(value) ?? value;
}

function normaliseTarget(t: unknown): unknown {
  if (typeof t !== "object" || t === null || Array.isArray(t)) return t;
  const out: Record<string, unknown> = { ...(t as Record<string, unknown>) };
  if ("comparator" in out && out.comparator !== "~") out.comparator = normaliseEnum(out.comparator, parseComparator);
  if ("obligation" in out) out.obligation = normaliseEnum(out.obligation, parseObligation);
  return out;
}

/** A copy of the file's object with Chinese words for fixed values turned into the schema's codes. */
function normaliseWords(raw: Record<string, unknown>): Record<string, unknown> {
  const indicators = raw.indicators;
  if (!Array.isArray(indicators)) return raw;
  return {
    ...raw,
    indicators: indicators.map((ind: unknown) => {
      if (typeof ind !== "object" || ind === null || Array.isArray(ind)) return ind;
      const out: Record<string, unknown> = { ...(ind as Record<string, unknown>) };
      if (typeof out.attribute === "string" && out.attribute.trim() in ATTRIBUTE_WORDS)
        out.attribute = ATTRIBUTE_WORDS[out.attribute.trim()];
      if ("direction" in out) out.direction = normaliseEnum(out.direction, parseDirection);
      if ("figures" in out) out.figures = normaliseEnum(out.figures, parseFigureForm);
      if ("target" in out) out.target = normaliseTarget(out.target);
      if (Array.isArray(out.targetAdjustments))
        out.targetAdjustments = out.targetAdjustments.map((a: unknown) =>
          typeof a === "object" && a !== null
            ? { ...(a as object), target: normaliseTarget((a as { target?: unknown }).target) }
            : a,
        );
      return out;
    }),
  };
}

function fail(path: string, message: { zh: string; en: string }): PlanFileResult {
  return { ok: false, issues: [{ path, message }] };
}

/** JSON engines report a character offset ("at position 42"); staff need a line and column. */
function syntaxIssue(text: string, e: unknown): PlanFileIssue {
  const detail = e instanceof Error ? e.message : String(e);
  const match = /position (\d+)/.exec(detail);
  const offset = match ? Number(match[1]) : /end of JSON/i.test(detail) ? text.length : null;
  if (offset === null) {
    return {
      path: "",
      message: { zh: `文件不是有效的 JSON（${detail}）`, en: `The file is not valid JSON (${detail})` },
    };
  }
  const before = text.slice(0, offset).split("\n");
  const line = before.length;
  const column = (before[before.length - 1] ?? "").length + 1;
  return {
    path: "",
    message: {
      zh: `文件不是有效的 JSON：第 ${line} 行第 ${column} 列附近有语法错误（${detail}）`,
      en: `The file is not valid JSON: syntax error near line ${line}, column ${column} (${detail})`,
    },
  };
}

function formatPath(path: readonly Key[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

function valueAt(root: unknown, path: readonly Key[]): unknown {
  let v: unknown = root;
  for (const k of path) v = typeof v === "object" && v !== null ? (v as Record<Key, unknown>)[k] : undefined;
  return v;
}

/** The fields of an indicator and a target in planning staff's words. */
const FIELD_NAMES: Record<string, { zh: string; en: string }> = {
  id: { zh: "指标代码", en: "id" },
  number: { zh: "序号", en: "number" },
  category: { zh: "类别", en: "category" },
  name: { zh: "指标名称", en: "name" },
  unit: { zh: "单位", en: "unit" },
  kind: { zh: "指标类别", en: "kind" },
  direction: { zh: "方向", en: "direction" },
  figures: { zh: "数据口径", en: "figures" },
  baseline: { zh: "基期值", en: "baseline" },
  baselineYear: { zh: "基期年", en: "baselineYear" },
  baselineRevisions: { zh: "基期修订", en: "baselineRevisions" },
  target: { zh: "目标", en: "target" },
  targetAdjustments: { zh: "目标调整", en: "targetAdjustments" },
  yearlyTargets: { zh: "年度目标", en: "yearlyTargets" },
  attribute: { zh: "属性", en: "attribute" },
  leadUnit: { zh: "牵头单位", en: "leadUnit" },
  coUnits: { zh: "责任单位", en: "coUnits" },
  actuals: { zh: "各年实际值", en: "actuals" },
  override: { zh: "人工评估", en: "override" },
  value: { zh: "数值", en: "value" },
  comparator: { zh: "目标比较", en: "comparator" },
  obligation: { zh: "目标要求", en: "obligation" },
  approximate: { zh: "约数（左右）", en: "approximate" },
  band: { zh: "容差", en: "band" },
  mode: { zh: "累计方式", en: "mode" },
  relation: { zh: "相对关系", en: "relation" },
  reference: { zh: "参照指标", en: "reference" },
  text: { zh: "目标文字", en: "text" },
  zh: { zh: "中文", en: "zh" },
  en: { zh: "英文", en: "en" },
};

/** What each fixed field may say, in the words staff use (the file may use the Chinese words too). */
const ALLOWED_WORDS: Record<string, { zh: string; en: string }> = {
  attribute: {
    zh: "应为“预期性”或“约束性”（也可写 expected / binding；规划未注明时写 null）",
    en: "must be 预期性 (expected) or 约束性 (binding), or null when the plan does not say",
  },
  direction: {
    zh: "应为“正向”（越大越好，up）或“逆向”（越小越好，down）",
    en: "must be up (正向, higher is better) or down (逆向, lower is better)",
  },
  kind: {
    zh: "应为 percent（百分比）、count（个数）、amount（金额或数量）、rank（位次）或 index（其他指数）",
    en: "must be percent, count, amount, rank or index",
  },
  figures: {
    zh: "应为 level（水平值）、rate（当年增速）或 change（当年变化量）",
    en: "must be level (the value itself), rate (that year's growth in %) or change (that year's change)",
  },
  comparator: { zh: "应为“>=”（不低于，≥）或“<=”（不高于，≤）", en: "must be >= (at least, ≥) or <= (at most, ≤)" },
  obligation: {
    zh: "应为 reach（达到，可提前实现）或 keep（保持，期内须一直保持）",
    en: "must be reach (达到: attain it) or keep (保持: hold it through the period)",
  },
  mode: {
    zh: "应为 reduction（累计降低，按百分比复合）、increase（累计提高）或 decrease（累计下降，按数量或百分点）",
    en: "must be reduction (a relative cut in %), increase or decrease (in the unit or percentage points)",
  },
  relation: { zh: "应为 above（高于参照指标）或 inStep（与参照指标基本同步）", en: "must be above or inStep" },
  kindOfTarget: {
    zh: "目标形式应为 level（数值目标）、cumulative（〔〕累计目标）、annualGrowth（年均增长目标）、relative（相对另一指标的目标）或 text（定性目标）",
    en: "the target's kind must be level, cumulative (〔〕), annualGrowth (年均), relative (to another indicator) or text",
  },
};

const TARGET_SHAPES: Record<string, readonly string[]> = {
  level: Object.keys(levelTarget.shape),
  cumulative: Object.keys(cumulativeTarget.shape),
  annualGrowth: Object.keys(annualGrowthTarget.shape),
  text: Object.keys(textTarget.shape),
  relative: Object.keys(relativeTarget.shape),
};

const TARGET_KIND_NAMES: Record<string, { zh: string; en: string }> = {
  level: { zh: "数值目标（level）", en: "a level target" },
  cumulative: { zh: "〔〕累计目标（cumulative）", en: "a cumulative (〔〕) target" },
  annualGrowth: { zh: "年均增长目标（annualGrowth）", en: "an annual-growth target" },
  text: { zh: "定性目标（text）", en: "a text target" },
  relative: { zh: "相对目标（relative）", en: "a relative target" },
};

function fieldName(path: readonly Key[], lang: "zh" | "en"): string {
  let out = "";
  path.forEach((k, i) => {
    if (typeof k === "number") out += lang === "zh" ? `第${k + 1}项` : `[${k}]`;
    else {
      // A target's kind is its form (目标形式), not the indicator's kind (指标类别).
      const inTarget = path[i - 1] === "target" && k === "kind";
      const name = inTarget ? (lang === "zh" ? "目标形式" : "kind") : (FIELD_NAMES[k]?.[lang] ?? k);
      out += out === "" ? name : lang === "zh" ? ` › ${name}` : `.${name}`;
    }
  });
  return out;
}

/**
 * A schema issue in staff words. `sheetRowOf` names an indicator by its sheet row (第8行) instead
 * of its place in the file, for a plan read from the template.
 */
export function schemaIssue(
  raw: unknown,
  issue: z.core.$ZodIssue,
  sheetRowOf?: (index: number) => number,
): PlanFileIssue {
  const path = issue.path.filter((k): k is Key => typeof k !== "symbol");
  const what = describeProblem(raw, path, issue);
  if (path[0] === "indicators" && typeof path[1] === "number") {
    const index = path[1];
    const id = valueAt(raw, ["indicators", index, "id"]);
    const idText = typeof id === "string" && id !== "" ? id : null;
    const name = valueAt(raw, ["indicators", index, "name"]);
    const nameZh = typeof name === "object" && name !== null ? (name as { zh?: unknown }).zh : undefined;
    const nameEn = typeof name === "object" && name !== null ? (name as { en?: unknown }).en : undefined;
    const rest = path.slice(2);
    const label = {
      zh: `${typeof nameZh === "string" ? `“${nameZh}”` : ""}${idText ? `（${idText}）` : ""}`,
      en: `${typeof nameEn === "string" ? ` “${nameEn}”` : ""}${idText ? ` (id ${idText})` : ""}`,
    };
    const where = sheetRowOf
      ? { zh: `第${sheetRowOf(index)}行指标`, en: `Row ${sheetRowOf(index)}, indicator` }
      : { zh: `第${index + 1}行指标`, en: `Indicator ${index + 1}` };
    const en = `${where.en}${label.en}${rest.length ? `, ${fieldName(rest, "en")}` : ""}: ${what.en}`;
    const zh = `${where.zh}${label.zh}${rest.length ? `的 ${fieldName(rest, "zh")}` : ""}：${what.zh}`;
    return { path: formatPath(path), row: index + 1, message: { zh, en } };
  }
  const field = formatPath(path);
  return {
    path: field,
    message: field ? { zh: `${field}：${what.zh}`, en: `${field}: ${what.en}` } : what,
  };
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  number: { zh: "数字", en: "a number" },
  string: { zh: "文本", en: "text (a string)" },
  boolean: { zh: "true 或 false", en: "true or false" },
  object: { zh: "对象 {…}", en: "an object {…}" },
  array: { zh: "数组 […]", en: "a list […]" },
};

/** Formats the schema's regexes stand for, keyed by the field they guard. */
const FORMATS: Record<string, { zh: string; en: string }> = {
  id: {
    zh: "编号只能由字母、数字和 _ . - 组成，并以字母开头",
    en: "a code of letters, digits and _ . - starting with a letter",
  },
  date: { zh: "日期格式应为 2021-12-30", en: "a date written like 2021-12-30" },
  actuals: { zh: "年份应为四位数字，如 2023", en: "a four-digit year such as 2023" },
};

function list(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(", ");
}

function describeProblem(raw: unknown, path: readonly Key[], issue: z.core.$ZodIssue): { zh: string; en: string } {
  const last = path[path.length - 1];
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(raw, path) === undefined) return { zh: "缺少必填字段", en: "required field is missing" };
      const t = TYPE_NAMES[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      return { zh: `应为${t.zh}`, en: `expected ${t.en}` };
    }
    case "invalid_value": {
      const words = typeof last === "string" ? ALLOWED_WORDS[last] : undefined;
      if (words) return words;
      return { zh: `应为以下之一：${list(issue.values)}`, en: `must be one of: ${list(issue.values)}` };
    }
    case "invalid_union":
      // A target whose kind is none of the forms (zod reports the discriminator at the target or its kind).
      if (last === "kind" || last === "target") return ALLOWED_WORDS.kindOfTarget!;
      if ("options" in issue && Array.isArray(issue.options)) {
        return { zh: `应为以下之一：${list(issue.options)}`, en: `must be one of: ${list(issue.options)}` };
      }
      return { zh: "不符合任何允许的形式", en: "matches none of the allowed forms" };
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === "string" && small && bound === 1) return { zh: "不能为空", en: "must not be empty" };
      if (issue.origin === "array") {
        return small
          ? { zh: `至少需要 ${bound} 项`, en: `needs at least ${bound} item(s)` }
          : { zh: `最多 ${bound} 项`, en: `at most ${bound} item(s)` };
      }
      const op = small ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
      return { zh: `应 ${op} ${bound}`, en: `must be ${op} ${bound}` };
    }
    case "invalid_format": {
      const f = typeof last === "string" ? FORMATS[last] : undefined;
      return f
        ? { zh: `格式不正确：${f.zh}`, en: `wrong format: expected ${f.en}` }
        : { zh: "格式不正确", en: "wrong format" };
    }
    case "invalid_key": {
      const f = FORMATS[String(path[path.length - 2])];
      return f
        ? {
            zh: `键 "${String(last)}" 格式不正确：${f.zh}`,
            en: `key "${String(last)}" has the wrong format: expected ${f.en}`,
          }
        : { zh: `键 "${String(last)}" 无效`, en: `key "${String(last)}" is not allowed` };
    }
    case "unrecognized_keys": {
      const here = valueAt(raw, path);
      const kindHere = typeof here === "object" && here !== null ? (here as { kind?: unknown }).kind : undefined;
      const shape = typeof kindHere === "string" ? TARGET_SHAPES[kindHere] : undefined;
      if (shape && typeof kindHere === "string") {
        const kindName = TARGET_KIND_NAMES[kindHere]!;
        const allowed = shape.filter((k) => k !== "kind");
        const others = Object.entries(TARGET_SHAPES)
          .filter(([k, keys]) => k !== kindHere && issue.keys.every((key) => keys.includes(key)))
          .map(([k]) => TARGET_KIND_NAMES[k]!);
        return {
          zh:
            `${kindName.zh}没有字段 ${issue.keys.join("、")}；此形式可用的字段：${allowed.join("、")}` +
            (others.length ? `（${issue.keys.join("、")} 属于${others.map((o) => o.zh).join("或")}）` : ""),
          en:
            `${kindName.en} has no field ${issue.keys.join(", ")}; its fields are ${allowed.join(", ")}` +
            (others.length ? ` (${issue.keys.join(", ")} belongs to ${others.map((o) => o.en).join(" or ")})` : ""),
        };
      }
      return {
        zh: `未知字段：${issue.keys.join("、")}（请检查拼写）`,
        en: `unknown field(s): ${issue.keys.join(", ")} (check the spelling)`,
      };
    }
    case "custom":
      return translateCustom(issue.message);
    default:
      return { zh: issue.message, en: issue.message };
  }
}

/** The plan schema's own cross-field rules speak English; give each a Chinese twin. */
function translateCustom(en: string): { zh: string; en: string } {
  const forbidden = FORBIDDEN_EN.exec(en);
  if (forbidden) {
    const what =
      forbidden[2] === "a control character"
        ? "控制字符"
        : forbidden[2] === "a non-character"
          ? "非字符"
          : "不成对的代理字符";
    return {
      zh: `第${forbidden[3]}个字符是 U+${forbidden[1]}（${what}），工作簿无法保存；请删除后重新导入`,
      en,
    };
  }
  const dup = /^duplicate indicator id (.+)$/.exec(en);
  if (dup) return { zh: `指标编号 ${dup[1]} 重复`, en };
  if (en === "targetYear must be after baseYear") return { zh: "目标年 targetYear 必须晚于基期年 baseYear", en };
  const long = /^the plan period (\d+)–(\d+) is (\d+) years; at most (\d+) years are supported$/.exec(en);
  if (long)
    return {
      zh:
        `规划期 ${long[1]}—${long[2]} 年共 ${long[3]} 年，本加载项最长支持 ${long[4]} 年（如“十四五”规划及 2035 年远景目标：` +
        `2020—2035 年）。请核对基期年 baseYear 和目标年 targetYear 是否填错`,
      en:
        `${en} (e.g. a five-year plan with its 2035 vision: 2020–2035). ` +
        `Check that baseYear and targetYear are typed correctly`,
    };
  if (en === "baselineYear must be before the plan's targetYear")
    return { zh: "基期年 baselineYear 必须早于规划目标年 targetYear", en };
  const early = /^the indicator's targetYear (\d+) is before the plan's baseYear (\d+)$/.exec(en);
  if (early)
    return {
      zh: `指标目标年 targetYear（${early[1]}年）早于规划基期年 baseYear（${early[2]}年）：请核对目标年是否填错`,
      en: `The indicator's target year (${early[1]}) is before the plan's base year (${early[2]}): check that targetYear is typed correctly`,
    };
  if (en === "an indicator's own targetYear is only for supplementary goals")
    return {
      zh:
        "只有规划正文中的其他目标（supplementary: true）可以有自己的目标年 targetYear；主要指标表中的指标按规划目标年评估，" +
        "请删除该指标的 targetYear，或将其标为 supplementary",
      en:
        "Only the plan's other goals (supplementary: true) may have a target year of their own; main-table indicators are " +
        "evaluated at the plan's target year: remove this indicator's targetYear or mark it supplementary",
    };
  return { zh: en, en };
}

/**
 * Known keys in reading order; anything else (a field added to the schema later, or year keys in
 * `actuals`) follows in code-point order, so nothing is ever dropped and output is stable.
 */
const KEY_ORDER = [
  "$schema",
  "formatVersion",
  "id",
  "number",
  "title",
  "category",
  "name",
  "unit",
  "kind",
  "direction",
  "figures",
  "value",
  "relation",
  "reference",
  "comparator",
  "obligation",
  "approximate",
  "band",
  "mode",
  "text",
  "release",
  "source",
  "document",
  "issuer",
  "date",
  "section",
  "enteredOn",
  "replacedOn",
  "baseYear",
  "targetYear",
  "evaluation",
  "year",
  "baseline",
  "baselineYear",
  "baselineRevisions",
  "reason",
  "target",
  "targetAdjustments",
  "yearlyTargets",
  "attribute",
  "leadUnit",
  "coUnits",
  "supplementary",
  "status",
  "note",
  "history",
  "zh",
  "en",
  "actuals",
  "override",
  "indicators",
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== "object" || value === null) return value;
  const keys = Object.keys(value).sort((a, b) => {
    const ra = RANK.get(a) ?? KEY_ORDER.length;
    const rb = RANK.get(b) ?? KEY_ORDER.length;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k])]));
}

export function serializePlanFile(p: Plan): string {
  return JSON.stringify(ordered(p), null, 2) + "\n";
}
