/**
 * The metadata Excel reads: generated from functions.ts by custom-functions-metadata (the API, since
 * the CLI exits 0 even on errors), checked against the specs, and its Chinese version from localizeMetadata.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import { PLAN_FUNCTIONS } from "../../src/functions/planFunctions";
import { localizeMetadata, type FunctionsMetadata } from "../../src/functions/localizedMetadata";

const source = path.resolve(__dirname, "../../src/functions/functions.ts");
let metadata: FunctionsMetadata;
let errors: string[];
let associations: Array<{ functionName: string; id: string }>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([source] as unknown as string);
  errors = generated.errors;
  associations = generated.associate;
  metadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
});

describe("functions.json as generated", () => {
  it("has no errors and one entry per spec, associated with its wrapper", () => {
    expect(errors).toEqual([]);
    expect(metadata.functions.map((f) => f.id)).toEqual(PLAN_FUNCTIONS.map((s) => s.id));
    expect(associations.map((a) => a.id)).toEqual(PLAN_FUNCTIONS.map((s) => s.id));
  });

  it("describes every function and parameter, with the specs' English text", () => {
    for (const spec of PLAN_FUNCTIONS) {
      const fn = metadata.functions.find((f) => f.id === spec.id)!;
      expect(fn.name).toBe(spec.id);
      expect(fn.description).toBe(spec.description.en);
      expect(fn.parameters.map((p) => p.name)).toEqual(spec.parameters.map((p) => p.name.en));
      expect(fn.parameters.map((p) => p.description)).toEqual(spec.parameters.map((p) => p.description.en));
      fn.parameters.forEach((p, i) => {
        expect(p.type).toBe("any"); // text such as １．４７ must reach the core unchanged
        // The spec's kind decides: ranges of the template (PLAN.EVALUATE, PLAN.DATAYEAR) are matrices.
        const range = spec.parameters[i]!.kind === "range";
        expect(p.dimensionality ?? "scalar", `${fn.id}.${p.name}`).toBe(range ? "matrix" : "scalar");
      });
    }
  });

  it("row-capable functions take a reference alone: later parameters optional; streaming ones get addresses and a matrix result; none is volatile", () => {
    for (const spec of PLAN_FUNCTIONS) {
      const fn = metadata.functions.find((f) => f.id === spec.id)!;
      const optional = fn.parameters.map((p) => p.optional === true);
      expect(optional).toEqual(spec.parameters.map((p, i) => p.optional || (spec.rowForm && i > 0)));
      expect(spec.recalculation).not.toBe("volatile");
      expect((fn.options as { volatile?: boolean } | undefined)?.volatile).toBeUndefined();
      if (spec.recalculation === "stream") {
        // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-json: stream, requiresStreamParameterAddresses
        expect(fn.options).toEqual({ stream: true, requiresStreamParameterAddresses: true });
        expect(fn.result).toEqual({ dimensionality: "matrix" });
      } else {
        expect(fn.options ?? {}).toEqual({});
        expect((fn.result as { dimensionality?: string }).dimensionality ?? "scalar").toBe("scalar");
      }
    }
    // The row-capable functions and PLAN.DATAYEAR stream; PLAN.EVALUATE and the value functions do not.
    expect(PLAN_FUNCTIONS.filter((s) => s.recalculation === "stream").map((s) => s.id)).toEqual([
      "GAP",
      "GROWTH",
      "STEP",
      "PROGRESS",
      "STATUS",
      "DATAYEAR",
    ]);
  });
});

describe("functions-zh-cn.json from localizeMetadata", () => {
  it("keeps ids, names, parameter count, order, types, dimensionality and options exactly", () => {
    const zh = localizeMetadata(metadata, "zh");
    const shape = (m: FunctionsMetadata) =>
      m.functions.map((f) => ({
        id: f.id,
        name: f.name,
        options: f.options,
        result: f.result,
        parameters: f.parameters.map(({ name: _n, description: _d, ...rest }) => rest),
      }));
    expect(shape(zh)).toEqual(shape(metadata));
    expect(Object.keys(zh).sort()).toEqual(Object.keys(metadata).sort());
    expect(zh.allowCustomDataForDataTypeAny).toBe(metadata.allowCustomDataForDataTypeAny);
  });

  it("puts the Chinese descriptions and parameter names in, without touching the input", () => {
    const before = JSON.stringify(metadata);
    const zh = localizeMetadata(metadata, "zh");
    expect(JSON.stringify(metadata)).toBe(before);
    const gap = zh.functions.find((f) => f.id === "GAP")!;
    expect(gap.description).toMatch(/目标值 − 实际值/);
    expect(gap.parameters.map((p) => p.name)).toEqual(["实际值", "目标值", "方向"]);
    for (const f of zh.functions) {
      expect(f.description).toMatch(/\p{Script=Han}/u);
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^\p{Script=Han}+$/u);
        expect(p.description).toMatch(/\p{Script=Han}/u);
      }
    }
    // en gives back what the generator wrote
    expect(localizeMetadata(metadata, "en")).toEqual(metadata);
  });

  it("refuses metadata that does not match the specs, so the build fails instead of shipping it", () => {
    const extra = { ...metadata, functions: [...metadata.functions, { id: "NOPE", name: "NOPE", parameters: [] }] };
    expect(() => localizeMetadata(extra, "zh")).toThrow(/NOPE/);
    const fewer = { ...metadata, functions: metadata.functions.slice(1) };
    expect(() => localizeMetadata(fewer, "zh")).toThrow(/GAP/);
    const renamed = structuredClone(metadata);
    renamed.functions[0]!.parameters[0]!.name = "value";
    expect(() => localizeMetadata(renamed, "zh")).toThrow(/value/);
  });
});
