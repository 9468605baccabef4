/**
 * What the start-up bench serves in place of office.js (the real one is on Microsoft's CDN, out of reach
 * offline, and only works inside Office): the Excel stand-in of dev/standin installed as window.Excel /
 * window.Office, and the CustomFunctions namespace functions.js registers with. The workbook is blank, or
 * with `?workbook=template` the one staff open every week: the seed plan's template inserted and its plan
 * stored, as Insert template leaves it. Office.onReady resolves once the workbook is ready, as in Excel
 * once the add-in's page has loaded. Bundled by startup.ts into one script; its bytes (the template
 * writer used to prepare the workbook among them) are Office's and the workbook's, not counted.
 */
import { createStandin, installStandin } from "../../dev/standin";
import { CUSTOM_FUNCTIONS_ERROR_CODES, CustomFunctionsError } from "../../dev/standin/customFunctions";
import { seedPlan } from "../../src/core/seedPlan";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { mirrorSettingsToPart } from "../../src/excel/workbookPlanStore";

const query = new URLSearchParams(location.search);
const lang = query.get("lang") ?? "zh-CN";
const standin = createStandin({ displayLanguage: lang });
installStandin(standin);

/** The workbook the pane opens: blank, or with the template and its stored plan. */
const workbookReady: Promise<void> =
  query.get("workbook") === "template"
    ? insertTemplate(seedPlan, lang.startsWith("zh") ? "zh" : "en").then(async () => {
        await mirrorSettingsToPart({}, { plan: seedPlan });
      })
    : Promise.resolve();

// office.js's onReady takes a callback (taskpane.ts passes one) and returns a promise; the stand-in's
// Office namespace only returns the promise, so the callback form is added here. Both settle after the
// current script, as office.js's do once it has initialised.
const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
const ready = { host: "Excel", platform: "OfficeOnline" };
office.onReady = (callback?: (info: typeof ready) => unknown) =>
  workbookReady
    .then(() => ready)
    .then((info) => {
      callback?.(info);
      return info;
    });

/** CustomFunctions as the functions runtime defines it: associate() records the handlers; Error is a class. */
const associated = new Map<string, unknown>();
(globalThis as unknown as Record<string, unknown>).CustomFunctions = {
  associate(id: string | Record<string, unknown>, handler?: unknown) {
    if (typeof id === "string") associated.set(id, handler);
    else for (const [key, value] of Object.entries(id)) associated.set(key, value);
  },
  Error: CustomFunctionsError,
  ErrorCode: CUSTOM_FUNCTIONS_ERROR_CODES,
};
// The bench reads which PLAN functions functions.js registered.
(globalThis as unknown as Record<string, unknown>).__associatedFunctions = associated;
