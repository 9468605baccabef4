/**
 * Plan files and workbooks of format version 1 → the current format (version 2), with a note of
 * every choice the migration made so the pane can show it: nothing is changed silently.
 *
 * Version 1 wrote a 左右 target as comparator "~" and a rank "at least this good" as ">=" with a
 * downward direction; version 2 writes the bound's own side (<= for ranks and ceilings) and marks
 * 左右 with `approximate`. Version 1 had no obligation: a target the baseline already met was
 * "held" (progress 1 while it held), which is what `keep` means now; every other target is
 * `reach`. Version 1's free-text `vintage` ("2024年统计公报") is where a figure came from: `source`.
 */
import type { PlanV1, TargetV1 } from "./planSchemaV1";
import { FORMAT_VERSION, type Direction, type PlanInput, type Target } from "./planSchema";
import { inferObligation } from "./status";

export interface MigrationNote {
  indicatorId: string | null;
  message: { zh: string; en: string };
}

function levelFromV1(
  t: Extract<TargetV1, { kind: "level" }>,
  direction: Direction,
  baseline: number | null,
  notes: string[],
): Target {
  const comparator: ">=" | "<=" =
    t.comparator === "<="
      ? "<="
      : t.comparator === ">="
        ? direction === "down"
          ? "<="
          : ">="
        : direction === "down"
          ? "<="
          : ">=";
  const approximate = t.comparator === "~";
  const held =
    inferObligation(baseline, t.value, comparator, approximate, approximate ? t.tolerance : undefined) === "keep";
  if (held) notes.push("keep");
  return {
    kind: "level",
    value: t.value,
    comparator,
    obligation: held ? "keep" : "reach",
    ...(approximate ? { approximate: true } : {}),
    ...(approximate && t.tolerance !== undefined ? { band: t.tolerance } : {}),
  };
}

function targetFromV1(t: TargetV1, direction: Direction, baseline: number | null, notes: string[]): Target {
  switch (t.kind) {
    case "level":
      return levelFromV1(t, direction, baseline, notes);
    case "cumulative":
      return { kind: "cumulative", value: t.value, mode: t.mode };
    case "annualGrowth":
      return { kind: "annualGrowth", value: t.value, comparator: ">=" };
    case "text":
      return { kind: "text", text: t.text };
  }
}

/** A v1 plan (already checked by the v1 schema) as a v2 plan input, and what the migration decided. */
export function migrateV1(p: PlanV1): { plan: PlanInput; notes: MigrationNote[] } {
  const notes: MigrationNote[] = [
    {
      indicatorId: null,
      message: {
        zh: "此规划为旧版文件格式（版本 1），已按版本 2 读取。",
        en: "This plan is in the old file format (version 1) and was read as version 2.",
      },
    },
  ];
  const indicators = p.indicators.map((ind) => {
    const decided: string[] = [];
    const target = targetFromV1(ind.target, ind.direction, ind.baseline, decided);
    if (decided.includes("keep"))
      notes.push({
        indicatorId: ind.id,
        message: {
          zh: `指标“${ind.name.zh}”的基期值已达到目标，按“保持”类目标评估（期内保持为基本符合预期）。`,
          en: `“${ind.name.en}”: the baseline already meets the target, so it is evaluated as a target to keep (holding it is on track).`,
        },
      });
    const actuals = Object.fromEntries(
      Object.entries(ind.actuals).map(([y, a]) => [
        y,
        {
          value: a.value,
          ...(a.vintage !== undefined ? { source: a.vintage } : {}),
          ...(a.note !== undefined ? { note: a.note } : {}),
        },
      ]),
    );
    return {
      id: ind.id,
      ...(ind.number !== undefined ? { number: ind.number } : {}),
      category: ind.category,
      name: ind.name,
      unit: ind.unit,
      kind: ind.kind,
      direction: ind.direction,
      figures: ind.target.kind === "cumulative" ? ("change" as const) : ("level" as const),
      baseline: ind.baseline,
      baselineYear: ind.baselineYear,
      target,
      attribute: ind.attribute,
      ...(ind.note !== undefined ? { note: ind.note } : {}),
      ...(ind.supplementary !== undefined ? { supplementary: ind.supplementary } : {}),
      actuals,
      ...(ind.override !== undefined ? { override: ind.override } : {}),
    };
  });
  const { formatVersion: _v1, indicators: _old, ...rest } = p;
  return { plan: { ...rest, formatVersion: FORMAT_VERSION, indicators }, notes };
}
