// bdt syntax probe: paste into a throwaway Braze Data Transformation and press Validate. If
// Braze accepts it, save the output preview for `bdt probe compare`; if Braze reports a syntax
// error, the engine lacks this level (no file to save).
// ES2024: the regex v flag (set notation) as a literal.
var checks = [/[\p{L}--[a-z]]/v.test("A"), !/[\p{L}--[a-z]]/v.test("a")];

return {
  events: [{ external_id: "bdt-engine-probe", name: "bdt_engine_probe", time: new Date().toISOString(), properties: { probe: "bdt syntax probe 1", "syntax.es2024": checks.every(Boolean) } }],
};
