/**
 * Deliberate errors: the only ways a transform may fail. Each names itself
 * explicitly (`NAME`): bundling and minifying may rename classes. Braze's log
 * shows the thrown message, so each names the source, the event and the field
 * that was wrong; a throw is always better than a request that silently
 * writes the wrong thing.
 */
export class TransformError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Where a message says an error happened: "Regal call.completed". */
export interface ErrorOrigin {
  readonly source: { readonly name: string };
  readonly event: string;
}

function at(origin: ErrorOrigin): string {
  return `${origin.source.name} ${origin.event}`;
}

/** The payload has none of the identifiers the settings allow (for a user, or a catalog item). */
export class MissingIdentityError extends TransformError {
  static get NAME(): string {
    return "MissingIdentityError";
  }

  constructor(origin: ErrorOrigin, lookedFor: readonly string[], what = "user identifier") {
    super(MissingIdentityError.NAME, `${at(origin)}: no ${what} in the payload (looked for ${lookedFor.join(", ")})`);
  }
}

/** How a received value is named in a message: "missing" rather than "undefined". */
function shown(value: unknown): string {
  return value === undefined ? "missing" : JSON.stringify(value);
}

/** A webhook for another event reached this event's transformation. */
export class MisroutedEventError extends TransformError {
  static get NAME(): string {
    return "MisroutedEventError";
  }

  constructor(source: { readonly name: string; readonly eventField: string }, expected: readonly string[], received: unknown) {
    const handled = expected.length === 1 ? expected[0] : `one of ${expected.join(", ")}`;
    super(MisroutedEventError.NAME,
      `expected ${/^[aeiou]/i.test(source.name) ? "an" : "a"} ${source.name} ${handled} payload but payload.${source.eventField} is ${shown(received)}: ` +
        `filter this ${source.name} webhook to the events this transformation handles`,
    );
  }
}

/** The payload is not shaped like a webhook at all. */
export class InvalidPayloadError extends TransformError {
  static get NAME(): string {
    return "InvalidPayloadError";
  }

  constructor(where: string, problem: string) {
    super(InvalidPayloadError.NAME, `${where}: ${problem}`);
  }
}

/** A value the mapping needs has no configured counterpart in Braze. */
export class UnmappedValueError extends TransformError {
  static get NAME(): string {
    return "UnmappedValueError";
  }

  constructor(origin: ErrorOrigin, field: string, value: unknown, known: readonly string[]) {
    super(UnmappedValueError.NAME, `${at(origin)}: ${field} is ${shown(value)}, expected one of ${known.join(", ")}`);
  }
}
