// bdt syntax probe: paste into a throwaway Braze Data Transformation and press Validate. If
// Braze accepts it, save the output preview for `bdt probe compare`; if Braze reports a syntax
// error, the engine lacks this level (no file to save).
// ES2019: optional catch binding, U+2028 inside a string literal (JSON superset).
var checks = [];
try {
  throw new Error("caught without a binding");
} catch {
  checks.push(true);
}
checks.push(" ".length === 1);

return {
  events: [{ external_id: "bdt-engine-probe", name: "bdt_engine_probe", time: new Date().toISOString(), properties: { probe: "bdt syntax probe 1", "syntax.es2019": checks.every(Boolean) } }],
};
