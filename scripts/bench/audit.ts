/**
 * The bench's npm audit: the counts by severity when the registry answers, otherwise what happened in plain
 * words. npm's own warning is not quoted: it carries the registry's address (and could carry a token in a
 * private registry's URL), and BENCHMARKS.md is committed and read by people who need the outcome, not npm's log.
 */

export type AuditResult = { ok: true; counts: Record<string, number> } | { ok: false; skipped: string };

export interface AuditRun {
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

/** What an HTTP status from the advisory service means for the audit, said without any address. */
function statusWords(status: number): string {
  if (status === 404 || status === 405 || status === 501)
    return `the package registry this machine uses does not offer npm's security-advisory service (HTTP ${status}), so no audit was made`;
  if (status === 401 || status === 403)
    return `the package registry refused the audit request (HTTP ${status}: not signed in or not allowed), so no audit was made`;
  if (status >= 500) return `the package registry's advisory service failed (HTTP ${status}), so no audit was made`;
  return `the package registry answered the audit request with HTTP ${status}, so no audit was made`;
}

/** The HTTP status of a failed audit: npm's JSON (statusCode) or its warning line ("npm warn audit 405 …"). */
function statusOf(report: Record<string, unknown> | null, stderr: string): number | null {
  if (report && typeof report.statusCode === "number") return report.statusCode;
  const m = /warn audit (\d{3})\b/.exec(stderr);
  return m ? Number(m[1]) : null;
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    // Not JSON (npm crashed, or printed only to stderr): auditOutcome then says the audit gave no report.
    return null;
  }
}

/** Reads `npm audit --json`'s output into counts, or a sentence with no URL saying why there are none. */
export function auditOutcome(child: AuditRun): AuditResult {
  if (child.timedOut) return { ok: false, skipped: "npm audit did not finish in time, so no audit was made" };
  const report = parseJson(child.stdout);
  const metadata = report?.metadata as { vulnerabilities?: Record<string, number> } | undefined;
  if (metadata?.vulnerabilities) return { ok: true, counts: metadata.vulnerabilities };
  const status = statusOf(report, child.stderr);
  if (status !== null) return { ok: false, skipped: statusWords(status) };
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network/i.test(child.stderr + child.stdout))
    return { ok: false, skipped: "the package registry could not be reached, so no audit was made" };
  return {
    ok: false,
    skipped: "npm audit gave no report (no counts and no reason npm could name), so no audit was made",
  };
}
