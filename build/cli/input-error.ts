/**
 * What a command was given or reads cannot be used, though it was called
 * correctly: a file that is not valid JSON, a dist/ stale against its
 * sources, a module that already exists. Exit code 1 and one line; a mistake
 * in the call itself is a UsageError (exit 2).
 */
export class InputError extends Error {
  override readonly name = "InputError";
}
