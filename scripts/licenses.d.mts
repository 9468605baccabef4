// Types for scripts/licenses.mjs (plain JS so `npm run licenses` runs with node alone).
export declare const PERMISSIVE: Set<string>;
export declare const FORBIDDEN: Map<string, string>;
export declare function packageOfModule(identifier: unknown): { name: string; dir: string } | null;
export declare function packagesFromStats(stats: unknown, baseDir?: string): Map<string, string>;
export declare function licenceOf(packageJson: unknown): string | null;
export declare function isPermissive(expression: unknown): boolean;
export interface LicenceRow {
  name: string;
  version: string;
  licence: string;
}
export declare function checkLicences(
  stats: unknown,
  baseDir?: string,
): { packages: LicenceRow[]; problems: string[]; ok: boolean };
export declare function runProductionBuild(
  outDir: string,
  statsFile: string,
  options: { baseUrl: string; sourceMaps?: "" | "hidden" },
): Promise<{ code: number | null; output: string }>;
export declare function buildWithStats(outDir: string, statsFile: string): Promise<void>;
