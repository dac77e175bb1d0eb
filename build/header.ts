import { createHash } from "node:crypto";
import type { SnippetPlan } from "./plan";

export interface HeaderFacts {
  readonly plan: SnippetPlan;
  readonly settingsFile: string;
  /** The settings the snippet inlines, as it inlines them. */
  readonly settings: Record<string, unknown>;
  readonly packageVersion: string;
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
  const { plan } = facts;
  const events = plan.events.map((event) => event.event);
  const lines = [
    plan.router
      ? `// ${plan.id}: Braze Data Transformation routing ${events.length} ${plan.source.id} events on payload.${plan.source.eventField}:`
      : `// ${plan.id}: Braze Data Transformation for ${plan.source.id} "${events[0]}"`,
    ...(plan.router ? wrap(events, "//   ") : []),
    `// Destination: ${plan.destination}`,
    ...(plan.router ? [] : [writesLine(plan)]),
    `// Settings baked in from ${facts.settingsFile}:`,
    ...settingsLines(facts.settings),
    `// braze-transforms ${facts.packageVersion}, code sha256 ${sha256(body).slice(0, 16)}`,
    `// Generated from ${plan.sourceFile}: edit that, not this file.`,
    `// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.`,
  ];
  return `${lines.join("\n")}\n\n${body}`;
}

/** The minified variant keeps one line saying what it is and where it comes from. */
export function withShortHeader(facts: HeaderFacts, body: string): string {
  return `// ${facts.plan.id} (${facts.plan.destination}), braze-transforms ${facts.packageVersion}, generated from ${facts.plan.sourceFile}\n${body}`;
}

function writesLine(plan: SnippetPlan): string {
  const event = plan.events[0]!;
  const update = event.settings.updateExistingOnly;
  return `// Writes: ${event.description.writes.join("; ")}${update === undefined ? "" : ` (_update_existing_only ${update})`}`;
}

function settingsLines(settings: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (key !== "events" || typeof value !== "object" || value === null) lines.push(`//   ${key}: ${JSON.stringify(value)}`);
    else for (const [event, own] of Object.entries(value)) lines.push(`//   events["${event}"]: ${JSON.stringify(own)}`);
  }
  return lines.length > 0 ? lines : ["//   (none)"];
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

/** What a snippet's header says of it; undefined where the header (or what is left of it) does not say. */
export interface PastedHeader {
  readonly id?: string;
  readonly version?: string;
  readonly codeSha?: string;
  readonly generatedFrom?: string;
  readonly settingsFile?: string;
}

/*
 * Reading back the lines withHeader and withShortHeader write, for bdt verify:
 * a header pasted back from Braze may be any part of them.
 */
const ID = /^\/\/ (\S+?)(?:: Braze Data Transformation | \(.+\), braze-transforms )/;
const VERSION_AND_SHA = /^\/\/ braze-transforms (\S+), code sha256 ([0-9a-f]+)$/;
const GENERATED_FROM = /^\/\/ Generated from (.+): edit that, not this file\.$/;
const SETTINGS = /^\/\/ Settings baked in from (.+):$/;
const SHORT_HEADER = /^\/\/ \S+ \(.+\), braze-transforms (\S+), generated from (.+)$/;

export function readHeader(header: readonly string[]): PastedHeader {
  const match = (pattern: RegExp) => header.map((line) => pattern.exec(line)).find((found) => found !== null);
  const versionAndSha = match(VERSION_AND_SHA);
  const short = match(SHORT_HEADER);
  return {
    id: match(ID)?.[1],
    version: versionAndSha?.[1] ?? short?.[1],
    codeSha: versionAndSha?.[2],
    generatedFrom: match(GENERATED_FROM)?.[1] ?? short?.[2],
    settingsFile: match(SETTINGS)?.[1],
  };
}
