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
    // Keeps each module as vite transformed it in node_modules/.experimental-vitest-cache, keyed by its content: a rerun
    // transforms only what changed (3.0 s of the workers' time instead of 7.5). Vitest 5 turns it on by default.
    experimental: { fsModuleCache: true },
  },
});
