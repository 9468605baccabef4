// Types for scripts/manifest-checks.mjs (plain JS so `npm run validate` runs with node alone).
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}
export interface ResourceEntry {
  value: string;
  overrides: Record<string, string>;
}
export type ResourceTables = Record<
  "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings",
  Record<string, ResourceEntry>
>;
export declare const LIMITS: { resid: number; shortString: number; longString: number; namespace: number };
export declare const AUTO_SHOW_ID: string;
export declare const NAMESPACE: string;
export declare function parseXml(text: string): Promise<XmlNode>;
export declare function walk(node: XmlNode, visit?: XmlNode[]): XmlNode[];
export declare function resources(root: XmlNode): ResourceTables;
export declare function allUrls(root: XmlNode): Array<{ element: string; attr: string; value: string }>;
export declare function iconReferences(root: XmlNode): Array<{ url: string; size: number; what: string }>;
export declare function pngSize(file: string): { width: number; height: number } | null;
export declare function checkIdentity(root: XmlNode): string[];
export declare function checkElementOrder(root: XmlNode): string[];
export declare function checkResids(root: XmlNode): string[];
export declare function checkStringLengths(root: XmlNode): string[];
export declare function checkSharedRuntime(root: XmlNode): string[];
export declare function checkNamespace(root: XmlNode): string[];
export declare function checkHttps(root: XmlNode): string[];
export declare function checkAutoShow(root: XmlNode): string[];
export declare function checkZhCnOverrides(root: XmlNode): string[];
export declare function checkIcons(root: XmlNode, projectDir: string): string[];
export declare function structuralChecks(root: XmlNode, projectDir: string): Record<string, string[]>;
