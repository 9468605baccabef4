import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    // Names the run so the end-to-end files share one preview build (tests/e2e/harness.ts).
    globalSetup: ["tests/globalSetup.ts"],
    testTimeout: 20000,
    hookTimeout: 180000,
  },
});
