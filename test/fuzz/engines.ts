import { openSnippetRunner } from "../../sandbox";
import { runInV8 } from "../support/v8";
import type { Outcome } from "./outcome";

export const ENGINES = ["quickjs", "v8"] as const;
export type Engine = (typeof ENGINES)[number];

export interface EngineRunner {
  run(payload: unknown): Promise<Outcome>;
  dispose(): void;
}

/**
 * A snippet ready to run in `engine`: QuickJS is the Braze-like sandbox (one
 * warm runner); V8 runs it as a plain function body in a fresh context per
 * payload, so the suites catch a snippet that leans on either engine.
 */
export async function openEngine(engine: Engine, code: string): Promise<EngineRunner> {
  // The properties read outputs, never memory: measuring it would walk the heap after each of thousands of runs.
  if (engine === "quickjs") return openSnippetRunner(code, { measureMemory: false });
  return { run: async (payload) => inV8(code, payload), dispose: () => undefined };
}

function inV8(code: string, payload: unknown): Outcome {
  try {
    const outcome = runInV8(code, payload);
    return outcome.ok ? outcome : { ok: false, error: { kind: "throw", name: outcome.name, message: outcome.message } };
  } catch (error) {
    // What the snippet's own try/catch cannot catch: node:vm's timeout, an Error of the context's realm (so no instanceof).
    return { ok: false, error: { kind: "host", message: String((error as { message?: unknown }).message ?? error) } };
  }
}
