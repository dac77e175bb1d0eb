/** The liquidjs instances fields render with: Ruby value semantics, Braze's filters only, Braze's tags, outputs printed as the dialect says. */
import { Liquid, type Context } from "liquidjs";
import type { Dialect } from "./dialect";
import { BRAZE_FILTERS } from "./filters";
import { RUBY_OPERATORS } from "./operators";
import { renderStateOf } from "./render-state";
import { printed } from "./ruby-text";
import { BRAZE_TAGS, LIQUIDJS_ONLY_TAGS } from "./tags";

/** Every `{{ }}` ends with this: the value written as the render's dialect prints it (arrays, hashes, Floats). */
function print(this: { context: Context }, value: unknown): string {
  return printed(value, renderStateOf(this.context).dialect);
}

function createEngine(strictFilters: boolean): Liquid {
  const liquid = new Liquid({
    strictFilters,
    strictVariables: false,
    jsTruthy: false,
    ownPropertyOnly: true,
    operators: RUBY_OPERATORS,
    outputEscape: print,
    // Braze's clock is UTC; a date string with an offset keeps it, as Ruby's Time.parse does.
    timezoneOffset: 0,
    preserveTimezones: true,
  });
  for (const name of Object.keys(liquid.filters)) liquid.unregisterFilter(name);
  for (const [name, filter] of Object.entries(BRAZE_FILTERS)) liquid.registerFilter(name, filter);
  for (const name of LIQUIDJS_ONLY_TAGS) delete liquid.tags[name];
  for (const [name, tag] of Object.entries(BRAZE_TAGS)) liquid.registerTag(name, tag);
  return liquid;
}

/** One engine per reading of unknownFilter: liquidjs fixes strictFilters when an engine is made. */
const ENGINES: { readonly [Reading in Dialect["unknownFilter"]]: Liquid } = { error: createEngine(true), passthrough: createEngine(false) };

export function engineFor(dialect: Dialect): Liquid {
  return ENGINES[dialect.unknownFilter];
}
