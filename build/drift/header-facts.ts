/** What a snippet's header says of it; undefined where the header (or what is left of it) does not say. */
export interface HeaderFacts {
  readonly id?: string;
  readonly version?: string;
  readonly codeSha?: string;
  readonly generatedFrom?: string;
  readonly settingsFile?: string;
}

/*
 * The lines build/header.ts writes: withHeader for a snippet, withShortHeader
 * (one line) for its --min variant. A pasted header may be any part of them.
 */
const ID = /^\/\/ (\S+?)(?:: Braze Data Transformation | \(.+\), braze-transforms )/;
const VERSION_AND_SHA = /^\/\/ braze-transforms (\S+), code sha256 ([0-9a-f]+)$/;
const GENERATED_FROM = /^\/\/ Generated from (.+): edit that, not this file\.$/;
const SETTINGS = /^\/\/ Settings baked in from (.+):$/;
const SHORT_HEADER = /^\/\/ \S+ \(.+\), braze-transforms (\S+), generated from (.+)$/;

export function readHeader(header: readonly string[]): HeaderFacts {
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
