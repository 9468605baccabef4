/**
 * worksheet.pageLayout (ExcelApi 1.9): orientation, paper size, zoom, centring, gridlines, margins in points,
 * print titles (rows and columns) and print area, headers and footers.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayoutzoomoptions  (scale 10–400)
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayoutmarginoptions
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.headerfootergroup
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.headerfooter
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.papertype
 * Header/footer length: Excel keeps each header and footer as one string ("&L…&C…&R…", codes such as &P, &N,
 * &D, &"Font,Bold" included) of at most 255 characters:
 *       https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/18a8d655-24df-4375-aa11-33c30b9ee92c
 *       https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xlsb/36be4517-7dde-4d48-90f1-ab6f52558214
 */
import type { Rect } from "./addressing";
import { MAX_COLUMNS, MAX_ROWS, parseAddress, rectAddress } from "./addressing";
import { resolveAddress } from "./cellRange";
import { enumValues } from "./enums";
import { ErrorCodes, fail } from "./errors";
import type { HeaderFooterTexts, PageLayoutState, SheetState } from "./model";
import { ClientObject } from "./proxy";
import { Range } from "./range";
import type { AreasTarget } from "./rangeAreas";
import { RangeAreas } from "./rangeAreas";
import type { RequestContext } from "./requestContext";

const PAPER_TYPES = enumValues("PaperType");
const HEADER_FOOTER_STATES = enumValues("HeaderFooterState");
const POINTS_PER_UNIT: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };
const MARGINS = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"] as const;
type MarginName = (typeof MARGINS)[number];

/** Blocks stored as sheet-local addresses ("3:3", "A1:B4, D1:D4"). */
function storedRects(text: string | null): Rect[] {
  if (!text) return [];
  return text
    .split(",")
    .map((part) => parseAddress(part.trim())?.rect)
    .filter((r): r is Rect => r !== undefined);
}

function checkZoom(zoom: unknown): PageLayoutState["zoom"] {
  if (!zoom || typeof zoom !== "object" || Array.isArray(zoom))
    fail(ErrorCodes.invalidArgument, "zoom is an object: { scale } or { horizontalFitToPages, verticalFitToPages }.");
  const z = zoom as Record<string, unknown>;
  const out: PageLayoutState["zoom"] = {};
  for (const [key, v] of Object.entries(z)) {
    if (v === null || v === undefined) continue;
    if (key === "scale") {
      if (typeof v !== "number" || !(v >= 10 && v <= 400))
        fail(ErrorCodes.invalidArgument, "The print scale can be between 10 and 400.");
      out.scale = v;
    } else if (key === "horizontalFitToPages" || key === "verticalFitToPages") {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
        fail(ErrorCodes.invalidArgument, `${key} is a whole number of pages (0: automatic).`);
      out[key] = v;
    } else fail(ErrorCodes.invalidArgument, `'${key}' is not a zoom option.`);
  }
  if (Object.keys(out).length === 0) fail(ErrorCodes.invalidArgument, "zoom needs a scale or pages to fit.");
  return out;
}

function checkMargin(v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
    fail(ErrorCodes.invalidArgument, "A margin is a non-negative number of points.");
  return v;
}

function checkBool(v: unknown, what: string): boolean {
  if (typeof v !== "boolean") fail(ErrorCodes.invalidArgument, `${what} is true or false.`);
  return v;
}

export class PageLayout extends ClientObject<SheetState> {
  protected readonly className = "PageLayout";
  protected readonly scalarProperties = [
    "orientation",
    "zoom",
    "paperSize",
    "centerHorizontally",
    "printGridlines",
    ...MARGINS,
  ] as const;
  private headersFootersProxy?: HeaderFooterGroup;

  private get model() {
    return this.context.core.model;
  }

  protected readProperty(sheet: SheetState, name: string): unknown {
    return (sheet.pageLayout as unknown as Record<string, unknown>)[name];
  }

  protected override navigation(name: string) {
    return name === "headersFooters" ? this.headersFooters : undefined;
  }

  protected override navigationNames(): string[] {
    return this.headersFootersProxy ? ["headersFooters"] : [];
  }

  get headersFooters(): HeaderFooterGroup {
    return (this.headersFootersProxy ??= new HeaderFooterGroup(this.context, () => this.target()));
  }

  private setLayout<K extends keyof PageLayoutState>(
    name: K,
    v: PageLayoutState[K],
    check: (v: unknown) => PageLayoutState[K],
  ): void {
    this.set_(name, v, (sheet, value) => {
      sheet.pageLayout[name] = check(value);
      this.model.touch();
    });
  }

  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(v: string) {
    this.setLayout("orientation", v, (o) => {
      if (o !== "Portrait" && o !== "Landscape")
        fail(ErrorCodes.invalidArgument, `'${String(o)}' is not a page orientation.`);
      return o;
    });
  }
  /** Set as a whole object (`zoom = {...}`, not `zoom.scale = …`), as the docs require. */
  get zoom(): PageLayoutState["zoom"] {
    return this.get("zoom");
  }
  set zoom(v: PageLayoutState["zoom"]) {
    this.setLayout("zoom", v, checkZoom);
  }
  get paperSize(): string {
    return this.get("paperSize");
  }
  set paperSize(v: string) {
    this.setLayout("paperSize", v, (p) => {
      if (typeof p !== "string" || !PAPER_TYPES.includes(p))
        fail(ErrorCodes.invalidArgument, `'${String(p)}' is not an Excel.PaperType.`);
      return p;
    });
  }
  get centerHorizontally(): boolean {
    return this.get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.setLayout("centerHorizontally", v, (b) => checkBool(b, "centerHorizontally"));
  }
  get printGridlines(): boolean {
    return this.get("printGridlines");
  }
  set printGridlines(v: boolean) {
    this.setLayout("printGridlines", v, (b) => checkBool(b, "printGridlines"));
  }

  private margin(name: MarginName, v: number): void {
    this.setLayout(name, v, checkMargin);
  }
  get leftMargin(): number {
    return this.get("leftMargin");
  }
  set leftMargin(v: number) {
    this.margin("leftMargin", v);
  }
  get rightMargin(): number {
    return this.get("rightMargin");
  }
  set rightMargin(v: number) {
    this.margin("rightMargin", v);
  }
  get topMargin(): number {
    return this.get("topMargin");
  }
  set topMargin(v: number) {
    this.margin("topMargin", v);
  }
  get bottomMargin(): number {
    return this.get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.margin("bottomMargin", v);
  }
  get headerMargin(): number {
    return this.get("headerMargin");
  }
  set headerMargin(v: number) {
    this.margin("headerMargin", v);
  }
  get footerMargin(): number {
    return this.get("footerMargin");
  }
  set footerMargin(v: number) {
    this.margin("footerMargin", v);
  }

  /** setPrintMargins(unit, options): the margins given, converted to points; the others stay. */
  setPrintMargins(unit: string, marginOptions: Partial<Record<string, number>>): void {
    const names: Record<string, MarginName> = {
      left: "leftMargin",
      right: "rightMargin",
      top: "topMargin",
      bottom: "bottomMargin",
      header: "headerMargin",
      footer: "footerMargin",
    };
    for (const name of Object.values(names)) this.loaded.delete(name);
    this.command(
      "setPrintMargins",
      (sheet) => {
        const factor = POINTS_PER_UNIT[unit];
        if (factor === undefined) fail(ErrorCodes.invalidArgument, `'${String(unit)}' is not a PrintMarginUnit.`);
        if (!marginOptions || typeof marginOptions !== "object")
          fail(ErrorCodes.invalidArgument, "The margins are an object.");
        const next: Partial<Record<MarginName, number>> = {};
        for (const [key, v] of Object.entries(marginOptions)) {
          const name = names[key];
          if (!name) fail(ErrorCodes.invalidArgument, `'${key}' is not a margin.`);
          if (v === undefined || v === null) continue;
          next[name] = checkMargin(v) * factor;
        }
        Object.assign(sheet.pageLayout, next);
        this.model.touch();
      },
      { payload: [unit, marginOptions] },
    );
  }

  /** The blocks a Range, a RangeAreas or an address ("A1:F20", "A1:B4, D1:D4") names on this sheet. */
  private rectsOf(sheet: SheetState, target: Range | RangeAreas | string): Rect[] {
    if (typeof target === "string") {
      return target.split(",").map((part) => {
        const t = resolveAddress(this.model, sheet, part.trim());
        if (t.sheet !== sheet) fail(ErrorCodes.invalidArgument, "The range is on another worksheet.");
        return t.rect;
      });
    }
    const t = target.target() as AreasTarget | { sheet: SheetState; rect: Rect } | null;
    if (!t) fail(ErrorCodes.invalidArgument, "The range is a null object.");
    if (t.sheet !== sheet) fail(ErrorCodes.invalidArgument, "The range is on another worksheet.");
    return "rects" in t ? t.rects : [t.rect];
  }

  /** Rows repeated at the top of each printed page; the range must span entire rows ("" clears them). */
  setPrintTitleRows(printTitleRows: Range | string): void {
    this.command(
      "setPrintTitleRows",
      (sheet) => {
        if (printTitleRows === "") {
          sheet.pageLayout.printTitleRows = null;
        } else {
          const rects = this.rectsOf(sheet, printTitleRows);
          const rect = rects[0]!;
          if (rects.length !== 1 || rect.col !== 0 || rect.cols !== MAX_COLUMNS)
            fail(ErrorCodes.invalidArgument, "The print title rows must span entire rows.");
          sheet.pageLayout.printTitleRows = rectAddress(rect);
        }
        this.model.touch();
      },
      { payload: typeof printTitleRows === "string" ? printTitleRows : "range" },
    );
  }

  /** Columns repeated at the left of each printed page; the range must span entire columns ("" clears them). */
  setPrintTitleColumns(printTitleColumns: Range | string): void {
    this.command(
      "setPrintTitleColumns",
      (sheet) => {
        if (printTitleColumns === "") {
          sheet.pageLayout.printTitleColumns = null;
        } else {
          const rects = this.rectsOf(sheet, printTitleColumns);
          const rect = rects[0]!;
          if (rects.length !== 1 || rect.row !== 0 || rect.rows !== MAX_ROWS)
            fail(ErrorCodes.invalidArgument, "The print title columns must span entire columns.");
          sheet.pageLayout.printTitleColumns = rectAddress(rect);
        }
        this.model.touch();
      },
      { payload: typeof printTitleColumns === "string" ? printTitleColumns : "range" },
    );
  }

  private titleColumnsRange(orNull: boolean): Range {
    const range = new Range(this.context, () => {
      const sheet = this.target();
      const rect = sheet ? storedRects(sheet.pageLayout.printTitleColumns)[0] : undefined;
      if (sheet && rect) return { sheet, rect };
      if (!orNull && sheet) fail(ErrorCodes.itemNotFound, "The worksheet has no print title columns.");
      return null;
    });
    if (orNull) range.queueNullCheck("PageLayout.getPrintTitleColumnsOrNullObject");
    return range;
  }

  getPrintTitleColumns(): Range {
    return this.titleColumnsRange(false);
  }

  getPrintTitleColumnsOrNullObject(): Range {
    return this.titleColumnsRange(true);
  }

  private titleRowsRange(orNull: boolean): Range {
    const range = new Range(this.context, () => {
      const sheet = this.target();
      const rect = sheet ? storedRects(sheet.pageLayout.printTitleRows)[0] : undefined;
      if (sheet && rect) return { sheet, rect };
      if (!orNull && sheet) fail(ErrorCodes.itemNotFound, "The worksheet has no print title rows.");
      return null;
    });
    if (orNull) range.queueNullCheck("PageLayout.getPrintTitleRowsOrNullObject");
    return range;
  }

  getPrintTitleRows(): Range {
    return this.titleRowsRange(false);
  }

  getPrintTitleRowsOrNullObject(): Range {
    return this.titleRowsRange(true);
  }

  /** The print area: one or more blocks of this sheet ("" clears it). */
  setPrintArea(printArea: Range | RangeAreas | string): void {
    this.command(
      "setPrintArea",
      (sheet) => {
        sheet.pageLayout.printArea =
          printArea === "" ? null : this.rectsOf(sheet, printArea).map(rectAddress).join(", ");
        this.model.touch();
      },
      { payload: typeof printArea === "string" ? printArea : "range" },
    );
  }

  private printAreas(orNull: boolean): RangeAreas {
    const areas = new RangeAreas(this.context, () => {
      const sheet = this.target();
      const rects = sheet ? storedRects(sheet.pageLayout.printArea) : [];
      if (sheet && rects.length > 0) return { sheet, rects };
      if (!orNull && sheet) fail(ErrorCodes.itemNotFound, "The worksheet has no print area.");
      return null;
    });
    if (orNull) areas.queueNullCheck("PageLayout.getPrintAreaOrNullObject");
    return areas;
  }

  /** ItemNotFound when there is no print area, as documented. */
  getPrintArea(): RangeAreas {
    return this.printAreas(false);
  }

  getPrintAreaOrNullObject(): RangeAreas {
    return this.printAreas(true);
  }
}

type PageName = "defaultForAllPages" | "firstPage" | "evenPages" | "oddPages";

export class HeaderFooterGroup extends ClientObject<SheetState> {
  protected readonly className = "HeaderFooterGroup";
  protected readonly scalarProperties = ["state", "useSheetMargins", "useSheetScale"] as const;
  private readonly pages = new Map<PageName, HeaderFooter>();

  protected readProperty(sheet: SheetState, name: string): unknown {
    return (sheet.pageLayout.headersFooters as unknown as Record<string, unknown>)[name];
  }

  protected override navigation(name: string) {
    return ["defaultForAllPages", "firstPage", "evenPages", "oddPages"].includes(name)
      ? this.page(name as PageName)
      : undefined;
  }

  protected override navigationNames(): string[] {
    return [...this.pages.keys()];
  }

  private page(name: PageName): HeaderFooter {
    let page = this.pages.get(name);
    if (!page) {
      page = new HeaderFooter(this.context, () => this.target()?.pageLayout.headersFooters[name] ?? null);
      this.pages.set(name, page);
    }
    return page;
  }

  get defaultForAllPages(): HeaderFooter {
    return this.page("defaultForAllPages");
  }
  get firstPage(): HeaderFooter {
    return this.page("firstPage");
  }
  get evenPages(): HeaderFooter {
    return this.page("evenPages");
  }
  get oddPages(): HeaderFooter {
    return this.page("oddPages");
  }

  get state(): string {
    return this.get("state");
  }
  set state(v: string) {
    this.set_("state", v, (sheet, state) => {
      if (!HEADER_FOOTER_STATES.includes(state))
        fail(ErrorCodes.invalidArgument, `'${String(state)}' is not a HeaderFooterState.`);
      sheet.pageLayout.headersFooters.state = state;
      this.context.core.model.touch();
    });
  }
  get useSheetMargins(): boolean {
    return this.get("useSheetMargins");
  }
  set useSheetMargins(v: boolean) {
    this.set_("useSheetMargins", v, (sheet, b) => {
      sheet.pageLayout.headersFooters.useSheetMargins = checkBool(b, "useSheetMargins");
      this.context.core.model.touch();
    });
  }
  get useSheetScale(): boolean {
    return this.get("useSheetScale");
  }
  set useSheetScale(v: boolean) {
    this.set_("useSheetScale", v, (sheet, b) => {
      sheet.pageLayout.headersFooters.useSheetScale = checkBool(b, "useSheetScale");
      this.context.core.model.touch();
    });
  }
}

const HEADER_FOOTER_TEXTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;
type TextName = (typeof HEADER_FOOTER_TEXTS)[number];

/** The header or footer as Excel stores it: the three sections behind &L, &C and &R. */
export function headerFooterString(texts: HeaderFooterTexts, part: "Header" | "Footer"): string {
  const left = texts[`left${part}`];
  const center = texts[`center${part}`];
  const right = texts[`right${part}`];
  return (left ? `&L${left}` : "") + (center ? `&C${center}` : "") + (right ? `&R${right}` : "");
}

export class HeaderFooter extends ClientObject<HeaderFooterTexts> {
  protected readonly className = "HeaderFooter";
  protected readonly scalarProperties = HEADER_FOOTER_TEXTS;

  constructor(context: RequestContext, resolver: () => HeaderFooterTexts | null) {
    super(context, resolver);
  }

  protected readProperty(texts: HeaderFooterTexts, name: string): unknown {
    return texts[name as TextName];
  }

  /** Stored as given (format codes such as &D, &P, &N, &"Font,Bold" included); ≤ 255 characters per header/footer. */
  private text(name: TextName, v: string): void {
    this.set_(name, v, (texts, text) => {
      if (typeof text !== "string") fail(ErrorCodes.invalidArgument, `${name} must be a string.`);
      const part = name.endsWith("Header") ? "Header" : "Footer";
      const whole = headerFooterString({ ...texts, [name]: text }, part);
      if (whole.length > 255)
        fail(ErrorCodes.invalidArgument, `The ${part.toLowerCase()} can't be longer than 255 characters.`);
      texts[name] = text;
      this.context.core.model.touch();
    });
  }

  get leftHeader(): string {
    return this.get("leftHeader");
  }
  set leftHeader(v: string) {
    this.text("leftHeader", v);
  }
  get centerHeader(): string {
    return this.get("centerHeader");
  }
  set centerHeader(v: string) {
    this.text("centerHeader", v);
  }
  get rightHeader(): string {
    return this.get("rightHeader");
  }
  set rightHeader(v: string) {
    this.text("rightHeader", v);
  }
  get leftFooter(): string {
    return this.get("leftFooter");
  }
  set leftFooter(v: string) {
    this.text("leftFooter", v);
  }
  get centerFooter(): string {
    return this.get("centerFooter");
  }
  set centerFooter(v: string) {
    this.text("centerFooter", v);
  }
  get rightFooter(): string {
    return this.get("rightFooter");
  }
  set rightFooter(v: string) {
    this.text("rightFooter", v);
  }
}
