/**
 * The parts of the `Office` namespace the add-in uses: Office.context (document.settings,
 * displayLanguage, requirements.isSetSupported), Office.onReady, Office.addin startup behaviour.
 * With real office.js loaded outside Office (the preview), Office.context is undefined: installStandin()
 * puts this context in its place.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/office/office.context
 *       https://learn.microsoft.com/en-us/javascript/api/office/office.requirementsetsupport
 */
import type { DocumentSettings } from "./settings";

export interface OfficeOptions {
  displayLanguage: string;
  /** Highest ExcelApi requirement set reported, "1.20" by default (mergeUndoGroup needs 1.20). */
  excelApiVersion: string;
}

function versionAtLeast(have: string, want: string | undefined): boolean {
  if (!want) return true;
  const a = have.split(".").map(Number);
  const b = String(want).split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function createOfficeNamespace(settings: DocumentSettings, options: OfficeOptions) {
  const supported: Record<string, string> = {
    ExcelApi: options.excelApiVersion,
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.4",
    AddinCommands: "1.1",
    DialogApi: "1.2",
    RibbonApi: "1.1",
  };
  let startupBehavior = "None";
  const context = {
    displayLanguage: options.displayLanguage,
    contentLanguage: options.displayLanguage,
    host: "Excel",
    platform: "OfficeOnline",
    document: { settings, url: "https://localhost/standin/Book1.xlsx", mode: "ReadWrite" },
    requirements: {
      isSetSupported(name: string, minVersion?: string | number): boolean {
        const have = supported[name];
        return have !== undefined && versionAtLeast(have, minVersion === undefined ? undefined : String(minVersion));
      },
    },
    diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
  };
  return {
    context,
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    StartupBehavior: { none: "None", load: "Load" },
    EventType: { SettingsChanged: "settingsChanged" },
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    addin: {
      async setStartupBehavior(behavior: string): Promise<void> {
        startupBehavior = behavior;
      },
      async getStartupBehavior(): Promise<string> {
        return startupBehavior;
      },
      async showAsTaskpane(): Promise<void> {},
      async hide(): Promise<void> {},
      onVisibilityModeChanged: async () => () => Promise.resolve(),
    },
    actions: { associate: (_id: string, _handler: unknown) => undefined },
  };
}

export type StandinOffice = ReturnType<typeof createOfficeNamespace>;
