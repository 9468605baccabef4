/**
 * Writes seeds/plan.schema.json, the JSON Schema of the plan file format, from the zod model.
 * Run: `npm run schema` (tests/core/planSchemaFile.test.ts fails when the file is stale).
 * The input side is exported so fields with defaults (e.g. `actuals`) stay optional for hand-written files.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { plan } from "../src/core/planSchema";

export const PLAN_SCHEMA_PATH = resolve(__dirname, "../seeds/plan.schema.json");

export function buildPlanJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(plan, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  // Own keys first so the file reads well; zod's body follows unchanged.
  return {
    $schema,
    $id: "urn:plan-tracker:plan-file:v2",
    title: "Plan Tracker plan file, format version 2",
    description:
      "A government plan's indicators (baseline, target, attribute, yearly actuals) as read by the Plan Tracker Excel add-in. " +
      "Generated from src/core/planSchema.ts by scripts/generate-plan-schema.ts; do not edit by hand. " +
      "Cross-field rules (unique indicator ids, baselineYear before targetYear, an indicator's own targetYear only on supplementary goals and not before baseYear) are checked by the add-in, not by this schema.",
    ...rest,
  };
}

export function planJsonSchemaText(): string {
  return JSON.stringify(buildPlanJsonSchema(), null, 2) + "\n";
}

// Write only when run as a script, not when a test imports the builder.
if (process.argv[1]?.replace(/\\/g, "/").endsWith("scripts/generate-plan-schema.ts")) {
  writeFileSync(PLAN_SCHEMA_PATH, planJsonSchemaText());
  console.log(`wrote ${PLAN_SCHEMA_PATH}`);
}
