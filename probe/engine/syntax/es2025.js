// bdt syntax probe: paste into a throwaway Braze Data Transformation and press Validate. If
// Braze accepts it, save the output preview for `bdt probe compare`; if Braze reports a syntax
// error, the engine lacks this level (no file to save).
// ES2025: regex modifiers and duplicate named groups as literals.
var checks = [/(?i:a)b/.test("Ab"), /(?<part>a)|(?<part>b)/.exec("b").groups.part === "b"];

return {
  events: [{ external_id: "bdt-engine-probe", name: "bdt_engine_probe", time: new Date().toISOString(), properties: { probe: "bdt syntax probe 1", "syntax.es2025": checks.every(Boolean) } }],
};
