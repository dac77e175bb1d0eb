import { ROOT } from "../test/support/dist";
import { medianOfProcess } from "./measure";
import type { Measurement } from "./measurement";

/** The whole of `npm test`, once; null with --skip-suite. */
export function suite(skip: boolean): Measurement<{ suite_ms: number | null }> {
  return {
    keys: ["suite_ms"],
    doing: skip ? "npm test skipped (--skip-suite)" : "npm test…",
    measure: async () => ({ suite_ms: skip ? null : Math.round(medianOfProcess("npm", ["test", "--silent"], ROOT, 1)) }),
    table: (figures) => (figures.suite_ms === null ? [] : [`npm test                      ${figures.suite_ms} ms`]),
  };
}
