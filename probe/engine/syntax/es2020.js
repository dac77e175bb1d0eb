// bdt syntax probe: paste into a throwaway Braze Data Transformation and press Validate. If
// Braze accepts it, save the output preview for `bdt probe compare`; if Braze reports a syntax
// error, the engine lacks this level (no file to save).
// ES2020: optional chaining, nullish coalescing, BigInt literals.
var missing = null;
var checks = [missing?.deep?.value === undefined, (missing ?? "fallback") === "fallback", typeof 10n === "bigint"];

return {
  events: [{ external_id: "bdt-engine-probe", name: "bdt_engine_probe", time: new Date().toISOString(), properties: { probe: "bdt syntax probe 1", "syntax.es2020": checks.every(Boolean) } }],
};
