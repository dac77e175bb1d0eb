import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  defaultDialect,
  describeDialect,
  dialectOf,
  OBSERVED_DIALECT_FILE,
  ObservedDialectError,
  readObservedDialect,
  writeObservedDialect,
  type Dialect,
  type ObservedDialect,
} from "../../liquid";
import { ProbeBodyError } from "../../probe/liquid/answers";
import { compareAnswers, type Comparison } from "../../probe/liquid/compare";
import { sendingSteps } from "../../probe/liquid/instructions";
import { localReadings } from "../../probe/liquid/local";
import { observedAfter } from "../../probe/liquid/observation";
import { readReceived } from "../../probe/liquid/received";
import { reportLines } from "../../probe/liquid/report";
import { LIQUID_PROBE_PATH, liquidProbeTemplate } from "../../probe/liquid/template";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../serve/address";
import { projectAt } from "../project";
import { parseCommandArgs, UsageError } from "./args";
import { InputError } from "./input-error";
import { readJson } from "./input-files";
import type { Io } from "./io";

const DEFAULT_URL = `http://${DEFAULT_HOST}:${DEFAULT_PORT}${LIQUID_PROBE_PATH}`;

/**
 * `bdt probe --liquid [--url <url>] [--out <file>] [--refused]` writes the Liquid probe's webhook
 * template; `bdt probe compare --liquid <received.json> [--save] [--json]` compares what Braze
 * rendered with the local layer. `argv` is the probe command's, without `--liquid`.
 */
export async function probeLiquidCommand(argv: readonly string[], io: Io): Promise<number> {
  return argv[0] === "compare" ? compareCommand(argv.slice(1), io) : writeCommand(argv, io);
}

function probeUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url: "${text}" is not a URL (give the https://… address Braze should send the probe to)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UsageError(`--url: "${text}" is not an http(s) URL`);
  return url;
}

async function writeCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { url: { type: "string" }, out: { type: "string" }, refused: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": bdt probe --liquid [--url <url>] [--out <file>] [--refused]`);
  const url = probeUrl(values.url ?? DEFAULT_URL);
  const template = liquidProbeTemplate(url.href, values.refused);
  if (values.out !== undefined) writeFileSync(resolve(io.cwd, values.out), `${JSON.stringify(template, null, 2)}\n`);

  io.out(`${template.method} ${template.url}`);
  for (const [name, value] of Object.entries(template.headers)) io.out(`${name}: ${value}`);
  io.out("");
  io.out(template.body);

  for (const line of sendingSteps(template, values.refused, values.out)) io.err(line);
  return 0;
}

/** The project's recorded dialect, if it records one: an unreadable file is bad input, not a crash. */
function recorded(root: string): ObservedDialect | undefined {
  if (!existsSync(join(root, OBSERVED_DIALECT_FILE))) return undefined;
  try {
    return readObservedDialect(root);
  } catch (error) {
    if (error instanceof ObservedDialectError) throw new InputError(error.message);
    throw error;
  }
}

function comparisonJson(comparison: Comparison) {
  return {
    dialect: comparison.dialect,
    followed: comparison.followed,
    axes: comparison.axes,
    probes: comparison.probes.map((verdict) => ({
      name: verdict.probe.name,
      axis: verdict.probe.axis ?? null,
      verdict: verdict.kind,
      ...(verdict.kind === "not probed" ? { why: verdict.why } : { braze: verdict.braze }),
      ...(verdict.kind === "matches" && { readings: verdict.readings }),
    })),
  };
}

async function compareCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { save: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError("bdt probe compare --liquid needs the file holding what Braze sent: the body as received, or the request bdt serve recorded");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": bdt probe compare --liquid <received.json> [--save] [--json]`);

  const project = projectAt(io.cwd);
  const previous = recorded(project.root);
  const base: Dialect = previous ? dialectOf(previous) : defaultDialect();
  let received;
  try {
    received = readReceived(readJson(io.cwd, file), file);
  } catch (error) {
    if (error instanceof ProbeBodyError) throw new InputError(error.message);
    throw error;
  }
  const readings = await localReadings(base);
  const comparison = compareAnswers(received.answers, readings, base);

  if (values.json) io.out(JSON.stringify({ source: received.source, sentAt: received.sentAt ?? null, ...comparisonJson(comparison) }));
  else {
    io.out(`received: ${received.source}${received.sentAt === undefined ? "" : `, sent ${received.sentAt}`}`);
    for (const line of reportLines(comparison, readings, base)) io.out(line);
  }
  if (!comparison.followed) io.err("error: Braze's Liquid does something no reading of the local layer does (MATCHES NO READING above): add that reading to liquid/dialect.ts before trusting local renders there");
  if (values.save) {
    const observed = observedAfter(comparison, previous, base, received.sentAt ?? new Date().toISOString());
    writeObservedDialect(project.root, observed);
    const settled = comparison.axes.filter((verdict) => verdict.kind === "settled").map((verdict) => verdict.axis);
    io.err(`saved ${OBSERVED_DIALECT_FILE}: ${settled.length} of ${comparison.axes.length} axes probed (${settled.join(", ") || "none"}); renders now use ${describeDialect(dialectOf(observed))}`);
  }
  return comparison.followed ? 0 : 1;
}
