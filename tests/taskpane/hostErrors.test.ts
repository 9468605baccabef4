/**
 * Host errors are typed end to end: every HostErrorCode has a message in Chinese and English, and the pane
 * builds no message key from a code with a cast (`err_${code}` as StringKey) nor a made-up host error.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HOST_ERROR_CODES, HostOperationError } from "../../src/excel/excelRun";
import { failureText, HOST_ERROR_MESSAGES, hostErrorText } from "../../src/taskpane/app/hostErrorText";

const paneDir = path.resolve(__dirname, "../../src/taskpane");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("host error messages", () => {
  it("every code has its own message in zh and en, with the host's detail filled in", () => {
    expect(Object.keys(HOST_ERROR_MESSAGES).sort()).toEqual([...HOST_ERROR_CODES].sort());
    for (const lang of ["zh", "en"] as const) {
      const texts = HOST_ERROR_CODES.map((code) => hostErrorText(new HostOperationError(code, "DETAIL"), lang));
      for (const [i, text] of texts.entries()) {
        expect(text, HOST_ERROR_CODES[i]).not.toMatch(/err_|\{|\}|undefined/);
        expect(text.length, HOST_ERROR_CODES[i]).toBeGreaterThan(10);
      }
      expect(new Set(texts).size).toBe(texts.length);
      if (lang === "zh") for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(hostErrorText(new HostOperationError("unknown", "disk full"), "en")).toBe("Unexpected error: disk full");
  });

  it("says an Office error in the pane's words and anything else with its own message", () => {
    const office = Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
    expect(failureText(office, "en")).toMatch(/^The plan indicator table cannot be found/);
    expect(failureText(new Error("canvas unavailable"), "zh")).toBe("canvas unavailable");
    expect(failureText("odd", "zh")).toBe("出现意外错误：odd");
  });

  it("no message key is made from a code with a cast, and no host error is made up to reuse a message", () => {
    const offenders = sources(paneDir).flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      const hits = [
        ...text.matchAll(/`err_\$\{[^}]*\}`\s*as\s+StringKey/g),
        ...text.matchAll(/toHostError\(\s*\{\s*code:/g),
        ...text.matchAll(/new HostOperationError\(/g),
      ];
      return hits.map((m) => `${path.relative(paneDir, file)}: ${m[0]}`);
    });
    expect(offenders).toEqual([]);
  });
});
