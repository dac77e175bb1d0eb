import { existsSync, readFileSync } from "node:fs";
import { sep } from "node:path";
import { pathToFileURL } from "node:url";
import { convert } from "ast-v8-to-istanbul";
import libCoverage, { type CoverageMap } from "istanbul-lib-coverage";
import { parseAst } from "rollup/parseAst";
import { InputError } from "../cli/input-error";
import { parseJson } from "../cli/input-files";
import { displayPath, type Project } from "../project";
import { FUNCTION_BODY_OPENING } from "../../sandbox/errors";
import type { SnippetCoverage } from "./collect";

export type SourceMap = NonNullable<Parameters<typeof convert>[0]["sourceMap"]>;

/**
 * V8's counts, read back through each snippet's source map onto the
 * TypeScript it was built from. ast-v8-to-istanbul (what Vitest's V8
 * coverage uses) places statements, branches and functions by the snippet's
 * syntax tree, so only code a snippet carries is counted, at the TS lines the
 * map gives; code tree-shaken out of one snippet does not pass for covered
 * when another snippet carries it. The snippets' counts are summed per
 * location: a branch is covered when a fixture reached it in any snippet.
 * Only files under transforms/ are kept.
 */
export async function sourceCoverage(project: Project, snippets: readonly SnippetCoverage[], sourceMaps: ReadonlyMap<string, SourceMap>): Promise<CoverageMap> {
  const coverage = libCoverage.createCoverageMap({});
  for (const { snippet, file, code, functions } of snippets) {
    const sourceMap = sourceMaps.get(snippet.id);
    if (!sourceMap) throw new Error(`sourceCoverage: no source map given for ${snippet.id}`);
    const data = await convert({
      code,
      wrapperLength: FUNCTION_BODY_OPENING.length,
      ast: parseAst(code, { allowReturnOutsideFunction: true }) as Parameters<typeof convert>[0]["ast"],
      coverage: { url: pathToFileURL(file).href, functions: [...functions] },
      sourceMap,
    });
    coverage.merge(data);
  }
  coverage.filter((path) => path.startsWith(project.transformsDir + sep));
  return coverage;
}

/** dist/<id>.js.map, read before any fixture runs: a snippet without one cannot be reported. */
export function readSourceMap(project: Project, file: string): SourceMap {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) throw new InputError(`${displayPath(project, file)} has no source map (${displayPath(project, mapFile)}): run npm run build`);
  return parseJson(readFileSync(mapFile, "utf8"), displayPath(project, mapFile)) as SourceMap;
}
