import { createHash } from "node:crypto";
import { parseAst } from "rollup/parseAst";
import { readSnippet, type ManifestSnippet } from "../support/dist";

/*
 * How hard the property suites press each built snippet. Snippets of one
 * shape run the same code on different mapping data: that code is pressed at
 * full strength once, on the first snippet of the shape; the others run at a
 * reduced count, enough cases for their own mapping data.
 */

/** The share of the full count a snippet whose shape an earlier snippet carries runs... */
const SAME_SHAPE_SHARE = 0.05;
/** ...and never fewer cases than this, so each property still tries its own data many ways. */
const SAME_SHAPE_MIN_CASES = 10;

interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What the snippet's code does, whatever its mapping data: its source, the
 * shape's entry point it calls, and the text of every function and class it
 * declares (its data are the other declarations). Routers are each their own.
 */
export function shapeOf(snippet: ManifestSnippet): string {
  if (snippet.events.length > 1) return `router ${snippet.id}`;
  const code = readSnippet(snippet);
  const key = `${snippet.source}\0${code}`;
  // Each property file asks for every snippet's shape several times (its half, its suites' strengths): parse each text once.
  let shape = shapes.get(key);
  if (shape === undefined) shapes.set(key, (shape = codeShape(snippet.source, code)));
  return shape;
}

const shapes = new Map<string, string>();

function codeShape(source: string, code: string): string {
  const program = parseAst(code, { allowReturnOutsideFunction: true }) as unknown as { body: readonly Node[] };
  const hash = createHash("sha256");
  for (const node of program.body) {
    if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") hash.update(code.slice(node.start, node.end)).update("\0");
  }
  const entry = /^const transform = ([\w$]+)\(/m.exec(code)?.[1] ?? "none";
  return `${source} ${entry} ${hash.digest("hex")}`;
}

/** Whether each snippet runs at full strength: every router, and the first snippet of each shape (the others share its code). */
export function fullStrength(snippets: readonly ManifestSnippet[]): Map<string, boolean> {
  const seen = new Set<string>();
  return new Map(
    snippets.map((snippet) => {
      const shape = shapeOf(snippet);
      const first = !seen.has(shape);
      seen.add(shape);
      return [snippet.id, first];
    }),
  );
}

/** The cases a property runs: `full` at full strength, else the same-shape share of it (at least the minimum, at most `full`). */
export function casesAt(full: number, isFull: boolean): number {
  return isFull ? full : Math.min(full, Math.max(SAME_SHAPE_MIN_CASES, Math.ceil(full * SAME_SHAPE_SHARE)));
}

/**
 * One of two halves of the manifest, for two test files that two workers run
 * side by side: the full-strength snippets and the others are each dealt
 * alternately, so the halves weigh about the same.
 */
export function halfOf(snippets: readonly ManifestSnippet[], half: 0 | 1): (snippet: ManifestSnippet) => boolean {
  const full = fullStrength(snippets);
  const dealt = new Map<boolean, number>();
  const ids = new Set<string>();
  for (const snippet of snippets) {
    const strength = full.get(snippet.id)!;
    const turn = dealt.get(strength) ?? 0;
    dealt.set(strength, turn + 1);
    if (turn % 2 === half) ids.add(snippet.id);
  }
  return (snippet) => ids.has(snippet.id);
}
