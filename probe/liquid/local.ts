/** The probe rendered by the local layer: under one dialect, and under each reading of each axis (what the comparison matches Braze's answers against). */
import { AXES, DIALECT_AXES, LiquidTemplateError, parseProfile, renderWebhook, withReading, type Dialect, type DialectAxis } from "../../liquid";
import { readAnswers, type Answer } from "./answers";
import { LIQUID_PROBES } from "./probes";
import { liquidProbeTemplate, probeAttributes } from "./template";

/** Braze's test user as the probe needs it: the custom attributes `bdt probe --liquid` asks for. */
const TEST_USER = parseProfile({ custom_attributes: probeAttributes() }, "the probe's test user").profile;
const SEND_TIME = new Date("2026-12-01T12:00:00Z");
const LOCAL_URL = "https://bdt-probe.invalid/liquid";

/** The probe's body as the layer renders it under `dialect` (the template written with --refused when `refused`); throws LiquidTemplateError when the layer refuses the template. */
export async function renderProbeBody(dialect: Dialect, refused = false): Promise<string> {
  const result = await renderWebhook(liquidProbeTemplate(LOCAL_URL, refused), { user: TEST_USER, now: SEND_TIME, dialect });
  if (!result.sent) throw new Error(`the probe template aborted in the ${result.field} field: ${result.reason}`);
  return result.body;
}

/** Every probe's answer under `dialect`: when the layer refuses the whole template, as Braze may, the probes that can refuse it are REFUSED and the rest come from the template without them. */
export async function localAnswers(dialect: Dialect): Promise<ReadonlyMap<string, Answer>> {
  let body: string;
  try {
    body = await renderProbeBody(dialect);
  } catch (error) {
    if (!(error instanceof LiquidTemplateError)) throw error;
    body = await renderProbeBody(dialect, true);
  }
  return readAnswers(JSON.parse(body) as Record<string, unknown>);
}

/** For each probe, what the layer answers under each reading of its axis (`base` elsewhere), or its one answer under `base` when it has no axis. */
export type Readings = ReadonlyMap<string, ReadonlyMap<string, Answer>>;

/** The only reading of a probe with no axis. */
export const ONLY_READING = "the layer's only reading";

export async function localReadings(base: Dialect): Promise<Readings> {
  const underBase = await localAnswers(base);
  const byAxis = new Map<DialectAxis, Map<string, ReadonlyMap<string, Answer>>>();
  for (const axis of AXES) {
    const readings = new Map<string, ReadonlyMap<string, Answer>>();
    for (const reading of DIALECT_AXES[axis]) readings.set(reading, await localAnswers(withReading(base, axis, reading)));
    byAxis.set(axis, readings);
  }
  return new Map(
    LIQUID_PROBES.map((probe) => {
      if (probe.axis === undefined) return [probe.name, new Map([[ONLY_READING, underBase.get(probe.name)!]])];
      const readings = byAxis.get(probe.axis)!;
      return [probe.name, new Map([...readings].map(([reading, answers]) => [reading, answers.get(probe.name)!]))];
    }),
  );
}
