/**
 * seeds/plan.schema.json is what editors use to check hand-written plan files, so it must match the
 * zod model (regenerate with `npm run schema`) and must accept the seed plan.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PLAN_SCHEMA_PATH, planJsonSchemaText } from "../../scripts/generate-plan-schema";

type Schema = Record<string, unknown>;

/**
 * A deliberately small JSON Schema checker for exactly the keywords zod emits for the plan model.
 * An unknown keyword throws, so a schema change that this checker cannot judge is noticed.
 */
const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "default"]);
function check(schema: Schema, value: unknown, path = "$"): string[] {
  const errors: string[] = [];
  const typeOf = (v: unknown) =>
    v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;
  for (const [key, rule] of Object.entries(schema)) {
    const r = rule as never;
    switch (key) {
      case "type": {
        const types = ([] as string[]).concat(r);
        const t = typeOf(value);
        if (!types.includes(t) && !(t === "integer" && types.includes("number")))
          errors.push(`${path}: expected ${types.join("|")}, got ${t}`);
        break;
      }
      case "const":
        if (value !== r) errors.push(`${path}: expected ${String(r)}`);
        break;
      case "enum":
        if (!(r as unknown[]).includes(value)) errors.push(`${path}: not in enum`);
        break;
      case "pattern":
        if (typeof value === "string" && !new RegExp(r).test(value)) errors.push(`${path}: pattern ${String(r)}`);
        break;
      case "minLength":
        if (typeof value === "string" && value.length < r) errors.push(`${path}: too short`);
        break;
      case "minimum":
        if (typeof value === "number" && value < r) errors.push(`${path}: below ${String(r)}`);
        break;
      case "maximum":
        if (typeof value === "number" && value > r) errors.push(`${path}: above ${String(r)}`);
        break;
      case "minItems":
        if (Array.isArray(value) && value.length < r) errors.push(`${path}: too few items`);
        break;
      case "maxItems":
        if (Array.isArray(value) && value.length > r) errors.push(`${path}: too many items`);
        break;
      case "items":
        if (Array.isArray(value)) value.forEach((v, i) => errors.push(...check(r, v, `${path}[${i}]`)));
        break;
      case "required":
        for (const k of r as string[])
          if (typeOf(value) === "object" && !(k in (value as object))) errors.push(`${path}.${k}: required`);
        break;
      case "properties":
      case "additionalProperties":
      case "propertyNames":
        if (typeOf(value) === "object")
          errors.push(...checkObject(schema, key, value as Record<string, unknown>, path));
        break;
      case "anyOf": {
        const passing = (r as Schema[]).filter((s) => check(s, value, path).length === 0).length;
        if (passing === 0) errors.push(`${path}: matches none of anyOf`);
        break;
      }
      case "oneOf": {
        const passing = (r as Schema[]).filter((s) => check(s, value, path).length === 0).length;
        if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf`);
        break;
      }
      default:
        if (!ANNOTATIONS.has(key)) throw new Error(`checker does not know the keyword ${key} (at ${path})`);
    }
  }
  return errors;
}

function checkObject(schema: Schema, key: string, value: Record<string, unknown>, path: string): string[] {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const errors: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (key === "properties" && props[k]) errors.push(...check(props[k], v, `${path}.${k}`));
    if (key === "additionalProperties" && !props[k]) {
      if (schema.additionalProperties === false) errors.push(`${path}.${k}: not allowed`);
      else errors.push(...check(schema.additionalProperties as Schema, v, `${path}.${k}`));
    }
    if (key === "propertyNames") errors.push(...check(schema.propertyNames as Schema, k, `${path}{${k}}`));
  }
  return errors;
}

const committed = readFileSync(PLAN_SCHEMA_PATH, "utf8");
const schema = JSON.parse(committed) as Schema;
const seed = JSON.parse(readFileSync(resolve(__dirname, "../../seeds/zhangye-sti-14th-fyp.plan.json"), "utf8"));

describe("seeds/plan.schema.json", () => {
  it("is current: equal to a freshly generated schema (run `npm run schema` if not)", () => {
    expect(committed).toBe(planJsonSchemaText());
  });

  it("describes the input side: defaults such as actuals are optional, core fields required", () => {
    const indicator = (schema.properties as Record<string, Schema>).indicators!.items as Schema;
    expect(indicator.required).not.toContain("actuals");
    expect(indicator.required).toEqual(
      expect.arrayContaining(["id", "name", "unit", "baseline", "baselineYear", "target", "attribute"]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(["formatVersion", "indicators"]));
    expect(schema).toMatchObject({
      $id: expect.any(String),
      title: expect.any(String),
      description: expect.any(String),
    });
  });

  it("accepts the seed plan, which points at it", () => {
    expect(seed.$schema).toBe("./plan.schema.json");
    expect(check(schema, seed)).toEqual([]);
  });

  it("rejects broken copies of the seed (so the check above can fail)", () => {
    const broken = structuredClone(seed);
    delete broken.indicators[3].target;
    broken.indicators[0].kind = "ratio";
    broken.indicators[1].actuals = { "20x5": { value: 1 } };
    broken.formatVersion = 1;
    broken.extra = true;
    expect(check(schema, broken)).toEqual([
      "$.formatVersion: expected 2",
      "$.indicators[0].kind: not in enum",
      "$.indicators[1].actuals{20x5}: pattern ^(19|20|21)\\d\\d$",
      "$.indicators[3].target: required",
      "$.extra: not allowed",
    ]);
  });
});
