/**
 * `npm install` (prepare) and `npm run build`: bundles the CLI unless the
 * bundle there is built from the sources as they are.
 */
import { fileURLToPath } from "node:url";
import { bundleCli } from "./bundle-cli";
import { freshBundle } from "./stamp.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
if (freshBundle(ROOT) === undefined) await bundleCli(ROOT);
