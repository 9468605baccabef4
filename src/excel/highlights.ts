/**
 * Highlight off-track rows in place with conditional formats the add-in can take away again.
 * Three custom rules over the table's data rows (never whole columns: office-js#3336) whose
 * formulas read the status column and, for amber, the progress and time-progress columns. They
 * call no custom function (rules that do never apply: office-js#6135), so they follow edits live.
 * The rule ids are stored with the template's state (in a setting of their own, so storing them
 * never rewrites the plan: a few hundred bytes at any size), and beside them each rule as written
 * (range, formula, colours). Turning highlights off deletes only rules the add-in can prove it wrote:
 * the rule behind a stored id must still be that rule (Excel's rule id is its place in the list, so
 * after staff delete and add rules a stored id can name one of theirs), or exactly the rule the
 * add-in would write over the table now. Any other is left and reported; no clearAll(), so the
 * user's own rules and formatting stay.
 * Each operation is 2 syncs: one to add/find rules and read the state, one to delete and store ids.
 */
import * as z from "../core/planSchemaKit";
import { messagePair } from "../core/messages";
import { statusLabels } from "../core/status";
import type { StatusCode } from "../core/planSchema";
import { mapHeaders, type ColumnKey } from "../core/templateLayout";
import { columnLetters, parseRangeAddress } from "./a1";
import { HostOperationError, runWrite } from "./excelRun";
import { normalizeFormula } from "./ownedCells";
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

// ---------------------------------------------------------------------------------------------
// Which rules are the add-in's

/** The setting that keeps, by rule id, each rule as the add-in wrote it (JSON object). */
export const HIGHLIGHT_SIGNATURES_KEY = "PlanTracker.highlightSignatures";

/** A rule as the add-in wrote it: type Custom, over `range`, with this formula and these colours. */
export interface RuleSignature {
  range: string;
  formula: string;
  fill: string;
  font: string;
  bold: boolean;
}

const signatureSchema = z.record(
  z.string(),
  z.object({ range: z.string(), formula: z.string(), fill: z.string(), font: z.string(), bold: z.boolean() }),
);

/** The rule behind a stored id as Excel gives it back, read in the operation's first sync. */
interface RuleRead {
  cf: Excel.ConditionalFormat;
  range: Excel.Range;
  custom: Excel.CustomConditionalFormat;
}

/** A stored id whose rule is not as the add-in wrote it: left in place, and the user told. */
export interface LeftRule {
  id: string;
  /** Where the rule applies now (null when Excel cannot say: several ranges). */
  address: string | null;
  type: string;
  /** The rule's formula (custom rules only). */
  formula: string | null;
}

export interface HighlightChange {
  /** The add-in's rules now in place (after turning on), else []. */
  ids: string[];
  /** The add-in's earlier rules taken away. */
  removed: number;
  left: LeftRule[];
}

function queueSignaturesRead(context: Excel.RequestContext): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SIGNATURES_KEY);
  setting.load("value");
  return setting;
}

/** The stored signatures; an unreadable setting counts as none (each rule must then match what the add-in writes now). */
function signaturesOf(setting: Excel.Setting): Record<string, RuleSignature> {
  if (setting.isNullObject) return {};
  let raw: unknown = setting.value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  const parsed = signatureSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function queueRuleRead(collection: Excel.ConditionalFormatCollection, id: string): RuleRead {
  const cf = collection.getItemOrNullObject(id);
  // A rule of another type (a user's data bar that took the id) has no custom part: a null object, not an error.
  // customOrNullObject is a navigation property (an object, like cf.custom), not a value to load.
  // eslint-disable-next-line office-addins/call-sync-before-read
  const custom = cf.customOrNullObject;
  custom.rule.load("formula");
  custom.format.fill.load("color");
  custom.format.font.load("color,bold");
  const range = cf.getRangeOrNullObject();
  range.load("address");
  cf.load("id,type");
  return { cf, range, custom };
}

/** An address compared as Excel may give it: without $, quotes or case. */
function sameAddress(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[$']/g, "").toUpperCase();
  return norm(a) === norm(b);
}

function sameColour(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.toUpperCase() === b.toUpperCase();
}

/** Whether the rule read back is the rule `expected` describes: type, range, formula and format. */
function matches(read: RuleRead, expected: RuleSignature): boolean {
  if (read.cf.type !== "Custom" || read.range.isNullObject || read.custom.isNullObject) return false;
  return (
    sameAddress(read.range.address, expected.range) &&
    normalizeFormula(read.custom.rule.formula ?? "") === normalizeFormula(expected.formula) &&
    sameColour(read.custom.format.fill.color, expected.fill) &&
    sameColour(read.custom.format.font.color, expected.font) &&
    (read.custom.format.font.bold === true) === expected.bold
  );
}

function signatureOf(rule: HighlightRule, range: string): RuleSignature {
  const colour = HIGHLIGHT_COLOURS[rule.tone];
  return { range, formula: rule.formula, fill: colour.fill, font: colour.font, bold: colour.bold };
}

/** The rules the add-in would write over the table as it is now (header row, body address), or [] when it has no status column. */
function rulesNow(headers: readonly unknown[], bodyAddress: string): RuleSignature[] {
  const where = parseRangeAddress(bodyAddress);
  const status = letterOf(headers, where.firstColumn, "status");
  if (!status) return [];
  const letters = {
    status,
    progress: letterOf(headers, where.firstColumn, "progress"),
    elapsed: letterOf(headers, where.firstColumn, "elapsed"),
  };
  return highlightRules(letters, where.firstRow).map((rule) => signatureOf(rule, bodyAddress));
}

/**
 * Whether the add-in can prove it wrote the rule behind a stored id: the rule is as the add-in wrote
 * it (its stored signature), or exactly the rule it would write over the table now (the same rule
 * after Excel moved it with the columns, or one whose signature did not travel with the workbook).
 * A rule that took a stored id — Excel numbers rules by their place in the list — or one staff
 * changed is someone else's: never deleted.
 */
function provenOwn(read: RuleRead, stored: RuleSignature | undefined, now: readonly RuleSignature[]): boolean {
  if (read.cf.isNullObject) return false;
  return (stored !== undefined && matches(read, stored)) || now.some((sig) => matches(read, sig));
}

function leftRule(read: RuleRead): LeftRule {
  return {
    id: read.cf.id,
    address: read.range.isNullObject ? null : read.range.address,
    type: read.cf.type,
    formula: read.custom.isNullObject ? null : (read.custom.rule.formula ?? null),
  };
}

/** The signatures to keep: those of `ids` only (the setting never grows past the add-in's rules). */
function queueSignaturesWrite(context: Excel.RequestContext, signatures: Record<string, RuleSignature>, ids: string[]) {
  const kept: Record<string, RuleSignature> = {};
  for (const id of ids) if (signatures[id]) kept[id] = signatures[id];
  context.workbook.settings.add(HIGHLIGHT_SIGNATURES_KEY, JSON.stringify(kept));
}

// ---------------------------------------------------------------------------------------------
// Turning highlights on and off

/** Adds the rules (replacing the add-in's earlier ones) and returns their ids. */
export async function applyHighlights(snapshot: TemplateSnapshot): Promise<string[]> {
  return (await applyHighlightRules(snapshot)).ids;
}

/** Deletes the add-in's rules (those it can prove it wrote) and returns how many. */
export async function removeHighlights(snapshot: TemplateSnapshot): Promise<number> {
  return (await removeHighlightRules(snapshot)).removed;
}

/** Adds the rules, replacing the add-in's earlier ones; a stored id whose rule is not the add-in's is left and returned. */
export async function applyHighlightRules(snapshot: TemplateSnapshot): Promise<HighlightChange> {
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
    const signatureSetting = queueSignaturesRead(context);
    const old = previous.map((id) => queueRuleRead(body.conditionalFormats, id));
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
    const signatures = signaturesOf(signatureSetting);
    // The earlier rules are judged against the table as it was before this batch's own rules were added.
    const current = rulesNow(now, body.address);
    let removed = 0;
    const left: LeftRule[] = [];
    for (const read of old) {
      if (read.cf.isNullObject) continue;
      if (provenOwn(read, signatures[read.cf.id], current)) {
        read.cf.delete();
        removed += 1;
      } else left.push(leftRule(read));
    }
    const fresh = readStateResult(setting);
    if (fresh.kind !== "ok") throw new HostOperationError("stateInvalid");
    const ids = added.map((cf) => cf.id);
    rules.forEach((rule, i) => (signatures[ids[i]!] = signatureOf(rule, body.address)));
    // Ids stored by someone else since the pane's read cannot be checked now: keep them for the next removal.
    const unseen = fresh.state.highlightRuleIds.filter((id) => !previous.includes(id));
    queueHighlightIdsWrite(context, [...ids, ...unseen]);
    queueSignaturesWrite(context, signatures, [...ids, ...unseen]);
    await context.sync();
    return { ids, removed, left };
  });
}

/** Deletes the add-in's rules (by their stored ids, each checked against how it was written) and nothing else. */
export async function removeHighlightRules(snapshot: TemplateSnapshot): Promise<HighlightChange> {
  if (snapshot.stored.kind !== "ok")
    throw new HostOperationError(snapshot.stored.kind === "invalid" ? "stateInvalid" : "templateNotFound");
  const ids = snapshot.stored.state.highlightRuleIds;
  return runWrite(async (context) => {
    const table = context.workbook.tables.getItem(snapshot.tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("address");
    const setting = queueStateRead(context);
    const signatureSetting = queueSignaturesRead(context);
    const rules = ids.map((id) => queueRuleRead(body.conditionalFormats, id));
    await context.sync();
    const signatures = signaturesOf(signatureSetting);
    const current = rulesNow(header.values[0] ?? [], body.address);
    let removed = 0;
    const left: LeftRule[] = [];
    for (const read of rules) {
      if (read.cf.isNullObject) continue;
      if (provenOwn(read, signatures[read.cf.id], current)) {
        read.cf.delete();
        removed += 1;
      } else left.push(leftRule(read));
    }
    const fresh = readStateResult(setting);
    if (fresh.kind !== "ok") throw new HostOperationError("stateInvalid");
    // Every id looked at is forgotten: a rule left is not the add-in's (any more).
    const remaining = fresh.state.highlightRuleIds.filter((id) => !ids.includes(id));
    queueHighlightIdsWrite(context, remaining);
    queueSignaturesWrite(context, signatures, remaining);
    await context.sync();
    return { ids: [], removed, left };
  });
}
