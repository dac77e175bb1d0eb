import { relative, sep } from "node:path";
import type { Project } from "./project";

/**
 * Compiled JavaScript by path relative to the project root
 * ("transforms/regal/call.completed.js"), and beside each its source map
 * (key + ".map", sources relative to it).
 */
export type EmittedModules = ReadonlyMap<string, string>;

/** The emitted module of a source file, by the same key the program uses. */
export function moduleKey(project: Project, sourceFile: string): string {
  return relative(project.root, sourceFile).split(sep).join("/").replace(/\.ts$/, ".js");
}

/** Where the program puts the source map of the module with this key. */
export function sourceMapKey(key: string): string {
  return `${key}.map`;
}
