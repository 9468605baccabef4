/**
 * Settings stored in the workbook: Excel's workbook.settings (SettingCollection) and the Common API's
 * Office.context.document.settings. Both read and write the same stored settings; the Common API
 * works on an in-memory copy that saveAsync() writes back and refreshAsync() reloads.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection
 *       https://learn.microsoft.com/en-us/javascript/api/office/office.settings
 */
import { ErrorCodes, fail } from "./errors";
import type { WorkbookModel } from "./model";
import { ClientCollection, ClientObject } from "./proxy";

export class SettingCollection extends ClientCollection<Setting, string> {
  protected readonly className = "SettingCollection";

  protected list(): string[] {
    return [...this.context.core.model.settings.keys()];
  }

  protected wrap(key: string): Setting {
    return new Setting(this.context, () => key);
  }

  /** Adds or replaces; the value is stored as JSON. */
  add(key: string, value: unknown): Setting {
    this.context.enqueue({
      location: "SettingCollection.add",
      payload: [key, value],
      run: () => this.context.core.model.setSetting(key, value),
    });
    return new Setting(this.context, () => key);
  }

  getItem(key: string): Setting {
    return new Setting(this.context, () =>
      this.context.core.model.settings.has(key)
        ? key
        : fail(ErrorCodes.itemNotFound, `The setting '${key}' doesn't exist.`),
    );
  }

  getItemOrNullObject(key: string): Setting {
    const setting = new Setting(this.context, () => (this.context.core.model.settings.has(key) ? key : null));
    setting.queueNullCheck("SettingCollection.getItemOrNullObject");
    return setting;
  }
}

export class Setting extends ClientObject<string> {
  protected readonly className = "Setting";
  protected readonly scalarProperties = ["key", "value"] as const;

  protected readProperty(key: string, name: string): unknown {
    return name === "key" ? key : this.context.core.model.settings.get(key);
  }

  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.set_("value", v, (key, value) => this.context.core.model.setSetting(key, value));
  }

  delete(): void {
    this.command("delete", (key) => {
      this.context.core.model.settings.delete(key);
      this.context.core.model.touch();
    });
  }
}

type AsyncResult = {
  status: "succeeded" | "failed";
  value: unknown;
  error: { code: number; name: string; message: string } | null;
  asyncContext: unknown;
};
type Callback = (result: AsyncResult) => void;

/** Office.context.document.settings (Common API). */
export class DocumentSettings {
  private copy = new Map<string, unknown>();
  private readonly model: () => WorkbookModel;

  constructor(model: () => WorkbookModel) {
    this.model = model;
  }

  private reload(): void {
    this.copy = new Map([...this.model().settings].map(([k, v]) => [k, structuredClone(v)]));
  }

  /** null when the setting does not exist, as documented. */
  get(name: string): unknown {
    return this.copy.has(name) ? structuredClone(this.copy.get(name)) : null;
  }

  set(name: string, value: unknown): void {
    this.copy.set(name, value === undefined ? null : JSON.parse(JSON.stringify(value)));
  }

  remove(name: string): void {
    this.copy.delete(name);
  }

  private complete(options: unknown, callback: unknown, run: () => void): void {
    const cb = (typeof options === "function" ? options : callback) as Callback | undefined;
    const asyncContext =
      typeof options === "object" && options !== null
        ? (options as { asyncContext?: unknown }).asyncContext
        : undefined;
    run();
    setTimeout(() => cb?.({ status: "succeeded", value: undefined, error: null, asyncContext }), 0);
  }

  /** Writes the in-memory copy to the document. */
  saveAsync(options?: unknown, callback?: Callback): void {
    this.complete(options, callback, () => {
      const model = this.model();
      model.settings = new Map([...this.copy].map(([k, v]) => [k, structuredClone(v)]));
      model.touch();
    });
  }

  /** Reloads the copy from the document (e.g. after workbook.settings changed it). */
  refreshAsync(callback?: Callback): void {
    this.complete(undefined, callback, () => this.reload());
  }

  addHandlerAsync(_eventType: unknown, _handler: unknown, options?: unknown, callback?: Callback): void {
    this.complete(options, callback, () => undefined);
  }

  /** After createStandin().reset() or a deserialize, the copy follows the new workbook. */
  resync(): void {
    this.reload();
  }
}
