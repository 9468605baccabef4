// Webpack loader for zod v4's core/util.js and core/doc.js: removes the two places that build code with the
// Function constructor, so the shipped bundle contains no eval-like code at all (the pane's CSP forbids it).
// src/core sets z.config({ jitless: true }), so neither place ever runs; this only removes the dead text.
//  - util.js `allowsEval`: the `new Function("")` probe becomes `return false` (= "eval not available").
//  - doc.js `Doc.compile()`: the Function constructor becomes a function that throws.
// If a zod upgrade changes that code, the build fails here instead of silently shipping it.
const REWRITES = [
  {
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    from: /const F = Function;\s*new F\(""\);\s*return true;/,
    to: "return false; // removed by scripts/webpack/zod-jitless-loader.cjs",
  },
  {
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
    from: /const F = Function;/,
    to: 'const F = function () { throw new Error("zod JIT is disabled in Plan Tracker builds"); };',
  },
];

module.exports = function zodJitlessLoader(source) {
  const rewrite = REWRITES.find((r) => r.file.test(this.resourcePath));
  if (!rewrite) return source;
  if (!rewrite.from.test(source)) {
    this.emitError(
      new Error(
        `zod-jitless-loader: expected code not found in ${this.resourcePath} (zod changed?); update the loader`,
      ),
    );
    return source;
  }
  return source.replace(rewrite.from, rewrite.to);
};

module.exports.ZOD_FILES = /[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/;
