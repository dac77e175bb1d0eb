import { createHash } from "node:crypto";
import type { SnippetMeta } from "./metadata";

export interface HeaderFacts {
  readonly id: string;
  readonly sourceFile: string;
  readonly settingsFile: string;
  readonly settings: Record<string, unknown>;
  readonly packageVersion: string;
  readonly meta: SnippetMeta;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * What a reviewer or the person pasting needs before reading the code. The
 * hash covers the code below the header, so an edit made in Braze's editor
 * shows up as a mismatch against dist/.
 */
export function withHeader(facts: HeaderFacts, body: string): string {
  const { meta } = facts;
  const settingsLines = Object.entries(facts.settings).map(([key, value]) => `//   ${key}: ${JSON.stringify(value)}`);
  const lines = [
    meta.events.length === 1
      ? `// ${facts.id}: Braze Data Transformation for ${meta.source} "${meta.events[0]}"`
      : `// ${facts.id}: Braze Data Transformation routing ${meta.events.length} ${meta.source} events on payload.name:`,
    ...(meta.events.length === 1 ? [] : wrap(meta.events, "//   ")),
    `// Destination: ${meta.destination}`,
    ...(meta.events.length === 1 ? writesLines(meta) : []),
    `// Settings baked in from ${facts.settingsFile}:`,
    ...(settingsLines.length > 0 ? settingsLines : ["//   (none)"]),
    `// braze-transforms ${facts.packageVersion}, code sha256 ${sha256(body).slice(0, 16)}`,
    `// Generated from ${facts.sourceFile}: edit that file, not this one.`,
    `// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.`,
  ];
  return `${lines.join("\n")}\n\n${body}`;
}

/** The minified variant keeps one line saying what it is and where it comes from. */
export function withShortHeader(facts: HeaderFacts, body: string): string {
  return `// ${facts.id} (${facts.meta.destination}), braze-transforms ${facts.packageVersion}, generated from ${facts.sourceFile}\n${body}`;
}

function writesLines(meta: SnippetMeta): string[] {
  const doc = meta.mapping[0]!;
  const flag = doc.updateExistingOnly === undefined ? "" : ` (_update_existing_only ${doc.updateExistingOnly})`;
  return [`// Writes: ${doc.writes.join("; ")}${flag}`];
}

/** Comma-separated items on lines of at most 100 characters. */
function wrap(items: readonly string[], prefix: string): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const item of items) {
    if (line !== prefix && line.length + item.length + 2 > 100) {
      lines.push(line.trimEnd());
      line = prefix;
    }
    line += `${item}, `;
  }
  lines.push(line.replace(/, $/, ""));
  return lines;
}
