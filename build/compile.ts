import { BuildError } from "./problems";

/** A type check's errors as the build reports them (the full build, and watch mode's first build). */
export function failOnTypeErrors(typeErrors: readonly string[]): void {
  if (typeErrors.length > 0) throw new BuildError(`type check failed (${plural(typeErrors.length, "error")})`, typeErrors);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
