/** [mtimeMs, size, sha256] of a source as it was read for the bundle. */
export type SourceRecord = readonly [number, number, string];

export interface FreshBundle {
  /** main.mjs, the bundled build/cli/main.ts. */
  readonly entry: string;
  /** checks-worker.mjs, the bundled build/checks-worker.ts. */
  readonly checksWorker: string;
  readonly commands: readonly string[];
}

export function freshBundle(root: string): FreshBundle | undefined;

export function readSource(root: string, file: string): { readonly text: string; readonly path: string; readonly record: SourceRecord };

export function writeBundle(
  root: string,
  bundle: {
    readonly chunks: readonly { readonly fileName: string; readonly code: string }[];
    readonly sources: ReadonlyMap<string, SourceRecord>;
    readonly commands: readonly string[];
    readonly bundledAt: number;
  },
): void;

export function unchangedSince(root: string, records: Readonly<Record<string, SourceRecord>>, recordedAt: number): boolean;

export function recordHolds(root: string, path: string, record: SourceRecord, recordedAt: number): boolean;

export function unchangedByStat(root: string, path: string, record: SourceRecord | undefined, recordedAt: number): boolean;
