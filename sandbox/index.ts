export { runSnippet } from "./run-snippet";
export { openSnippetRunner } from "./runner";
export { describeError } from "./errors";
export { DEFAULT_NOW } from "./options";
export type { ErrorKind, RunOptions, RunResult, RunStats, RunnerRunOptions, SnippetError, SnippetRunner } from "./types";
export { ENGINE_NAMES, ENGINE_PROFILES, isEngineName, syntaxYear, type EngineName, type EngineProfile, type SyntaxLevel } from "./engines";
