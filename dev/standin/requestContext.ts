/**
 * The request context of one Excel.run: commands are queued by the proxies and applied, in order,
 * at context.sync(), like the real batch. A failing command rejects sync() with its error; the
 * commands before it stay applied (Excel does not roll back), the ones after it are dropped.
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
    this.run.syncs++;
    stats.syncCount++;
    this.run.commands += commands.length;
    for (const command of commands) {
      this.run.requestBytes +=
        40 + (command.payload === undefined ? 0 : (JSON.stringify(command.payload)?.length ?? 0));
      this.run.cellsWritten += command.cells ?? 0;
    }
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
