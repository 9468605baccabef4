/**
 * The plan file format, version 1, kept only to read older files and workbooks: planMigration.ts
 * turns a v1 plan into the current format (planSchema.ts).
 * Staff and other tools write these files by hand, so the schema is strict about
 * shape but keeps every field name readable (see seeds/plan.schema.json).
 */
import { z } from "zod";
import { indicatorKinds, statusCodes } from "./planVocabulary";

// zod 4 compiles validators with `new Function` unless told not to; the pane's
// Content-Security-Policy forbids eval, so the whole add-in runs zod jitless.
z.config({ jitless: true });

const localizedText = z
  .object({
    zh: z.string().min(1).describe("Chinese text, as printed in the plan"),
    en: z.string().min(1).describe("English translation"),
  })
  .strict();

const year = z.number().int().min(1949).max(2100);

/** A four-digit year as an object key (JSON object keys are strings). */
const yearKey = z.string().regex(/^(19|20|21)\d\d$/, "a four-digit year such as 2023");

const indicatorKind = z
  .enum(indicatorKinds)
  .describe(
    "percent: a share in % (gaps in percentage points); count: whole things; amount: money or volume; rank: a position (1 = best); index: any other scale",
  );

const direction = z.enum(["up", "down"]).describe("up = higher is better, down = lower is better");

const attribute = z.enum(["expected", "binding"]).describe("expected = 预期性, binding = 约束性");

const statusCode = z.enum(statusCodes);

const levelTarget = z
  .object({
    kind: z.literal("level"),
    value: z.number(),
    comparator: z
      .enum([">=", "<=", "~"])
      .describe(
        ">= reach at least (or a rank at least this good), <= stay at or below (ceilings), ~ approximately (左右)",
      ),
    tolerance: z
      .number()
      .nonnegative()
      .optional()
      .describe("for ~: how far from value still counts as met, in the indicator's unit"),
  })
  .strict();

const cumulativeTarget = z
  .object({
    kind: z.literal("cumulative"),
    value: z
      .number()
      .describe(
        "five-year total, written 〔13.5〕 in plans; in % for reductions. Each year's actual is that year's own rate, not the running total",
      ),
    mode: z
      .enum(["reduction", "increase"])
      .describe("reduction: yearly cuts compound, 1 − ∏(1 − rᵢ); increase: yearly changes add up"),
  })
  .strict();

const annualGrowthTarget = z
  .object({
    kind: z.literal("annualGrowth"),
    value: z
      .number()
      .describe("average annual growth in % (年均增长), compared with the realised growth since the base year"),
  })
  .strict();

const textTarget = z
  .object({
    kind: z.literal("text"),
    text: localizedText.describe("a qualitative target (保持在合理区间): no computed status, manual verdict only"),
  })
  .strict();

const target = z.discriminatedUnion("kind", [levelTarget, cumulativeTarget, annualGrowthTarget, textTarget]);

const actual = z
  .object({
    value: z.number(),
    note: z.string().optional(),
    vintage: z.string().optional().describe("which release the figure comes from, e.g. 2024年统计公报"),
  })
  .strict();

const statusOverride = z
  .object({
    status: statusCode,
    note: z.string().min(1).describe("why officials judged it so"),
  })
  .strict();

const indicator = z
  .object({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "a stable code: letters, digits, _ . -"),
    number: z.string().optional().describe("the row number printed in the plan's table (序号)"),
    category: localizedText,
    name: localizedText,
    unit: localizedText,
    kind: indicatorKind,
    direction,
    baseline: z.number().nullable(),
    baselineYear: year,
    target,
    attribute,
    note: localizedText.optional(),
    supplementary: z
      .boolean()
      .optional()
      .describe("true for goals stated in the plan's text but not in its main table"),
    actuals: z.record(yearKey, actual).default({}),
    override: statusOverride.optional(),
  })
  .strict();

const planSource = z
  .object({
    document: localizedText,
    issuer: localizedText,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date such as 2021-12-30"),
    section: z.string().optional().describe("where in the document the table is"),
    note: z.string().optional(),
  })
  .strict();

export const planV1 = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(1),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/),
    title: localizedText,
    source: planSource,
    baseYear: year,
    targetYear: year,
    indicators: z.array(indicator).min(1).max(10000),
  })
  .strict()
  .superRefine((p, ctx) => {
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
  });

export type PlanV1 = z.infer<typeof planV1>;
export type IndicatorV1 = z.infer<typeof indicator>;
export type TargetV1 = z.infer<typeof target>;
