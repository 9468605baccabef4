/**
 * The thin React adapter over the pane's store: components read a slice with usePane(selector)
 * (useSyncExternalStore, so a render never sees a torn state) and call the store's actions; they hold no
 * logic of their own.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { PaneState } from "./paneState";
import type { PaneStore } from "./paneStore";

const PaneStoreContext = createContext<PaneStore | null>(null);

export function PaneStoreProvider(props: { store: PaneStore; children: ReactNode }) {
  return <PaneStoreContext.Provider value={props.store}>{props.children}</PaneStoreContext.Provider>;
}

export function usePaneStore(): PaneStore {
  const store = useContext(PaneStoreContext);
  if (!store) throw new Error("PaneStoreProvider is missing above this component");
  return store;
}

/** A slice of the pane's state; the component renders again when the slice changes (Object.is). */
export function usePane<T>(selector: (state: PaneState) => T): T {
  const store = usePaneStore();
  const read = () => selector(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}
