import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** `vitest run --update` (npm test -- --update): rewrite golden outputs instead of comparing. */
    updateGoldens: boolean;
  }
}

export default function setup(project: TestProject): void {
  project.provide("updateGoldens", project.config.snapshotOptions.updateSnapshot === "all");
}
