// Webpack build for Plan Tracker. One page (taskpane.html) is the shared runtime: it loads the custom
// functions entry first (no React), then the pane entry, which loads the React UI lazily.
//
// Environment:
//   PLAN_TRACKER_BASE_URL   production base URL that replaces https://localhost:3000/ in the manifest
//   PLAN_TRACKER_OFFICE_JS  "cdn" (default) loads office.js from Office's CDN; "local" serves the copy in
//                           node_modules/@microsoft/office-js/dist (offline preview and browser tests only)
//   PLAN_TRACKER_OUT_DIR    output folder (default dist/)
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { devServerHttpsOptions } = require("./scripts/certs.cjs");
const { ZOD_FILES } = require("./scripts/webpack/zod-jitless-loader.cjs");

const DEV_BASE_URL = "https://localhost:3000/";
const PLACEHOLDER_BASE_URL = "https://plan-tracker.example.gov.cn/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
// The files office.js fetches when it runs outside Office, plus the functions runtime (defines CustomFunctions.Error).
const OFFICE_JS_LOCAL_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "en-us/office_strings.js",
  "zh-cn/office_strings.js",
];

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const LOCALIZER_SOURCE = path.resolve(__dirname, "src/functions/localizedMetadata.ts");

/** Base URL for the production manifest: always ends with "/", always https. */
function productionBaseUrl() {
  const raw = (process.env.PLAN_TRACKER_BASE_URL || "").trim();
  if (!raw) {
    console.warn(
      `\n[plan-tracker] PLAN_TRACKER_BASE_URL is not set: the production manifest points to the placeholder ` +
        `${PLACEHOLDER_BASE_URL}. Set it to the HTTPS address that will serve dist/, e.g.\n` +
        `  PLAN_TRACKER_BASE_URL=https://addins.example.gov.cn/plan-tracker/ npm run build\n`,
    );
    return PLACEHOLDER_BASE_URL;
  }
  if (!/^https:\/\/[^\s/]+/.test(raw)) {
    throw new Error(
      `PLAN_TRACKER_BASE_URL must be an https:// URL (Office only loads add-ins over HTTPS), got "${raw}"`,
    );
  }
  return raw.endsWith("/") ? raw : `${raw}/`;
}

/** Replaces every occurrence (not only the first) of the dev URL in a manifest. */
function rewriteManifest(content, baseUrl) {
  return content.toString().split(DEV_BASE_URL).join(baseUrl);
}

/**
 * After custom-functions-metadata-plugin has emitted functions.json, writes functions-zh-cn.json (same ids and
 * parameters, Chinese names and descriptions) with the FUNCTIONS helper's localizeMetadata. The manifest points
 * zh-CN Office to it through a bt:Override of Functions.Metadata.Url.
 */
class LocalizedFunctionsMetadataPlugin {
  constructor({ source, target, lang }) {
    this.source = source;
    this.target = target;
    this.lang = lang;
  }

  apply(compiler) {
    const name = "LocalizedFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.source);
        if (!asset) return; // metadata generation failed; that plugin already reported the errors
        compilation.fileDependencies.add(LOCALIZER_SOURCE);
        try {
          // tsx loads the TypeScript module (and the core it imports) straight from src/.
          const { localizeMetadata } = require("tsx/cjs/api").require(LOCALIZER_SOURCE, __filename);
          const metadata = JSON.parse(asset.source.source().toString());
          const localized = localizeMetadata(metadata, this.lang);
          const json = JSON.stringify(localized, null, 2);
          compilation.emitAsset(this.target, new webpack.sources.RawSource(json));
        } catch (error) {
          compilation.errors.push(
            new webpack.WebpackError(`${this.target}: could not localise ${this.source}: ${error && error.message}`),
          );
        }
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const officeJsLocal = (process.env.PLAN_TRACKER_OFFICE_JS || "cdn") === "local";
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl();
  const outDir = path.resolve(__dirname, process.env.PLAN_TRACKER_OUT_DIR || "dist");

  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform: (content) => (dev ? content : rewriteManifest(content, baseUrl)),
    },
  ];
  if (officeJsLocal) {
    for (const file of OFFICE_JS_LOCAL_FILES) {
      // Served exactly as Microsoft ships them (no re-minifying).
      copyPatterns.push({ from: path.join(OFFICE_JS_DIST, file), to: `office-js/${file}`, info: { minimized: true } });
    }
  }

  return {
    devtool: "source-map", // never the eval-based dev default: the page's CSP forbids eval
    target: ["web", "es2020"],
    entry: {
      // Registers PLAN.* with Excel; imports no React so it is cheap when a workbook only recalculates.
      functions: FUNCTIONS_SOURCE,
      // Waits for Office, then imports the React UI (./app/mount) lazily. Shares modules with functions.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
    },
    output: {
      path: outDir,
      filename: "[name].js", // the manifest names functions.js
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { noEmit: false, target: "ES2022" } },
          },
        },
        {
          // Strips zod's Function-constructor code (never run: the core sets jitless) from the bundle.
          test: ZOD_FILES,
          use: path.resolve(__dirname, "scripts/webpack/zod-jitless-loader.cjs"),
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "async", // React/Fluent stay in chunks loaded by the dynamic import of ./app/mount
      },
    },
    performance: { hints: false }, // budgets are measured by `npm run bench`, not by webpack's generic limits
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new LocalizedFunctionsMetadataPlugin({ source: "functions.json", target: "functions-zh-cn.json", lang: "zh" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual", // functions register before the pane loads
        scriptLoading: "blocking",
        inject: "body",
        officeJsUrl: officeJsLocal ? "office-js/office.js" : OFFICE_JS_CDN,
        customFunctionsRuntimeUrl: officeJsLocal ? "office-js/custom-functions-runtime.js" : "",
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devServerHttpsOptions() } : undefined,
      hot: false, // full reloads only: HMR is of little use inside Office and complicates the shared runtime
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
