import { Worker } from "node:worker_threads";
import { BuildError } from "./problems";
import type { Project } from "./project";

/** The checks the worker runs, in the order the build reports them. */
export const GATES = { static: 0, types: 1, webhookTypes: 2 } as const;

export interface CheckFailure {
  /** Which of GATES failed (the later ones did not run). */
  readonly gate: number;
  readonly summary: string;
  readonly problems: readonly string[];
}

export interface CheckRequest {
  readonly id: number;
  readonly project: Project;
  /** From which of GATES to check (the earlier ones are left out). */
  readonly from: number;
}

export type CheckResponse = { readonly id: number; readonly failure?: CheckFailure } | { readonly id: number; readonly crash: string };

export interface Checks {
  /** Resolves once the checks up to `gate` (one of GATES) have passed; throws the failure of the one that did not. */
  passed(gate: number): Promise<void>;
  /** Whether a check up to `gate` has already failed: the build then stops bundling, since it will fail anyway. */
  failedAlready(gate: number): boolean;
}

let thread: Worker | undefined;
const waiting = new Map<number, { resolve: (failure: CheckFailure | undefined) => void; reject: (error: Error) => void }>();
let requests = 0;

/**
 * Starts the build's checks on a worker thread, which loads its own
 * TypeScript: the static checks, then both type checks (transforms/, then
 * webhooks/ as its tsconfig.json says). They are most of a build's time, and
 * the build emits and bundles meanwhile, and reports a failing check as it
 * always has, before anything it found itself later. The thread lives as
 * long as the process (idle, it does not keep it alive), so a later build in
 * the same process reuses its parsed files and type-checks again only what
 * changed since the last.
 */
export function startChecks(project: Project, from: number = GATES.static): Checks {
  const worker = checksThread();
  const id = requests++;
  let settled = false;
  let failed: CheckFailure | undefined;
  const result = new Promise<CheckFailure | undefined>((resolve, reject) => waiting.set(id, { resolve, reject })).finally(() => {
    settled = true;
  });
  // Awaited by passed(); until then a crash must not count as unhandled.
  result.then((failure) => (failed = failure), () => undefined);
  worker.postMessage({ id, project, from } satisfies CheckRequest);
  return {
    async passed(gate) {
      // Only a build waiting for its checks keeps the process alive: one that failed on its own exits at once.
      if (!settled) worker.ref();
      const failure = await result;
      if (failure && failure.gate <= gate) throw new BuildError(failure.summary, failure.problems);
    },
    failedAlready: (gate) => failed !== undefined && failed.gate <= gate,
  };
}

/** The thread, started if it is not yet: it loads the compiler while the caller does something else. */
export function checksThread(): Worker {
  return (thread ??= startThread());
}

function startThread(): Worker {
  const worker = new Worker(new URL("./checks-thread.js", import.meta.url));
  worker.unref();
  worker.on("message", (response: CheckResponse) => {
    const request = waiting.get(response.id);
    waiting.delete(response.id);
    if (waiting.size === 0) worker.unref();
    if ("crash" in response) request?.reject(new Error(`the build's checks crashed: ${response.crash}`));
    else request?.resolve(response.failure);
  });
  const fail = (error: Error) => {
    thread = undefined;
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the build's checks stopped (exit code ${code})`)));
  return worker;
}
