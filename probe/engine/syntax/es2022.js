// bdt syntax probe: paste into a throwaway Braze Data Transformation and press Validate. If
// Braze accepts it, save the output preview for `bdt probe compare`; if Braze reports a syntax
// error, the engine lacks this level (no file to save).
// ES2022: class fields, private methods and fields, static blocks, `#field in`, the regex d flag.
class Counter {
  count = 1;
  #secret = 2;
  static made;
  static {
    Counter.made = true;
  }
  #double() {
    return this.#secret * 2;
  }
  static isCounter(value) {
    return #secret in value;
  }
  read() {
    return this.count + this.#double();
  }
}
var checks = [new Counter().read() === 5, Counter.made === true, Counter.isCounter(new Counter()), /b/d.exec("ab").indices[0][0] === 1];

return {
  events: [{ external_id: "bdt-engine-probe", name: "bdt_engine_probe", time: new Date().toISOString(), properties: { probe: "bdt syntax probe 1", "syntax.es2022": checks.every(Boolean) } }],
};
