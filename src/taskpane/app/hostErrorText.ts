/**
 * Host errors in the pane's words, typed end to end: each HostErrorCode (src/excel/excelRun.ts) has its
 * message key in this table, so a new code without a message fails the type check (and
 * tests/taskpane/hostErrors.test.ts, in both languages) instead of reaching staff as a bare code.
 */
import type { Lang } from "../../core/messages";
import { HostOperationError, toHostError, type HostErrorCode } from "../../excel/excelRun";
import { t, type StringKey } from "./i18n";

export const HOST_ERROR_MESSAGES: { readonly [C in HostErrorCode]: StringKey } = {
  notInExcel: "err_notInExcel",
  cellEditMode: "err_cellEditMode",
  templateNotFound: "err_templateNotFound",
  payloadTooLarge: "err_payloadTooLarge",
  undoNotSupported: "err_undoNotSupported",
  templateChanged: "err_templateChanged",
  otherGoalsBelow: "err_otherGoalsBelow",
  stateInvalid: "err_stateInvalid",
  planTooLong: "err_planTooLong",
  unknown: "err_unknown",
};

/** The message for a host error; `{detail}` gets the host's own words (or the code when it gave none). */
export function hostErrorText(error: HostOperationError, lang: Lang): string {
  return t(lang, HOST_ERROR_MESSAGES[error.code], { detail: error.detail || error.code });
}

/** An Office error carries a string `code` (OfficeExtension.Error); the host layer translates those. */
function fromHost(err: unknown): boolean {
  return (
    err instanceof HostOperationError ||
    (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string")
  );
}

/**
 * Any failure in staff's words: host errors by their message table, anything else (a chart the browser
 * could not draw, a library's refusal) with its own message.
 */
export function failureText(err: unknown, lang: Lang): string {
  if (!fromHost(err) && err instanceof Error) return err.message || err.name;
  // Host errors, and anything thrown that is not an Error: "unexpected error" with what it said.
  return hostErrorText(toHostError(err), lang);
}
