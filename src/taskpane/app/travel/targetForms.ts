/**
 * The target forms the import form offers, and the conversions between a form + value and the
 * plan model's Target (pure). A text target keeps the words the plan printed.
 */
import type { Target } from "../../../core/planSchema";

export type FormChoice = "atLeast" | "atMost" | "about" | "reduction" | "increase" | "annualGrowth" | "text";
export const FORM_CHOICES: readonly FormChoice[] = [
  "atLeast",
  "atMost",
  "about",
  "reduction",
  "increase",
  "annualGrowth",
  "text",
];

export function formOf(target: Target): FormChoice {
  switch (target.kind) {
    case "level":
      return target.comparator === ">=" ? "atLeast" : target.comparator === "<=" ? "atMost" : "about";
    case "cumulative":
      return target.mode;
    case "annualGrowth":
      return "annualGrowth";
    case "text":
      return "text";
  }
}

export function valueOf(target: Target): string {
  return target.kind === "text" ? "" : String(target.value);
}

/** The target a form and a typed value stand for; null when the value is needed and not a number. */
export function targetFrom(form: FormChoice, value: string, words: string): Target | null {
  if (form === "text") return { kind: "text", text: { zh: words || "—", en: words || "—" } };
  const n = Number(value.normalize("NFKC").trim());
  if (value.trim() === "" || !Number.isFinite(n)) return null;
  switch (form) {
    case "atLeast":
      return { kind: "level", value: n, comparator: ">=" };
    case "atMost":
      return { kind: "level", value: n, comparator: "<=" };
    case "about":
      return { kind: "level", value: n, comparator: "~" };
    case "reduction":
      return { kind: "cumulative", value: n, mode: "reduction" };
    case "increase":
      return { kind: "cumulative", value: n, mode: "increase" };
    case "annualGrowth":
      return { kind: "annualGrowth", value: n };
  }
}
