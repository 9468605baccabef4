/**
 * What the add-in remembers inside the workbook (workbook settings, so it travels with the file):
 * which table is the template, in which language it was written, the plan it was written from
 * (so a later refresh knows which cells hold what the add-in wrote) and the ids of the
 * conditional-format rules it created (so it removes only those).
 * The rule ids also have a setting of their own (HIGHLIGHTS_KEY), which wins when present: turning
 * highlights on or off rewrites a few ids, not the whole plan (6 MB at 10,000 indicators).
 * These helpers only queue commands; the operation that calls them owns the sync.
 */
import { z } from "zod";
import { plan as planSchema, type Plan } from "../core/planSchema";
import type { Lang } from "../core/messages";
import type { RequestBatch } from "./requestBatch";
import { COMMAND_OVERHEAD, jsonBytes } from "./requestBudget";

export const STATE_KEY = "PlanTracker.template";
/** The ids of the add-in's highlight rules (a JSON array of strings). */
export const HIGHLIGHTS_KEY = "PlanTracker.highlightRules";

const idsSchema = z.array(z.string());

const stateSchema = z.object({
  version: z.literal(1),
  tableName: z.string().min(1),
  lang: z.enum(["zh", "en"]),
  plan: z.unknown(),
  highlightRuleIds: z.array(z.string()).default([]),
});

export interface TemplateState {
  version: 1;
  tableName: string;
  lang: Lang;
  plan: Plan;
  highlightRuleIds: string[];
}

export type StateRead = { kind: "none" } | { kind: "invalid" } | { kind: "ok"; state: TemplateState };

export interface StateSettings {
  state: Excel.Setting;
  highlights: Excel.Setting;
}

/** Queue a read of the stored state; call readStateResult after the sync. */
export function queueStateRead(context: Excel.RequestContext): StateSettings {
  const state = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  state.load("value");
  return { state, highlights: queueHighlightIdsRead(context) };
}

/** Queue a read of the highlight rule ids' own setting; call storedHighlightIds after the sync. */
export function queueHighlightIdsRead(context: Excel.RequestContext): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY);
  setting.load("value");
  return setting;
}

/** The ids in their own setting, or null when it is missing or unreadable (then the state's ids count). */
export function storedHighlightIds(setting: Excel.Setting): string[] | null {
  if (setting.isNullObject) return null;
  let raw: unknown = setting.value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const ids = idsSchema.safeParse(raw);
  return ids.success ? ids.data : null;
}

/** A stored state that does not parse (edited by hand, written by another version) is reported, never trusted. */
export function readStateResult(settings: StateSettings): StateRead {
  const setting = settings.state;
  if (setting.isNullObject) return { kind: "none" };
  let raw: unknown = setting.value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return { kind: "invalid" };
    }
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid" };
  const plan = planSchema.safeParse(parsed.data.plan);
  if (!plan.success) return { kind: "invalid" };
  const ids = storedHighlightIds(settings.highlights) ?? parsed.data.highlightRuleIds;
  return {
    kind: "ok",
    state: { ...parsed.data, version: 1, plan: plan.data, highlightRuleIds: ids },
  };
}

/**
 * Stored as a JSON string: its size is what it looks like, and every host round-trips strings the
 * same way. The ids' own setting is written with it, so the two always agree.
 */
export function queueStateWrite(context: Excel.RequestContext, state: TemplateState): void {
  queueStateText(context, JSON.stringify(state), state.highlightRuleIds);
}

function queueStateText(context: Excel.RequestContext, text: string, ids: readonly string[]): void {
  context.workbook.settings.add(STATE_KEY, text);
  queueHighlightIdsWrite(context, ids);
}

/** queueStateWrite within a request budget: the state may be megabytes for a large plan. */
export async function writeState(
  batch: RequestBatch,
  context: Excel.RequestContext,
  state: TemplateState,
): Promise<void> {
  const text = JSON.stringify(state);
  await batch.fit(jsonBytes(text) + jsonBytes(JSON.stringify(state.highlightRuleIds)) + 2 * COMMAND_OVERHEAD);
  queueStateText(context, text, state.highlightRuleIds);
}

/** Only the highlight rule ids: a few hundred bytes whatever the size of the plan. */
export function queueHighlightIdsWrite(context: Excel.RequestContext, ids: readonly string[]): void {
  context.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify(ids));
}
