/**
 * Which Office API members the add-in uses, in which requirement set each is, and whether each use above
 * the manifest's minimum is guarded — resolved through the TypeScript checker, not guessed from text.
 *
 * A "use" is any value-level reference to a member declared in @types/office-js or
 * @types/custom-functions-runtime: a property access or call (`range.formulas`, `new CustomFunctions.Error`),
 * a string-keyed element access, a key of an object literal whose contextual type is an Office type
 * (`Excel.run({ mergeUndoGroup: true }, …)`, `range.set({ format: … })`), a destructured member, and each
 * property named in a `load("a, b/c")` / `load(["a"])` argument, also through a local interface an Office
 * object is cast to (a "mirror", see collectMirrors). Type positions (`Excel.Range` as a type) are not uses:
 * nothing runs there.
 *
 * The member's set is the `[Api set: Name x.y]` line of its JSDoc (of the member, else of the interface,
 * class or enum that declares it). Where the annotation depends on how the member is used ("1.1 for get, 1.8
 * for set") an assignment takes the second version, a read the first; any other annotation naming several
 * versions takes the highest (the strictest reading).
 *
 * A use is GUARDED when, lexically, it can only run after a requirement check for the same set at a version
 * at least the member's has said yes:
 * - it is in the `then` branch of an `if`, the true side of `?:`, or the right side of `&&` whose condition
 *   holds a check (in a conjunct); or in an `else` / false side / right side of `||` whose condition's
 *   negation holds one;
 * - or an earlier statement of an enclosing block is `if (!check) return|throw …` (an early exit);
 * - a check is `supportsSet("Set", "x.y")` or `Office.context.requirements.isSetSupported("Set", "x.y")` with
 *   literal arguments, a `const` initialised with one, or a call of a function of src/ whose single returned
 *   expression is one (canGroupUndo(), hasErrorType()).
 * A guard in the caller does not count for a callee's body (the check is lexical): a function that needs a set
 * checks it itself, so it stays right wherever it is called from.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { projectDir, relativeName, walk } from "./sourceProgram";

export interface ApiSet {
  set: string;
  version: string;
}

export interface MemberUse extends ApiSet {
  /** "Excel.Range.formulas", "CustomFunctions.Invocation.parameterAddresses" … */
  member: string;
  /** "src/excel/highlights.ts:42" */
  site: string;
  /** The checks in force at the site (set and version), [] when none. */
  guards: ApiSet[];
}

const OFFICE_TYPES = /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;
/** Excel's and the custom functions' form, "[Api set: ExcelApi 1.7]", and the common API's, "**Requirement set**: {@link … | SharedRuntime 1.1}". */
const API_SET = /\[Api set:\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*)([^\]]*)\]/;
const COMMON_SET = /\*\*Requirement set\*\*:\s*(?:\{@link [^|]*\|\s*)?([A-Za-z]+)\s+(\d+(?:\.\d+)*)\s*\}?/;

/** "1.10" > "1.9": compared number by number. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The manifest's requirement sets: <Sets DefaultMinVersion> and each <Set Name MinVersion>. A set the manifest
 * does not name is not guaranteed at all: every member of it needs a check.
 */
export function manifestMinimums(xml: string): Map<string, string> {
  const sets = /<Sets\b([^>]*)>([\s\S]*?)<\/Sets>/.exec(xml);
  const out = new Map<string, string>();
  if (!sets) return out;
  const fallback = /DefaultMinVersion="([^"]+)"/.exec(sets[1]!)?.[1] ?? "1.1";
  for (const m of sets[2]!.matchAll(/<Set\b([^>]*)\/?>/g)) {
    const name = /\bName="([^"]+)"/.exec(m[1]!)?.[1];
    if (name) out.set(name, /\bMinVersion="([^"]+)"/.exec(m[1]!)?.[1] ?? fallback);
  }
  return out;
}

export function readManifestMinimums(): Map<string, string> {
  return manifestMinimums(fs.readFileSync(path.join(projectDir, "manifest.xml"), "utf8"));
}

/** Whether a use needs no check (its set is guaranteed by the manifest) or has one strong enough. */
export function isCovered(use: MemberUse, minimums: Map<string, string>): boolean {
  const min = minimums.get(use.set);
  if (min !== undefined && compareVersions(use.version, min) <= 0) return true;
  return use.guards.some((g) => g.set === use.set && compareVersions(g.version, use.version) >= 0);
}

// ---------------------------------------------------------------------------------------------------
// Annotations

function jsDocText(decl: ts.Declaration): string {
  const file = decl.getSourceFile();
  const text = file.getFullText();
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  return ranges.map((r) => text.slice(r.pos, r.end)).join("\n");
}

/** The set of a declaration, a write (assignment) reading "for set" annotations. */
function annotationOf(decl: ts.Declaration, write: boolean): ApiSet | null {
  const text = jsDocText(decl);
  const m = API_SET.exec(text);
  if (!m) {
    // A common-API set without a version ("Settings", "CustomXmlParts") names no minimum to compare: not checked.
    const common = COMMON_SET.exec(text);
    return common ? { set: common[1]!, version: common[2]! } : null;
  }
  const [, set, first, rest] = m as unknown as [string, string, string, string];
  const others = [...rest.matchAll(/(\d+\.\d+)/g)].map((x) => x[1]!);
  if (others.length === 0) return { set, version: first };
  if (/for (get|getting|reading)\b/.test(rest)) return { set, version: write ? others[0]! : first };
  const highest = [first, ...others].sort(compareVersions).at(-1)!;
  return { set, version: highest };
}

/** The member's set, else its declaring interface's / class's / enum's. */
function setOfDeclaration(decl: ts.Declaration, write: boolean): ApiSet | null {
  const own = annotationOf(decl, write);
  if (own) return own;
  const parent = decl.parent;
  if (parent && (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isEnumDeclaration(parent))) {
    return annotationOf(parent, false);
  }
  return null;
}

function officeDeclarations(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): ts.Declaration[] {
  if (!symbol) return [];
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (target.declarations ?? []).filter((d) => OFFICE_TYPES.test(d.getSourceFile().fileName));
}

function memberName(symbol: ts.Symbol, checker: ts.TypeChecker, decl: ts.Declaration): string {
  const parent = decl.parent;
  if (parent && (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isEnumDeclaration(parent))) {
    const owner = checker.getSymbolAtLocation(parent.name!);
    if (owner) return `${checker.getFullyQualifiedName(owner)}.${symbol.name}`;
  }
  return checker.getFullyQualifiedName(symbol);
}

// ---------------------------------------------------------------------------------------------------
// Guards

type Checks = ApiSet[];

function literal(node: ts.Expression | undefined): string | null {
  return node && ts.isStringLiteralLike(node) ? node.text : null;
}

class GuardReader {
  private readonly seen = new Set<ts.Node>();
  constructor(private readonly checker: ts.TypeChecker) {}

  /** The checks that hold when `expr` is truthy. */
  whenTrue(expr: ts.Expression): Checks {
    if (this.seen.has(expr)) return [];
    this.seen.add(expr);
    try {
      return this.truthy(expr);
    } finally {
      this.seen.delete(expr);
    }
  }

  /** The checks that hold when `expr` is falsy. */
  whenFalse(expr: ts.Expression): Checks {
    const e = skipParens(expr);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return this.whenTrue(e.operand);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
      return [...this.whenFalse(e.left), ...this.whenFalse(e.right)];
    }
    if (ts.isBinaryExpression(e) && isStrictCompare(e, "!==", "true")) return this.whenTrue(e.left);
    if (ts.isBinaryExpression(e) && isStrictCompare(e, "===", "false")) return this.whenTrue(e.left);
    return [];
  }

  private truthy(expr: ts.Expression): Checks {
    const e = skipParens(expr);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      return [...this.whenTrue(e.left), ...this.whenTrue(e.right)];
    }
    if (ts.isBinaryExpression(e) && isStrictCompare(e, "===", "true")) return this.whenTrue(e.left);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken)
      return this.whenFalse(e.operand);
    if (ts.isCallExpression(e)) return this.call(e);
    if (ts.isIdentifier(e)) return this.constant(e);
    return [];
  }

  private call(call: ts.CallExpression): Checks {
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
    if (name === "supportsSet" || name === "isSetSupported") {
      const set = literal(call.arguments[0]);
      const version = literal(call.arguments[1]);
      return set && version ? [{ set, version }] : [];
    }
    // A function of src/ whose one returned expression is a check (canGroupUndo, hasErrorType).
    const symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    for (const decl of target?.declarations ?? []) {
      const returned = singleReturn(decl);
      if (returned) return this.whenTrue(returned);
    }
    return [];
  }

  private constant(id: ts.Identifier): Checks {
    const symbol = this.checker.getSymbolAtLocation(id);
    for (const decl of symbol?.declarations ?? []) {
      if (
        ts.isVariableDeclaration(decl) &&
        decl.initializer &&
        ts.isVariableDeclarationList(decl.parent) &&
        decl.parent.flags & ts.NodeFlags.Const
      ) {
        return this.whenTrue(decl.initializer);
      }
    }
    return [];
  }
}

function isStrictCompare(e: ts.BinaryExpression, op: "===" | "!==", keyword: "true" | "false"): boolean {
  const kind = op === "===" ? ts.SyntaxKind.EqualsEqualsEqualsToken : ts.SyntaxKind.ExclamationEqualsEqualsToken;
  const word = keyword === "true" ? ts.SyntaxKind.TrueKeyword : ts.SyntaxKind.FalseKeyword;
  return e.operatorToken.kind === kind && e.right.kind === word;
}

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

function singleReturn(decl: ts.Declaration): ts.Expression | null {
  if (!ts.isFunctionDeclaration(decl) && !ts.isArrowFunction(decl) && !ts.isFunctionExpression(decl)) {
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = skipParens(decl.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return singleReturn(init);
    }
    return null;
  }
  const body = decl.body;
  if (!body) return null;
  if (!ts.isBlock(body)) return body;
  const returns: ts.ReturnStatement[] = [];
  walk(body, (n) => {
    if (ts.isReturnStatement(n)) returns.push(n);
  });
  return returns.length === 1 && returns[0]!.expression ? returns[0]!.expression : null;
}

/** A statement that always leaves the block: return, throw, or a block ending with one. */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

/** Every check in force at `node`: enclosing branches and earlier early exits, up to the file. */
function guardsAt(node: ts.Node, reader: GuardReader): Checks {
  const out: Checks = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) out.push(...reader.whenTrue(parent.expression));
      else if (child === parent.elseStatement) out.push(...reader.whenFalse(parent.expression));
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) out.push(...reader.whenTrue(parent.condition));
      else if (child === parent.whenFalse) out.push(...reader.whenFalse(parent.condition));
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
        out.push(...reader.whenTrue(parent.left));
      if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) out.push(...reader.whenFalse(parent.left));
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement)) {
          out.push(...reader.whenFalse(statement.expression));
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Uses

function isWrite(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

/** The names a load() argument lists: "a, b/c" → [["a"], ["b", "c"]]; null when it is not literal. */
function loadPaths(arg: ts.Expression, checker: ts.TypeChecker): string[][] | null {
  const e = skipParens(arg);
  const split = (s: string) =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split("/").map((x) => x.trim()));
  if (ts.isStringLiteralLike(e)) return split(e.text);
  if (ts.isArrayLiteralExpression(e)) {
    const out: string[][] = [];
    for (const el of e.elements) {
      if (!ts.isStringLiteralLike(el)) return null;
      out.push(...split(el.text));
    }
    return out;
  }
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.declarations?.[0];
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return loadPaths(decl.initializer, checker);
  }
  return null;
}

/**
 * Members whose JSDoc gives the set by the arguments a call passes, read for each call (reviewed by hand
 * against the annotation quoted). Any other annotation with several versions takes the highest.
 */
export const BY_ARGUMENTS: Record<string, (call: ts.CallExpression) => string> = {
  // "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter."
  "Excel.TableRowCollection.add": (call) => (call.arguments.length >= 3 ? "1.15" : "1.4"),
};

export interface Inventory {
  uses: MemberUse[];
  /** load() calls on an Office object whose argument is not literal: what they load cannot be checked. */
  unreadable: string[];
}

/**
 * Local interfaces that stand for Office types (rowLookup.ts's RangeLike, WorksheetLike, RequestContextLike, so
 * that tests can fake them): an Office object cast to one (`context as unknown as RequestContextLike`) makes the
 * interface a mirror of that Office type, and so its members' types of the matching members' types. A member
 * used through a mirror is the Office member of the same name — otherwise such a cast would hide every use
 * behind it from this check.
 */
function collectMirrors(checker: ts.TypeChecker, files: readonly ts.SourceFile[]): Map<ts.Node, ts.Type> {
  const mirrors = new Map<ts.Node, ts.Type>();
  const isOfficeType = (t: ts.Type) => officeDeclarations(t.getSymbol(), checker).length > 0;
  const declarationOf = (t: ts.Type) => {
    const decl = t.getSymbol()?.declarations?.[0];
    return decl && !OFFICE_TYPES.test(decl.getSourceFile().fileName) ? decl : undefined;
  };
  const add = (local: ts.Type, office: ts.Type) => {
    const decl = declarationOf(local);
    if (!decl || mirrors.has(decl) || !isOfficeType(office)) return;
    mirrors.set(decl, office);
    for (const member of local.getProperties()) {
      const officeMember = checker.getApparentType(office).getProperty(member.name);
      if (!officeMember) continue;
      const localType = checker.getTypeOfSymbolAtLocation(member, decl);
      const officeType = checker.getTypeOfSymbolAtLocation(officeMember, officeMember.declarations![0]!);
      const localReturn = localType.getCallSignatures()[0]?.getReturnType();
      const officeReturn = officeType.getCallSignatures()[0]?.getReturnType();
      if (localReturn && officeReturn) add(localReturn, officeReturn);
      else add(localType, officeType);
    }
  };
  for (const file of files) {
    walk(file, (node) => {
      if (!ts.isAsExpression(node) || ts.isAsExpression(node.parent)) return;
      let source: ts.Expression = node.expression;
      while (ts.isAsExpression(source) || ts.isParenthesizedExpression(source)) source = source.expression;
      add(checker.getTypeFromTypeNode(node.type), checker.getTypeAtLocation(source));
    });
  }
  return mirrors;
}

/** Every use of an Office member in `files`, with its set and the checks in force where it is. */
export function inventory(checker: ts.TypeChecker, files: readonly ts.SourceFile[]): Inventory {
  const uses: MemberUse[] = [];
  const unreadable: string[] = [];
  const reader = new GuardReader(checker);
  const mirrors = collectMirrors(checker, files);
  /** The Office member a local mirror's member stands for, else the symbol itself. */
  const throughMirror = (symbol: ts.Symbol | undefined): ts.Symbol | undefined => {
    const parent = symbol?.declarations?.[0]?.parent;
    const office = parent && mirrors.get(parent);
    return office ? checker.getApparentType(office).getProperty(symbol!.name) : symbol;
  };
  /** An Office type, or the Office type a local mirror stands for; null for anything else. */
  const officeType = (type: ts.Type): ts.Type | null => {
    if (officeDeclarations(type.getSymbol(), checker).length > 0) return type;
    const decl = type.getSymbol()?.declarations?.[0];
    return (decl && mirrors.get(decl)) ?? null;
  };
  const site = (node: ts.Node) => {
    const file = node.getSourceFile();
    return `${relativeName(file)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };
  const record = (
    at: ts.Node,
    symbol: ts.Symbol | undefined,
    write: boolean,
    preferred?: ts.Declaration,
    call?: ts.CallExpression | null,
  ) => {
    const decls = officeDeclarations(symbol, checker);
    if (decls.length === 0) return;
    const decl = preferred && decls.includes(preferred) ? preferred : decls[0]!;
    const apiSet = setOfDeclaration(decl, write);
    if (!apiSet) return;
    const member = memberName(symbol!, checker, decl);
    const byArguments = BY_ARGUMENTS[member];
    const version = byArguments && call ? byArguments(call) : apiSet.version;
    uses.push({ member, set: apiSet.set, version, site: site(at), guards: guardsAt(at, reader) });
  };

  for (const file of files) {
    walk(file, (node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : null;
        const symbol = throughMirror(checker.getSymbolAtLocation(node.name));
        // An overloaded method: the overload this call resolves to carries the set.
        const overloaded = call && officeDeclarations(symbol, checker).length > 1;
        const signature = overloaded ? checker.getResolvedSignature(call)?.declaration : undefined;
        record(node, symbol, isWrite(node), signature as ts.Declaration | undefined, call);
        if (call && node.name.text === "load" && call.arguments[0]) readLoad(node, call.arguments[0]);
      } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
        record(node, checker.getSymbolAtLocation(node.argumentExpression), isWrite(node));
      } else if (
        (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
        ts.isObjectLiteralExpression(node.parent) &&
        isOfficeArgument(node.parent)
      ) {
        const contextual = checker.getContextualType(node.parent);
        const name = node.name.getText().replace(/^["']|["']$/g, "");
        const member = contextual ? checker.getApparentType(contextual).getProperty(name) : undefined;
        record(node, member, true);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const type = checker.getTypeAtLocation(node.parent);
        const name = (node.propertyName ?? node.name).getText();
        record(node, type.getProperty(name), false);
      }
    });
  }
  return { uses, unreadable };

  /**
   * Whether an object literal is (inside) an argument of a call of an Office member — `Excel.run({ … })`,
   * `range.set({ format: { … } })` — the only places its keys can name Office members. Asking the checker for
   * the contextual type of every object literal in src/ (the pane's JSX included) would be far slower.
   */
  function isOfficeArgument(literalNode: ts.ObjectLiteralExpression): boolean {
    let node: ts.Node = literalNode;
    while (
      ts.isObjectLiteralExpression(node) ||
      ts.isPropertyAssignment(node) ||
      ts.isSpreadAssignment(node) ||
      ts.isParenthesizedExpression(node) ||
      ts.isConditionalExpression(node) ||
      (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
    ) {
      const parent: ts.Node = node.parent;
      if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
        const callee = ts.isPropertyAccessExpression(parent.expression) ? parent.expression.name : parent.expression;
        return officeDeclarations(checker.getSymbolAtLocation(callee), checker).length > 0;
      }
      node = parent;
    }
    return false;
  }

  function readLoad(access: ts.PropertyAccessExpression, arg: ts.Expression): void {
    const receiver = officeType(checker.getTypeAtLocation(access.expression));
    if (!receiver) return;
    if (ts.isObjectLiteralExpression(skipParens(arg))) return; // its keys are recorded as object-literal members
    const paths = loadPaths(arg, checker);
    if (!paths) {
      unreadable.push(site(arg));
      return;
    }
    for (const names of paths) {
      let type: ts.Type | undefined = receiver;
      for (const name of names) {
        const member: ts.Symbol | undefined = type ? checker.getApparentType(type).getProperty(name) : undefined;
        if (!member) {
          unreadable.push(`${site(arg)} (${names.join("/")})`);
          break;
        }
        record(arg, member, false);
        const memberType = checker.getTypeOfSymbolAtLocation(member, access);
        type = checker.getIndexTypeOfType(memberType, ts.IndexKind.Number) ?? memberType;
      }
    }
  }
}

/** The uses `isCovered` refuses, as "member (Set x.y) at site" lines. */
export function unguarded(inv: Inventory, minimums: Map<string, string>): string[] {
  return inv.uses
    .filter((u) => !isCovered(u, minimums))
    .map((u) => `${u.member} (${u.set} ${u.version}) at ${u.site}`)
    .sort();
}

/**
 * A program of src/excel/excelRun.ts (supportsSet, canGroupUndo) and fixture files given as text, as if they
 * were in src/: for the tests that prove the check reports what it must.
 */
export function fixtureProgram(sources: Record<string, string>): { checker: ts.TypeChecker; files: ts.SourceFile[] } {
  const config = ts.readConfigFile(path.join(projectDir, "tsconfig.json"), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, projectDir);
  const options = { ...parsed.options, noEmit: true };
  const virtual = new Map(Object.entries(sources).map(([name, text]) => [path.join(projectDir, "src", name), text]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) => {
    const text = virtual.get(path.resolve(fileName));
    return text !== undefined
      ? ts.createSourceFile(fileName, text, language, true)
      : getSourceFile(fileName, language, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(path.resolve(fileName)) ?? readFile(fileName);
  const roots = [...virtual.keys(), path.join(projectDir, "src/excel/excelRun.ts")];
  const program = ts.createProgram({ rootNames: roots, options, host });
  const files = program.getSourceFiles().filter((f) => virtual.has(path.resolve(f.fileName)));
  return { checker: program.getTypeChecker(), files };
}
