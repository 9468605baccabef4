/** Shared set-up for the stand-in conformance tests: a fresh stand-in installed as the host. */
import { afterEach } from "vitest";
import { createStandin, installStandin, type Standin, type StandinOptions } from "../../dev/standin";

let uninstall: (() => void) | null = null;

export function useStandin(options?: StandinOptions): Standin {
  uninstall?.();
  const standin = createStandin(options);
  uninstall = installStandin(standin);
  return standin;
}

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

/** Runs a batch expected to fail at sync and returns the error. */
export async function runError(
  batch: (context: Excel.RequestContext) => Promise<unknown>,
): Promise<{ code: string; message: string; debugInfo: { errorLocation?: string } }> {
  try {
    await Excel.run(batch);
  } catch (error) {
    return error as never;
  }
  throw new Error("expected the batch to fail");
}
