/**
 * One measurement of `npm run bench`: the JSON keys it fills, what it prints
 * while it runs, and its lines of the table. run.ts runs those --only names.
 */
export interface Measurement<Figures extends object> {
  readonly keys: readonly (keyof Figures & string)[];
  /** Said on stderr before measuring, as progress. */
  readonly doing: string;
  measure(): Promise<Figures>;
  table(figures: Figures): readonly string[];
}

/** Any one of them, as run.ts lists them. */
export type SomeMeasurement = Omit<Measurement<object>, "keys"> & { readonly keys: readonly string[] };

export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}
