/**
 * contract/observed/liquid-dialect.json: the reading of each dialect axis
 * Braze was found to have and when (`bdt probe compare --liquid --save`), or
 * the layer's guess, marked `"probed": "not probed"`, until a probe settles it. Renders
 * without a dialect of their own use this file's: the local layer follows
 * what Braze did.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AXES, DIALECT_AXES, OBSERVED_DIALECT_FILE, type Dialect, type DialectAxis } from "./dialect";

export const NOT_PROBED = "not probed";

/** When an axis was settled, and by which probes. */
export interface Probed {
  readonly on: string;
  readonly probes: readonly string[];
}

export type ObservedDialect = { readonly [Axis in DialectAxis]: { readonly reading: Dialect[Axis]; readonly probed: Probed | typeof NOT_PROBED } };

/** The file is there but not what the layer can read: one line naming the file and the key. */
export class ObservedDialectError extends Error {
  override readonly name = "ObservedDialectError";
}

const ProbedSchema = z.union([z.literal(NOT_PROBED), z.strictObject({ on: z.iso.datetime(), probes: z.array(z.string()).min(1) })]);
const ObservedDialectSchema = z.strictObject(
  Object.fromEntries(AXES.map((axis) => [axis, z.strictObject({ reading: z.enum(DIALECT_AXES[axis]), probed: ProbedSchema })])),
);

function parseObserved(text: string, where: string): ObservedDialect {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ObservedDialectError(`${where}: not JSON: ${(error as Error).message}`);
  }
  const result = ObservedDialectSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ObservedDialectError(`${where}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data as unknown as ObservedDialect;
}

/** The observations recorded in the project at `root`; throws ObservedDialectError when the file is missing or unreadable. */
export function readObservedDialect(root: string): ObservedDialect {
  const file = join(root, OBSERVED_DIALECT_FILE);
  if (!existsSync(file)) throw new ObservedDialectError(`${OBSERVED_DIALECT_FILE}: no such file in ${root}`);
  return parseObserved(readFileSync(file, "utf8"), OBSERVED_DIALECT_FILE);
}

export function writeObservedDialect(root: string, observed: ObservedDialect): void {
  writeFileSync(join(root, OBSERVED_DIALECT_FILE), `${JSON.stringify(observed, null, 2)}\n`);
}

export function dialectOf(observed: ObservedDialect): Dialect {
  return Object.fromEntries(AXES.map((axis) => [axis, observed[axis].reading])) as Dialect;
}

/** This repository, whose observations are the layer's own. */
const LAYER_ROOT = fileURLToPath(new URL("..", import.meta.url));
let layerDialect: Dialect | undefined;

/** The dialect a render uses when its context gives none: the one recorded in this repository (read once). */
export function defaultDialect(): Dialect {
  layerDialect ??= dialectOf(readObservedDialect(LAYER_ROOT));
  return layerDialect;
}

/** The dialect recorded in the project at `root`, or the layer's own when the project records none. */
export function projectDialect(root: string): Dialect {
  return existsSync(join(root, OBSERVED_DIALECT_FILE)) ? dialectOf(readObservedDialect(root)) : defaultDialect();
}
