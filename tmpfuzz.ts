import fc from "fast-check";
import { runSnippet } from "./sandbox";
import { readManifest, readSnippet } from "./test/support/dist";
import { documentedPayload, seedFor } from "./test/fuzz/campaign-setup";
import { mutatedPayload } from "./test/fuzz/mutations";
import { unacceptable } from "./test/fuzz/outcome";
const runs = Number(process.argv[2] ?? 200);
let failures = 0;
for (const snippet of readManifest().filter((s) => !process.argv[3] || s.id.includes(process.argv[3]))) {
  const code = readSnippet(snippet);
  const payloads = fc.constantFrom(...snippet.events.map(documentedPayload)).chain(mutatedPayload);
  const t = performance.now();
  const details = await fc.check(fc.asyncProperty(payloads, async ({ payload }) => {
    const problem = unacceptable(await runSnippet(code, payload), snippet.destination);
    if (problem) throw new Error(problem);
  }), { numRuns: runs, seed: seedFor(snippet.id) });
  if (details.failed) { failures++; console.log("FAIL", snippet.id, String(details.errorInstance).slice(0, 300), JSON.stringify(details.counterexample)?.slice(0, 600)); }
  else console.log("ok", snippet.id, Math.round(performance.now() - t), "ms");
}
console.log("failures", failures);
