/**
 * One call of a streaming PLAN function (GAP, GROWTH, STEP, PROGRESS, STATUS, DATAYEAR), host-neutral:
 * - the value form (`=PLAN.GAP(1.2, 1.47)`) answers once — Excel calls a streaming function again when one
 *   of its arguments changes, so it behaves like any non-volatile function;
 * - the row form (a single reference, `=PLAN.GAP(C7)`) and PLAN.DATAYEAR with the header row alone subscribe
 *   to the stream hub (rowStreams.ts), which answers from the sheet and pushes a new result when the cells
 *   it reads change; the returned function stops it (the invocation's onCanceled).
 * Excel's side (setResult, CustomFunctions.Error, parameterAddresses) is excelHost.ts; the stand-in's is
 * dev/standin/planFunctionPlugin.ts. Results are CellResults here.
 */
import type { Lang } from "../core/messages";
import { planFunction, type CellResult, type PlanFunctionId } from "./planFunctions";
import type { StreamHub } from "./rowStreams";

export interface StreamCalls {
  /**
   * Starts one call: `addresses` are the arguments' addresses ("" for a value that is not a reference),
   * `push` sends each result to the cell. Returns the function that stops following the sheet.
   */
  start(
    id: PlanFunctionId,
    args: readonly unknown[],
    addresses: readonly string[],
    push: (r: CellResult) => void,
  ): () => void;
}

/** Excel's null, an argument left out, or a blank cell: not given. */
function given(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
}

/** Whether a call is one the hub follows: only the first argument, and it is a reference. */
export function followsSheet(args: readonly unknown[], addresses: readonly string[]): boolean {
  const first = addresses[0];
  if (typeof first !== "string" || first === "") return false;
  for (let i = 1; i < Math.max(args.length, addresses.length); i++) {
    if (given(args[i]) || (typeof addresses[i] === "string" && addresses[i] !== "")) return false;
  }
  return true;
}

export function createStreamCalls(hub: StreamHub, lang: () => Lang): StreamCalls {
  return {
    start(id, args, addresses, push) {
      const spec = planFunction(id);
      const normalized = spec.parameters.map((_, i) => (args[i] === undefined ? null : args[i]));
      if (!followsSheet(normalized, addresses)) {
        push(spec.evaluate(normalized, { lang: lang() }));
        return () => undefined;
      }
      return hub.subscribe({
        address: addresses[0]!,
        compute: (lookup) =>
          spec.evaluate(normalized, {
            lang: lang(),
            rowAt: (i) => (i === 0 ? lookup.rowAt() : null),
            dataYearAt: (i) => (i === 0 ? lookup.dataYearAt() : null),
          }),
        push,
      });
    },
  };
}
