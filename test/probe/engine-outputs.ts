import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSnippet, type EngineName } from "../../sandbox";
import { engineProbe, syntaxProbes } from "../../probe/engine/probes";

/** Headers like the ones Braze documents for a transformation's webhook. */
export const BRAZE_LIKE_HEADERS = { "Content-Type": "application/json", "Cf-Ray": "8f1e", "User-Agent": "Regal-Webhooks/1.0", "X-Worker-Executions": "1" };

/**
 * What a user would save from Braze if Braze's engine were `engine`: the engine probe's output
 * and the output of every syntax probe that compiled there, as files. Returns their paths,
 * the engine probe's first.
 */
export async function probeOutputsOf(engine: EngineName, headers: Record<string, string> = BRAZE_LIKE_HEADERS): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), `bdt-probe-${engine}-`));
  const ran = await runSnippet(engineProbe(), { any: "webhook" }, { engine, headers });
  if (!ran.ok) throw new Error(`the engine probe failed in ${engine}: ${ran.error.message}`);
  const files = [join(dir, "engine.json")];
  writeFileSync(files[0]!, JSON.stringify(ran.output, null, 2));
  for (const probe of syntaxProbes()) {
    const syntax = await runSnippet(probe.code, {}, { engine });
    if (!syntax.ok) continue;
    const file = join(dir, `${probe.level}.json`);
    writeFileSync(file, JSON.stringify(syntax.output));
    files.push(file);
  }
  return files;
}
