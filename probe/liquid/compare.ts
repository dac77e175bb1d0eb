/**
 * Braze's answers to the probe against the layer's: which reading of each
 * axis Braze's match, and where they match none (the layer cannot follow).
 */
import { AXES, type Dialect, type DialectAxis } from "../../liquid";
import { REFUSED, type Answer } from "./answers";
import type { Readings } from "./local";
import { LIQUID_PROBES, type LiquidProbe } from "./probes";
import { inputSource } from "./template";

export type ProbeVerdict =
  /** Braze's answer is what these readings give (all of them when the probe is the same under every reading). */
  | { readonly kind: "matches"; readonly probe: LiquidProbe; readonly braze: Answer; readonly readings: readonly string[] }
  | { readonly kind: "no reading"; readonly probe: LiquidProbe; readonly braze: Answer }
  /** Braze did not have the probe's input (a custom attribute the test user lacks): nothing to compare. */
  | { readonly kind: "not probed"; readonly probe: LiquidProbe; readonly why: string };

export type AxisVerdict =
  | { readonly kind: "settled"; readonly axis: DialectAxis; readonly reading: string; readonly probes: readonly string[] }
  | { readonly kind: "not probed"; readonly axis: DialectAxis }
  /** The probes of the axis agree on no one reading: some match none, or they contradict each other. */
  | { readonly kind: "no reading"; readonly axis: DialectAxis; readonly probes: readonly string[] }
  /** Braze's answers fit several readings: these probes cannot tell them apart. */
  | { readonly kind: "undecided"; readonly axis: DialectAxis; readonly readings: readonly string[] };

export interface Comparison {
  readonly probes: readonly ProbeVerdict[];
  readonly axes: readonly AxisVerdict[];
  /** The readings Braze matches, `base`'s where an axis is not settled. */
  readonly dialect: Dialect;
  /** Every answer matches a reading and every probed axis has one. */
  readonly followed: boolean;
}

function sameAnswer(a: Answer, b: Answer): boolean {
  if (a === REFUSED || b === REFUSED) return a === b;
  return a.output === b.output;
}

function verdictOf(probe: LiquidProbe, braze: Answer, readings: ReadonlyMap<string, Answer>): ProbeVerdict {
  const local = [...readings.values()][0]!;
  const source = inputSource(probe);
  if (source && braze !== REFUSED && local !== REFUSED && braze.input !== local.input) {
    const why =
      "attribute" in source && braze.input === ""
        ? `the test user has no custom attribute ${source.attribute}: set it as bdt probe --liquid says`
        : `Braze had its input as ${JSON.stringify(braze.input)}, not ${JSON.stringify(local.input)}${"attribute" in source ? ` (custom attribute ${source.attribute})` : " (the composer changed the text pasted)"}`;
    return { kind: "not probed", probe, why };
  }
  const matched = [...readings].filter(([, answer]) => sameAnswer(answer, braze)).map(([reading]) => reading);
  return matched.length === 0 ? { kind: "no reading", probe, braze } : { kind: "matches", probe, braze, readings: matched };
}

function axisVerdict(axis: DialectAxis, verdicts: readonly ProbeVerdict[], readings: Readings): AxisVerdict {
  const probed = verdicts.filter((verdict) => verdict.probe.axis === axis && verdict.kind !== "not probed");
  if (probed.length === 0) return { kind: "not probed", axis };
  const names = probed.map((verdict) => verdict.probe.name);
  const all = [...readings.get(names[0]!)!.keys()];
  const common = probed.reduce((left, verdict) => (verdict.kind === "matches" ? left.filter((reading) => verdict.readings.includes(reading)) : []), all);
  const unmatched = probed.filter((verdict) => verdict.kind === "no reading").map((verdict) => verdict.probe.name);
  if (common.length === 0) return { kind: "no reading", axis, probes: unmatched.length > 0 ? unmatched : names };
  return common.length === 1 ? { kind: "settled", axis, reading: common[0]!, probes: names } : { kind: "undecided", axis, readings: common };
}

export function compareAnswers(braze: ReadonlyMap<string, Answer>, readings: Readings, base: Dialect): Comparison {
  const probes = LIQUID_PROBES.map((probe) => verdictOf(probe, braze.get(probe.name)!, readings.get(probe.name)!));
  const axes = AXES.map((axis) => axisVerdict(axis, probes, readings));
  const dialect = Object.fromEntries(AXES.map((axis, index) => {
    const verdict = axes[index]!;
    return [axis, verdict.kind === "settled" ? verdict.reading : base[axis]];
  })) as Dialect;
  const followed = probes.every((verdict) => verdict.kind !== "no reading") && axes.every((verdict) => verdict.kind !== "no reading");
  return { probes, axes, dialect, followed };
}
