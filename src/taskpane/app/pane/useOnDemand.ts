/**
 * An action whose code is fetched the first time staff use it (a dynamic import, its own chunk), so the
 * pane that opens with Excel carries none of it. While the code arrives `loading` is true (the caller
 * disables the control and says what is loading); a chunk that cannot be fetched is reported by the
 * store's one reporter under the action's operation name. Once fetched, webpack keeps the module.
 */
import { useState } from "react";
import type { OperationName } from "../store/operations";
import type { PaneStore } from "../store/paneStore";

export interface OnDemand<M> {
  loading: boolean;
  /** Loads the code (once), then runs `use` with it; a failed load is reported and `use` is not run. */
  run(use: (code: M) => Promise<unknown>): Promise<void>;
}

/** The steps of `run`, apart from React: loading on, the import, loading off, then `use` or the report. */
export async function runOnDemand<M>(
  load: () => Promise<M>,
  use: (code: M) => Promise<unknown>,
  events: { loading: (on: boolean) => void; failed: (err: unknown) => void },
): Promise<void> {
  events.loading(true);
  let code: M;
  try {
    code = await load();
  } catch (err) {
    events.failed(err);
    return;
  } finally {
    events.loading(false);
  }
  await use(code);
}

export function useOnDemand<M>(store: PaneStore, op: OperationName, load: () => Promise<M>): OnDemand<M> {
  const [loading, setLoading] = useState(false);
  const run = (use: (code: M) => Promise<unknown>) =>
    runOnDemand(load, use, { loading: setLoading, failed: (err) => store.reportFailure(op, err) });
  return { loading, run };
}
