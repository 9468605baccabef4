// Webpack build of the preview page. It starts from the add-in's own config (webpack.config.js at the root),
// so the task pane and the PLAN functions are bundled exactly as shipped (same entries, loaders and chunks),
// with office.js served from node_modules/@microsoft/office-js (never the CDN), and adds one entry in front of
// them: dev/preview/main.ts, which installs the Excel stand-in before the pane code runs and draws the grid.
//
// Environment: PLAN_TRACKER_PREVIEW_OUT_DIR — output folder (default dist/preview).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const projectDir = path.resolve(__dirname, "../..");
const DEFAULT_OUT_DIR = path.join(projectDir, "dist/preview");

module.exports = async (env = {}, options = {}) => {
  const mode = options.mode || "development";
  const outDir = path.resolve(process.env.PLAN_TRACKER_PREVIEW_OUT_DIR || DEFAULT_OUT_DIR);
  // The root config reads these when it is evaluated; restore them so nothing else sees the change.
  const saved = { officeJs: process.env.PLAN_TRACKER_OFFICE_JS, outDir: process.env.PLAN_TRACKER_OUT_DIR };
  process.env.PLAN_TRACKER_OFFICE_JS = "local";
  process.env.PLAN_TRACKER_OUT_DIR = outDir;
  let config;
  try {
    // The preview is never deployed: its manifest (unused) keeps localhost, whatever the mode.
    config = await require(path.join(projectDir, "webpack.config.js"))(
      { ...env, localhost: true },
      { ...options, mode },
    );
  } finally {
    restore("PLAN_TRACKER_OFFICE_JS", saved.officeJs);
    restore("PLAN_TRACKER_OUT_DIR", saved.outDir);
  }

  // The preview entry runs first: it defines Excel and the Office context the pane entry expects.
  config.entry = { preview: path.join(__dirname, "main.ts"), ...config.entry };
  config.context = projectDir;
  config.mode = mode;
  // The preview is not an add-in: no production taskpane.html (it would wait for an Excel that never comes).
  config.plugins = config.plugins.filter(
    (plugin) => !(plugin instanceof HtmlWebpackPlugin && plugin.userOptions.filename === "taskpane.html"),
  );
  config.plugins.push(
    new HtmlWebpackPlugin({
      filename: "index.html",
      template: path.join(__dirname, "index.html"),
      chunks: ["preview", "functions", "taskpane"],
      chunksSortMode: "manual", // stand-in first, then the functions, then the pane (the shipped order)
      scriptLoading: "blocking",
      inject: "body",
      // Office.onReady, CustomFunctions and OfficeExtension in one loader: see index.html for why not office.js too.
      customFunctionsRuntimeUrl: "office-js/custom-functions-runtime.js",
    }),
    new CopyWebpackPlugin({ patterns: [{ from: path.join(__dirname, "preview.css"), to: "preview.css" }] }),
  );
  return config;
};

function restore(name, value) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

module.exports.DEFAULT_OUT_DIR = DEFAULT_OUT_DIR;
