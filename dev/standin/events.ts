/**
 * onChanged events of worksheets and tables: registered at sync (handler.add is a command, like in
 * office.js), raised after a change is applied — by an add-in write (triggerSource "ThisLocalAddin")
 * or by a user edit in the preview grid ("Unknown") — asynchronously, on a later task.
 * worksheet.onSelectionChanged (ExcelApi 1.7): raised the same way after the selection on that sheet
 * moves (a click in the grid or the add-in's range.select()), with the selected area's address
 * without the sheet's name, the sheet's id and type "WorksheetSelectionChanged".
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-events
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetchangedeventargs
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetselectionchangedeventargs
 */
import { intersect, rectAddress } from "./addressing";
import type { ChangeRecord, SelectionRecord, WorkbookModel } from "./model";
import { nextStamp } from "./model";
import type { RequestContext } from "./requestContext";

export type Handler = (args: Record<string, unknown>) => unknown;

export interface Registration {
  id: number;
  stamp: number;
  /**
   * "worksheet": one sheet (targetId = sheet id); "worksheets": every sheet; "table": one table (targetId = table id);
   * "selection": selection changes on one sheet (targetId = sheet id).
   */
  scope: "worksheet" | "worksheets" | "table" | "tables" | "selection";
  targetId: string | null;
  handler: Handler;
}

/** Builds a Range proxy for event args' getRange(ctx); supplied by the stand-in to avoid an import cycle. */
export type RangeMaker = (ctx: RequestContext, sheetId: string, address: string) => unknown;

export class EventHub {
  private registrations: Registration[] = [];
  private nextId = 1;
  private inFlight = new Set<Promise<unknown>>();
  private scheduled = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly model: WorkbookModel;
  private readonly makeRange: RangeMaker;

  constructor(model: WorkbookModel, makeRange: RangeMaker) {
    this.model = model;
    this.makeRange = makeRange;
    model.onChanges((changes) => this.schedule(changes));
    model.onSelection((change) => this.scheduleSelection(change));
  }

  register(scope: Registration["scope"], targetId: string | null, handler: Handler): number {
    const id = this.nextId++;
    this.registrations.push({ id, stamp: nextStamp(), scope, targetId, handler });
    return id;
  }

  unregister(id: number): void {
    this.registrations = this.registrations.filter((r) => r.id !== id);
  }

  unregisterHandler(scope: Registration["scope"], targetId: string | null, handler: Handler): void {
    this.registrations = this.registrations.filter(
      (r) => !(r.scope === scope && r.targetId === targetId && r.handler === handler),
    );
  }

  get handlerCount(): number {
    return this.registrations.length;
  }

  private schedule(changes: ChangeRecord[]): void {
    if (this.registrations.length === 0) return;
    this.scheduled++;
    setTimeout(() => {
      this.scheduled--;
      for (const change of changes) this.dispatch(change);
      this.settleIfIdle();
    }, 0);
  }

  private scheduleSelection(change: SelectionRecord): void {
    if (!this.registrations.some((r) => r.scope === "selection" && r.targetId === change.sheetId)) return;
    this.scheduled++;
    setTimeout(() => {
      this.scheduled--;
      const args = {
        type: "WorksheetSelectionChanged",
        worksheetId: change.sheetId,
        address: rectAddress(change.rect),
      };
      for (const reg of [...this.registrations]) {
        if (reg.scope !== "selection" || reg.targetId !== change.sheetId || reg.stamp > change.stamp) continue;
        this.invoke(reg.handler, { ...args });
      }
      this.settleIfIdle();
    }, 0);
  }

  private dispatch(change: ChangeRecord): void {
    const base = {
      changeType: change.changeType,
      source: "Local",
      triggerSource: change.trigger === "api" ? "ThisLocalAddin" : "Unknown",
      worksheetId: change.sheetId,
    };
    const address = rectAddress(change.rect);
    for (const reg of [...this.registrations]) {
      if (reg.stamp > change.stamp) continue;
      let args: Record<string, unknown> | null = null;
      if ((reg.scope === "worksheet" && reg.targetId === change.sheetId) || reg.scope === "worksheets") {
        args = { ...base, type: "WorksheetChanged", address };
      } else if (reg.scope === "table" || reg.scope === "tables") {
        const table = this.model.tables.find(
          (t) =>
            (reg.scope === "tables" || t.id === reg.targetId) &&
            t.sheetId === change.sheetId &&
            intersect(t.rect, change.rect),
        );
        const part = table && intersect(table.rect, change.rect);
        if (table && part) args = { ...base, type: "TableChanged", tableId: table.id, address: rectAddress(part) };
      }
      if (!args) continue;
      const argAddress = args.address as string;
      args.getRange = (ctx: RequestContext) => this.makeRange(ctx, change.sheetId, argAddress);
      args.getRangeOrNullObject = args.getRange;
      this.invoke(reg.handler, args);
    }
  }

  private invoke(handler: Handler, args: Record<string, unknown>): void {
    let result: unknown;
    try {
      result = handler(args);
    } catch (error) {
      console.error("onChanged handler failed", error);
      return;
    }
    if (result && typeof (result as Promise<unknown>).then === "function") {
      const p = Promise.resolve(result).catch((error) => console.error("onChanged handler failed", error));
      this.inFlight.add(p);
      void p.finally(() => {
        this.inFlight.delete(p);
        this.settleIfIdle();
      });
    }
  }

  private settleIfIdle(): void {
    if (this.scheduled === 0 && this.inFlight.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves once every raised event has been handled (handlers' promises included). */
  async whenIdle(): Promise<void> {
    // Let a sync that just finished schedule its events first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.scheduled === 0 && this.inFlight.size === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    return this.whenIdle();
  }
}

/** `worksheet.onChanged` and friends: add(handler) / remove(handler), both applied at sync. */
export class EventHandlers {
  readonly context: RequestContext;
  private readonly scope: Registration["scope"];
  private readonly target: () => string | null;

  constructor(context: RequestContext, scope: Registration["scope"], target: () => string | null) {
    this.context = context;
    this.scope = scope;
    this.target = target;
  }

  add(handler: Handler): EventHandlerResult {
    const result = new EventHandlerResult(this.context);
    this.context.enqueue({
      location: "EventHandlers.add",
      run: () => {
        const targetId = this.scope === "worksheets" || this.scope === "tables" ? null : this.target();
        if (targetId === null && (this.scope === "worksheet" || this.scope === "table")) return;
        result.registrationId = this.context.core.events.register(this.scope, targetId, handler);
      },
    });
    return result;
  }

  remove(handler: Handler): void {
    this.context.enqueue({
      location: "EventHandlers.remove",
      run: () =>
        this.context.core.events.unregisterHandler(
          this.scope,
          this.scope === "worksheets" || this.scope === "tables" ? null : this.target(),
          handler,
        ),
    });
  }
}

export class EventHandlerResult {
  readonly context: RequestContext;
  registrationId: number | null = null;

  constructor(context: RequestContext) {
    this.context = context;
  }

  /** Removes the handler; takes effect at the next sync (use the same or any later context). */
  remove(): void {
    this.context.enqueue({
      location: "EventHandlerResult.remove",
      run: () => {
        if (this.registrationId !== null) this.context.core.events.unregister(this.registrationId);
      },
    });
  }
}
