import remapping from "@jridgewell/remapping";
import { decode } from "@jridgewell/sourcemap-codec";
import type MagicString from "magic-string";

/** A source map as dist/ stores it: sources by path relative to the project root until written (see map-file.ts). */
export interface SnippetMap {
  readonly sources: readonly string[];
  readonly names: readonly string[];
  readonly mappings: string;
}

/** The bundler's map of its code. */
export interface InputMap extends SnippetMap {
  readonly version: number;
}

const BUNDLE = "\0bundle";

/**
 * The bundle's map carried through the build's own edits of its text.
 * `edited` starts as the bundle's code up to its export, which is all the
 * bundle's map covers (the entry module has no map). An unedited text keeps
 * the bundle's map as it is; otherwise magic-string maps the edited text
 * back to the bundle at every position the bundle's map names (so no column
 * is lost, and no per-character map is made), and remapping composes the two.
 */
export function mapThroughEdits(edited: MagicString, bundleMap: InputMap): SnippetMap {
  const { sources, names, mappings } = bundleMap;
  if (!edited.hasChanged()) return { sources, names, mappings };
  const lineStarts = [0];
  for (let at = edited.original.indexOf("\n"); at >= 0; at = edited.original.indexOf("\n", at + 1)) lineStarts.push(at + 1);
  decode(mappings).forEach((segments, line) => {
    const start = lineStarts[line];
    if (start !== undefined) for (const [column] of segments) edited.addSourcemapLocation(start + column);
  });
  const outer = { version: 3 as const, ...edited.generateDecodedMap({ source: BUNDLE, hires: false }) };
  const composed = remapping(outer, (file) => (file === BUNDLE ? { ...bundleMap, version: 3, sources: [...sources], names: [...names] } : null));
  return { sources: composed.sources.map(String), names: composed.names, mappings: composed.mappings as string };
}

/**
 * The map of `text` once `prefix` (whole lines: the header comment) is put
 * before it. In a v3 map each ";" starts the next generated line, and the
 * other fields are relative to the previous segment whatever its line, so
 * one ";" per prefix line shifts every segment down.
 */
export function belowPrefix(map: SnippetMap, prefix: string): SnippetMap {
  if (prefix !== "" && !prefix.endsWith("\n")) throw new Error("belowPrefix: the prefix must end a line");
  const lines = prefix.split("\n").length - 1;
  return { ...map, mappings: ";".repeat(lines) + map.mappings };
}
