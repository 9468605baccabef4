/**
 * The CustomFunctions namespace's error pieces as Excel's functions runtime defines them (custom-functions-runtime:
 * `new CustomFunctions.Error(code, message)`, CustomFunctions.ErrorCode), for hosts without that runtime:
 * the start-up bench's office.js stand-in and the value-function bench.
 */
export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** CustomFunctions.ErrorCode: the error values a custom function may return. */
export const CUSTOM_FUNCTIONS_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;
