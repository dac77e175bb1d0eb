import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    globalSetup: ["test/global-setup.ts"],
    env: { TZ: "UTC" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default leaves a core idle; CI has two and the slow suites (builds, the leak check) are independent.
    maxWorkers: 2,
    // Each file in a fresh module graph re-imports TypeScript, rollup and the sandbox: reusing a worker's modules across
    // files halved the CPU time of the small suites (test files keep no module state; those that change globals restore them).
    isolate: false,
  },
});
