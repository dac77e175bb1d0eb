/** What `--save` records: each axis the probe settled, with when and by which probes; every other axis as the file had it. */
import { AXES, NOT_PROBED, type Dialect, type ObservedDialect } from "../../liquid";
import type { Comparison } from "./compare";

export function observedAfter(comparison: Comparison, previous: ObservedDialect | undefined, base: Dialect, on: string): ObservedDialect {
  return Object.fromEntries(
    AXES.map((axis, index) => {
      const verdict = comparison.axes[index]!;
      if (verdict.kind === "settled") return [axis, { reading: verdict.reading, probed: { on, probes: verdict.probes } }];
      return [axis, previous?.[axis] ?? { reading: base[axis], probed: NOT_PROBED }];
    }),
  ) as ObservedDialect;
}
