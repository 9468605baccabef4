/**
 * The request context of one Excel.run: commands are queued by the proxies and applied, in order,
 * at context.sync(), like the real batch. A failing command rejects sync() with its error; the
 * commands before it stay applied (Excel does not roll back), the ones after it are dropped.
 *
 * Request size: Excel on the web refuses a request over 5 MB as a whole, before running any of it,
 * with RequestPayloadSizeLimitExceeded ("Excel on the web has a payload size limit for requests and
 * responses of 5MB. RichAPI.Error is triggered if that limit is exceeded": docs/concepts/
 * resource-limits-and-performance-optimization.md, "Excel add-ins"; the code and its text:
 * docs/testing/application-specific-api-error-handling.md, "This error only occurs in Excel on the
 * web"). The docs say what counts ("the number of API calls, the number of objects, such as Range
 * objects, and the length of the value to set or get") but not how it is measured on the wire: the
 * stand-in counts each command's arguments as UTF-8 JSON plus 40 bytes for the call and its object
 * path. `requestPayloadLimit` (createStandin option) is 5 MB by default, as on the web; null models
 * the desktop, which has no such limit. Responses are not measured.
 */
import { ErrorCodes, Messages, StandinError } from "./errors";
import type { EventHub } from "./events";
import type { WorkbookModel } from "./model";
import type { RunStats, StatsBook } from "./stats";

export interface Command {
  /** "Range.values", "WorksheetCollection.add" …: the errorLocation reported if it fails. */
  location: string;
  run: () => void;
  /** The command's arguments, counted in the request payload. */
  payload?: unknown;
  cells?: number;
}

/** What a request context needs from the stand-in that owns it. */
export interface StandinCore {
  model: WorkbookModel;
  stats: StatsBook;
  events: EventHub;
  /** Requirement sets reported by Office.context.requirements (e.g. ExcelApi 1.20). */
  excelApiVersion: string;
  /** What charts.add(…, "Auto") does: "shape" guesses from the data's shape (Excel on the desktop), "columns" (Excel on the web). */
  chartAutoSeriesBy: "shape" | "columns";
  /** Largest request in bytes (Excel on the web: 5 MB), or null for no limit (the desktop). */
  requestPayloadLimit: number | null;
}

/** Excel on the web's request (and response) limit: 5 MB. */
export const WEB_REQUEST_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What one command adds to a request besides its arguments: the method, the object path, ids. */
export const COMMAND_BYTES = 40;

/** UTF-8 bytes of a string (a CJK character is 3 bytes on the wire, a surrogate pair 4). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The size a command adds to its request. */
export function commandBytes(command: Command): number {
  const json = command.payload === undefined ? undefined : JSON.stringify(command.payload);
  return COMMAND_BYTES + (json === undefined ? 0 : utf8Bytes(json));
}

export class RequestContext {
  readonly core: StandinCore;
  run: RunStats;
  private queue: Command[] = [];
  private workbookProxy: unknown;
  private readonly makeWorkbook: (ctx: RequestContext) => unknown;
  readonly trackedObjects = { add: (_obj: unknown) => undefined, remove: (_obj: unknown) => undefined };
  private readonly delayForCellEdit: boolean;

  constructor(
    core: StandinCore,
    run: RunStats,
    makeWorkbook: (ctx: RequestContext) => unknown,
    delayForCellEdit: boolean,
  ) {
    this.core = core;
    this.run = run;
    this.makeWorkbook = makeWorkbook;
    this.delayForCellEdit = delayForCellEdit;
  }

  get workbook(): never {
    this.workbookProxy ??= this.makeWorkbook(this);
    return this.workbookProxy as never;
  }

  get application(): never {
    return (this.workbook as { application: never }).application;
  }

  /** RequestContext.load(object, option) is the same as object.load(option). */
  load<T extends { load(option?: unknown): T }>(object: T, option?: unknown): T {
    return object.load(option);
  }

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  get pendingCommands(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.run.syncCalls++;
    const commands = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (commands.length === 0) return passThroughValue as T; // nothing queued: no round trip
    const { model, stats } = this.core;
    if (model.cellEditMode) {
      if (!this.delayForCellEdit)
        throw this.recordError(new StandinError(ErrorCodes.invalidOperationInCellEditMode, Messages.cellEditMode));
      await model.whenNotEditing();
    }
    let bytes = 0;
    for (const command of commands) bytes += commandBytes(command);
    const limit = this.core.requestPayloadLimit;
    if (limit !== null && bytes > limit) {
      // Refused as a whole before Excel runs any of it: nothing is applied, no round trip completes.
      this.run.largestRequestBytes = Math.max(this.run.largestRequestBytes, bytes);
      throw this.recordError(
        new StandinError(
          ErrorCodes.requestPayloadSizeLimitExceeded,
          Messages.requestPayloadSizeLimitExceeded,
          commands[0]?.location,
        ),
      );
    }
    this.run.syncs++;
    stats.syncCount++;
    this.run.commands += commands.length;
    this.run.requestBytes += bytes;
    this.run.largestRequestBytes = Math.max(this.run.largestRequestBytes, bytes);
    for (const command of commands) this.run.cellsWritten += command.cells ?? 0;
    try {
      for (const command of commands) {
        try {
          command.run();
        } catch (error) {
          if (error instanceof StandinError) {
            if (!error.debugInfo.errorLocation) error.debugInfo.errorLocation = command.location;
            throw error;
          }
          const message = error instanceof Error ? error.message : String(error);
          throw new StandinError(ErrorCodes.generalException, message, command.location);
        }
      }
    } catch (error) {
      throw this.recordError(error as StandinError);
    } finally {
      model.flush();
    }
    return passThroughValue as T;
  }

  private recordError(error: StandinError): StandinError {
    this.run.errorCode ??= error.code;
    return error;
  }
}
