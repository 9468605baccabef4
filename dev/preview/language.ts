/**
 * The Office display language the preview pretends to have: ?lang=en-US in the address wins, then the
 * last choice made on the page, then zh-CN (the add-in's first language).
 */
import type { PreviewLang } from "./previewText";

const KEY = "plan-tracker-preview:lang";
export const LANGUAGES = ["zh-CN", "en-US"] as const;
export type DisplayLanguage = (typeof LANGUAGES)[number];

function known(value: string | null): DisplayLanguage | null {
  const match = LANGUAGES.find((l) => l.toLowerCase() === (value ?? "").toLowerCase());
  return match ?? null;
}

export function chosenLanguage(): DisplayLanguage {
  const fromUrl = known(new URLSearchParams(location.search).get("lang"));
  if (fromUrl) {
    localStorage.setItem(KEY, fromUrl);
    return fromUrl;
  }
  return known(localStorage.getItem(KEY)) ?? "zh-CN";
}

/** Reloads the page in another language (the pane reads Office's language once, when it loads). */
export function switchLanguage(language: DisplayLanguage): void {
  localStorage.setItem(KEY, language);
  const params = new URLSearchParams(location.search);
  params.set("lang", language);
  location.search = params.toString();
}

export function previewLang(language: DisplayLanguage): PreviewLang {
  return language.startsWith("zh") ? "zh" : "en";
}
