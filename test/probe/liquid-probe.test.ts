import { beforeAll, describe, expect, it } from "vitest";
import { ALL_DIALECTS, AXES, defaultDialect, describeDialect, dialectOf, LiquidTemplateError, readObservedDialect, type Dialect } from "../../liquid";
import { readAnswers, REFUSED, type Answer } from "../../probe/liquid/answers";
import { compareAnswers } from "../../probe/liquid/compare";
import { localReadings, renderProbeBody, type Readings } from "../../probe/liquid/local";
import { LIQUID_PROBES } from "../../probe/liquid/probes";
import { reportLines } from "../../probe/liquid/report";
import { inputSource } from "../../probe/liquid/template";
import { ROOT } from "../support/dist";

/** What Braze would send under `dialect`: the whole template, or, when the dialect refuses it, the one written with --refused. */
async function sentUnder(dialect: Dialect): Promise<{ body: string; refused: boolean }> {
  try {
    return { body: await renderProbeBody(dialect), refused: false };
  } catch (error) {
    if (!(error instanceof LiquidTemplateError)) throw error;
    expect(error.message).toMatch(/filter "bdt_probe_unknown_filter" is not one of Braze's filters/);
    return { body: await renderProbeBody(dialect, true), refused: true };
  }
}

const base = defaultDialect();
let readings: Readings;
let bodies: Map<string, { body: string; refused: boolean }>;

beforeAll(async () => {
  readings = await localReadings(base);
  bodies = new Map();
  for (const dialect of ALL_DIALECTS) bodies.set(describeDialect(dialect), await sentUnder(dialect));
});

describe("the probe template", () => {
  it("renders locally under every dialect into a valid JSON body, refused only where an unknown filter fails", () => {
    for (const dialect of ALL_DIALECTS) {
      const { body, refused } = bodies.get(describeDialect(dialect))!;
      expect(() => JSON.parse(body), describeDialect(dialect)).not.toThrow();
      expect(refused, describeDialect(dialect)).toBe(dialect.unknownFilter === "error");
    }
  });

  it("gives every axis probes whose answers differ between its readings", () => {
    for (const axis of AXES) {
      const probes = LIQUID_PROBES.filter((probe) => probe.axis === axis);
      const telling = probes.filter((probe) => new Set([...readings.get(probe.name)!.values()].map((answer) => JSON.stringify(answer))).size > 1);
      expect(telling.length, axis).toBeGreaterThan(0);
    }
  });

  it("is the committed observations' default until probed", () => {
    expect(dialectOf(readObservedDialect(ROOT))).toEqual(base);
  });
});

describe("bdt probe compare --liquid's comparison", () => {
  it("reports D, every axis settled and no probe unexplained, for a body rendered under D, for every D", () => {
    for (const dialect of ALL_DIALECTS) {
      const comparison = compareAnswers(readAnswers(JSON.parse(bodies.get(describeDialect(dialect))!.body)), readings, base);
      expect(comparison.dialect, describeDialect(dialect)).toEqual(dialect);
      expect(comparison.followed).toBe(true);
      expect(comparison.axes.filter((axis) => axis.kind !== "settled")).toEqual([]);
      expect(comparison.probes.filter((verdict) => verdict.kind !== "matches").map((verdict) => verdict.probe.name)).toEqual([]);
    }
  });

  it("says loudly which probe matches no reading when Braze's answer is one the layer never gives", () => {
    const answers = readAnswers(JSON.parse(bodies.get(describeDialect(base))!.body));
    for (const probe of LIQUID_PROBES) {
      const edited = new Map<string, Answer>(answers);
      const original = answers.get(probe.name)!;
      edited.set(probe.name, { output: "\u0000impossible", ...(original !== REFUSED && original.input !== undefined && { input: original.input }) });
      const comparison = compareAnswers(edited, readings, base);
      expect(comparison.followed, probe.name).toBe(false);
      const verdict = comparison.probes.find((candidate) => candidate.probe.name === probe.name)!;
      expect(verdict.kind, probe.name).toBe("no reading");
      const lines = reportLines(comparison, readings, base);
      expect(lines.filter((line) => line.includes("MATCHES NO READING") && line.startsWith(probe.name))).toHaveLength(1);
      expect(lines.at(-1)).toMatch(/^Braze's Liquid MATCHES NO DIALECT of the layer: 1 probe matches no reading/);
    }
  });

  it("marks a probe not probed, and its axis unsettled, when the test user lacks the custom attribute it reads", () => {
    const answers = readAnswers(JSON.parse(bodies.get(describeDialect(base))!.body));
    const attributeProbes = LIQUID_PROBES.filter((probe) => {
      const source = inputSource(probe);
      return source !== undefined && "attribute" in source;
    });
    expect(attributeProbes.length).toBeGreaterThan(0);
    const withoutAttributes = new Map<string, Answer>(answers);
    for (const probe of attributeProbes) withoutAttributes.set(probe.name, { output: "", input: "" });
    const comparison = compareAnswers(withoutAttributes, readings, base);
    expect(comparison.followed).toBe(true);
    for (const probe of attributeProbes) {
      const verdict = comparison.probes.find((candidate) => candidate.probe.name === probe.name)!;
      expect(verdict.kind, probe.name).toBe("not probed");
      if (verdict.kind === "not probed") expect(verdict.why).toMatch(/^the test user has no custom attribute bdt_probe_/);
    }
    const hashText = comparison.axes.find((axis) => axis.axis === "hashText")!;
    expect(hashText.kind).toBe("not probed");
  });
});
