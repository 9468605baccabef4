/**
 * The one place that starts Excel batches (the only `Excel.run` in src/, a test scans for others).
 * Every operation module, the PLAN functions' row lookup and the change watchers call runRead,
 * runWrite or removeHandler, so cell-edit mode, undo grouping and error translation are handled the
 * same way everywhere.
 */

/**
 * Every code a HostOperationError can carry. A list, not only a type, so the pane's message table is
 * checked against it at run time too (tests/taskpane/hostErrors.test.ts): a code without a message in
 * Chinese and English fails a test, and the Record type in the pane fails the type check.
 * planTooLong: a plan period longer than the template supports (planSchema.ts MAX_PLAN_YEARS), refused
 * before anything is written.
 */
export const HOST_ERROR_CODES = [
  "notInExcel",
  "cellEditMode",
  "templateNotFound",
  "payloadTooLarge",
  "undoNotSupported",
  "templateChanged",
  "stateInvalid",
  "planTooLong",
  "otherGoalsBelow",
  "unknown",
] as const;

export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

/** A failure the pane can explain: `code` picks the message, `detail` keeps the host's own words for the log. */
export class HostOperationError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail = "",
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "HostOperationError";
  }
}

/**
 * Whether the host supports a requirement set (Office.context.requirements.isSetSupported). The guard for
 * every member above the manifest's minimum sets (a test maps each Excel member the add-in uses to its set).
 * Outside Office, or before Office is ready: false.
 */
export function supportsSet(name: string, version: string): boolean {
  if (typeof Office === "undefined" || typeof Office.context?.requirements?.isSetSupported !== "function") return false;
  return Office.context.requirements.isSetSupported(name, version) === true;
}

/** ExcelApi 1.20 lets one operation's syncs form a single undo step (Excel.run({ mergeUndoGroup })). */
export function canGroupUndo(): boolean {
  return supportsSet("ExcelApi", "1.20");
}

function hostCode(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof (err as { code: unknown }).code === "string") {
    return (err as { code: string }).code;
  }
  return "";
}

/** Office error codes → what the pane can say about them. */
export function toHostError(err: unknown): HostOperationError {
  if (err instanceof HostOperationError) return err;
  const code = hostCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new HostOperationError("cellEditMode", detail);
    case "ItemNotFound":
      return new HostOperationError("templateNotFound", detail);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return new HostOperationError("payloadTooLarge", detail);
    case "UndoNotSupported":
      return new HostOperationError("undoNotSupported", detail);
    default:
      return new HostOperationError("unknown", detail);
  }
}

function excelOrThrow(): typeof Excel {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw new HostOperationError("notInExcel");
  return Excel;
}

/**
 * A read-only batch. delayForCellEdit: a batch sent while someone is typing in a cell waits
 * for them to finish instead of failing.
 */
export async function runRead<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = excelOrThrow();
  try {
    return await excel.run({ delayForCellEdit: true }, batch);
  } catch (err) {
    throw toHostError(err);
  }
}

/**
 * A batch that changes the workbook: grouped into one undo step where Excel supports it.
 * If Excel refuses to group (UndoNotSupported: an API in the batch has no undo on this platform)
 * the batch is run once more ungrouped: the pane has already said what the operation changes,
 * and every write operation here is safe to repeat (it re-reads before it writes).
 */
export async function runWrite<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = excelOrThrow();
  const group = canGroupUndo();
  try {
    return await excel.run({ delayForCellEdit: true, ...(group ? { mergeUndoGroup: true } : {}) }, batch);
  } catch (err) {
    const mapped = toHostError(err);
    if (mapped.code !== "undoNotSupported" || !group) throw mapped;
  }
  try {
    return await excel.run({ delayForCellEdit: true }, batch);
  } catch (err) {
    throw toHostError(err);
  }
}

/** A handler registered in an earlier batch (an EventHandlerResult): it keeps the context it was added with. */
export type RegisteredHandler = Pick<OfficeExtension.EventHandlerResult<unknown>, "context" | "remove">;

/**
 * Unregisters an event handler added in an earlier runRead. "The same RequestContext object that the handler
 * was added in must be used when removing the handler" (OfficeExtension.EventHandlerResult,
 * https://learn.microsoft.com/en-us/javascript/api/office/officeextension.eventhandlerresult), hence
 * Excel.run(registration.context, …).
 * A sheet that was deleted took its handlers with it: nothing is left to remove, which is not a failure.
 * Anything else is reported, as a HostOperationError.
 */
export async function removeHandler(registration: RegisteredHandler): Promise<void> {
  const excel = excelOrThrow();
  try {
    await excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  } catch (err) {
    const mapped = toHostError(err);
    if (mapped.code !== "templateNotFound") throw mapped;
  }
}
