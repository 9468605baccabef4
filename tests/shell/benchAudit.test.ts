/**
 * The bench's npm audit line says what happened in plain words, never npm's warning with the registry's address
 * (issue #13 item 8). The failed run below is what `npm audit --omit=dev --json` printed on this project's build
 * machine, whose registry has no advisory service.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditOutcome } from "../../scripts/bench/audit";

const URL_LIKE = /https?:\/\/|registry\.npmjs\.org|\/-\/npm\//i;

const refusedStdout = JSON.stringify({
  message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  method: "POST",
  uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  headers: { allow: ["GET,HEAD"], "content-length": ["0"] },
  statusCode: 405,
  body: "",
  error: { summary: "", detail: "" },
});
const refusedStderr = [
  "npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  "npm error audit endpoint returned an error",
  "npm error A complete log of this run can be found in: /root/.npm/_logs/2026-11-30T16_50_16_474Z-debug-0.log",
].join("\n");

describe("bench: npm audit outcome", () => {
  it("a registry without the advisory service: plain words, the HTTP status, no address or log path", () => {
    const r = auditOutcome({ stdout: refusedStdout, stderr: refusedStderr });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.skipped).toMatch(/does not offer npm's security-advisory service \(HTTP 405\)/);
    expect(r.skipped).not.toMatch(URL_LIKE);
    expect(r.skipped).not.toMatch(/_logs|\/root\//);
  });

  it("the status from the warning line alone when npm printed no JSON", () => {
    const r = auditOutcome({ stdout: "", stderr: refusedStderr });
    expect(r).toEqual({ ok: false, skipped: expect.stringContaining("HTTP 405") });
    if (!r.ok) expect(r.skipped).not.toMatch(URL_LIKE);
  });

  it("counts when the registry answers; an unreachable registry and a timeout in words", () => {
    const counts = { info: 0, low: 1, moderate: 0, high: 0, critical: 0, total: 1 };
    expect(auditOutcome({ stdout: JSON.stringify({ metadata: { vulnerabilities: counts } }), stderr: "" })).toEqual({
      ok: true,
      counts,
    });
    const offline = auditOutcome({ stdout: "", stderr: "npm error code ENOTFOUND https://registry.example/-/npm/v1" });
    expect(offline).toEqual({ ok: false, skipped: "the package registry could not be reached, so no audit was made" });
    expect(auditOutcome({ stdout: "", stderr: "", timedOut: true }).ok).toBe(false);
  });

  it("BENCHMARKS.md's audit section quotes no address", () => {
    const text = fs.readFileSync(path.join(__dirname, "../../BENCHMARKS.md"), "utf8");
    const section = /## npm audit[^\n]*\n([\s\S]*?)(?=\n## |$)/.exec(text);
    expect(section, "BENCHMARKS.md has an npm audit section").not.toBeNull();
    expect(section![1]).not.toMatch(URL_LIKE);
  });
});
