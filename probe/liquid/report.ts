/** The comparison as `bdt probe compare --liquid` prints it: a line per probe, a line per axis, a summary. */
import { describeDialect, type Dialect } from "../../liquid";
import { REFUSED, type Answer } from "./answers";
import type { AxisVerdict, Comparison, ProbeVerdict } from "./compare";
import { ONLY_READING, type Readings } from "./local";

/** An answer on one line, every invisible character escaped. */
function shown(answer: Answer): string {
  if (answer === REFUSED) return "refused the template";
  return JSON.stringify(answer.output).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, "0")}`);
}

/** The reading the layer renders by default for this probe, and what it gives. */
function layerDefault(verdict: ProbeVerdict, readings: Readings, base: Dialect): { reading: string; answer: Answer } {
  const reading = verdict.probe.axis === undefined ? ONLY_READING : base[verdict.probe.axis];
  return { reading, answer: readings.get(verdict.probe.name)!.get(reading)! };
}

function probeLine(verdict: ProbeVerdict, readings: Readings, base: Dialect): string {
  const { probe } = verdict;
  const name = probe.axis === undefined ? probe.name : `${probe.name} (${probe.axis})`;
  if (verdict.kind === "not probed") return `${name}: not probed: ${verdict.why}`;
  const local = layerDefault(verdict, readings, base);
  const braze = shown(verdict.braze);
  if (verdict.kind === "no reading") {
    const each = probe.axis === undefined ? `gives ${shown(local.answer)} (its only reading)` : `has ${[...readings.get(probe.name)!].map(([reading, answer]) => `${reading} ${shown(answer)}`).join(", ")}`;
    return `${name}: MATCHES NO READING: Braze ${braze}; the layer ${each}: it cannot follow Braze here`;
  }
  if (probe.axis === undefined) return `${name}: Braze ${braze}, as the layer`;
  if (verdict.readings.length === readings.get(probe.name)!.size) return `${name}: Braze ${braze}, the same under every reading`;
  const same = verdict.readings.includes(local.reading);
  const difference = same ? "as the layer's default" : `where the layer's default (${local.reading}) gives ${shown(local.answer)}`;
  return `${name}: Braze ${braze} = ${verdict.readings.join(" or ")}, ${difference}`;
}

function axisLine(verdict: AxisVerdict, base: Dialect): string {
  const was = base[verdict.axis];
  switch (verdict.kind) {
    case "settled":
      return `  ${verdict.axis}: ${verdict.reading}${verdict.reading === was ? "" : ` (the layer's default was ${was})`}`;
    case "not probed":
      return `  ${verdict.axis}: not probed (stays ${was})`;
    case "undecided":
      return `  ${verdict.axis}: undecided between ${verdict.readings.join(" and ")} (stays ${was})`;
    case "no reading":
      return `  ${verdict.axis}: MATCHES NO READING (probes ${verdict.probes.join(", ")}): the layer cannot follow Braze here`;
  }
}

export function reportLines(comparison: Comparison, readings: Readings, base: Dialect): string[] {
  const { axes, probes } = comparison;
  const changed = axes.filter((verdict) => verdict.kind === "settled" && verdict.reading !== base[verdict.axis]).length;
  const notProbed = axes.filter((verdict) => verdict.kind === "not probed" || verdict.kind === "undecided").length;
  const unfollowed = probes.filter((verdict) => verdict.kind === "no reading").length;
  const summary = comparison.followed
    ? `Braze's Liquid matches ${describeDialect(comparison.dialect)}`
    : `Braze's Liquid MATCHES NO DIALECT of the layer: ${unfollowed} probe${unfollowed === 1 ? "" : "s"} match${unfollowed === 1 ? "es" : ""} no reading; the nearest is ${describeDialect(comparison.dialect)}`;
  return [
    ...probes.map((verdict) => probeLine(verdict, readings, base)),
    "axes:",
    ...axes.map((verdict) => axisLine(verdict, base)),
    `${summary} (${changed} of ${axes.length} axes differ from the layer's default, ${notProbed} not probed)`,
  ];
}
