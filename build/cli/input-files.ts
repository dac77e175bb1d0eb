import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./args";

/** The files a command reads, each failure a usage error naming the file. */
export function readText(cwd: string, file: string): string {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`file not found: ${file}`);
  return readFileSync(path, "utf8");
}

export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}

export function parseNow(text: string): Date {
  const now = new Date(text);
  if (isNaN(now.getTime())) throw new UsageError(`--now: "${text}" is not an ISO-8601 date`);
  return now;
}
