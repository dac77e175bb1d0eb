import type { ManifestSnippet } from "../support/dist";
import { describeFuzz } from "./fuzz-suite";
import { describeInvariants } from "./invariants";

// Half of the manifest per file (the other half in fuzz.odd.test.ts), so two test workers share the load.
const even = (_snippet: ManifestSnippet, index: number) => index % 2 === 0;
describeFuzz(even);
await describeInvariants(even);
