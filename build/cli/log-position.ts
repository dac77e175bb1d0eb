import type { SnippetPlace } from "../source-position";

/*
 * Braze's log format is not documented: these are the ways engines and
 * people write a place in code. A stack frame's "file:LINE:COL" must follow
 * a name (worker.js, <anonymous>), never a digit, so that a timestamp's
 * "12:34:56" is not one.
 */
const FRAME = /(?<=[^\s\d:]):(\d+):(\d+)(?!\d|:\d)/g;
const WORDED = /\bline:?\s*(\d+)(?:(?:\s*,\s*|\s+)col(?:umn)?:?\s*(\d+))?/gi;
const FILE_LINE = /(?<=\.js|>):(\d+)(?!\d|:\d)/g;

/** What `bdt explain` accepts, for its messages. */
export const ACCEPTED_FORMATS = '"file.js:LINE:COL", "<anonymous>:LINE:COL", "line LINE, column COL", "line LINE col COL", "line LINE" or "file.js:LINE"';

/**
 * The snippet places a log line names, in the first of the formats above
 * that it uses: every frame of a stack written on one line, for instance.
 */
export function logPlaces(text: string): SnippetPlace[] {
  for (const pattern of [FRAME, WORDED, FILE_LINE]) {
    const places = [...text.matchAll(pattern)].map(([, line, column]) => (column === undefined ? { line: Number(line) } : { line: Number(line), column: Number(column) }));
    if (places.length > 0) return places;
  }
  return [];
}
