import type { Io } from "../../build/cli/io";
import { main } from "../../build/cli/main";
import { ROOT } from "../support/dist";

export interface BdtResult {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** Runs one bdt command in-process, as the bin would, with its output captured line by line. */
export async function bdt(argv: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<BdtResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: options.cwd ?? ROOT, stdin: async () => options.stdin ?? "" };
  return { code: await main(argv, io), out, err };
}
