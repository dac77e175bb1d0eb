// bdt syntax probe: paste into a throwaway Braze Data Transformation and press Validate. If
// Braze accepts it, save the output preview for `bdt probe compare`; if Braze reports a syntax
// error, the engine lacks this level (no file to save).
// ES2021: logical assignment, numeric separators.
var target = { present: 0 };
target.absent ??= 1;
target.present ||= 2;
target.present &&= 3;
var checks = [target.absent === 1, target.present === 3, 1_000_000 === 1000000];

return {
  events: [{ external_id: "bdt-engine-probe", name: "bdt_engine_probe", time: new Date().toISOString(), properties: { probe: "bdt syntax probe 1", "syntax.es2021": checks.every(Boolean) } }],
};
