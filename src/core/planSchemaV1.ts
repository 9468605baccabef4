/**
 * The plan file format, version 1, kept only to read older files and workbooks: planMigration.ts
 * turns a v1 plan into the current format (planSchema.ts).
 * Staff and other tools write these files by hand, so the schema is strict about
 * shape but keeps every field name readable (see seeds/plan.schema.json).
 */
import { indicatorKinds, statusCodes } from "./planVocabulary";
import * as z from "./planSchemaKit";

const nonEmpty = () => z.string().check(z.minLength(1));

const localizedText = z.strictObject({
  zh: z.described(nonEmpty(), "Chinese text, as printed in the plan"),
  en: z.described(nonEmpty(), "English translation"),
});

const year = z.number().check(z.int(), z.gte(1949), z.lte(2100));

/** A four-digit year as an object key (JSON object keys are strings). */
const yearKey = z.string().check(z.regex(/^(19|20|21)\d\d$/, "a four-digit year such as 2023"));

const indicatorKind = z.described(
  z.enum(indicatorKinds),
  "percent: a share in % (gaps in percentage points); count: whole things; amount: money or volume; rank: a position (1 = best); index: any other scale",
);

const direction = z.described(z.enum(["up", "down"]), "up = higher is better, down = lower is better");

const attribute = z.described(z.enum(["expected", "binding"]), "expected = 预期性, binding = 约束性");

const statusCode = z.enum(statusCodes);

const levelTarget = z.strictObject({
  kind: z.literal("level"),
  value: z.number(),
  comparator: z.described(
    z.enum([">=", "<=", "~"]),
    ">= reach at least (or a rank at least this good), <= stay at or below (ceilings), ~ approximately (左右)",
  ),
  tolerance: z.described(
    z.optional(z.number().check(z.nonnegative())),
    "for ~: how far from value still counts as met, in the indicator's unit",
  ),
});

const cumulativeTarget = z.strictObject({
  kind: z.literal("cumulative"),
  value: z.described(
    z.number(),
    "five-year total, written 〔13.5〕 in plans; in % for reductions. Each year's actual is that year's own rate, not the running total",
  ),
  mode: z.described(
    z.enum(["reduction", "increase"]),
    "reduction: yearly cuts compound, 1 − ∏(1 − rᵢ); increase: yearly changes add up",
  ),
});

const annualGrowthTarget = z.strictObject({
  kind: z.literal("annualGrowth"),
  value: z.described(
    z.number(),
    "average annual growth in % (年均增长), compared with the realised growth since the base year",
  ),
});

const textTarget = z.strictObject({
  kind: z.literal("text"),
  text: z.described(localizedText, "a qualitative target (保持在合理区间): no computed status, manual verdict only"),
});

const target = z.discriminatedUnion("kind", [levelTarget, cumulativeTarget, annualGrowthTarget, textTarget]);

const actual = z.strictObject({
  value: z.number(),
  note: z.optional(z.string()),
  vintage: z.described(z.optional(z.string()), "which release the figure comes from, e.g. 2024年统计公报"),
});

const statusOverride = z.strictObject({
  status: statusCode,
  note: z.described(nonEmpty(), "why officials judged it so"),
});

const indicator = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "a stable code: letters, digits, _ . -")),
  number: z.described(z.optional(z.string()), "the row number printed in the plan's table (序号)"),
  category: localizedText,
  name: localizedText,
  unit: localizedText,
  kind: indicatorKind,
  direction,
  baseline: z.nullable(z.number()),
  baselineYear: year,
  target,
  attribute,
  note: z.optional(localizedText),
  supplementary: z.described(
    z.optional(z.boolean()),
    "true for goals stated in the plan's text but not in its main table",
  ),
  actuals: z._default(z.record(yearKey, actual), {}),
  override: z.optional(statusOverride),
});

const planSource = z.strictObject({
  document: localizedText,
  issuer: localizedText,
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date such as 2021-12-30")),
  section: z.described(z.optional(z.string()), "where in the document the table is"),
  note: z.optional(z.string()),
});

export const planV1 = z
  .strictObject({
    $schema: z.optional(z.string()),
    formatVersion: z.literal(1),
    id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)),
    title: localizedText,
    source: planSource,
    baseYear: year,
    targetYear: year,
    indicators: z.array(indicator).check(z.minLength(1), z.maxLength(10000)),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.targetYear <= p.baseYear) {
        ctx.addIssue({ code: "custom", path: ["targetYear"], message: "targetYear must be after baseYear" });
      }
      const seen = new Set<string>();
      p.indicators.forEach((ind, i) => {
        if (seen.has(ind.id))
          ctx.addIssue({ code: "custom", path: ["indicators", i, "id"], message: `duplicate indicator id ${ind.id}` });
        seen.add(ind.id);
        if (ind.baselineYear >= p.targetYear) {
          ctx.addIssue({
            code: "custom",
            path: ["indicators", i, "baselineYear"],
            message: "baselineYear must be before the plan's targetYear",
          });
        }
      });
    }),
  );

export type PlanV1 = z.infer<typeof planV1>;
export type IndicatorV1 = z.infer<typeof indicator>;
export type TargetV1 = z.infer<typeof target>;
