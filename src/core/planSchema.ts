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
import * as z from "./planSchemaKit";

export { indicatorKinds, MAX_PLAN_YEARS, statusCodes };

export const FORMAT_VERSION = 2;

const nonEmpty = () => z.string().check(z.minLength(1));

export const localizedText = z.strictObject({
  zh: z.described(nonEmpty(), "Chinese text, as printed in the plan"),
  en: z.described(nonEmpty(), "English translation"),
});

export const year = z.number().check(z.int(), z.gte(1949), z.lte(2100));

/** A four-digit year as an object key (JSON object keys are strings). */
export const yearKey = z.string().check(z.regex(/^(19|20|21)\d\d$/, "a four-digit year such as 2023"));

export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date such as 2021-12-30"));

export const indicatorKind = z.described(
  z.enum(indicatorKinds),
  "percent: a share in % (gaps in percentage points); count: whole things; amount: money or volume; rank: a position (1 = best); index: any other scale",
);

export const direction = z.described(
  z.enum(["up", "down"]),
  "up = higher is better (正向), down = lower is better (逆向)",
);

export const attribute = z.described(
  z.nullable(z.enum(["expected", "binding"])),
  "expected = 预期性, binding = 约束性, null = not stated in the source (未注明); 预期性/约束性 are accepted too",
);

export const figureForm = z.described(
  z.enum(figureForms),
  "how the yearly figures are typed: level = the value itself; rate = that year's growth in %; change = that year's change (a 〔〕 reduction's yearly cut in %, else the rise or fall in the unit)",
);

export const comparator = z.described(z.enum(comparators), ">= the value must be at least the target; <= at most");

export const obligation = z.described(
  z.enum(obligations),
  "reach = 达到 (early attainment is 提前实现); keep = 保持/控制在 (the bound must hold through the period)",
);

export const statusCode = z.enum(statusCodes);

/** 约 / 左右: how far from the target still counts as met. */
const approximation = {
  approximate: z.described(z.optional(z.boolean()), "true for 约/左右 targets: met within the band"),
  band: z.described(
    z.optional(z.number().check(z.nonnegative())),
    "half-width of the 约/左右 band in the target's unit; default 5 % of the target value",
  ),
};

export const levelTarget = z.strictObject({
  kind: z.literal("level"),
  value: z.number(),
  comparator,
  obligation,
  ...approximation,
});

export const cumulativeTarget = z.strictObject({
  kind: z.literal("cumulative"),
  value: z.described(z.number(), "the five-year total, written 〔13.5〕 in plans, or N of 提高 N 个百分点"),
  mode: z.described(
    z.enum(cumulativeModes),
    "reduction: a relative cut in % (yearly cuts compound, 1 − ∏(1 − rᵢ)); increase/decrease: a rise/fall in the unit (yearly changes add up)",
  ),
  ...approximation,
});

export const annualGrowthTarget = z.strictObject({
  kind: z.literal("annualGrowth"),
  value: z.described(z.number(), "average annual growth in % (年均增长)"),
  comparator,
  ...approximation,
});

export const textTarget = z.strictObject({
  kind: z.literal("text"),
  text: z.described(localizedText, "a qualitative target (保持在合理区间): a manual verdict, or the yearly targets"),
});

export const relativeTarget = z.strictObject({
  kind: z.literal("relative"),
  relation: z.described(z.enum(relations), "above = 高于 the reference; inStep = 基本同步 with it"),
  reference: z.described(z.string(), "the id of the indicator of the same plan it is compared with"),
  text: z.described(localizedText, "the target as printed, e.g. 高于GDP增长"),
  band: z.described(
    z.optional(z.number().check(z.nonnegative())),
    "inStep: how far below the reference's average growth still counts as in step, in 百分点 (default 0.5)",
  ),
});

export const target = z.discriminatedUnion("kind", [
  levelTarget,
  cumulativeTarget,
  annualGrowthTarget,
  textTarget,
  relativeTarget,
]);

/** A year's own target (年度目标, e.g. GDP 增长 6%以上 for 2021), judged against that year's figure. */
export const yearlyTarget = z.strictObject({
  value: z.number(),
  comparator,
  ...approximation,
  text: z.described(z.optional(z.string()), "as printed, e.g. 6%以上"),
});

export const release = z.described(z.enum(releases), "快报 = preliminary, 年报 = annual, 修订 = revised");

const figureFacts = {
  release: z.optional(release),
  source: z.described(z.optional(z.string()), "where the figure was published, e.g. 2024年统计公报"),
  enteredOn: z.described(z.optional(isoDate), "when the figure was entered"),
  note: z.optional(z.string()),
};

export const previousFigure = z.strictObject({
  value: z.number(),
  ...figureFacts,
  replacedOn: z.described(z.optional(isoDate), "when a later figure replaced it"),
});

export const actual = z.strictObject({
  value: z.number(),
  ...figureFacts,
  history: z.described(
    z.optional(z.array(previousFigure)),
    "the figures this one replaced, oldest first (a 快报 later revised by the 年报)",
  ),
});

export const baselineRevision = z.strictObject({
  value: z.number(),
  year: z.described(z.optional(year), "the year the revised value is for, when it differs from the baseline year"),
  reason: z.described(z.optional(nonEmpty()), "e.g. 第七次全国人口普查修订; shown as 未注明 when missing"),
  source: z.optional(z.string()),
  date: z.optional(isoDate),
});

export const targetAdjustment = z.strictObject({
  target: z.described(target, "the adjusted target"),
  date: z.described(z.optional(isoDate), "when it was approved"),
  document: z.described(z.optional(nonEmpty()), "the approval's document number, 文号; shown as 未注明 when missing"),
  reason: z.optional(nonEmpty()),
});

export const statusOverride = z.strictObject({
  status: statusCode,
  note: z.described(nonEmpty(), "why officials judged it so"),
});

export const indicator = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "a stable code: letters, digits, _ . -")),
  number: z.described(z.optional(z.string()), "the row number printed in the plan's table (序号)"),
  category: localizedText,
  name: localizedText,
  unit: localizedText,
  kind: indicatorKind,
  direction,
  figures: z._default(figureForm, "level"),
  baseline: z.described(z.nullable(z.number()), "the published baseline (基期值); null when the source gives none"),
  baselineYear: z.described(z.nullable(year), "null when the source does not say; the plan's base year is then used"),
  baselineRevisions: z.described(z.optional(z.array(baselineRevision)), "later revisions; the last one is used"),
  target,
  targetYear: z.described(
    z.optional(year),
    "the year this indicator's target is for when it is not the plan's target year, e.g. a 2035 vision (supplementary goals only); absent = the plan's target year",
  ),
  targetAdjustments: z.described(
    z.optional(z.array(targetAdjustment)),
    "approved adjustments (动态调整); the last one is used",
  ),
  yearlyTargets: z.optional(z.record(yearKey, yearlyTarget)),
  attribute,
  leadUnit: z.described(z.optional(z.string()), "牵头单位"),
  coUnits: z.described(z.optional(z.array(nonEmpty())), "责任单位 / 配合单位"),
  note: z.optional(localizedText),
  supplementary: z.described(
    z.optional(z.boolean()),
    "true for goals stated in the plan's text but not in its main table",
  ),
  actuals: z._default(z.record(yearKey, actual), {}),
  override: z.optional(statusOverride),
});

export const planSource = z.strictObject({
  document: localizedText,
  issuer: localizedText,
  date: isoDate,
  section: z.described(z.optional(z.string()), "where in the document the table is"),
  note: z.optional(z.string()),
});

export const evaluationSettings = z.strictObject({
  year: z.described(z.optional(year), "the year evaluated; default the latest year with any figure"),
  kind: z.described(z.optional(z.enum(evaluationKinds)), "annual = 年度监测, midterm = 中期评估, final = 总结评估"),
});

export const plan = z
  .strictObject({
    $schema: z.optional(z.string()),
    formatVersion: z.literal(FORMAT_VERSION),
    id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)),
    title: localizedText,
    source: z.described(
      z.optional(planSource),
      "the document the table is published in; absent for a plan typed into Excel, never made up",
    ),
    baseYear: year,
    targetYear: year,
    evaluation: z.optional(evaluationSettings),
    indicators: z.array(indicator).check(z.minLength(1), z.maxLength(10000)),
  })
  .check(
    z.superRefine((p, ctx) => {
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
        if (ind.targetYear !== undefined) {
          if (ind.targetYear < p.baseYear)
            ctx.addIssue({
              code: "custom",
              path: ["indicators", i, "targetYear"],
              message: `the indicator's targetYear ${ind.targetYear} is before the plan's baseYear ${p.baseYear}`,
            });
          else if (ind.supplementary !== true)
            ctx.addIssue({
              code: "custom",
              path: ["indicators", i, "targetYear"],
              message: "an indicator's own targetYear is only for supplementary goals",
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
    }),
  );

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
