import { expect, it } from "vitest";
import { ALL_DIALECTS, AXES, DIALECT_AXES, isReading } from "../../liquid";
import { PAIRWISE_DIALECTS } from "./dialects";

it("ALL_DIALECTS is every combination of the readings, each once", () => {
  const size = AXES.reduce((product, axis) => product * DIALECT_AXES[axis].length, 1);
  expect(new Set(ALL_DIALECTS.map((dialect) => JSON.stringify(dialect))).size).toBe(size);
  expect(ALL_DIALECTS).toHaveLength(size);
});

it("PAIRWISE_DIALECTS meets every two readings of any two axes", () => {
  const missing: string[] = [];
  for (const [index, first] of AXES.entries()) {
    for (const second of AXES.slice(index + 1)) {
      for (const a of DIALECT_AXES[first]) {
        for (const b of DIALECT_AXES[second]) {
          if (!PAIRWISE_DIALECTS.some((dialect) => dialect[first] === a && dialect[second] === b)) missing.push(`${first}=${a} with ${second}=${b}`);
        }
      }
    }
  }
  expect(missing).toEqual([]);
  for (const dialect of PAIRWISE_DIALECTS) for (const axis of AXES) expect(isReading(axis, dialect[axis]), axis).toBe(true);
});
