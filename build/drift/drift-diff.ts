import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from "diff";
import type { DistSnippet } from "./dist-snippets";
import { units } from "./similarity";
import type { SnippetText } from "./snippet-text";

/** How pasted code differs from the dist/ snippet it is closest to. */
export interface Drift {
  /** A unified diff, dist/ → pasted, of the code below the headers, numbered as in the files (a minified snippet: by statement). */
  readonly diff: string;
  /** Runs of changed units, as a reader counts the places that were edited. */
  readonly places: number;
  readonly removed: number;
  readonly added: number;
  readonly unit: "line" | "statement";
  /** Whether only spaces, tabs and line breaks differ: harmless outside strings, which verify cannot tell apart. */
  readonly whitespaceOnly: boolean;
  /** Whether changed lines hold characters that print as nothing or as a space (a browser's non-breaking space). */
  readonly invisible: boolean;
}

/** Characters a terminal shows as a space or as nothing: in a diff they are written `<U+00A0>`. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;

export function driftDiff(from: DistSnippet, pasted: SnippetText, pastedName: string): Drift {
  const text = (code: readonly string[]) => `${units(code, from.minified).join("\n")}\n`;
  const patch = structuredPatch(from.file, pastedName, text(from.code), text(pasted.code), undefined, undefined, { context: 3 });
  let places = 0;
  let removed = 0;
  let added = 0;
  let invisible = false;
  for (const hunk of patch.hunks) {
    if (!from.minified) {
      hunk.oldStart += from.codeStart;
      hunk.newStart += pasted.codeStart;
    }
    let inChange = false;
    hunk.lines = hunk.lines.map((line) => {
      const changed = line.startsWith("-") || line.startsWith("+");
      if (changed && !inChange) places++;
      inChange = changed;
      if (line.startsWith("-")) removed++;
      if (line.startsWith("+")) added++;
      const shown = line.replace(INVISIBLE, (char) => `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
      invisible ||= changed && shown !== line;
      return shown;
    });
  }
  const squeezed = (code: readonly string[]) => code.join("").replace(/\s+/g, "");
  return {
    diff: formatPatch(patch, FILE_HEADERS_ONLY),
    places,
    removed,
    added,
    unit: from.minified ? "statement" : "line",
    whitespaceOnly: squeezed(from.code) === squeezed(pasted.code),
    invisible,
  };
}
