export { runSnippet } from "./run-snippet";
export { describeError } from "./errors";
export { DEFAULT_NOW } from "./options";
export type { ErrorKind, RunOptions, RunResult, RunStats, SnippetError } from "./types";
