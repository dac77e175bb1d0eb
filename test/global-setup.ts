import type { TestProject } from "vitest/node";
import { projectAt } from "../build/project";
import { staleDistProblem } from "../build/source-inputs";
import { ROOT } from "./support/dist";

declare module "vitest" {
  export interface ProvidedContext {
    /** `vitest run --update` (npm test -- --update): rewrite golden outputs instead of comparing. */
    updateGoldens: boolean;
  }
}

export default function setup(project: TestProject): void {
  // The suites test the built snippets in dist/: built before the last edit, they would pass or fail for code that no longer exists.
  const stale = staleDistProblem(projectAt(ROOT));
  if (stale !== undefined) throw new Error(stale);
  project.provide("updateGoldens", project.config.snapshotOptions.updateSnapshot === "all");
}
