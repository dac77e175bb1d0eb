/**
 * Schema pieces both destinations use. Like everything the schemas import,
 * this must type-check under the transforms' ES2018 config: zod and plain code only.
 */
import { z } from "zod";
import { thousands } from "./describe";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Lets an object-level rule run although a field inside failed, so one run
 * reports every problem. The rule then sees unvalidated fields and must check
 * what it reads.
 */
export const despiteFieldProblems = { when: (payload: { value: unknown }) => isRecord(payload.value) };

export function charsOver(max: number) {
  return (issue: { input?: unknown }) => `${thousands(String(issue.input).length)} chars > ${thousands(max)}`;
}

/** How a problem line names a character a key must not contain. */
function characterName(char: string): string {
  return /\s/.test(char) ? "whitespace" : JSON.stringify(char);
}

/**
 * A rule for keys that must not contain the characters `forbidden` matches
 * (one character class): one problem per kind of character found.
 */
export function forbidCharacters(forbidden: RegExp) {
  const everywhere = new RegExp(forbidden.source, "g");
  return (key: string, ctx: z.RefinementCtx) => {
    const names = new Set((key.match(everywhere) ?? []).map(characterName));
    for (const name of names) ctx.addIssue(`key must not contain ${name}`);
  };
}

/**
 * A rule for the keys a catchall object holds beyond its known fields, which
 * z.object's catchall checks only the values of.
 */
export function checkExtraKeys(known: readonly string[], keySchema: z.ZodType<string>) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      for (const problem of keySchema.safeParse(key).error?.issues ?? []) {
        ctx.addIssue({ code: "custom", message: problem.message, path: [key], input: key });
      }
    }
  };
}
