import type { ManifestSnippet } from "../support/dist";
import { describeFuzz } from "./fuzz-suite";
import { describeInvariants } from "./invariants";

// The other half of the manifest (fuzz.even.test.ts).
const odd = (_snippet: ManifestSnippet, index: number) => index % 2 === 1;
describeFuzz(odd);
await describeInvariants(odd);
