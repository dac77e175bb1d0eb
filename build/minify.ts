import { minify } from "terser";
import { BuildError } from "./problems";

/**
 * Terser must accept the snippet's top-level return (`bare_returns`); a fresh
 * options object per call because terser mutates the one it is given.
 */
export async function minifySnippet(id: string, body: string): Promise<string> {
  const result = await minify(body, {
    parse: { bare_returns: true },
    compress: { ecma: 2018 },
    mangle: { toplevel: true },
    ecma: 2018,
    toplevel: true,
    format: { comments: false },
  });
  if (result.code === undefined) throw new BuildError(`${id}: terser produced no code`);
  return `${result.code}\n`;
}
