/**
 * Highlight off-track rows in place with conditional formats the add-in can take away again.
 * Three custom rules over the table's data rows (never whole columns: office-js#3336) whose
 * formulas read the status column and, for amber, the progress and time-progress columns. They
 * call no custom function (rules that do never apply: office-js#6135), so they follow edits live.
 * The rule ids are stored with the template's state (in a setting of their own, so storing them
 * never rewrites the plan: a few hundred bytes at any size); turning highlights off deletes only
 * those rules: no clearAll(), so the user's own rules and formatting stay.
 * Each operation is 2 syncs: one to add/find rules and read the state, one to delete and store ids.
 */
import { messagePair } from "../core/messages";
import { statusLabels } from "../core/status";
import type { StatusCode } from "../core/planSchema";
import { mapHeaders, type ColumnKey } from "../core/templateLayout";
import { columnLetters, parseRangeAddress } from "./a1";
import { HostOperationError, runWrite } from "./excelRun";
import type { TemplateSnapshot } from "./readTemplate";
import { queueHighlightIdsWrite, queueStateRead, readStateResult } from "./templateState";

export type HighlightTone = "red" | "amber" | "green";

/** Light fills with dark text of the same hue: readable in Excel's dark mode too; the status words stay in the row for colour-blind readers. */
export const HIGHLIGHT_COLOURS: Record<HighlightTone, { fill: string; font: string; bold: boolean }> = {
  red: { fill: "#F6C4B0", font: "#8A1C00", bold: true },
  amber: { fill: "#FBE8A6", font: "#5C4500", bold: false },
  green: { fill: "#B9E3D3", font: "#00513A", bold: false },
};

function words(...codes: Array<StatusCode | "achievedEarly">): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    const labels = code === "achievedEarly" ? statusLabels("achieved", { year: 0, targetYear: 1 }) : statusLabels(code);
    out.add(labels.zh);
    out.add(labels.en);
  }
  return [...out];
}

function anyOf(cell: string, list: string[]): string {
  return `OR(${list.map((w) => `${cell}="${w.replace(/"/g, '""')}"`).join(",")})`;
}

export interface HighlightRule {
  tone: HighlightTone;
  formula: string;
}

/**
 * The rules for a table whose first data row is `firstRow`, in priority order. References are
 * $column + relative row, as Excel reads a rule's formula from the range's top-left cell.
 */
export function highlightRules(
  letters: { status: string; progress: string | null; elapsed: string | null },
  firstRow: number,
): HighlightRule[] {
  const s = `$${letters.status}${firstRow}`;
  // A row with a cell to fix (待修正（…）) is red too: it needs attention before it can be judged. A stale
  // row (数据滞后) is not a verdict, so it keeps its own formatting.
  const fix = messagePair("status.needsFix", { column: "", text: "" });
  const fixPrefix = (label: string) => label.slice(0, label.search(/[（(]/) + 1);
  const needsFix = [fixPrefix(fix.zh), fixPrefix(fix.en)].map((p) => `LEFT(${s},${p.length})="${p}"`);
  const rules: HighlightRule[] = [
    { tone: "red", formula: `=OR(${anyOf(s, words("lagging", "missed"))},${needsFix.join(",")})` },
  ];
  if (letters.progress && letters.elapsed) {
    const p = `$${letters.progress}${firstRow}`;
    const e = `$${letters.elapsed}${firstRow}`;
    rules.push({
      tone: "amber",
      formula: `=AND(${anyOf(s, words("onTrack"))},ISNUMBER(${p}),ISNUMBER(${e}),${p}<${e})`,
    });
  }
  rules.push({ tone: "green", formula: `=${anyOf(s, words("achievedEarly", "achieved"))}` });
  return rules;
}

function letterOf(headers: readonly unknown[], firstColumn: number, key: ColumnKey): string | null {
  const i = mapHeaders(headers)[key];
  return i === undefined ? null : columnLetters(firstColumn + i);
}

export function highlightsOn(snapshot: TemplateSnapshot): boolean {
  return snapshot.stored.kind === "ok" && snapshot.stored.state.highlightRuleIds.length > 0;
}

/** Adds the rules (replacing the add-in's earlier ones) and returns their ids. */
export async function applyHighlights(snapshot: TemplateSnapshot): Promise<string[]> {
  if (snapshot.stored.kind !== "ok")
    throw new HostOperationError(snapshot.stored.kind === "invalid" ? "stateInvalid" : "templateNotFound");
  const status = letterOf(snapshot.headers, snapshot.body.firstColumn, "status");
  if (!status) throw new HostOperationError("templateChanged");
  const letters = {
    status,
    progress: letterOf(snapshot.headers, snapshot.body.firstColumn, "progress"),
    elapsed: letterOf(snapshot.headers, snapshot.body.firstColumn, "elapsed"),
  };
  const previous = snapshot.stored.state.highlightRuleIds;
  const rules = highlightRules(letters, snapshot.body.firstRow);

  return runWrite(async (context) => {
    const table = context.workbook.tables.getItem(snapshot.tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("address");
    const setting = queueStateRead(context);
    const old = previous.map((id) => body.conditionalFormats.getItemOrNullObject(id).load("id"));
    const added = rules.map((rule) => {
      const cf = body.conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      const colour = HIGHLIGHT_COLOURS[rule.tone];
      cf.custom.format.fill.color = colour.fill;
      cf.custom.format.font.color = colour.font;
      if (colour.bold) cf.custom.format.font.bold = true;
      cf.load("id");
      return cf;
    });
    await context.sync();

    // The rules were written for the columns the pane last read; if the table moved since, undo them.
    const now = header.values[0] ?? [];
    const where = parseRangeAddress(body.address);
    const moved =
      letterOf(now, where.firstColumn, "status") !== letters.status || where.firstRow !== snapshot.body.firstRow;
    if (moved) {
      for (const cf of added) cf.delete();
      await context.sync();
      throw new HostOperationError("templateChanged");
    }
    for (const cf of old) if (!cf.isNullObject) cf.delete();
    const fresh = readStateResult(setting);
    if (fresh.kind !== "ok") throw new HostOperationError("stateInvalid");
    const ids = added.map((cf) => cf.id);
    // Ids stored by someone else since the pane's read cannot be checked now: keep them for the next removal.
    const unseen = fresh.state.highlightRuleIds.filter((id) => !previous.includes(id));
    queueHighlightIdsWrite(context, [...ids, ...unseen]);
    await context.sync();
    return ids;
  });
}

/** Deletes the add-in's rules (by their stored ids) and nothing else. */
export async function removeHighlights(snapshot: TemplateSnapshot): Promise<number> {
  if (snapshot.stored.kind !== "ok")
    throw new HostOperationError(snapshot.stored.kind === "invalid" ? "stateInvalid" : "templateNotFound");
  const ids = snapshot.stored.state.highlightRuleIds;
  return runWrite(async (context) => {
    const body = context.workbook.tables.getItem(snapshot.tableName).getDataBodyRange();
    const setting = queueStateRead(context);
    const rules = ids.map((id) => body.conditionalFormats.getItemOrNullObject(id).load("id"));
    await context.sync();
    let removed = 0;
    for (const cf of rules) {
      if (cf.isNullObject) continue;
      cf.delete();
      removed += 1;
    }
    const fresh = readStateResult(setting);
    if (fresh.kind !== "ok") throw new HostOperationError("stateInvalid");
    queueHighlightIdsWrite(
      context,
      fresh.state.highlightRuleIds.filter((id) => !ids.includes(id)),
    );
    await context.sync();
    return removed;
  });
}
