import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./args";
import { InputError } from "./input-error";
import { describeJsonSyntaxError } from "./json-syntax-error";

/** A file a command was told to read: a missing one is a mistake in the call (usage). */
export function readText(cwd: string, file: string): string {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`file not found: ${file}`);
  if (statSync(path).isDirectory()) throw new UsageError(`${file} is a directory: give a file`);
  return readFileSync(path, "utf8");
}

/** A file that is there but not JSON is bad data, not a bad call: an InputError naming where it breaks. */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new InputError(`${name}: not valid JSON: ${describeJsonSyntaxError(text)}`);
  }
}

export function readJson(cwd: string, file: string): unknown {
  return parseJson(readText(cwd, file), file);
}

export function parseNow(text: string): Date {
  const now = new Date(text);
  if (isNaN(now.getTime())) throw new UsageError(`--now: "${text}" is not an ISO-8601 date`);
  return now;
}

/** A webhook as bdt run and bdt new read it: the body, and the headers a fixture may carry. */
export interface WebhookInput {
  readonly payload: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * A payload file is the webhook body itself, or a test fixture
 * (`{ payload, headers?, expected }`): failing fixtures replay as they are.
 */
export function parseWebhookInput(text: string, name: string): WebhookInput {
  const json = parseJson(text, name);
  const fixture = typeof json === "object" && json !== null && !Array.isArray(json) && "payload" in json;
  if (!fixture) return { payload: json };
  const { payload, headers } = json as { payload: unknown; headers?: unknown };
  return { payload, headers: headers === undefined ? undefined : checkHeaders(headers, name) };
}

export function checkHeaders(value: unknown, name: string): Record<string, string> {
  const ok = typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  if (!ok) throw new InputError(`${name}: headers must be a JSON object of string values`);
  return value as Record<string, string>;
}
