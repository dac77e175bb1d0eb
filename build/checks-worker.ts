import { parentPort } from "node:worker_threads";
import { failOnTypeErrors } from "./compile";
import { BuildError } from "./problems";
import type { Project } from "./project";
import { formatFinding, runStaticChecks } from "./static-checks";
import { createTypeScriptProgram } from "./typescript-program";
import { discoverTemplates } from "./webhooks/discover";
import { typeCheckWebhooks } from "./webhooks/typecheck";
import type { CheckFailure, CheckRequest, CheckResponse } from "./checks";

/**
 * The build's checks, in the order it reports them, up to the first that
 * fails: the static checks, the transforms' program, then the webhook
 * templates'. Each failure is the BuildError the build reports, with the
 * index of its check.
 */
function checkProject(project: Project, from: number): CheckFailure | undefined {
  const gates = [
    () => {
      const findings = runStaticChecks(project);
      if (findings.length > 0) throw new BuildError(`static checks failed (${findings.length})`, findings.map(formatFinding));
    },
    () => failOnTypeErrors(createTypeScriptProgram(project).check()),
    () => {
      if (discoverTemplates(project).length > 0) typeCheckWebhooks(project);
    },
  ];
  for (const [gate, run] of gates.entries()) {
    if (gate < from) continue;
    try {
      run();
    } catch (error) {
      if (error instanceof BuildError) return { gate, summary: error.summary, problems: error.problems };
      throw error;
    }
  }
  return undefined;
}

parentPort!.on("message", ({ id, project, from }: CheckRequest) => {
  let response: CheckResponse;
  try {
    response = { id, failure: checkProject(project, from) };
  } catch (error) {
    response = { id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
