/**
 * Custom XML parts stored in the workbook: add(xml), getItem(id), getByNamespace(ns), getXml(),
 * setXml(), delete(). The namespace is the root element's xmlns.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.customxmlpartcollection
 */
import { ErrorCodes, fail } from "./errors";
import type { XmlPartState } from "./model";
import { newGuid } from "./model";
import { ClientCollection, ClientObject, ClientResult } from "./proxy";
import type { RequestContext } from "./requestContext";

/**
 * XML 1.0 (§2.2, production [2] Char) allows only tab, line feed, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD and U+10000–U+10FFFF anywhere in a document, as text or as a character reference:
 * the other C0 controls, U+FFFE, U+FFFF and unpaired surrogates make it not well formed.
 * https://www.w3.org/TR/xml/#charsets
 */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** The first character (or character reference) XML 1.0 forbids, as "U+0007" or "&#x7;", with its offset. */
function forbiddenCharacter(xml: string): { what: string; at: number } | null {
  let first: { what: string; at: number } | null = null;
  for (let i = 0; i < xml.length; i++) {
    // codePointAt pairs surrogates; an unpaired one comes back as itself (U+D800–U+DFFF), not a Char.
    const code = xml.codePointAt(i)!;
    if (!isXmlChar(code)) {
      first = { what: hex(code), at: i };
      break;
    }
    if (code > 0xffff) i++;
  }
  for (const ref of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    if (first && ref.index >= first.at) break;
    const code = ref[1]!.startsWith("x") ? parseInt(ref[1]!.slice(1), 16) : parseInt(ref[1]!, 10);
    if (!isXmlChar(code)) return { what: ref[0], at: ref.index };
  }
  return first;
}

/**
 * The root element's default namespace. InvalidArgument when the text has no root element or holds
 * a character XML 1.0 forbids: add(xml) and setXml(xml) take "XML content. Must be a valid XML
 * fragment" (Excel.CustomXmlPartCollection.add, ExcelApi 1.5).
 */
function rootNamespace(xml: unknown): string {
  if (typeof xml !== "string") fail(ErrorCodes.invalidArgument, "The XML must be a string.");
  const bad = forbiddenCharacter(xml);
  if (bad)
    fail(
      ErrorCodes.invalidArgument,
      `The XML is not well formed: ${bad.what} at offset ${bad.at} is not an XML 1.0 character.`,
    );
  const body = xml
    .replace(/<\?xml[^>]*\?>/, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  const root = /^<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(body);
  if (!root || !body.endsWith(">")) fail(ErrorCodes.invalidArgument, "The XML is not well formed.");
  const name = root[1]!;
  const closes = root[2]!.trim().endsWith("/") || body.endsWith(`</${name}>`);
  if (!closes) fail(ErrorCodes.invalidArgument, "The XML is not well formed.");
  return /\sxmlns="([^"]*)"/.exec(root[2]!)?.[1] ?? "";
}

export class CustomXmlPartCollection extends ClientCollection<CustomXmlPart, XmlPartState> {
  protected readonly className = "CustomXmlPartCollection";

  protected list(): XmlPartState[] {
    return this.context.core.model.xmlParts;
  }

  protected wrap(state: XmlPartState): CustomXmlPart {
    return new CustomXmlPart(this.context, () => state);
  }

  add(xml: string): CustomXmlPart {
    let created: XmlPartState | null = null;
    this.context.enqueue({
      location: "CustomXmlPartCollection.add",
      payload: xml,
      run: () => {
        const model = this.context.core.model;
        created = { id: newGuid(), namespaceUri: rootNamespace(xml), xml };
        model.xmlParts.push(created);
        model.touch();
      },
    });
    return new CustomXmlPart(this.context, () => created);
  }

  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(
      this.context,
      () =>
        this.list().find((p) => p.id === id) ??
        fail(ErrorCodes.itemNotFound, `The custom XML part '${id}' doesn't exist.`),
    );
  }

  getItemOrNullObject(id: string): CustomXmlPart {
    const part = new CustomXmlPart(this.context, () => this.list().find((p) => p.id === id) ?? null);
    part.queueNullCheck("CustomXmlPartCollection.getItemOrNullObject");
    return part;
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this.context, () =>
      this.list().filter((p) => p.namespaceUri === namespaceUri),
    );
  }
}

export class CustomXmlPartScopedCollection extends ClientCollection<CustomXmlPart, XmlPartState> {
  protected readonly className = "CustomXmlPartScopedCollection";
  private readonly parts: () => XmlPartState[];

  constructor(context: RequestContext, parts: () => XmlPartState[]) {
    super(context);
    this.parts = parts;
  }

  protected list(): XmlPartState[] {
    return this.parts();
  }

  protected wrap(state: XmlPartState): CustomXmlPart {
    return new CustomXmlPart(this.context, () => state);
  }

  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(
      this.context,
      () =>
        this.list().find((p) => p.id === id) ??
        fail(ErrorCodes.itemNotFound, `The custom XML part '${id}' doesn't exist.`),
    );
  }

  getItemOrNullObject(id: string): CustomXmlPart {
    const part = new CustomXmlPart(this.context, () => this.list().find((p) => p.id === id) ?? null);
    part.queueNullCheck("CustomXmlPartScopedCollection.getItemOrNullObject");
    return part;
  }

  /** The only part with the namespace: InvalidOperation when there are several, ItemNotFound when none. */
  getOnlyItem(): CustomXmlPart {
    return new CustomXmlPart(this.context, () => {
      const parts = this.list();
      if (parts.length > 1) fail(ErrorCodes.invalidOperation, "More than one custom XML part has this namespace.");
      return parts[0] ?? fail(ErrorCodes.itemNotFound, "No custom XML part has this namespace.");
    });
  }

  getOnlyItemOrNullObject(): CustomXmlPart {
    const part = new CustomXmlPart(this.context, () => {
      const parts = this.list();
      return parts.length === 1 ? parts[0]! : null;
    });
    part.queueNullCheck("CustomXmlPartScopedCollection.getOnlyItemOrNullObject");
    return part;
  }
}

export class CustomXmlPart extends ClientObject<XmlPartState> {
  protected readonly className = "CustomXmlPart";
  protected readonly scalarProperties = ["id", "namespaceUri"] as const;

  protected readProperty(state: XmlPartState, name: string): unknown {
    return name === "id" ? state.id : state.namespaceUri;
  }

  get id(): string {
    return this.get("id");
  }
  get namespaceUri(): string {
    return this.get("namespaceUri");
  }

  getXml(): ClientResult<string> {
    const result = new ClientResult<string>();
    this.command("getXml", (state) => result.setValue(state.xml));
    return result;
  }

  setXml(xml: string): void {
    this.command(
      "setXml",
      (state) => {
        state.namespaceUri = rootNamespace(xml);
        state.xml = xml;
        this.context.core.model.touch();
      },
      { payload: xml },
    );
  }

  delete(): void {
    this.command("delete", (state) => {
      const model = this.context.core.model;
      model.xmlParts = model.xmlParts.filter((p) => p !== state);
      model.touch();
    });
  }
}
