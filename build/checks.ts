import { hold, sendRequest, type ThreadReply } from "./build-thread";
import { BuildError } from "./problems";
import type { Project } from "./project";

/** The checks the thread runs, in the order the build reports them. */
export const GATES = { static: 0, types: 1, webhookTypes: 2 } as const;

export interface CheckFailure {
  /** Which of GATES failed (the later ones did not run). */
  readonly gate: number;
  readonly summary: string;
  readonly problems: readonly string[];
}

export interface CheckRequest {
  readonly kind: "check";
  readonly id: number;
  readonly project: Project;
  /** From which of GATES to check (the earlier ones are left out). */
  readonly from: number;
}

export type CheckReply = { readonly id: number; readonly failure?: CheckFailure } | { readonly id: number; readonly crash: string };

export interface Checks {
  /** Resolves once the checks up to `gate` (one of GATES) have passed; throws the failure of the one that did not. */
  passed(gate: number): Promise<void>;
  /** Whether a check up to `gate` has already failed: the build then stops bundling, since it will fail anyway. */
  failedAlready(gate: number): boolean;
}

/**
 * Starts the build's checks on its second thread (build-thread.ts), which
 * loads its own TypeScript: the static checks, then both type checks
 * (transforms/, then webhooks/ as its tsconfig.json says). They are most of
 * a build's time, and the build emits and bundles meanwhile, and reports a
 * failing check as it always has, before anything it found itself later.
 * The thread keeps its parsed files, so a later build in the same process
 * type-checks again only what changed since the last.
 */
export function startChecks(project: Project, from: number = GATES.static): Checks {
  let settled = false;
  let failed: CheckFailure | undefined;
  let release: (() => void) | undefined;
  const result = new Promise<CheckFailure | undefined>((resolve, reject) => {
    sendRequest((id) => ({ kind: "check", id, project, from }) satisfies CheckRequest, {
      reply(message: ThreadReply) {
        const reply = message as CheckReply;
        if ("crash" in reply) reject(new Error(`the build's checks crashed: ${reply.crash}`));
        else resolve(reply.failure);
        return true;
      },
      fail: reject,
    });
  }).finally(() => {
    settled = true;
    release?.();
  });
  // Awaited by passed(); until then a crash must not count as unhandled.
  result.then((failure) => (failed = failure), () => undefined);
  return {
    async passed(gate) {
      // Only a build waiting for its checks keeps the process alive: one that failed on its own exits at once.
      if (!settled) release ??= hold();
      const failure = await result;
      if (failure && failure.gate <= gate) throw new BuildError(failure.summary, failure.problems);
    },
    failedAlready: (gate) => failed !== undefined && failed.gate <= gate,
  };
}
