import { runInNewContext } from "node:vm";
import type { TransformModule } from "./function-body";

/**
 * The JSON value of `expression` evaluated after a bundled module's
 * definitions, in an empty V8 context: how the build reads what a transform
 * or settings module declares, exactly as the shipped code would compute it.
 */
export function evaluateModule(module: TransformModule, expression: string): unknown {
  const code = `(function () {\n${module.definitions}\nreturn ${expression};\n})()`;
  return JSON.parse(JSON.stringify(runInNewContext(code, {}, { timeout: 1000 })) ?? "null");
}
