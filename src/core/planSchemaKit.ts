/**
 * What every zod schema of the add-in shares. The schemas use zod/mini, zod's tree-shakable build:
 * the stored plan is checked against the full plan schema every time the pane starts, so the checker
 * is part of what the pane loads before it is usable, and zod's classic build (~92 kB minified, every
 * method of every schema type whether used or not) does not fit the pane's start-up budget.
 */
import * as z from "zod/mini";

// zod 4 compiles validators with `new Function` unless told not to; the pane's
// Content-Security-Policy forbids eval, so the whole add-in runs zod jitless.
z.config({ jitless: true });

/**
 * `schema` with a description for the JSON Schema of plan files (seeds/plan.schema.json), as classic
 * zod's .describe(): on a copy, so a schema shared by several fields keeps its own description.
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = z.clone(schema);
  z.globalRegistry.add(copy as z.ZodMiniType, { description });
  return copy;
}

// The add-in's zod: import * as z from "./planSchemaKit". Re-exported export by export (never as one
// namespace object, which would keep every export of zod/mini in the bundle), so webpack keeps only
// what the schemas use; importing it here also guarantees the jitless setting above is applied first.
export * from "zod/mini";
