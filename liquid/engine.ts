/** The liquidjs instance every field renders with: Ruby value semantics, Braze's filters only, Braze's tags. */
import { Liquid } from "liquidjs";
import { BRAZE_FILTERS, NOT_IMPLEMENTED_LOCALLY } from "./filters";
import { RUBY_OPERATORS } from "./operators";
import { BRAZE_TAGS, LIQUIDJS_ONLY_TAGS } from "./tags";

function createEngine(): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    jsTruthy: false,
    ownPropertyOnly: true,
    operators: RUBY_OPERATORS,
    // Braze's clock is UTC; a date string with an offset keeps it, as Ruby's Time.parse does.
    timezoneOffset: 0,
    preserveTimezones: true,
  });
  for (const name of Object.keys(liquid.filters)) liquid.unregisterFilter(name);
  for (const [name, filter] of Object.entries(BRAZE_FILTERS)) {
    if (filter !== NOT_IMPLEMENTED_LOCALLY) liquid.registerFilter(name, filter);
  }
  for (const name of LIQUIDJS_ONLY_TAGS) delete liquid.tags[name];
  for (const [name, tag] of Object.entries(BRAZE_TAGS)) liquid.registerTag(name, tag);
  return liquid;
}

export const engine: Liquid = createEngine();
