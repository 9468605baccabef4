/**
 * What the pane says when the template no longer holds what the add-in wrote where it reads it (pure):
 * a header cleared or renamed, an indicator's hidden id cleared, mistyped or copied; what the repair
 * wrote back and what it left; highlight rules left because they are not (any more) the add-in's;
 * rows a refresh matched by name or could not match. Chinese and English, in the words staff use.
 */
import { fillTemplate, type Lang } from "../../core/messages";
import type { IdProblemKind } from "../../core/templateIntegrity";
import { columnLetters } from "../../excel/a1";
import type { LeftRule } from "../../excel/highlights";
import type { IdRow } from "../../excel/insertTemplate";
import type { RepairLeft, RepairOutcome } from "../../excel/repairTemplate";
import type { SheetIdProblem, SheetPlan } from "../../excel/sheetPlan";
import type { FindingView } from "./validationView";

const strings = {
  title: { zh: "指标表与模板不再一致", en: "The indicator table no longer matches the template" },
  headerChanged: {
    zh: "表头 {cell} 现为“{current}”，应为“{expected}”：这一列读不出来，各行指标因此无法计算。",
    en: "Header {cell} now reads “{current}”; it should be “{expected}”. That column cannot be read, so the indicators cannot be worked out.",
  },
  headerMissing: {
    zh: "找不到“{expected}”列（可能已被删除，或两侧插入了其他列，加载项无法判断是哪一列）：请在表头行中手工恢复。",
    en: "The “{expected}” column cannot be found (deleted, or columns were inserted beside it, so the add-in cannot tell which it is): restore its header by hand.",
  },
  blank: { zh: "（空白）", en: "(blank)" },
  idMissing: {
    zh: "第{row}行“{name}”的指标代码（{cell}，隐藏列）是空的",
    en: "Row {row} “{name}”: its indicator ID ({cell}, a hidden column) is blank",
  },
  idInvalid: {
    zh: "第{row}行“{name}”的指标代码（{cell}，隐藏列）为“{text}”，不是有效的代码",
    en: "Row {row} “{name}”: its indicator ID ({cell}, a hidden column) holds “{text}”, which is not an ID",
  },
  idDuplicate: {
    zh: "第{row}行“{name}”的指标代码（{cell}，隐藏列）“{text}”与第{other}行相同",
    en: "Row {row} “{name}”: its indicator ID ({cell}, a hidden column) “{text}” is the same as row {other}'s",
  },
  idByName: {
    zh: "；按指标名称应为 {id}。刷新模板、导出规划前请先修复。",
    en: "; by its name it is {id}. Repair it before refreshing the template or exporting the plan.",
  },
  idUnknown: {
    zh: "；无法判断是规划中的哪个指标，刷新模板时这一行保持原样，导出时以行号代替代码。",
    en: "; it cannot be told which of the plan's indicators it is: a refresh leaves the row as it is, and an export names it by its row.",
  },
  repairAction: { zh: "恢复表头和指标代码", en: "Restore headers and IDs" },
  repairHint: {
    zh: "只写回本加载项写入过、且能确认是它写入的单元格；其余保持原样并逐一说明。",
    en: "Writes back only cells the add-in wrote and can show it wrote; anything else is left as it is and explained.",
  },
  repaired: {
    zh: "已恢复 {headers} 个表头、{ids} 个指标代码。",
    en: "Restored {headers|header|headers} and {ids|indicator ID|indicator IDs}.",
  },
  repairedHeader: { zh: "{cell}：“{from}” → “{to}”", en: "{cell}: “{from}” → “{to}”" },
  repairedId: {
    zh: "第{row}行“{name}”：指标代码 {cell} → {id}（{by}）",
    en: "Row {row} “{name}”: indicator ID {cell} → {id} ({by})",
  },
  byRecord: { zh: "按加载项写入时的记录", en: "from the add-in's record of what it wrote" },
  byName: { zh: "按指标名称", en: "by its name" },
  nothingRepaired: {
    zh: "没有可以恢复的单元格，原因见下。",
    en: "No cell could be restored; see why below.",
  },
  leftNotProven: {
    zh: "第{row}行“{name}”：按名称应为 {id}，但 {cell} 中的“{text}”不能确认是加载项写入的，未改动。如确为该指标，请清空此单元格后再修复，或直接改为 {id}。",
    en: "Row {row} “{name}”: by its name it is {id}, but “{text}” in {cell} cannot be shown to be the add-in's, so it was not changed. If it is that indicator, clear the cell and repair again, or type {id}.",
  },
  leftUnknown: {
    zh: "第{row}行“{name}”：无法判断是规划中的哪个指标（名称已改，或有多行同名），未改动。请核对该行，或删除多余的行。",
    en: "Row {row} “{name}”: it cannot be told which of the plan's indicators it is (renamed, or several rows have its name); not changed. Check the row, or delete the extra one.",
  },
  leftNoPlan: {
    zh: "第{row}行“{name}”：工作簿中没有保存规划，无法核对指标代码，未改动。",
    en: "Row {row} “{name}”: the workbook holds no plan to check indicator IDs against; not changed.",
  },
  ruleLeft: {
    zh: "条件格式规则（{where}）与本加载项写入时不同（可能是您自己的规则，或被改过），未删除。",
    en: "A conditional-format rule ({where}) is not as the add-in wrote it (it may be your own, or it was changed): not deleted.",
  },
  refreshIdMatched: {
    zh: "第{row}行“{name}”的指标代码{was}，已{by}认定为 {id} 并刷新。",
    en: "Row {row} “{name}”: its indicator ID {was}; taken to be {id} ({by}) and refreshed.",
  },
  refreshIdUnmatched: {
    zh: "第{row}行“{name}”的指标代码{was}，无法判断是哪个指标，这一行保持原样。",
    en: "Row {row} “{name}”: its indicator ID {was}; it cannot be told which indicator it is, so the row was left as it is.",
  },
  wasBlank: { zh: "为空", en: "was blank" },
  wasText: { zh: "为“{text}”", en: "held “{text}”" },
  wasCopy: { zh: "“{text}”与第{other}行相同", en: "“{text}” was the same as row {other}'s" },
  findingHeader: { zh: "表头", en: "Header" },
  findingId: { zh: "指标代码", en: "Indicator ID" },
} as const;

function s(lang: Lang, key: keyof typeof strings, args?: Record<string, string | number>): string {
  return fillTemplate(strings[key][lang], args);
}

export function integrityText(lang: Lang, key: "title" | "repairAction" | "repairHint"): string {
  return s(lang, key);
}

function headerCell(sheet: SheetPlan, index: number): string {
  return `${columnLetters(sheet.snapshot.body.firstColumn + index)}${sheet.integrity.headerRow}`;
}

function idText(
  p: { kind: IdProblemKind; sheetRow: number; name: string; text: string; sameAsRow?: number },
  cell: string,
  lang: Lang,
): string {
  const args = { row: p.sheetRow, name: p.name, cell, text: p.text, other: p.sameAsRow ?? "" };
  return s(lang, p.kind === "missing" ? "idMissing" : p.kind === "invalid" ? "idInvalid" : "idDuplicate", args);
}

function idProblemText(p: SheetIdProblem, lang: Lang): string {
  const head = idText(p, p.address ?? "", lang);
  return head + (p.restored ? s(lang, "idByName", { id: p.restored.id }) : s(lang, "idUnknown"));
}

export interface IntegrityProblem {
  message: string;
  /** The cell it is about (a header cell, an id cell), or null. */
  address: string | null;
  kind: "header" | "id";
}

/** Everything that no longer matches the template, header row first. */
export function integrityProblems(sheet: SheetPlan, lang: Lang): IntegrityProblem[] {
  const out: IntegrityProblem[] = [];
  const check = sheet.integrity.headers;
  for (const r of check?.repairs ?? []) {
    const cell = headerCell(sheet, r.index);
    out.push({
      kind: "header",
      address: cell,
      message: s(lang, "headerChanged", { cell, current: r.current || s(lang, "blank"), expected: r.expected }),
    });
  }
  for (const u of check?.unplaced ?? [])
    out.push({ kind: "header", address: null, message: s(lang, "headerMissing", { expected: u.expected }) });
  // The other goals' block below the table has a header of its own.
  const other = sheet.integrity.otherGoals;
  for (const r of other?.headers.repairs ?? []) {
    const cell = `${columnLetters(other!.firstColumn + r.index)}${other!.headerRow}`;
    out.push({
      kind: "header",
      address: cell,
      message: s(lang, "headerChanged", { cell, current: r.current || s(lang, "blank"), expected: r.expected }),
    });
  }
  for (const u of other?.headers.unplaced ?? [])
    out.push({ kind: "header", address: null, message: s(lang, "headerMissing", { expected: u.expected }) });
  for (const p of sheet.integrity.ids) out.push({ kind: "id", address: p.address, message: idProblemText(p, lang) });
  return out;
}

/** Whether the pane offers the repair: a header cell to write back, or an id to look at. */
export function repairOffered(sheet: SheetPlan): boolean {
  return (
    (sheet.integrity.headers?.repairs.length ?? 0) > 0 ||
    (sheet.integrity.otherGoals?.headers.repairs.length ?? 0) > 0 ||
    sheet.integrity.ids.length > 0
  );
}

/** The same problems as validation findings (errors), so Validate never reports "no problems" over them. */
export function integrityFindings(sheet: SheetPlan, lang: Lang): FindingView[] {
  return integrityProblems(sheet, lang).map((p, i) => ({
    key: `integrity|${i}|${p.address ?? ""}`,
    severity: "error",
    message: p.message,
    indicatorName: s(lang, p.kind === "header" ? "findingHeader" : "findingId"),
    address: p.address,
  }));
}

function leftText(l: RepairLeft, lang: Lang): string {
  if (l.kind === "header") return s(lang, "headerMissing", { expected: l.expected });
  const args = { row: l.sheetRow, name: l.name, cell: l.address ?? "", text: l.text, id: l.suggested ?? "" };
  const key = l.reason === "notProven" ? "leftNotProven" : l.reason === "noPlan" ? "leftNoPlan" : "leftUnknown";
  return s(lang, key, args);
}

/** What the repair did and what it left, for the pane's notice. */
export function describeRepair(
  outcome: RepairOutcome,
  lang: Lang,
): { intent: "success" | "warning"; text: string; details: string[] } {
  const done = outcome.headers.length + outcome.ids.length;
  const details = [
    ...outcome.headers.map((h) =>
      s(lang, "repairedHeader", { cell: h.address, from: h.from || s(lang, "blank"), to: h.to }),
    ),
    ...outcome.ids.map((r) =>
      s(lang, "repairedId", {
        row: r.sheetRow,
        name: r.name,
        cell: r.address,
        id: r.id,
        by: s(lang, r.by === "record" ? "byRecord" : "byName"),
      }),
    ),
    ...outcome.left.map((l) => leftText(l, lang)),
  ];
  return {
    intent: outcome.left.length > 0 || done === 0 ? "warning" : "success",
    text:
      done === 0 && outcome.left.length > 0
        ? s(lang, "nothingRepaired")
        : s(lang, "repaired", { headers: outcome.headers.length, ids: outcome.ids.length }),
    details,
  };
}

/** Highlight rules left in place because they are not (any more) the add-in's. */
export function describeLeftRules(left: readonly LeftRule[], lang: Lang): string[] {
  return left.map((r) =>
    s(lang, "ruleLeft", { where: [r.address, r.formula].filter((x): x is string => !!x).join(" ") || r.id }),
  );
}

/** Rows a refresh found with a damaged id: matched (and refreshed) or left. */
export function describeIdRows(rows: readonly IdRow[], lang: Lang): string[] {
  return rows.map((r) => {
    const was =
      r.problem === "missing"
        ? s(lang, "wasBlank")
        : r.problem === "invalid"
          ? s(lang, "wasText", { text: r.text })
          : s(lang, "wasCopy", { text: r.text, other: r.sameAsRow ?? "" });
    return r.matched
      ? s(lang, "refreshIdMatched", {
          row: r.sheetRow,
          name: r.name,
          was,
          id: r.matched,
          by: s(lang, r.by === "record" ? "byRecord" : "byName"),
        })
      : s(lang, "refreshIdUnmatched", { row: r.sheetRow, name: r.name, was });
  });
}
