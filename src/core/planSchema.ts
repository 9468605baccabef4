/**
 * The plan file format, version 2: the one definition of what a plan is.
 * Staff and other tools write these files by hand, so the schema is strict about shape but keeps
 * every field name readable (see seeds/plan.schema.json). Version 1 files and workbooks are read
 * through planMigration.ts.
 *
 * What version 2 adds, because real published plan tables need it (docs/formulas.md):
 * - target obligations (reach 达到 / keep 保持), 约/左右 on any target, targets relative to another
 *   indicator (高于GDP增长, 与经济增长基本同步), yearly targets (年度目标);
 * - the form of the yearly figures (level / rate / change), so 年均 rates and 〔〕 totals can be typed
 *   as the statistics publish them;
 * - unknown attribute, baseline and baseline year (null), never defaulted;
 * - revised baselines and approved target adjustments (动态调整), each keeping what was published;
 * - lead and co-responsible units (目标责任制);
 * - each figure's release (快报/年报/修订), source, entry date and the values it replaced.
 */
import { z } from "zod";
import {
  comparators,
  cumulativeModes,
  evaluationKinds,
  figureForms,
  indicatorKinds,
  MAX_PLAN_YEARS,
  obligations,
  relations,
  releases,
  statusCodes,
} from "./planVocabulary";

export { indicatorKinds, MAX_PLAN_YEARS, statusCodes };

// zod 4 compiles validators with `new Function` unless told not to; the pane's
// Content-Security-Policy forbids eval, so the whole add-in runs zod jitless.
z.config({ jitless: true });

export const FORMAT_VERSION = 2;

export const localizedText = z
  .object({
    zh: z.string().min(1).describe("Chinese text, as printed in the plan"),
    en: z.string().min(1).describe("English translation"),
  })
  .strict();

export const year = z.number().int().min(1949).max(2100);

/** A four-digit year as an object key (JSON object keys are strings). */
export const yearKey = z.string().regex(/^(19|20|21)\d\d$/, "a four-digit year such as 2023");

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date such as 2021-12-30");

export const indicatorKind = z
  .enum(indicatorKinds)
  .describe(
    "percent: a share in % (gaps in percentage points); count: whole things; amount: money or volume; rank: a position (1 = best); index: any other scale",
  );

export const direction = z.enum(["up", "down"]).describe("up = higher is better (正向), down = lower is better (逆向)");

export const attribute = z
  .enum(["expected", "binding"])
  .nullable()
  .describe(
    "expected = 预期性, binding = 约束性, null = not stated in the source (未注明); 预期性/约束性 are accepted too",
  );

export const figureForm = z
  .enum(figureForms)
  .describe(
    "how the yearly figures are typed: level = the value itself; rate = that year's growth in %; change = that year's change (a 〔〕 reduction's yearly cut in %, else the rise or fall in the unit)",
  );

export const comparator = z.enum(comparators).describe(">= the value must be at least the target; <= at most");

export const obligation = z
  .enum(obligations)
  .describe("reach = 达到 (early attainment is 提前实现); keep = 保持/控制在 (the bound must hold through the period)");

export const statusCode = z.enum(statusCodes);

/** 约 / 左右: how far from the target still counts as met. */
const approximation = {
  approximate: z.boolean().optional().describe("true for 约/左右 targets: met within the band"),
  band: z
    .number()
    .nonnegative()
    .optional()
    .describe("half-width of the 约/左右 band in the target's unit; default 5 % of the target value"),
};

export const levelTarget = z
  .object({
    kind: z.literal("level"),
    value: z.number(),
    comparator,
    obligation,
    ...approximation,
  })
  .strict();

export const cumulativeTarget = z
  .object({
    kind: z.literal("cumulative"),
    value: z.number().describe("the five-year total, written 〔13.5〕 in plans, or N of 提高 N 个百分点"),
    mode: z
      .enum(cumulativeModes)
      .describe(
        "reduction: a relative cut in % (yearly cuts compound, 1 − ∏(1 − rᵢ)); increase/decrease: a rise/fall in the unit (yearly changes add up)",
      ),
    ...approximation,
  })
  .strict();

export const annualGrowthTarget = z
  .object({
    kind: z.literal("annualGrowth"),
    value: z.number().describe("average annual growth in % (年均增长)"),
    comparator,
    ...approximation,
  })
  .strict();

export const textTarget = z
  .object({
    kind: z.literal("text"),
    text: localizedText.describe("a qualitative target (保持在合理区间): a manual verdict, or the yearly targets"),
  })
  .strict();

export const relativeTarget = z
  .object({
    kind: z.literal("relative"),
    relation: z.enum(relations).describe("above = 高于 the reference; inStep = 基本同步 with it"),
    reference: z.string().describe("the id of the indicator of the same plan it is compared with"),
    text: localizedText.describe("the target as printed, e.g. 高于GDP增长"),
    band: z
      .number()
      .nonnegative()
      .optional()
      .describe(
        "inStep: how far below the reference's average growth still counts as in step, in 百分点 (default 0.5)",
      ),
  })
  .strict();

export const target = z.discriminatedUnion("kind", [
  levelTarget,
  cumulativeTarget,
  annualGrowthTarget,
  textTarget,
  relativeTarget,
]);

/** A year's own target (年度目标, e.g. GDP 增长 6%以上 for 2021), judged against that year's figure. */
export const yearlyTarget = z
  .object({
    value: z.number(),
    comparator,
    ...approximation,
    text: z.string().optional().describe("as printed, e.g. 6%以上"),
  })
  .strict();

export const release = z.enum(releases).describe("快报 = preliminary, 年报 = annual, 修订 = revised");

const figureFacts = {
  release: release.optional(),
  source: z.string().optional().describe("where the figure was published, e.g. 2024年统计公报"),
  enteredOn: isoDate.optional().describe("when the figure was entered"),
  note: z.string().optional(),
};

export const previousFigure = z
  .object({
    value: z.number(),
    ...figureFacts,
    replacedOn: isoDate.optional().describe("when a later figure replaced it"),
  })
  .strict();

export const actual = z
  .object({
    value: z.number(),
    ...figureFacts,
    history: z
      .array(previousFigure)
      .optional()
      .describe("the figures this one replaced, oldest first (a 快报 later revised by the 年报)"),
  })
  .strict();

export const baselineRevision = z
  .object({
    value: z.number(),
    year: year.optional().describe("the year the revised value is for, when it differs from the baseline year"),
    reason: z.string().min(1).optional().describe("e.g. 第七次全国人口普查修订; shown as 未注明 when missing"),
    source: z.string().optional(),
    date: isoDate.optional(),
  })
  .strict();

export const targetAdjustment = z
  .object({
    target: target.describe("the adjusted target"),
    date: isoDate.optional().describe("when it was approved"),
    document: z
      .string()
      .min(1)
      .optional()
      .describe("the approval's document number, 文号; shown as 未注明 when missing"),
    reason: z.string().min(1).optional(),
  })
  .strict();

export const statusOverride = z
  .object({
    status: statusCode,
    note: z.string().min(1).describe("why officials judged it so"),
  })
  .strict();

export const indicator = z
  .object({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "a stable code: letters, digits, _ . -"),
    number: z.string().optional().describe("the row number printed in the plan's table (序号)"),
    category: localizedText,
    name: localizedText,
    unit: localizedText,
    kind: indicatorKind,
    direction,
    figures: figureForm.default("level"),
    baseline: z.number().nullable().describe("the published baseline (基期值); null when the source gives none"),
    baselineYear: year.nullable().describe("null when the source does not say; the plan's base year is then used"),
    baselineRevisions: z.array(baselineRevision).optional().describe("later revisions; the last one is used"),
    target,
    targetAdjustments: z
      .array(targetAdjustment)
      .optional()
      .describe("approved adjustments (动态调整); the last one is used"),
    yearlyTargets: z.record(yearKey, yearlyTarget).optional(),
    attribute,
    leadUnit: z.string().optional().describe("牵头单位"),
    coUnits: z.array(z.string().min(1)).optional().describe("责任单位 / 配合单位"),
    note: localizedText.optional(),
    supplementary: z
      .boolean()
      .optional()
      .describe("true for goals stated in the plan's text but not in its main table"),
    actuals: z.record(yearKey, actual).default({}),
    override: statusOverride.optional(),
  })
  .strict();

export const planSource = z
  .object({
    document: localizedText,
    issuer: localizedText,
    date: isoDate,
    section: z.string().optional().describe("where in the document the table is"),
    note: z.string().optional(),
  })
  .strict();

export const evaluationSettings = z
  .object({
    year: year.optional().describe("the year evaluated; default the latest year with any figure"),
    kind: z.enum(evaluationKinds).optional().describe("annual = 年度监测, midterm = 中期评估, final = 总结评估"),
  })
  .strict();

export const plan = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/),
    title: localizedText,
    source: planSource
      .optional()
      .describe("the document the table is published in; absent for a plan typed into Excel, never made up"),
    baseYear: year,
    targetYear: year,
    evaluation: evaluationSettings.optional(),
    indicators: z.array(indicator).min(1).max(10000),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.targetYear <= p.baseYear) {
      ctx.addIssue({ code: "custom", path: ["targetYear"], message: "targetYear must be after baseYear" });
    } else if (p.targetYear - p.baseYear > MAX_PLAN_YEARS) {
      ctx.addIssue({ code: "custom", path: ["targetYear"], message: planTooLongMessage(p.baseYear, p.targetYear) });
    }
    const ids = new Set<string>();
    p.indicators.forEach((ind, i) => {
      if (ids.has(ind.id))
        ctx.addIssue({ code: "custom", path: ["indicators", i, "id"], message: `duplicate indicator id ${ind.id}` });
      ids.add(ind.id);
      if (ind.baselineYear !== null && ind.baselineYear >= p.targetYear) {
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "baselineYear"],
          message: "baselineYear must be before the plan's targetYear",
        });
      }
    });
    p.indicators.forEach((ind, i) => {
      for (const [path, t] of targetsOf(ind)) {
        if (t.kind !== "relative") continue;
        if (t.reference === ind.id)
          ctx.addIssue({
            code: "custom",
            path: ["indicators", i, ...path, "reference"],
            message: "a relative target cannot refer to its own indicator",
          });
        else if (!ids.has(t.reference))
          ctx.addIssue({
            code: "custom",
            path: ["indicators", i, ...path, "reference"],
            message: `reference ${t.reference} is not an indicator of this plan`,
          });
      }
    });
  });

/** The schema's message for a period past MAX_PLAN_YEARS (planFile.ts gives it its Chinese twin). */
export function planTooLongMessage(baseYear: number, targetYear: number): string {
  return `the plan period ${baseYear}–${targetYear} is ${targetYear - baseYear} years; at most ${MAX_PLAN_YEARS} years are supported`;
}

function targetsOf(ind: z.infer<typeof indicator>): Array<[Array<string | number>, z.infer<typeof target>]> {
  const out: Array<[Array<string | number>, z.infer<typeof target>]> = [[["target"], ind.target]];
  (ind.targetAdjustments ?? []).forEach((a, j) => out.push([["targetAdjustments", j, "target"], a.target]));
  return out;
}

export type LocalizedText = z.infer<typeof localizedText>;
export type IndicatorKind = z.infer<typeof indicatorKind>;
export type Direction = z.infer<typeof direction>;
export type Attribute = z.infer<typeof attribute>;
export type FigureForm = z.infer<typeof figureForm>;
export type Comparator = z.infer<typeof comparator>;
export type Obligation = z.infer<typeof obligation>;
export type StatusCode = z.infer<typeof statusCode>;
export type Target = z.infer<typeof target>;
export type LevelTarget = z.infer<typeof levelTarget>;
export type CumulativeTarget = z.infer<typeof cumulativeTarget>;
export type AnnualGrowthTarget = z.infer<typeof annualGrowthTarget>;
export type TextTarget = z.infer<typeof textTarget>;
export type RelativeTarget = z.infer<typeof relativeTarget>;
export type YearlyTarget = z.infer<typeof yearlyTarget>;
export type Actual = z.infer<typeof actual>;
export type PreviousFigure = z.infer<typeof previousFigure>;
export type BaselineRevision = z.infer<typeof baselineRevision>;
export type TargetAdjustment = z.infer<typeof targetAdjustment>;
export type Release = z.infer<typeof release>;
export type EvaluationSettings = z.infer<typeof evaluationSettings>;
export type Indicator = z.infer<typeof indicator>;
/** A plan as staff write it (defaults such as `actuals` may be missing). */
export type PlanInput = z.input<typeof plan>;
/** A plan after parsing: every default filled in. */
export type Plan = z.infer<typeof plan>;
