export function buildPreview(options?: {
  mode?: "development" | "production";
  outDir?: string;
}): Promise<{ outDir: string; ms: number }>;
