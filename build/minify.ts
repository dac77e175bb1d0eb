import type { MinifyOptions } from "terser";
import { BuildError } from "./problems";
import type { SnippetMap } from "./source-maps/snippet-map";

export async function minifySnippet(id: string, body: string): Promise<string> {
  return (await minified(id, body)).code;
}

/** The minified body with its map: terser carries the body's map through to it. */
export async function minifyMapped(id: string, body: string, map: SnippetMap): Promise<{ code: string; map: SnippetMap }> {
  const content = { version: 3 as const, sources: [...map.sources], names: [...map.names], mappings: map.mappings };
  const result = await minified(id, body, { content, asObject: true });
  const { sources, names, mappings } = result.map as { sources: string[]; names: string[]; mappings: string };
  return { code: result.code, map: { sources, names, mappings } };
}

/**
 * Terser must accept the snippet's top-level return (`bare_returns`); a fresh
 * options object per call because terser mutates the one it is given.
 */
async function minified(id: string, body: string, sourceMap?: MinifyOptions["sourceMap"]): Promise<{ code: string; map?: unknown }> {
  // Loaded on first use: only `--min` needs it.
  const { minify } = await import("terser");
  const result = await minify(body, {
    parse: { bare_returns: true },
    compress: { ecma: 2018 },
    mangle: { toplevel: true },
    ecma: 2018,
    toplevel: true,
    format: { comments: false },
    ...(sourceMap ? { sourceMap } : {}),
  });
  if (result.code === undefined) throw new BuildError(`${id}: terser produced no code`);
  return { code: `${result.code}\n`, map: result.map };
}
