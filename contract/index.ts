export * from "./schema";
export { validateRequest, formatProblems, type ValidationResult } from "./validate";
export { formatPath } from "./path";
export { brazeMatchers } from "./matcher";
