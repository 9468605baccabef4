// Flat ESLint config. Layers (docs/architecture): src/core is pure (no Office, Excel, React, Fluent, DOM);
// src/excel is the only Excel.run code and follows the Office add-in rules; nothing anywhere may eval.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const nodeGlobals = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "__dirname",
    "__filename",
    "process",
    "console",
    "Buffer",
    "URL",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "structuredClone",
  ].map((name) => [name, "readonly"]),
);

const noDynamicCode = {
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
  "no-script-url": "error",
};

export default tseslint.config(
  {
    ignores: ["node_modules/", "dist/", "coverage/", "test-results/", ".certs/", "seeds/", "assets/", "**/*.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      ...noDynamicCode,
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
        },
      ],
    },
  },
  {
    // Tests feed deliberately wrong types to the code under test.
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // package.json has "type": "commonjs": every .js/.cjs file is CommonJS (webpack configs, scripts).
    files: ["**/*.cjs", "**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // React hooks rules wherever React components may live.
    files: ["src/**/*.tsx", "dev/**/*.tsx"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Office add-in rules for every file that may talk to Office/Excel.
    files: ["src/**/*.{ts,tsx}", "dev/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      // The plugin only recognises a variable named `context`; this catches ctx.sync() etc. in loops too.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            ":matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) CallExpression[callee.property.name='sync'][arguments.length=0]",
          message: "No sync() inside a loop: queue the work for all rows, then sync once.",
        },
      ],
    },
  },
  {
    // The pure core: no host, UI or DOM dependencies (tests/core run it with no such globals).
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@microsoft/office-js", "office-js", "office-addin-*"],
              message: "src/core must not use Office.",
            },
            { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "src/core must not use React." },
            { group: ["@fluentui/*"], message: "src/core must not use Fluent UI." },
            {
              group: ["**/excel/**", "**/taskpane/**", "**/functions/**"],
              message: "src/core must not import host layers.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension", "CustomFunctions"].map((name) => ({
          name,
          message: "src/core is host-neutral: Office APIs belong in src/excel or src/functions.",
        })),
        ...["window", "document", "navigator", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest"].map(
          (name) => ({ name, message: "src/core has no DOM: pass what it needs in as arguments." }),
        ),
      ],
    },
  },
);
