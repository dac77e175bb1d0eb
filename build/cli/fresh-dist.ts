import type { Project } from "../project";
import { staleDistProblem } from "../source-inputs";
import { InputError } from "./input-error";

/**
 * Refuses a dist/ older than its sources: running a snippet built before the
 * last edit would show what Braze would do with code that no longer exists.
 */
export function requireFreshDist(project: Project): void {
  const problem = staleDistProblem(project);
  if (problem !== undefined) throw new InputError(problem);
}
