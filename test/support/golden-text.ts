import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { expect, inject } from "vitest";
import { ROOT } from "./dist";

/**
 * A reviewed text golden: written only by `npm test -- --update`; otherwise
 * `text` must equal it, and a missing golden fails rather than being written.
 */
export function expectGoldenText(path: string, text: string): void {
  const shown = relative(ROOT, path);
  if (inject("updateGoldens")) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) expect.fail(`${shown} does not exist: run npm test -- --update and review it`);
  expect(text, `${shown} differs: review the change, then npm test -- --update`).toBe(readFileSync(path, "utf8"));
}
