import { describeFuzz } from "./fuzz-suite";

describeFuzz((snippet) => /^regal\/(agent|call|cancel|contact|custom)/.test(snippet.id));
