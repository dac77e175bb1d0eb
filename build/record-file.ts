import { readFileSync } from "node:fs";

/**
 * A JSON record bdt keeps under node_modules/.cache, as far as it can be
 * read: undefined when there is none yet or a writer tore it. Its reader
 * checks its shape: a record of another shape is an older bdt's.
 */
export function readRecordFile<T>(file: string): Partial<T> | undefined {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as Partial<T> | null) ?? undefined;
  } catch {
    return undefined;
  }
}
