import { allowedByEngine, OBSERVED_ENGINE_FILE, type ObservedEngine } from "../observed-engine";
import type { Comparison } from "../../probe/engine/compare";
import { whyItMatters } from "../../probe/engine/why-it-matters";
import type { Io } from "./io";

/** Every difference per profile, closest first, then the measurements and the verdict. */
export function printComparison(io: Io, comparison: Comparison, saved: ObservedEngine | undefined): void {
  if (comparison.syntaxNotProbed.length > 0) {
    io.out(`syntax levels not probed in Braze (no output given): ${comparison.syntaxNotProbed.join(", ")}`);
  }
  for (const profile of comparison.profiles) {
    const count = profile.differences.length;
    io.out(`${profile.engine}: ${count === 0 ? "matches Braze" : `${count} difference${count === 1 ? "" : "s"}`} (${profile.summary})`);
    let group: string | undefined;
    for (const difference of profile.differences) {
      const why = whyItMatters(difference.fact);
      if (why && why !== group) io.out(`  · ${why}`);
      group = why;
      io.out(`    ${difference.fact}: Braze ${JSON.stringify(difference.braze)}, ${profile.engine} ${JSON.stringify(difference.local)}`);
    }
  }
  if (comparison.measured.length > 0) {
    io.out("measured, not compared:");
    for (const measurement of comparison.measured) {
      const local = Object.entries(measurement.local).map(([engine, value]) => `${engine} ${JSON.stringify(value)}`);
      io.out(`    ${measurement.fact}: Braze ${JSON.stringify(measurement.braze)}, ${local.join(", ")}`);
    }
  }
  const closest = comparison.profiles[0]!;
  const verdict = closest.differences.length === 0 ? `Braze behaves like ${closest.engine}` : `no local engine behaves exactly like Braze; the closest is ${closest.engine}`;
  if (!saved) {
    io.out(`${verdict}. Record it with --save (${OBSERVED_ENGINE_FILE}): bdt run, bdt serve and the tests then run in it and the static checks follow it.`);
    return;
  }
  const allowed = allowedByEngine(saved);
  io.out(`${verdict}. Recorded in ${OBSERVED_ENGINE_FILE}: engine ${saved.profile}, syntax up to ${allowed.syntax}, Intl ${allowed.intl ? "allowed" : "forbidden"}.`);
  io.out("Run npm run build: the static checks follow the recorded engine, and dist/ is stamped against it.");
}
