/**
 * The auto-open switch as the document now is: loading, on/off, or why it is not available here (a
 * failure to read it says so). Read when the panel opens and again when a template appears (Insert tags
 * the workbook).
 */
import { useCallback, useEffect, useState } from "react";
import type { Lang } from "../../../core/messages";
import { autoOpenUnavailableReason, readAutoOpen } from "../../../excel/autoOpen";
import { failureText } from "../hostErrorText";
import { tt } from "./travelStrings";

export type AutoOpenView =
  { kind: "loading" } | { kind: "known"; on: boolean } | { kind: "unavailable"; reason: string };

export async function readAutoOpenView(lang: Lang): Promise<AutoOpenView> {
  try {
    const on = await readAutoOpen();
    if (on !== null) return { kind: "known", on };
    return { kind: "unavailable", reason: autoOpenUnavailableReason()?.[lang] ?? tt(lang, "autoOpenUnavailable") };
  } catch (err) {
    return { kind: "unavailable", reason: tt(lang, "autoOpenReadFailed", { reason: failureText(err, lang) }) };
  }
}

export function useAutoOpenView(lang: Lang, tableName: string | null) {
  const [view, setView] = useState<AutoOpenView>({ kind: "loading" });
  useEffect(() => {
    let alive = true;
    void readAutoOpenView(lang).then((v) => alive && setView(v));
    return () => {
      alive = false;
    };
  }, [lang, tableName]);
  /** After the switch: the state it reported, or (null) the document read again. */
  const shown = useCallback(
    (on: boolean | null) => {
      if (on !== null) setView({ kind: "known", on });
      else void readAutoOpenView(lang).then(setView);
    },
    [lang],
  );
  return { view, shown };
}
