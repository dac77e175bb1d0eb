import { BuildError } from "./problems";
import type { Project } from "./project";
import { createTypeScriptProgram, type EmittedModules } from "./typescript-program";

/**
 * Type-checks and compiles all transforms as one TypeScript program, shared
 * by every snippet; the per-snippet bundles are then made from its output.
 */
export function compileTransforms(project: Project): EmittedModules {
  const { modules, typeErrors } = createTypeScriptProgram(project).compile();
  failOnTypeErrors(typeErrors);
  return modules;
}

export function failOnTypeErrors(typeErrors: readonly string[]): void {
  if (typeErrors.length > 0) throw new BuildError(`type check failed (${plural(typeErrors.length, "error")})`, typeErrors);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
