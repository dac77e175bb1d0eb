import { sha256 } from "../header";

/** A snippet's text as verify compares it: its leading comment lines (the header) and the code below them. */
export interface SnippetText {
  /** The comment lines above the code, blank lines left out. */
  readonly header: readonly string[];
  /** How many lines come before the code: diffs number lines as in the file. */
  readonly codeStart: number;
  readonly code: readonly string[];
}

/**
 * The text as it survives a copy out of Braze's editor and back: CRLF or CR
 * line endings, a leading BOM, spaces and tabs at line ends and blank lines
 * at the end come and go, and none changes what the code does. Nothing else
 * is touched: a non-breaking space or a tab inside a string is a real change.
 */
export function readSnippetText(text: string): SnippetText {
  const unmarked = text.replace(/^\uFEFF/, "");
  // dist/ holds only "\n": the regular expression is for what came back through an editor.
  const lines = (unmarked.includes("\r") ? unmarked.split(/\r\n|\r|\n/) : unmarked.split("\n")).map(withoutTrailingBlanks);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  let codeStart = 0;
  while (codeStart < lines.length && (lines[codeStart] === "" || lines[codeStart]!.trimStart().startsWith("//"))) codeStart++;
  return { header: lines.slice(0, codeStart).filter((line) => line !== ""), codeStart, code: lines.slice(codeStart) };
}

/** The first 16 hex digits of the code's sha256, as the header states them (build/header.ts). */
export function codeSha(text: SnippetText): string {
  return sha256(`${text.code.join("\n")}\n`).slice(0, 16);
}

/** The line without the spaces and tabs it ends with; a scan from the end, as /[ \t]+$/ retries from every blank inside a line. */
function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}
