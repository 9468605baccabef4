/**
 * A framework-free store in the manner of zustand's vanilla store: state, setState (a partial or a
 * function of the state), subscribe. The pane's logic lives in plain modules over it and runs in node
 * tests against the Excel stand-in; React components read it through useStore.ts and only render.
 */

export type Listener<S> = (state: S, previous: S) => void;

export interface Store<S> {
  getState(): S;
  /** Merges `partial` into the state (a new object) and tells every listener, unless nothing changed. */
  setState(partial: Partial<S> | ((state: S) => Partial<S>)): void;
  /** Returns a function that removes the listener. */
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    getState: () => state,
    setState(partial) {
      const change = typeof partial === "function" ? partial(state) : partial;
      const keys = Object.keys(change) as Array<keyof S>;
      if (keys.every((k) => Object.is(change[k], state[k]))) return;
      const previous = state;
      state = { ...state, ...change };
      // A listener added or removed while others run does not change who hears about this change.
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
