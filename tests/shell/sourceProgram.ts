/**
 * The add-in's own source (src/**) as a TypeScript program with its type checker, built once per test
 * file: the tests that ask which Office members the code touches (one door to Excel, requirement sets)
 * resolve every property access through the checker instead of guessing from text.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const projectDir = path.resolve(__dirname, "../..");

let cached: { program: ts.Program; checker: ts.TypeChecker; files: ts.SourceFile[] } | null = null;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** Every .ts/.tsx file under src/, compiled with the project's options (tsconfig.json). */
export function sourceProgram(): { program: ts.Program; checker: ts.TypeChecker; files: ts.SourceFile[] } {
  if (cached) return cached;
  const configPath = path.join(projectDir, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, projectDir);
  const roots = sourceFiles(path.join(projectDir, "src"));
  const program = ts.createProgram({ rootNames: roots, options: { ...parsed.options, noEmit: true } });
  const rootSet = new Set(roots.map((r) => path.resolve(r)));
  const files = program.getSourceFiles().filter((f) => rootSet.has(path.resolve(f.fileName)));
  cached = { program, checker: program.getTypeChecker(), files };
  return cached;
}

export function relativeName(file: ts.SourceFile): string {
  return path.relative(projectDir, file.fileName).split(path.sep).join("/");
}

/** Calls `visit` for every node of the file. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** "Excel.Range.values", "Excel.run", "Office.Context.requirements" … for the symbol a member access resolves to. */
export function qualifiedName(checker: ts.TypeChecker, node: ts.Node): string | null {
  let symbol = checker.getSymbolAtLocation(node);
  if (!symbol) return null;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return checker.getFullyQualifiedName(symbol);
}
