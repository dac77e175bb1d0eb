// A worker thread does not inherit the main thread's TypeScript loader (tsx): it registers its own, then runs the checks.
import { register } from "tsx/esm/api";

register();
await import("./checks-worker.ts");
