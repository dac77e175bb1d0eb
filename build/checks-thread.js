// A worker thread does not inherit the main thread's TypeScript loader: it runs the checks precompiled, as the bin runs
// the CLI (build/cli-bundle), while the bundle is built from the sources as they are, else under a tsx of its own.
import { fileURLToPath, pathToFileURL } from "node:url";
import { freshBundle } from "./cli-bundle/stamp.js";

const bundle = freshBundle(fileURLToPath(new URL("..", import.meta.url)));
if (bundle === undefined) {
  (await import("tsx/esm/api")).register();
  await import("./checks-worker.ts");
} else {
  await import(pathToFileURL(bundle.checksWorker).href);
}
