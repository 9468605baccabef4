/**
 * context.workbook: worksheets, tables, names, settings, custom XML parts, the selection and the
 * application (calculation). Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook
 */
import { CustomXmlPartCollection } from "./customXml";
import { ErrorCodes, fail } from "./errors";
import type { WorkbookModel } from "./model";
import { NamedItemCollection } from "./names";
import { ClientObject } from "./proxy";
import { Range } from "./range";
import type { RequestContext } from "./requestContext";
import { SettingCollection } from "./settings";
import { TableCollection } from "./table";
import { WorksheetCollection } from "./worksheet";

export class Workbook extends ClientObject<WorkbookModel> {
  protected readonly className = "Workbook";
  protected readonly scalarProperties = ["name"] as const;
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  readonly settings: SettingCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  readonly application: Application;

  constructor(context: RequestContext) {
    super(context, () => context.core.model);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, null);
    this.names = new NamedItemCollection(context, null);
    this.settings = new SettingCollection(context);
    this.customXmlParts = new CustomXmlPartCollection(context);
    this.application = new Application(context, () => context.core.model);
  }

  protected readProperty(_model: WorkbookModel, name: string): unknown {
    return name === "name" ? "Book1.xlsx" : undefined;
  }

  get name(): string {
    return this.get("name");
  }

  getSelectedRange(): Range {
    return new Range(this.context, () => {
      const model = this.context.core.model;
      const selection = model.selection;
      const sheet = selection ? model.sheetById(selection.sheetId) : model.sheetById(model.activeSheetId);
      if (!sheet) fail(ErrorCodes.itemNotFound, "Nothing is selected.");
      return { sheet, rect: selection?.rect ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }

  getActiveCell(): Range {
    return new Range(this.context, () => {
      const model = this.context.core.model;
      const selection = model.selection;
      const sheet = selection ? model.sheetById(selection.sheetId) : model.sheetById(model.activeSheetId);
      if (!sheet) fail(ErrorCodes.itemNotFound, "There is no active cell.");
      const rect = selection?.rect ?? { row: 0, col: 0, rows: 1, cols: 1 };
      return { sheet, rect: { row: rect.row, col: rect.col, rows: 1, cols: 1 } };
    });
  }
}

/** Calculation is automatic and immediate in the stand-in: suspending it until the next sync changes nothing visible. */
export class Application extends ClientObject<WorkbookModel> {
  protected readonly className = "Application";
  protected readonly scalarProperties = ["calculationMode"] as const;

  protected readProperty(): unknown {
    return "Automatic";
  }

  get calculationMode(): string {
    return this.get("calculationMode");
  }

  calculate(_calculationType?: string): void {
    this.command("calculate", () => undefined);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.command("suspendApiCalculationUntilNextSync", () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.command("suspendScreenUpdatingUntilNextSync", () => undefined);
  }
}
