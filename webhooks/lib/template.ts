import type { PartnerBody, PartnerRequest } from "../../contract/partners/request";
import type { HeaderValue } from "./headers";
import type { UrlTemplate } from "./url";
import type { Presence, Value } from "./value";

type Scalar = string | number | boolean;

/** Any JSON value made of literals and values. */
type JsonField<P extends Presence> = Scalar | Value<Scalar, P> | readonly JsonField<"always">[] | { readonly [key: string]: JsonField<Presence> | undefined };

/** An index signature's key (any other trait, any property): no template has to fill one. */
type IndexKey<K> = string extends K ? true : number extends K ? true : false;

/**
 * What a template may put where the partner's schema has a `T`: a literal of
 * that type or a value of that type; a required field takes only values that
 * are always there. An enumeration takes only its members, so a template
 * whose request the partner would refuse does not type-check.
 */
export type Field<T, P extends Presence> = unknown extends T
  ? JsonField<P>
  : [T] extends [Scalar]
    ? T | Value<T, P>
    : [T] extends [readonly (infer E)[]]
      ? readonly Field<E, "always">[] | Value<T, P>
      : [T] extends [object]
        ? Body<T>
        : Extract<T, Scalar> | Value<Extract<T, Scalar>, P>;

/**
 * A JSON object of the partner's schema: required keys need values that are
 * always there; optional ones are left out when Braze has none. The keys the
 * schema names keep their own types beside an index signature (Regal's
 * traits: any other trait is a contact property), which would otherwise
 * swallow them.
 */
export type Body<T> = {
  readonly [K in keyof T as IndexKey<K> extends true ? never : undefined extends T[K] ? never : K]: Field<T[K], "always">;
} & {
  readonly [K in keyof T as IndexKey<K> extends true ? K : undefined extends T[K] ? K : never]?: Field<Exclude<T[K], undefined>, Presence>;
};

/** The send stops unless Braze has at least one of `anyOf`. */
export interface AnyOf {
  readonly anyOf: readonly Value<unknown, Presence>[];
  readonly why: string;
}

/** The send stops when the first date-time (an end) is before the second (its start); both must be `localDateTime` values. */
export interface NotBefore {
  readonly notBefore: readonly [Value<string, Presence>, Value<string, Presence>];
  readonly why: string;
}

export type Requirement = AnyOf | NotBefore;

/** One Braze webhook, as the partner's request: the composer's fields, typed. */
export interface WebhookDefinition<B> {
  /** One line for the README: what the webhook does and when to send it. */
  readonly summary: string;
  readonly url: UrlTemplate;
  readonly headers: Readonly<Record<string, string | HeaderValue>>;
  readonly body: Body<B>;
  readonly requirements?: readonly Requirement[];
}

/** A template module's default export: built with the workspace's settings for the partner. */
export interface WebhookTemplate<S = unknown> {
  readonly request: PartnerRequest;
  readonly define: (settings: S) => WebhookDefinition<unknown>;
}

/**
 * Declares a webhook template for `request`, the partner endpoint it calls:
 * `webhook(request).define((settings) => definition)`. Two calls, not one, so
 * that TypeScript has the body's type from the request before it reads the
 * definition: inferring both from one call cost 1.7 s of a 2.9 s type check.
 */
export function webhook<R extends PartnerRequest>(request: R) {
  return {
    define: <S>(define: (settings: S) => WebhookDefinition<PartnerBody<R>>): WebhookTemplate<S> => ({
      request,
      define: define as (settings: S) => WebhookDefinition<unknown>,
    }),
  };
}
