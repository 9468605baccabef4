// Builds the preview page (dev/preview/webpack.config.js) with webpack's Node API.
//   node dev/preview/build.mjs [--mode development|production] [--out DIR]
// Exits non-zero, with webpack's messages, when the build fails.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * @param {{ mode?: "development" | "production", outDir?: string }} [options]
 * @returns {Promise<{ outDir: string, ms: number }>}
 */
export async function buildPreview(options = {}) {
  const mode = options.mode ?? "development";
  if (options.outDir) process.env.PLAN_TRACKER_PREVIEW_OUT_DIR = path.resolve(options.outDir);
  const webpack = require("webpack");
  const makeConfig = require(path.join(here, "webpack.config.js"));
  const config = await makeConfig({}, { mode });
  const started = Date.now();
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) =>
    compiler.run((error, result) => compiler.close(() => (error ? reject(error) : resolve(result)))),
  );
  if (stats.hasErrors()) {
    const text = stats.toString({ all: false, errors: true, errorDetails: true, colors: false });
    throw new Error(`The preview build failed:\n${text}`);
  }
  return { outDir: config.output.path, ms: Date.now() - started };
}

function argument(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildPreview({ mode: argument("--mode"), outDir: argument("--out") }).then(
    ({ outDir, ms }) =>
      console.log(`preview built in ${(ms / 1000).toFixed(1)} s → ${path.relative(process.cwd(), outDir) || "."}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
