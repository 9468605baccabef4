/**
 * The `Excel` namespace of the stand-in: Excel.run in its three forms and the enums.
 * - Excel.run(batch), Excel.run({ delayForCellEdit, mergeUndoGroup }, batch), Excel.run(contextOrObject, batch);
 * - the batch must return a promise (RunMustReturnPromise otherwise), and what is still queued when
 *   it resolves is sent by one last sync, as office.js does.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel#excel-excel-run-function(1)
 *       https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
 */
import { ExcelEnums } from "./enums";
import { ErrorCodes, Messages, StandinError } from "./errors";
import type { StandinCore } from "./requestContext";
import { RequestContext } from "./requestContext";
import { Workbook } from "./workbook";

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

type Batch<T> = (context: RequestContext) => Promise<T>;

export function createExcelNamespace(core: StandinCore) {
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as Batch<T>;
    if (typeof batch !== "function")
      throw new StandinError(ErrorCodes.invalidArgument, Messages.invalidArgument, "Excel.run");
    const first = args.length > 1 ? args[0] : undefined;
    let context: RequestContext | undefined;
    let options: RunOptions = {};
    if (first instanceof RequestContext) context = first;
    else if (Array.isArray(first) && first[0]?.context instanceof RequestContext)
      context = first[0].context as RequestContext;
    else if (first && typeof first === "object" && (first as { context?: unknown }).context instanceof RequestContext) {
      context = (first as { context: RequestContext }).context;
    } else if (first && typeof first === "object") options = first as RunOptions;
    const stats = core.stats.startRun(options);
    if (context) context.run = stats;
    else context = new RequestContext(core, stats, (ctx) => new Workbook(ctx), options.delayForCellEdit === true);
    try {
      const pending = batch(context);
      if (!pending || typeof (pending as Promise<T>).then !== "function") {
        throw new StandinError(ErrorCodes.runMustReturnPromise, Messages.runMustReturnPromise, "Excel.run");
      }
      const result = await pending;
      await context.sync();
      return result;
    } catch (error) {
      stats.errorCode ??= (error as { code?: string }).code ?? ErrorCodes.generalException;
      throw error;
    } finally {
      core.model.emit({ kind: "run" });
    }
  }

  return {
    run,
    RequestContext,
    ErrorCodes: {
      ...Object.fromEntries(Object.entries(ErrorCodes)),
    },
    ...ExcelEnums,
  };
}

export type StandinExcel = ReturnType<typeof createExcelNamespace>;
