/**
 * The webhook template `bdt probe --liquid` writes. Its body is valid JSON
 * whatever Braze's Liquid does: each probe's raw output (and its input, as
 * Braze had it) is captured and sent base64-encoded with the newlines a
 * wrapping base64_encode adds stripped, so the comparison gets every
 * character back exactly.
 */
import { createHash } from "node:crypto";
import type { ShippedWebhook } from "../../build/webhooks/dist-files";
import { LIQUID_PROBES, type LiquidProbe } from "./probes";

export const LIQUID_PROBE_ID = "bdt-probe/liquid";
/** Where bdt serve takes the probe's webhook: beside the inspector, though it is no template of dist/. */
export const LIQUID_PROBE_PATH = `/inspect/${LIQUID_PROBE_ID}`;
/** What marks a body as the Liquid probe's. */
export const PROBE_MARKER = "liquid";

/** Text a person can paste into Braze's composer unchanged: no control character but the newline (an editor may turn a tab into spaces), no invisible format character. */
const PASTEABLE = /^(?:\n|[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}])*$/u;

/** Where a probe's input comes from: written into the template, or a custom attribute of the test user. */
export type InputSource = { readonly literal: string } | { readonly attribute: string; readonly value: LiquidProbe["input"] };

export function inputSource(probe: LiquidProbe): InputSource | undefined {
  const { input } = probe;
  if (input === undefined) return undefined;
  if (typeof input === "string" && PASTEABLE.test(input)) return { literal: input };
  return { attribute: `bdt_probe_${probe.name.replace(/\W/g, "_")}`, value: input };
}

/** The custom attributes the test user needs for the probes whose input cannot be written into a template. */
export function probeAttributes(): Record<string, unknown> {
  return Object.fromEntries(LIQUID_PROBES.flatMap((probe) => {
    const source = inputSource(probe);
    return source && "attribute" in source ? [[source.attribute, source.value]] : [];
  }));
}

/** Identifies this set of probes: a body sent for another set cannot be compared with this one. */
export function probeFingerprint(): string {
  const questions = LIQUID_PROBES.map((probe) => [probe.name, probe.axis ?? null, probe.liquid("input"), probe.input ?? null, probe.canRefuse !== undefined]);
  return createHash("sha256").update(JSON.stringify(questions)).digest("hex").slice(0, 16);
}

const sent = (variable: string) => `{{ ${variable} | base64_encode | strip_newlines }}`;

/** How the input is read into `variable`, and what of it is sent back: the text itself, or each key of a hash. */
function readInput(source: InputSource, variable: string): { readonly setup: string; readonly check: string } {
  if ("literal" in source) return { setup: `{%- capture ${variable} %}${source.literal}{% endcapture -%}`, check: variable };
  const setup = `{%- assign ${variable} = custom_attribute.\${${source.attribute}} -%}`;
  if (typeof source.value === "string") return { setup, check: variable };
  const keys = Object.keys(source.value ?? {}).map((key) => `${key}={{ ${variable}.${key} }}`);
  return { setup: `${setup}{%- capture ${variable}_check -%}${keys.join("&")}{%- endcapture -%}`, check: `${variable}_check` };
}

/** The probes a template carries: all of them, or, once Braze refused that, all but those that can make it refuse. */
export function probesSent(refused: boolean): readonly LiquidProbe[] {
  return refused ? LIQUID_PROBES.filter((probe) => probe.canRefuse === undefined) : LIQUID_PROBES;
}

/** The probe as a webhook template of Braze's composer (the shape of dist/webhooks/<partner>/<name>.json), sending to `url`. */
export function liquidProbeTemplate(url: string, refused: boolean): ShippedWebhook {
  const setup: string[] = [];
  const fields: string[] = [];
  probesSent(refused).forEach((probe, index) => {
    const source = inputSource(probe);
    const input = source && readInput(source, `input_${index}`);
    if (input) setup.push(input.setup);
    setup.push(`{%- capture output_${index} -%}${probe.liquid(`input_${index}`)}{%- endcapture -%}`);
    const answer = input ? `"input": "${sent(input.check)}", "output": "${sent(`output_${index}`)}"` : `"output": "${sent(`output_${index}`)}"`;
    fields.push(`    ${JSON.stringify(probe.name)}: { ${answer} }`);
  });
  const left = refused ? LIQUID_PROBES.filter((probe) => probe.canRefuse !== undefined).map((probe) => probe.name) : [];
  const body = [
    "{%- comment -%} bdt probe --liquid: what Braze's Liquid does where its docs are silent. Send it once from the composer's Test tab, then: bdt probe compare --liquid <the request as received>. {%- endcomment -%}",
    ...setup,
    "{",
    `  "bdt_probe": ${JSON.stringify(PROBE_MARKER)},`,
    `  "fingerprint": ${JSON.stringify(probeFingerprint())},`,
    `  "refused": ${JSON.stringify(left)},`,
    '  "probes": {',
    fields.join(",\n"),
    "  }",
    "}",
  ].join("\n");
  return { id: LIQUID_PROBE_ID, partner: "bdt-probe", method: "POST", url, headers: { "Content-Type": "application/json" }, body };
}
