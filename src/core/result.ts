/**
 * The one way the core reports "this cannot be computed": a typed Failure that
 * maps onto an Excel error (#VALUE!, #NUM!, #N/A, #DIV/0!) and carries a message
 * code, so no caller ever sees NaN or Infinity.
 */
import type { MessageCode } from "./messages";

export type ExcelErrorKind = "value" | "num" | "na" | "div0";
export type Failure = { ok: false; error: ExcelErrorKind; code: MessageCode; args?: Record<string, string | number> };
export type Ok<T> = { ok: true; value: T };
export type Result<T> = Ok<T> | Failure;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail(error: ExcelErrorKind, code: MessageCode, args?: Record<string, string | number>): Failure {
  return args ? { ok: false, error, code, args } : { ok: false, error, code };
}

/** A computed number becomes an Ok only if it is finite; -0 is folded into 0 so it never prints as "-0". */
export function finite(value: number): Result<number> {
  if (!Number.isFinite(value)) return fail("num", "math.overflow");
  return ok(value === 0 ? 0 : value);
}

/** The first non-finite input, as a Failure, or null when every input is a finite number. */
export function checkFinite(...inputs: number[]): Failure | null {
  for (const x of inputs) {
    if (typeof x !== "number" || !Number.isFinite(x)) return fail("value", "math.notFinite");
  }
  return null;
}

/** The value of an Ok, or `fallback` for a Failure (for display code that has a placeholder). */
export function valueOr<T, F>(result: Result<T>, fallback: F): T | F {
  return result.ok ? result.value : fallback;
}
