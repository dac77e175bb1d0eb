import { readManifest } from "../support/dist";
import { describeFuzz } from "./fuzz-suite";
import { describeInvariants } from "./invariants";
import { halfOf } from "./strength";

// The other half of the manifest (fuzz.even.test.ts).
const odd = halfOf(readManifest(), 1);
describeFuzz(odd);
await describeInvariants(odd);
