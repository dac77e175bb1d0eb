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

  /** `body` is the webhook as received: the message shows its event field as the partner sent it. */
  constructor(source: { readonly name: string; readonly eventField: string }, expected: readonly string[], body: { readonly [key: string]: unknown }) {
    const handled = expected.length === 1 ? expected[0] : `one of ${expected.join(", ")}`;
    super(MisroutedEventError.NAME,
      `expected ${/^[aeiou]/i.test(source.name) ? "an" : "a"} ${source.name} ${handled} payload but payload.${source.eventField} is ${shown(body[source.eventField])}: ` +
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

  /** `known` are the values with a counterpart, listed in `where` (the settings that map them) when given. */
  constructor(origin: ErrorOrigin, field: string, value: unknown, known: readonly string[], where?: string) {
    const expected = known.length > 0 ? `expected one of ${known.join(", ")}${where ? ` (${where})` : ""}` : `and ${where || "the settings"} maps no value yet`;
    super(UnmappedValueError.NAME, `${at(origin)}: ${field} is ${shown(value)}, ${expected}`);
  }
}

/**
 * A webhook the mapping deliberately does not write (an agent's activity, an
 * event off in the settings, a kind of event that names no customer). Thrown
 * rather than returning nothing, so Braze's log says why.
 */
export class NotWrittenError extends TransformError {
  static get NAME(): string {
    return "NotWrittenError";
  }

  constructor(origin: ErrorOrigin, why: string) {
    super(NotWrittenError.NAME, `${at(origin)}: not written: ${why}`);
  }
}

/** The webhook lacks the header the source's settings require: it may not come from the partner. */
export class UnauthenticatedError extends TransformError {
  static get NAME(): string {
    return "UnauthenticatedError";
  }

  constructor(source: { readonly name: string }, header: string, received: string | undefined) {
    const problem = received === undefined ? "is missing" : "has another value";
    super(UnauthenticatedError.NAME, `${source.name} webhook refused: header ${header} ${problem}: set it in the partner's webhook authentication, as the settings' requiredHeader says`);
  }
}
