/**
 * What every Excel wrapper in functions.ts does around a PLAN function: evaluate the host-neutral spec, and
 * turn a CellError into a CustomFunctions.Error. The streaming functions (the row-capable ones and
 * PLAN.DATAYEAR) start a call on the stream hub (streamCalls.ts, rowStreams.ts) over the Excel sheet port
 * (rowLookup.ts): the value form answers once, the row form follows its row and pushes with setResult.
 * CustomFunctions, Office and Excel are looked up at call time only: outside Excel they do not exist when
 * this module loads. Excel is reached only through src/excel/excelRun.ts.
 */
import type { Lang } from "../core/messages";
import { supportsSet } from "../excel/excelRun";
import { functionMessage } from "./functionMessages";
import { planFunction, isCellError, type CellError, type CellResult, type PlanFunctionId } from "./planFunctions";
import { excelSheetPort } from "./rowLookup";
import { createStreamHub, type StreamHub } from "./rowStreams";
import { createStreamCalls, followsSheet, type StreamCalls } from "./streamCalls";
import { workbookLanguage } from "./workbookLanguage";

const ERROR_CODES = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
} as const;

/** CustomFunctions.Error (CustomFunctionsRuntime 1.2) where the host has it. */
function hasErrorType(): boolean {
  return (
    supportsSet("CustomFunctionsRuntime", "1.2") &&
    typeof CustomFunctions !== "undefined" &&
    typeof CustomFunctions.Error === "function"
  );
}

/**
 * The CustomFunctions.Error for a CellError. Excel shows custom messages only for #VALUE! and #N/A.
 * CustomFunctions.Error arrived with CustomFunctionsRuntime 1.2; on a 1.1 host (the manifest's minimum)
 * a plain Error with the message is used instead, which Excel shows as #VALUE!.
 */
export function toExcelError(cellError: CellError): CustomFunctions.Error | Error {
  if (!hasErrorType()) return new Error(`${cellError.error} ${cellError.message}`);
  const code = CustomFunctions.ErrorCode[ERROR_CODES[cellError.error]];
  const withMessage = cellError.error === "#VALUE!" || cellError.error === "#N/A";
  return withMessage ? new CustomFunctions.Error(code, cellError.message) : new CustomFunctions.Error(code);
}

/** A value for the cell, or throws the CustomFunctions.Error (Excel shows a thrown error in the cell). */
export function toCellValue(result: CellResult): number | string | boolean {
  if (isCellError(result)) throw toExcelError(result);
  return result;
}

let hub: StreamHub | null = null;
let calls: StreamCalls | null = null;

/** The stream hub over Excel (created on the first streaming call). */
export function streamHub(): StreamHub {
  hub ??= createStreamHub(excelSheetPort(), {
    failure: (detail) => functionMessage("row.readFailed", workbookLanguage(), { detail }),
  });
  return hub;
}

function streamCalls(): StreamCalls {
  calls ??= createStreamCalls(streamHub(), workbookLanguage);
  return calls;
}

/** Tests replace the hub (one over a fake Excel); null restores the real one. */
export function setStreamHub(replacement: StreamHub | null): void {
  hub = replacement;
  calls = null;
}

/**
 * The last resort around a wrapper's work: a spec's `evaluate` never throws (its guard turns a bug into an error
 * value), so anything caught here is a bug outside it — logged, and shown in the cell as #VALUE! with the
 * localized "internal error in PLAN.X (…)" asking staff to report the formula, never Excel's bare #VALUE!.
 */
function internalError(id: PlanFunctionId, lang: Lang, error: unknown): CellError {
  console.error(`PLAN.${id} failed`, error);
  const detail = error instanceof Error ? error.message : String(error);
  return { error: "#VALUE!", message: functionMessage("internal", lang, { id, detail }) };
}

/** A function that takes values only. */
export function runValueFunction(id: PlanFunctionId, args: unknown[]): number | string | boolean {
  const lang = workbookLanguage();
  let result: CellResult;
  try {
    result = planFunction(id).evaluate(args, { lang });
  } catch (error) {
    result = internalError(id, lang, error);
  }
  return toCellValue(result);
}

/** Excel's streaming invocation, as the wrappers receive it (setResult, onCanceled, parameterAddresses). */
export type PlanInvocation = CustomFunctions.StreamingInvocation<unknown[][]>;

/**
 * A streaming function's call (the row-capable functions, PLAN.DATAYEAR). Results are 1×1 arrays (the
 * metadata's matrix result, as parameter addresses require); an error is set as the whole result
 * (setResult(new CustomFunctions.Error(…)), the documented way: a streaming function's thrown exceptions
 * are ignored). Never throws. A single reference needs the arguments' addresses, which arrived with
 * CustomFunctionsRuntime 1.3: on an older Excel the cell says so instead of asking for arguments.
 */
export function runStreamingFunction(id: PlanFunctionId, args: unknown[], invocation: PlanInvocation): void {
  const push = (result: CellResult) => {
    // On a 1.1 host the error is a plain Error (Excel shows #VALUE!), which setResult's type does not name.
    invocation.setResult(isCellError(result) ? (toExcelError(result) as CustomFunctions.Error) : [[result]]);
  };
  try {
    const addresses = supportsSet("CustomFunctionsRuntime", "1.3") ? invocation.parameterAddresses : undefined;
    if (addresses === undefined && followsSheet(args, ["?"])) {
      push({ error: "#N/A", message: functionMessage("row.needsNewerExcel", workbookLanguage()) });
      return;
    }
    const stop = streamCalls().start(id, args, addresses ?? [], push);
    invocation.onCanceled = stop;
  } catch (error) {
    push(internalError(id, workbookLanguage(), error));
  }
}
