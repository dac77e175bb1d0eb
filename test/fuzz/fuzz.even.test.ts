import { readManifest } from "../support/dist";
import { describeFuzz } from "./fuzz-suite";
import { describeInvariants } from "./invariants";
import { halfOf } from "./strength";

// Half of the manifest per file (the other half in fuzz.odd.test.ts), so two test workers share the load.
const even = halfOf(readManifest(), 0);
describeFuzz(even);
await describeInvariants(even);
