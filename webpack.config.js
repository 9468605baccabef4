// Webpack build for Plan Tracker. One page (taskpane.html) is the shared runtime: it loads the custom
// functions entry first (no React), then the pane entry, which loads the React UI lazily.
//
// Environment:
//   PLAN_TRACKER_BASE_URL   production base URL that replaces https://localhost:3000/ in the manifest: an https
//                           address with no query, fragment or user name; required by a production build
//                           (`npm run build`), which fails without it. `npm run build:localhost` (--env localhost)
//                           builds for production but keeps https://localhost:3000/, for testing only.
//   PLAN_TRACKER_SOURCE_MAPS "hidden": a production build also writes source maps, without sourceMappingURL
//                           comments (the bench reads them from its own temporary build). Otherwise a
//                           production build writes none: dist/ is what gets deployed.
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
const EXAMPLE_BASE_URL = "https://addins.example.gov.cn/plan-tracker/";
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

/** A build setting that cannot be used: the build stops with this message (Chinese, then English). */
function refuse(zh, en) {
  return new Error(`[plan-tracker] ${zh}\n[plan-tracker] ${en}`);
}

/**
 * Base URL for the production manifest, from PLAN_TRACKER_BASE_URL: an https address (Office only loads
 * add-ins over HTTPS) with a host, no user name or password, no query or fragment (the manifest appends file
 * names to it), normalised by the URL parser and always ending with "/". Not set: the build stops, unless a
 * localhost build was asked for explicitly (`npm run build:localhost`, --env localhost).
 */
function productionBaseUrl(env = {}) {
  if (env.localhost) return DEV_BASE_URL;
  const raw = process.env.PLAN_TRACKER_BASE_URL || "";
  const example = `PLAN_TRACKER_BASE_URL=${EXAMPLE_BASE_URL} npm run build`;
  if (raw.trim() === "")
    throw refuse(
      `未设置 PLAN_TRACKER_BASE_URL：生产构建需要部署 dist/ 的 HTTPS 地址，例如 ${example}。` +
        `仅在本机测试时可用 npm run build:localhost（清单指向 https://localhost:3000/）。`,
      `PLAN_TRACKER_BASE_URL is not set: a production build needs the HTTPS address that will serve dist/, e.g. ` +
        `${example}. For a production build that runs from https://localhost:3000/ (testing only), run npm run build:localhost.`,
    );
  const bad = (why_zh, why_en) =>
    refuse(
      `PLAN_TRACKER_BASE_URL “${raw}” 不可用：${why_zh}。例如 ${example}`,
      `PLAN_TRACKER_BASE_URL "${raw}" cannot be used: ${why_en}. Example: ${example}`,
    );
  if (/\s/.test(raw)) throw bad("含有空格或换行", "it contains a space or a line break");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw bad("不是有效的网址", "it is not a valid URL");
  }
  if (url.protocol !== "https:")
    throw bad(
      "必须以 https:// 开头（Office 只通过 HTTPS 加载加载项）",
      "it must start with https:// (Office loads add-ins over HTTPS only)",
    );
  if (url.hostname === "") throw bad("缺少主机名", "it has no host name");
  if (url.username || url.password) throw bad("不能包含用户名或密码", "it must not contain a user name or password");
  if (url.search || url.hash || raw.includes("?") || raw.includes("#"))
    throw bad(
      "不能包含查询参数（?）或片段（#），清单会在其后接文件名",
      "it must not have a query (?) or fragment (#): the manifest appends file names to it",
    );
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** Text made safe inside an XML attribute value or element: &, <, >, " and ' as entities. */
function xmlEscape(text) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Replaces every occurrence (not only the first) of the dev URL in a manifest, XML-escaped. */
function rewriteManifest(content, baseUrl) {
  return content.toString().split(DEV_BASE_URL).join(xmlEscape(baseUrl));
}

/**
 * The rewritten manifest, checked before it is written: well-formed XML, and every URL in it (as an XML
 * reader gives it back, entities resolved) on the base URL. Anything else stops the build.
 */
async function checkedManifest(content, baseUrl) {
  const text = rewriteManifest(content, baseUrl);
  const { parseXml, allUrls } = await import("./scripts/manifest-checks.mjs");
  let root;
  try {
    root = await parseXml(text);
  } catch (error) {
    throw refuse(
      `生成的清单不是有效的 XML：${error && error.message}`,
      `the manifest written is not well-formed XML: ${error && error.message}`,
    );
  }
  const elsewhere = allUrls(root).filter((u) => !u.value.startsWith(baseUrl));
  if (elsewhere.length > 0)
    throw refuse(
      `清单中的网址未指向 ${baseUrl}：${elsewhere.map((u) => u.value).join("，")}`,
      `URLs in the manifest do not point to ${baseUrl}: ${elsewhere.map((u) => u.value).join(", ")}`,
    );
  return text;
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
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl(env);
  const sourceMaps = process.env.PLAN_TRACKER_SOURCE_MAPS === "hidden" ? "hidden-source-map" : false;
  const outDir = path.resolve(__dirname, process.env.PLAN_TRACKER_OUT_DIR || "dist");

  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform: (content) => (dev ? content : checkedManifest(content, baseUrl)),
    },
  ];
  if (officeJsLocal) {
    for (const file of OFFICE_JS_LOCAL_FILES) {
      // Served exactly as Microsoft ships them (no re-minifying).
      copyPatterns.push({ from: path.join(OFFICE_JS_DIST, file), to: `office-js/${file}`, info: { minimized: true } });
    }
  }

  return {
    // Development: source maps beside the bundles (never the eval-based default: the page's CSP forbids eval).
    // Production: none in dist/, which is deployed as it is; hidden ones only when asked for (the bench).
    devtool: dev ? "source-map" : sourceMaps,
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
          // Griffel's build-time transform (AOT) of the pane's makeStyles calls, run on ts-loader's output: they
          // become precomputed class maps and CSS, as Fluent UI's own components are shipped, so Griffel's run-time
          // style compiler (stylis, rtl-css-js, the shorthands: 7.6 kB gzipped) is not bundled.
          test: /\.tsx?$/,
          include: path.resolve(__dirname, "src/taskpane"),
          enforce: "post",
          use: { loader: "@griffel/webpack-loader" },
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
module.exports.checkedManifest = checkedManifest;
module.exports.productionBaseUrl = productionBaseUrl;
