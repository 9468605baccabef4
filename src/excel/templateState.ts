/**
 * What the add-in remembers inside the workbook (workbook settings, so it travels with the file):
 * which table is the template, in which language it was written, the plan it was written from
 * (so a later refresh knows which cells hold what the add-in wrote) and the ids of the
 * conditional-format rules it created (so it removes only those).
 * These helpers only queue commands; the operation that calls them owns the sync.
 */
import { z } from "zod";
import { plan as planSchema, type Plan } from "../core/planSchema";
import type { Lang } from "../core/messages";

export const STATE_KEY = "PlanTracker.template";

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

/** Queue a read of the stored state; call readStateResult after the sync. */
export function queueStateRead(context: Excel.RequestContext): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  setting.load("value");
  return setting;
}

/** A stored state that does not parse (edited by hand, written by another version) is reported, never trusted. */
export function readStateResult(setting: Excel.Setting): StateRead {
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
  return {
    kind: "ok",
    state: { ...parsed.data, version: 1, plan: plan.data },
  };
}

/** Stored as a JSON string: its size is what it looks like, and every host round-trips strings the same way. */
export function queueStateWrite(context: Excel.RequestContext, state: TemplateState): void {
  context.workbook.settings.add(STATE_KEY, JSON.stringify(state));
}
