/**
 * Proxy objects with office.js semantics:
 * - scalar properties read before load() + sync() throw PropertyNotLoaded (a property you set is
 *   readable at once, as in office.js, which keeps the value it sends);
 * - load("a, b/c"), load(["a"]), load({ select, expand }) and load({ a: true, b: { c: true } });
 *   load() with no argument loads every scalar property;
 * - navigation properties (range.format.fill) are proxies and need no load;
 * - an object is found when a command runs (getItem of a missing sheet fails at sync, not before);
 *   what it found is kept for the rest of the batch, like an instantiated object path;
 * - *OrNullObject methods give objects whose isNullObject is known after the next sync; commands on
 *   a null object are ignored and its properties read as null.
 */
import { ErrorCodes, Messages, StandinError, fail } from "./errors";
import type { Command, RequestContext } from "./requestContext";

export type LoadOption = string | string[] | Record<string, unknown> | undefined;

/** Flattens any load() argument into "a", "b/c" paths; [] means all scalars. */
export function loadPaths(option: LoadOption): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === "string")
    return option
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(o));
  const obj = option as Record<string, unknown>;
  if ("select" in obj || "expand" in obj) {
    const paths = loadPaths(obj.select as LoadOption);
    for (const e of loadPaths(obj.expand as LoadOption)) if (!paths.some((p) => p.startsWith(`${e}/`))) paths.push(e);
    return paths;
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === "$all" && v) out.push("*");
    else if (v === true) out.push(k);
    else if (v && typeof v === "object") {
      const inner = loadPaths(v as LoadOption);
      if (inner.length === 0) out.push(k);
      else out.push(...inner.map((p) => `${k}/${p}`));
    }
  }
  return out;
}

function clone<T>(value: T): T {
  return value === undefined || value === null || typeof value !== "object"
    ? value
    : (JSON.parse(JSON.stringify(value)) as T);
}

type Resolution<T> = { value: T | null };

export abstract class ClientObject<T = unknown> {
  readonly context: RequestContext;
  /** office.js keeps loaded values here; exposed for toJSON. */
  protected readonly loaded = new Map<string, unknown>();
  protected isNull: boolean | undefined;
  private resolution: Resolution<T> | undefined;
  private readonly resolver: () => T | null;
  protected abstract readonly className: string;
  /** Scalar properties, loaded by load() with no argument. */
  protected abstract readonly scalarProperties: readonly string[];

  constructor(context: RequestContext, resolver: () => T | null) {
    this.context = context;
    this.resolver = resolver;
  }

  /** Reads a scalar property from the workbook (at sync, during a load). */
  protected abstract readProperty(target: T, name: string): unknown;

  /** Navigation properties that load paths may go through ("format" in "format/fill/color"). */
  protected navigation(_name: string): ClientObject<unknown> | ClientCollection<unknown, unknown> | undefined {
    return undefined;
  }

  /** The workbook object this proxy stands for; null for a null object. Found once, at the first command. */
  target(): T | null {
    if (!this.resolution) this.resolution = { value: this.resolver() };
    return this.resolution.value;
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw notLoaded(this.className, "isNullObject");
    return this.isNull;
  }

  /** Queues the check behind isNullObject (for *OrNullObject results). */
  queueNullCheck(location: string): void {
    this.context.enqueue({ location, run: () => void (this.isNull = this.target() === null) });
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context.enqueue({ location: `${this.className}.load`, run: () => this.applyLoad(paths), payload: paths });
    return this;
  }

  /** Runs a load at sync time. */
  applyLoad(paths: string[]): void {
    const target = this.target();
    this.isNull = target === null;
    if (target === null) return;
    const own = paths.length === 0 || paths.includes("*") ? [...this.scalarProperties] : [];
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      if (path === "*") continue;
      const slash = path.indexOf("/");
      const head = slash < 0 ? path : path.slice(0, slash);
      if (slash >= 0) {
        nested.set(head, [...(nested.get(head) ?? []), path.slice(slash + 1)]);
      } else if (this.scalarProperties.includes(head)) own.push(head);
      else if (this.navigation(head)) nested.set(head, nested.get(head) ?? []);
      else
        fail(
          ErrorCodes.invalidArgument,
          `The property '${head}' does not exist on ${this.className}.`,
          `${this.className}.load`,
        );
    }
    for (const name of own) this.loaded.set(name, clone(this.readProperty(target, name)));
    for (const [head, rest] of nested) {
      const child = this.navigation(head);
      if (!child)
        fail(
          ErrorCodes.invalidArgument,
          `The property '${head}' does not exist on ${this.className}.`,
          `${this.className}.load`,
        );
      child.applyLoad(rest);
    }
  }

  /** A scalar property's value: PropertyNotLoaded before load + sync, null on a null object. */
  protected get<V>(name: string): V {
    if (this.isNull === true) return null as V;
    if (!this.loaded.has(name)) throw notLoaded(this.className, name);
    return this.loaded.get(name) as V;
  }

  /** Sets a property: readable at once, applied to the workbook at sync. */
  protected set_<V>(name: string, value: V, apply: (target: T, value: V) => void, extra: Partial<Command> = {}): void {
    this.loaded.set(name, value);
    this.command(name, (target) => apply(target, value), { payload: value, ...extra });
  }

  /** Queues a command on this object; ignored on a null object. */
  protected command(name: string, run: (target: T) => void, extra: Partial<Command> = {}): void {
    this.context.enqueue({
      location: `${this.className}.${name}`,
      run: () => {
        const target = this.target();
        if (target !== null) run(target);
      },
      ...extra,
    });
  }

  /** Object.set(properties): each property through its setter, nested objects into navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const nav = this.navigation(k);
      if (nav && v && typeof v === "object" && !Array.isArray(v) && nav instanceof ClientObject)
        nav.set(v as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.loaded) out[k] = v;
    for (const name of this.navigationNames()) {
      const child = this.navigation(name);
      if (!child) continue;
      const json = child.toJSON() as Record<string, unknown> | undefined;
      if (json && Object.keys(json).length > 0) out[name] = json;
    }
    return out;
  }

  /** Navigation properties created so far (toJSON only walks those). */
  protected navigationNames(): string[] {
    return [];
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Collections: `items` after load, getCount(), load paths apply to every item. */
export abstract class ClientCollection<TItem, TTarget> {
  readonly context: RequestContext;
  protected itemsLoaded: TItem[] | undefined;
  protected abstract readonly className: string;

  constructor(context: RequestContext) {
    this.context = context;
  }

  /** The item targets, in order, at sync time. */
  protected abstract list(): TTarget[];
  protected abstract wrap(target: TTarget): TItem;

  get items(): TItem[] {
    if (!this.itemsLoaded) throw notLoaded(this.className, "items");
    return this.itemsLoaded;
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context.enqueue({ location: `${this.className}.load`, run: () => this.applyLoad(paths), payload: paths });
    return this;
  }

  applyLoad(paths: string[]): void {
    const itemPaths = paths.filter((p) => p !== "items").map((p) => (p.startsWith("items/") ? p.slice(6) : p));
    this.itemsLoaded = this.list().map((t) => {
      const item = this.wrap(t);
      (item as unknown as ClientObject).applyLoad(itemPaths);
      return item;
    });
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue({ location: `${this.className}.getCount`, run: () => result.setValue(this.list().length) });
    return result;
  }

  toJSON(): { items: unknown[] } | undefined {
    return this.itemsLoaded
      ? { items: this.itemsLoaded.map((i) => (i as unknown as ClientObject).toJSON()) }
      : undefined;
  }
}

/** A method's result value, available after sync (ValueNotLoaded before). */
export class ClientResult<V> {
  private loadedValue: { v: V } | undefined;

  get value(): V {
    if (!this.loadedValue) throw new StandinError(ErrorCodes.valueNotLoaded, Messages.valueNotLoaded);
    return this.loadedValue.v;
  }

  setValue(v: V): void {
    this.loadedValue = { v };
  }
}

export function notLoaded(className: string, name: string): StandinError {
  return new StandinError(ErrorCodes.propertyNotLoaded, Messages.propertyNotLoaded(name), `${className}.${name}`);
}

/**
 * A collection with a loadable `count` (ChartCollection, ChartSeriesCollection): load("count") reads it,
 * before that it throws PropertyNotLoaded like any property.
 */
export abstract class CountedCollection<TItem, TTarget> extends ClientCollection<TItem, TTarget> {
  private countLoaded: number | undefined;

  get count(): number {
    if (this.countLoaded === undefined) throw notLoaded(this.className, "count");
    return this.countLoaded;
  }

  override applyLoad(paths: string[]): void {
    if (paths.includes("count")) this.countLoaded = this.list().length;
    const rest = paths.filter((p) => p !== "count");
    if (rest.length > 0 || paths.length === 0) super.applyLoad(rest);
  }

  override toJSON(): { items: unknown[] } | undefined {
    const json = super.toJSON();
    return this.countLoaded === undefined ? json : ({ ...(json ?? {}), count: this.countLoaded } as never);
  }
}
