/**
 * Reading and writing plan files (JSON, format version 1) with messages staff can act on:
 * every problem names the field and, for indicators, the row and id, in Chinese and English.
 */
import type { z } from "zod";
import { plan, type Plan } from "./planSchema";

export const SUPPORTED_FORMAT_VERSIONS = [1] as const;

export interface PlanFileIssue {
  /** JSON path such as `indicators[3].target.value` ("" for the whole file). */
  path: string;
  /** 1-based indicator row, when the issue is inside `indicators`. */
  row?: number;
  message: { zh: string; en: string };
}

export type PlanFileResult = { ok: true; plan: Plan } | { ok: false; issues: PlanFileIssue[] };

type Key = string | number;

export function parsePlanFile(text: string): PlanFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, "")); // Notepad writes a BOM; JSON.parse rejects it
  } catch (e) {
    return { ok: false, issues: [syntaxIssue(text, e)] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail("", { zh: "文件内容应为一个 JSON 对象（规划）", en: "The file must contain one JSON object (a plan)" });
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
  const parsed = plan.safeParse(raw);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => schemaIssue(raw, issue)) };
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

function schemaIssue(raw: unknown, issue: z.core.$ZodIssue): PlanFileIssue {
  const path = issue.path.filter((k): k is Key => typeof k !== "symbol");
  const what = describeProblem(raw, path, issue);
  if (path[0] === "indicators" && typeof path[1] === "number") {
    const index = path[1];
    const id = valueAt(raw, ["indicators", index, "id"]);
    const idText = typeof id === "string" && id !== "" ? id : null;
    const field = formatPath(path.slice(2)).replace(/^\./, "");
    const en = `indicators[${index}]${idText ? ` (id ${idText})` : ""}${field ? `.${field}` : ""}: ${what.en}`;
    const zh = `第${index + 1}行指标${idText ? `（${idText}）` : ""}${field ? `的 ${field}` : ""}：${what.zh}`;
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
    case "invalid_value":
      return { zh: `应为以下之一：${list(issue.values)}`, en: `must be one of: ${list(issue.values)}` };
    case "invalid_union":
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
    case "unrecognized_keys":
      return {
        zh: `未知字段：${issue.keys.join("、")}（请检查拼写）`,
        en: `unknown field(s): ${issue.keys.join(", ")} (check the spelling)`,
      };
    case "custom":
      return translateCustom(issue.message);
    default:
      return { zh: issue.message, en: issue.message };
  }
}

/** The plan schema's own cross-field rules speak English; give each a Chinese twin. */
function translateCustom(en: string): { zh: string; en: string } {
  const dup = /^duplicate indicator id (.+)$/.exec(en);
  if (dup) return { zh: `指标编号 ${dup[1]} 重复`, en };
  if (en === "targetYear must be after baseYear") return { zh: "目标年 targetYear 必须晚于基期年 baseYear", en };
  if (en === "baselineYear must be before the plan's targetYear")
    return { zh: "基期年 baselineYear 必须早于规划目标年 targetYear", en };
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
  "source",
  "document",
  "issuer",
  "date",
  "section",
  "baseYear",
  "targetYear",
  "baseline",
  "baselineYear",
  "target",
  "value",
  "comparator",
  "tolerance",
  "mode",
  "text",
  "attribute",
  "supplementary",
  "status",
  "note",
  "vintage",
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
