/**
 * Errors shaped like office.js's `OfficeExtension.Error` (name "RichApi.Error", code, message, debugInfo),
 * raised at `context.sync()` the way Excel reports a failed statement in a batch.
 * Codes and texts follow office.js's ErrorCodes and resource strings.
 */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class StandinError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation ? { code, message, errorLocation } : { code, message };
    this.httpStatusCode = code === ErrorCodes.generalException ? 500 : 400;
    adoptHostErrorPrototype(this);
  }

  override toString(): string {
    return JSON.stringify({ code: this.code, message: this.message, debugInfo: this.debugInfo });
  }
}

/**
 * In the preview, real office.js defines `OfficeExtension.Error`; make stand-in errors pass
 * `error instanceof OfficeExtension.Error` there too, as the add-in's error handling relies on it.
 */
function adoptHostErrorPrototype(error: StandinError): void {
  const host = (globalThis as { OfficeExtension?: { Error?: unknown } }).OfficeExtension?.Error;
  if (typeof host === "function" && host !== StandinError && !(error instanceof (host as new () => object))) {
    const bridge = Object.create((host as { prototype: object }).prototype) as object;
    for (const key of Object.getOwnPropertyNames(StandinError.prototype)) {
      if (key !== "constructor")
        Object.defineProperty(bridge, key, Object.getOwnPropertyDescriptor(StandinError.prototype, key)!);
    }
    Object.setPrototypeOf(error, bridge);
  }
}

export function fail(code: ErrorCode, message: string, errorLocation?: string): never {
  throw new StandinError(code, message, errorLocation);
}

export const Messages = {
  propertyNotLoaded: (name: string) =>
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  valueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  runMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  invalidArgument: "The argument is invalid or missing or has an incorrect format.",
  itemNotFound: "The requested resource doesn't exist.",
  itemAlreadyExists: "The resource already exists.",
  /** docs/testing/application-specific-api-error-handling.md, the RequestPayloadSizeLimitExceeded row. */
  requestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  cellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
} as const;
