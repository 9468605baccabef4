/**
 * What every Excel wrapper in functions.ts does around a PLAN function: find the template row for the
 * row form, evaluate the host-neutral spec, and turn a CellError into a CustomFunctions.Error.
 * CustomFunctions and Excel are looked up at call time only: outside Excel they do not exist when
 * this module loads. Excel is reached only through src/excel/excelRun.ts.
 */
import type { BlockRow } from "../core/templateBlock";
import { runRead } from "../excel/excelRun";
import { functionMessage } from "./functionMessages";
import { planFunction, isCellError, type CellError, type CellResult, type PlanFunctionId } from "./planFunctions";
import { createRowReader, type ExcelRun, type RowReader } from "./rowLookup";
import { workbookLanguage } from "./workbookLanguage";

const ERROR_CODES = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
} as const;

/**
 * The CustomFunctions.Error for a CellError. Excel shows custom messages only for #VALUE! and #N/A.
 * CustomFunctions.Error arrived with CustomFunctionsRuntime 1.2; on a 1.1 host (the manifest's minimum)
 * a plain Error with the message is thrown instead, which Excel shows as #VALUE!.
 */
export function toExcelError(cellError: CellError): CustomFunctions.Error | Error {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.Error !== "function") {
    return new Error(`${cellError.error} ${cellError.message}`);
  }
  const code = CustomFunctions.ErrorCode[ERROR_CODES[cellError.error]];
  const withMessage = cellError.error === "#VALUE!" || cellError.error === "#N/A";
  return withMessage ? new CustomFunctions.Error(code, cellError.message) : new CustomFunctions.Error(code);
}

/** A value for the cell, or throws the CustomFunctions.Error (Excel shows a thrown error in the cell). */
export function toCellValue(result: CellResult): number | string | boolean {
  if (isCellError(result)) throw toExcelError(result);
  return result;
}

let reader: RowReader | null = null;

function rowReader(): RowReader {
  // Through the one door to Excel (excelRun.ts): read-only, as custom functions must be.
  reader ??= createRowReader(((batch) => runRead((context) => batch(context))) as ExcelRun);
  return reader;
}

/** Tests replace the reader (a fake Excel.run with a sync counter); null restores the real one. */
export function setRowReader(replacement: RowReader | null): void {
  reader = replacement;
}

/** A function that takes values only. */
export function runValueFunction(id: PlanFunctionId, args: unknown[]): number | string | boolean {
  const lang = workbookLanguage();
  return toCellValue(planFunction(id).evaluate(args, { lang }));
}

/**
 * A row-capable function. The row form applies when only the first argument is given and it is a
 * reference (Excel gives its address); the answer is a 1×1 matrix because @requiresParameterAddresses
 * requires a matrix result type.
 */
export async function runRowCapableFunction(
  id: PlanFunctionId,
  args: unknown[],
  invocation: CustomFunctions.Invocation,
): Promise<Array<Array<number | string | boolean>>> {
  const lang = workbookLanguage();
  const spec = planFunction(id);
  const normalized = spec.parameters.map((_, i) => (args[i] === undefined ? null : args[i]));
  const address = invocation?.parameterAddresses?.[0];
  const othersGiven =
    normalized.slice(1).some((v) => v !== null) ||
    (invocation?.parameterAddresses ?? []).slice(1).some((a) => typeof a === "string" && a !== "");
  let row: BlockRow | null = null;
  if (!othersGiven && typeof address === "string" && address !== "") {
    try {
      row = await rowReader().read(address);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw toExcelError({ error: "#N/A", message: functionMessage("row.readFailed", lang, { detail }) });
    }
  }
  const result = spec.evaluate(normalized, { lang, rowAt: (i) => (i === 0 ? row : null) });
  return [[toCellValue(result)]];
}
