/**
 * A value Braze fills in when it sends the webhook: a user attribute, an
 * event or Canvas entry property, the send time, or text made of them. A
 * template never holds Liquid: it holds these, and the compiler writes the
 * Liquid that reads, checks and escapes each one (build/webhooks/).
 *
 * `T` is the JSON type the value stands for and `P` whether it is always
 * there: a field the partner requires only takes an "always" value, which is
 * a literal, a value with a fallback (`or`) or a value the send is stopped
 * without (`required`).
 */
export type Presence = "always" | "maybe";

/** Where Braze reads a value from, as Liquid names it; `name` is a field's path in a Connected Content answer. */
export type Origin =
  | { readonly from: "standard"; readonly name: string }
  | { readonly from: "custom_attribute" | "event_properties" | "canvas_entry_properties"; readonly name: string }
  | { readonly from: "connected-content"; readonly call: ConnectedContentCall; readonly name: string };

/** A Connected Content call made at send time, whose JSON answer values are read from (never a secret in the URL). */
export interface ConnectedContentCall {
  readonly url: string;
  readonly method: "get" | "post";
  /** The Braze Connected Content credential sent as Basic auth. */
  readonly credential?: string;
  /** A POST's form body, `key=value&…`. */
  readonly body?: string;
  /** Seconds Braze may reuse the answer (GETs are cached 5 minutes unless this says otherwise). */
  readonly cacheMaxAge?: number;
  /** What the answer is, for the README. */
  readonly holds: string;
}

/** How a read value becomes the JSON value sent. */
export type Conversion =
  | { readonly to: "text" }
  | { readonly to: "number"; readonly integer: boolean; readonly min?: number }
  | { readonly to: "boolean" }
  /** An array attribute's non-blank items (a string counts as one item), each `item` checked, each kept only where `pairedWith` says. */
  | { readonly to: "list"; readonly item?: TextCheck; readonly pairedWith?: Pairing }
  /** The first non-blank item of an array attribute (Braze's oldest value), or the string itself. */
  | { readonly to: "first-item" };

/**
 * Two array attributes written together, item by item (Rokt's account codes
 * and subscription ids): when they are the same length, an item is kept only
 * if the other attribute's item at its index, checked by `checks`, equals
 * `equals`. Otherwise nothing tells the pairs apart and every item is kept.
 */
export interface Pairing {
  readonly origin: Origin;
  readonly checks: readonly TextCheck[];
  readonly equals: ValueNode;
}

/** A check or change of a text value; a value failing a check counts as missing. */
export type TextCheck =
  | { readonly check: "lowercase" }
  | { readonly check: "before"; readonly separator: string }
  | { readonly check: "one-of"; readonly values: readonly string[]; readonly label: string }
  | { readonly check: "email" }
  | { readonly check: "uuid" }
  | { readonly check: "local-date-time" };

export type ValueNode =
  /** `invalid`: why a value that is there but fails its checks stops the send (else it counts as missing). */
  | { readonly kind: "read"; readonly origin: Origin; readonly conversion: Conversion; readonly checks: readonly TextCheck[]; readonly invalid?: string }
  | { readonly kind: "send-time" }
  /** Literal text and values; missing when any value part is missing. */
  | { readonly kind: "concat"; readonly parts: readonly (string | ValueNode)[] }
  /** The present parts, separated: a name from first and last name. */
  | { readonly kind: "joined"; readonly separator: string; readonly parts: readonly ValueNode[] }
  | { readonly kind: "fallback"; readonly value: ValueNode; readonly fallback: string | number | boolean }
  | { readonly kind: "required"; readonly value: ValueNode; readonly reason: string };

/** What every value can do, whatever its type. */
export class Value<T, P extends Presence = "maybe"> {
  /** Only carries `T` for the type checker: templates are typed by the partner's schema. */
  declare readonly jsonType?: T;

  constructor(
    readonly node: ValueNode,
    readonly presence: P,
  ) {}

  /** Sent as `fallback` when Braze has no value. */
  or(fallback: T & (string | number | boolean)): Value<T, "always"> {
    return new Value<T, "always">({ kind: "fallback", value: this.node, fallback }, "always");
  }

  /** The send stops (Braze's abort_message) when Braze has no value; `why` says what it is needed for. */
  required(why: string): Value<T, "always"> {
    return new Value<T, "always">({ kind: "required", value: this.node, reason: why }, "always");
  }
}

/** A text value, which can be checked and changed before it is sent. */
export class Text<T extends string = string, P extends Presence = "maybe"> extends Value<T, P> {
  lowercase(): Text<string, P> {
    return this.with({ check: "lowercase" });
  }

  /** The part before the first `separator` (the whole text when there is none). */
  before(separator: string): Text<string, P> {
    return this.with({ check: "before", separator });
  }

  /** Missing unless exactly one of `values`; `label` names the list in the template. */
  oneOf<const V extends string>(values: readonly V[], label: string): Text<V, "maybe"> {
    return this.with({ check: "one-of", values, label }) as Text<V, "maybe">;
  }

  /** Missing unless it looks like an e-mail address: something, one "@", a domain with a dot inside it, no whitespace. */
  email(): Text<string, "maybe"> {
    return this.with({ check: "email" });
  }

  /** Missing unless a local date-time, `YYYY-MM-DDTHH:MM[:SS]`; sent as `YYYY-MM-DDTHH:MM:SS`. */
  localDateTime(): Text<string, "maybe"> {
    return this.with({ check: "local-date-time" });
  }

  /** A value that is there but fails the checks stops the send, rather than counting as missing (a fallback would change its meaning). */
  stopIfInvalid(why: string): Text<T, P> {
    const node = this.readNode();
    return new Text({ ...node, invalid: why }, this.presence);
  }

  private with(check: TextCheck): Text<never, never> {
    const node = this.readNode();
    return new Text({ ...node, checks: [...node.checks, check] }, "maybe" as never);
  }

  private readNode(): Extract<ValueNode, { kind: "read" }> {
    const node = this.node;
    if (node.kind !== "read") throw new Error(`a ${node.kind} value cannot be checked: check each part before combining them`);
    return node;
  }
}

/** An attribute or property whose type Braze does not fix: say what it is to be sent as. */
export class Reading {
  constructor(readonly origin: Origin) {}

  text(): Text<string, "maybe"> {
    return new Text(this.read({ to: "text" }), "maybe");
  }

  /** A number, or a string that is exactly one ("15"); anything else counts as missing. */
  number(options: { integer?: boolean; min?: number } = {}): Value<number, "maybe"> {
    return new Value(this.read({ to: "number", integer: options.integer === true, min: options.min }), "maybe");
  }

  /** A boolean, or the string "true" or "false"; anything else counts as missing. */
  boolean(): Value<boolean, "maybe"> {
    return new Value(this.read({ to: "boolean" }), "maybe");
  }

  /**
   * The non-blank items of an array attribute, as strings; `uuid` keeps only
   * items that are UUIDs, `pairedWith` only those paired with a value (see Pairing).
   */
  list(options: { uuid?: boolean; pairedWith?: { items: Text<string, Presence>; equals: Value<string, Presence> } } = {}): Value<string[], "maybe"> {
    const pairing = options.pairedWith;
    const pairedWith = pairing && pairedItems(pairing.items.node, pairing.equals.node);
    return new Value(this.read({ to: "list", item: options.uuid ? { check: "uuid" } : undefined, pairedWith }), "maybe");
  }

  /** The first non-blank value of an array attribute (Braze's oldest), or the string itself. */
  firstItem(): Text<string, "maybe"> {
    return new Text(this.read({ to: "first-item" }), "maybe");
  }

  private read(conversion: Conversion): ValueNode {
    return { kind: "read", origin: this.origin, conversion, checks: [] };
  }
}

function pairedItems(items: ValueNode, equals: ValueNode): Pairing {
  if (items.kind !== "read" || items.conversion.to !== "text") throw new Error("pairedWith.items must be another attribute read as text, with its checks");
  return { origin: items.origin, checks: items.checks, equals };
}
