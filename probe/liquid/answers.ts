/** A rendered probe body read back: each probe's output and input as Braze (or the layer) rendered them, or that the template was refused. */
import { probeFingerprint, PROBE_MARKER } from "./template";
import { LIQUID_PROBES, type LiquidProbe } from "./probes";

export interface Rendered {
  readonly output: string;
  /** The probe's input as the render had it (a hash's keys as `a=x&b=1`). */
  readonly input?: string;
}

/** The template carrying the probe was refused: Braze sent nothing for it. */
export const REFUSED = "refused";

export type Answer = Rendered | typeof REFUSED;

/** A body that is not the probe's, or not this version's: one line saying where it breaks. */
export class ProbeBodyError extends Error {
  override readonly name = "ProbeBodyError";
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decoded(value: unknown, where: string): string {
  if (typeof value !== "string" || !BASE64.test(value)) throw new ProbeBodyError(`${where}: expected base64 text, got ${JSON.stringify(value)}`);
  try {
    return utf8.decode(Buffer.from(value, "base64"));
  } catch {
    throw new ProbeBodyError(`${where}: its base64 is not UTF-8 text`);
  }
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `json` is a probe body at all (of any version). */
export function isProbeBody(json: unknown): json is Readonly<Record<string, unknown>> {
  return isObject(json) && json.bdt_probe === PROBE_MARKER;
}

function refusedProbes(value: unknown): ReadonlySet<string> {
  const refusable = LIQUID_PROBES.filter((probe) => probe.canRefuse !== undefined).map((probe) => probe.name);
  if (!Array.isArray(value) || value.some((name) => !refusable.includes(name))) {
    throw new ProbeBodyError(`refused: expected a list of probes that can stop a send (${refusable.join(", ")}), got ${JSON.stringify(value)}`);
  }
  return new Set(value as string[]);
}

function answerOf(probe: LiquidProbe, value: unknown): Rendered {
  const where = `probes.${probe.name}`;
  if (!isObject(value)) throw new ProbeBodyError(`${where}: missing: every probe of this version sends one`);
  const output = decoded(value.output, `${where}.output`);
  return probe.input === undefined ? { output } : { output, input: decoded(value.input, `${where}.input`) };
}

/** Every probe's answer in a probe body; throws ProbeBodyError for a body of another version or one that lost a probe. */
export function readAnswers(body: Readonly<Record<string, unknown>>): ReadonlyMap<string, Answer> {
  const fingerprint = probeFingerprint();
  if (body.fingerprint !== fingerprint) {
    throw new ProbeBodyError(`it was sent by another version of the probe (fingerprint ${JSON.stringify(body.fingerprint)}, this one ${fingerprint}): write it again with bdt probe --liquid and send that`);
  }
  const refused = refusedProbes(body.refused);
  const probes = isObject(body.probes) ? body.probes : {};
  return new Map(LIQUID_PROBES.map((probe): [string, Answer] => [probe.name, refused.has(probe.name) ? REFUSED : answerOf(probe, probes[probe.name])]));
}
