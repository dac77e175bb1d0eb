import { UnauthenticatedError } from "./errors";
import type { RequiredHeader } from "./settings";
import type { Source } from "./source";
import type { Headers, Transform } from "./webhook";
import { hasOwn } from "./values";

/**
 * The transform, run only for webhooks carrying the header the settings
 * require (the partner's custom-header authentication). Header names are
 * case-insensitive, and how Braze cases them is not documented.
 */
export function requireHeader<Request>(source: Source, required: RequiredHeader, transform: Transform<Request>): Transform<Request> {
  const wanted = required.name.toLowerCase();
  return (payload, headers) => {
    const all: Headers = headers || {};
    const key = Object.keys(all).filter((name) => name.toLowerCase() === wanted)[0];
    const value = key !== undefined && hasOwn(all, key) ? String(all[key]).trim() : undefined;
    if (value !== required.value) throw new UnauthenticatedError(source, required.name, value);
    return transform(payload, headers);
  };
}
