import { parentPort } from "node:worker_threads";
import { failOnTypeErrors } from "./compile";
import { BuildError, crashText } from "./problems";
import type { Project } from "./project";
import { formatFinding, runStaticChecks } from "./static-checks";
import { createTypeScriptProgram } from "./typescript-program";
import { discoverTemplates } from "./webhooks/discover";
import { typeCheckWebhooks } from "./webhooks/typecheck";
import { runBundleJob, type BundleReply, type BundleRequest } from "./bundle-job";
import type { CheckFailure, CheckReply, CheckRequest } from "./checks";

// The build's second thread (build-thread.ts): the checks, then, once they are done, bundles beside the main thread.

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

parentPort!.on("message", (request: CheckRequest | BundleRequest) => {
  const reply = (message: CheckReply | BundleReply) => parentPort!.postMessage(message);
  if (request.kind === "bundle") return void runBundleJob(request, reply);
  try {
    reply({ id: request.id, failure: checkProject(request.project, request.from) });
  } catch (error) {
    reply({ id: request.id, crash: crashText(error) });
  }
});
