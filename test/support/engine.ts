import { engineToRun } from "../../build/observed-engine";
import { ROOT } from "./dist";

/**
 * The engine the transform suites run the built snippets in: BDT_ENGINE when set (BDT_ENGINE=v8
 * npm test), else the one `bdt probe compare --save` recorded. The V8 cross-check runs as well.
 */
export const TEST_ENGINE = engineToRun(ROOT, process.env.BDT_ENGINE, "BDT_ENGINE");
