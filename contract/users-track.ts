/** Body of POST /users/track: attributes, events and purchases. */
import { z } from "zod";
import { describeValue, thousands } from "./describe";
import {
  CURRENCY_PATTERN,
  E164_PATTERN,
  EMAIL_PATTERN,
  MAX_ARRAY_ATTRIBUTE_ITEMS,
  MAX_EVENT_PROPERTIES,
  MAX_EXTERNAL_ID_BYTES,
  MAX_NESTED_BYTES,
  MAX_PURCHASE_QUANTITY,
  MAX_STRING_CHARS,
  MAX_TRACK_OBJECTS,
  NESTED_KEY_FORBIDDEN,
  OPERATOR_KEYS,
  RESERVED_PROPERTY_KEYS,
} from "./limits";
import { jsonBytes, utf8Bytes } from "./measure";
import { charsOver, checkExtraKeys, despiteFieldProblems, forbidCharacters, isRecord } from "./shared";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

// ---- keys --------------------------------------------------------------

const BoundedKey = z
  .string()
  .min(1, "key must not be empty")
  .max(MAX_STRING_CHARS, { error: (issue) => `key is ${charsOver(MAX_STRING_CHARS)(issue)}` });

/** Names of event/purchase properties (at every depth) and of custom attributes. */
const NameKey = BoundedKey.refine((key) => !key.startsWith("$"), 'key must not start with "$"');

/** Keys inside nested custom attributes: objects at any depth and objects in arrays. */
const NestedKey = BoundedKey.superRefine(forbidCharacters(NESTED_KEY_FORBIDDEN));

const TopLevelPropertyKey = NameKey.refine((key) => !RESERVED_PROPERTY_KEYS.includes(key), {
  error: (issue) => `key ${describeValue(issue.input)} is reserved by Braze`,
});

const AttributeObjectKey = NestedKey.refine((key) => !OPERATOR_KEYS.includes(key), {
  error: (issue) => `key ${describeValue(issue.input)} is an update operator and cannot be mixed with other keys`,
});

// ---- values --------------------------------------------------------------

const IsoDatetime = z.iso.datetime({ offset: true });
/** z.int() reports a non-number as "expected number"; say integer whatever the input. */
const Integer = z.int({
  error: (issue) => (issue.code === "invalid_type" ? `expected an integer, got ${describeValue(issue.input)}` : undefined),
});
const ShortString = z.string().max(MAX_STRING_CHARS, { error: charsOver(MAX_STRING_CHARS) });

/**
 * Braze's operator and marker objects (`{ inc }`, `{ $time }`, …) are told
 * apart from nested objects by their keys alone. Deciding on the keys first,
 * and aborting when they are not this marker's, keeps a union from taking a
 * Date, `{}` or another marker's keys for this marker with its optional fields
 * left out, so the union reports the option the value was meant for.
 */
function markerObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const hasMarkerKeys = (value: unknown) =>
    isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => Object.keys(shape).includes(key));
  return z.custom<Record<string, unknown>>(hasMarkerKeys, { abort: true }).pipe(z.object(shape));
}

/** Recursive unions need a declared type; the schema is checked against it. */
export type PropertyValue = string | number | boolean | null | PropertyValue[] | { [key: string]: PropertyValue };
const PropertyValueSchema: z.ZodType<PropertyValue> = z.lazy(() =>
  z.union([ShortString, z.number(), z.boolean(), z.null(), z.array(PropertyValueSchema), z.record(NameKey, PropertyValueSchema)]),
);

const EventPropertiesSchema = z
  .record(TopLevelPropertyKey, PropertyValueSchema)
  .superRefine((properties, ctx) => {
    const values = Object.values(properties);
    if (values.length > MAX_EVENT_PROPERTIES) {
      ctx.addIssue(`${thousands(values.length)} properties > ${MAX_EVENT_PROPERTIES} (Braze would silently drop the extras)`);
    }
    const nests = values.some((value) => typeof value === "object" && value !== null);
    const bytes = nests ? jsonBytes(properties) : 0;
    if (bytes > MAX_NESTED_BYTES) {
      ctx.addIssue(`${thousands(bytes)} bytes of JSON > ${thousands(MAX_NESTED_BYTES)} (100 KB, the limit once properties nest arrays or objects)`);
    }
  });
export type EventProperties = z.infer<typeof EventPropertiesSchema>;

// ---- identifiers -----------------------------------------------------------

const UserAliasSchema = z.strictObject({ alias_name: z.string().min(1), alias_label: z.string().min(1) });
export type UserAlias = z.infer<typeof UserAliasSchema>;

const ExternalId = z
  .string()
  .min(1)
  .refine((id) => utf8Bytes(id) <= MAX_EXTERNAL_ID_BYTES, {
    error: (issue) => `${thousands(utf8Bytes(String(issue.input)))} bytes > ${MAX_EXTERNAL_ID_BYTES} (Braze's user id limit)`,
  });

const identifierShape = {
  external_id: ExternalId.exactOptional(),
  user_alias: UserAliasSchema.exactOptional(),
  braze_id: z.string().exactOptional(),
  email: z.string().exactOptional(),
  phone: z.string().exactOptional(),
};
const UserIdentifiersSchema = z.object(identifierShape);
/** Optional in the type; that one of them is present is checked at runtime. */
export type UserIdentifiers = z.infer<typeof UserIdentifiersSchema>;
const IDENTIFIER_KEYS = Object.keys(identifierShape);

/** The form an email or phone number needs when it is what identifies the user. */
const IDENTIFIER_FORMATS: Record<string, { pattern: RegExp; problem: string }> = {
  email: { pattern: EMAIL_PATTERN, problem: "is not an e-mail address Braze would take as an identifier" },
  phone: {
    pattern: E164_PATTERN,
    problem: "is not an E.164 phone number (+ and 7 to 15 digits), which the phone identifier needs",
  },
};

/**
 * The identifier is the first of IDENTIFIER_KEYS present. An email or phone
 * number beside an earlier one is a mere profile field, so it is not held to
 * the identifier's form.
 */
function checkIdentifier(value: Record<string, unknown>, ctx: z.RefinementCtx) {
  const identifier = IDENTIFIER_KEYS.find((key) => value[key] !== undefined);
  if (identifier === undefined) {
    ctx.addIssue(`no identifier (needs one of ${IDENTIFIER_KEYS.join(", ")})`);
    return;
  }
  const id = value[identifier];
  const format = IDENTIFIER_FORMATS[identifier];
  // A value that is not a string is already its field's problem.
  if (format && typeof id === "string" && !format.pattern.test(id)) {
    ctx.addIssue({ code: "custom", message: `${describeValue(id)} ${format.problem}`, path: [identifier], input: id });
  }
}

/** Fields every /users/track object accepts. */
const trackedShape = {
  ...identifierShape,
  app_id: z.string().exactOptional(),
  _update_existing_only: z.boolean().exactOptional(),
};

// ---- events and purchases ----------------------------------------------------

export const EventObjectSchema = z
  .strictObject({
    ...trackedShape,
    name: z.string().min(1),
    time: IsoDatetime,
    properties: EventPropertiesSchema.exactOptional(),
  })
  .superRefine(checkIdentifier, despiteFieldProblems);
export type EventObject = z.infer<typeof EventObjectSchema>;

export const PurchaseObjectSchema = z
  .strictObject({
    ...trackedShape,
    product_id: z.string().min(1).max(MAX_STRING_CHARS, { error: charsOver(MAX_STRING_CHARS) }),
    currency: z.string().regex(CURRENCY_PATTERN, {
      error: (issue) => `${describeValue(issue.input)} is not an ISO-4217 currency code (3 upper-case letters)`,
    }),
    price: z.number(),
    quantity: Integer.min(1).max(MAX_PURCHASE_QUANTITY).exactOptional(),
    time: IsoDatetime,
    properties: EventPropertiesSchema.exactOptional(),
  })
  .superRefine(checkIdentifier, despiteFieldProblems);
export type PurchaseObject = z.infer<typeof PurchaseObjectSchema>;

// ---- attributes ---------------------------------------------------------------

type NestedAttributeValue = string | number | boolean | { $time: string } | NestedAttributeValue[] | { [key: string]: NestedAttributeValue };

/** "Any invalid value (bad time, null) drops all nested-attribute updates in the request" [NCA]. */
const NotNull = z.custom<unknown>((value) => value !== null, {
  error: "null inside a nested attribute (Braze would drop every nested attribute update in the request)",
  abort: true,
});
const NestedAttributeValueSchema: z.ZodType<NestedAttributeValue> = z.lazy(() =>
  NotNull.pipe(
    z.union([
      markerObject({ $time: IsoDatetime }),
      ShortString,
      z.number(),
      z.boolean(),
      z.array(NestedAttributeValueSchema),
      z.record(NestedKey, NestedAttributeValueSchema),
    ]),
  ),
);
const NestedAttributeObjectSchema = z.record(NestedKey, NestedAttributeValueSchema);
const ArrayElement = z.union([ShortString, z.number()]);
/** How `$remove` and `$update` find an object in an array of objects. */
const objectReference = { $identifier_key: z.string().min(1), $identifier_value: z.union([z.string(), z.number()]) };

const CustomAttributeValueSchema = z
  .union([
    ShortString,
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.union([ShortString, z.number(), NestedAttributeObjectSchema])),
    markerObject({ inc: Integer }),
    markerObject({ add: z.array(ArrayElement).exactOptional(), remove: z.array(ArrayElement).exactOptional() }),
    markerObject({
      $add: z.array(NestedAttributeObjectSchema).exactOptional(),
      $remove: z.array(z.strictObject(objectReference)).exactOptional(),
      $update: z.array(z.strictObject({ ...objectReference, $new_object: NestedAttributeObjectSchema })).exactOptional(),
    }),
    z.record(AttributeObjectKey, NestedAttributeValueSchema),
  ])
  .superRefine((value, ctx) => {
    // Arrays of objects have no item cap. Checked here, not on the array
    // option, where the union would report the value as not an array at all.
    if (Array.isArray(value) && value.length > MAX_ARRAY_ATTRIBUTE_ITEMS && !value.every(isRecord)) {
      const count = `${thousands(value.length)} items > ${MAX_ARRAY_ATTRIBUTE_ITEMS}`;
      ctx.addIssue(`${count} (Braze's default array attribute length; it would cut the rest)`);
    }
    const bytes = typeof value === "object" && value !== null ? jsonBytes(value) : 0;
    if (bytes > MAX_NESTED_BYTES) {
      ctx.addIssue(`${thousands(bytes)} bytes of JSON > ${thousands(MAX_NESTED_BYTES)} (100 KB)`);
    }
  });
export type CustomAttributeValue = z.infer<typeof CustomAttributeValueSchema>;

const SubscriptionStateSchema = z.enum(["subscribed", "unsubscribed"]);
export type SubscriptionState = z.infer<typeof SubscriptionStateSchema>;

const SubscriptionGroupUpdateSchema = z.strictObject({
  subscription_group_id: z.string().min(1),
  subscription_state: SubscriptionStateSchema,
});
export type SubscriptionGroupUpdate = z.infer<typeof SubscriptionGroupUpdateSchema>;

const SubscribeState = z.enum(["opted_in", "unsubscribed", "subscribed"]);
const attributesShape = {
  ...trackedShape,
  first_name: z.string().exactOptional(),
  last_name: z.string().exactOptional(),
  dob: z.iso.date().exactOptional(),
  gender: z.enum(["M", "F", "O", "N", "P"]).nullable().exactOptional(),
  country: z.string().exactOptional(),
  home_city: z.string().exactOptional(),
  language: z.string().exactOptional(),
  time_zone: z.string().exactOptional(),
  email_subscribe: SubscribeState.exactOptional(),
  push_subscribe: SubscribeState.exactOptional(),
  subscription_groups: z.array(SubscriptionGroupUpdateSchema).exactOptional(),
};

/** Profile fields are typed; any other key is a custom attribute. */
export const AttributesObjectSchema = z
  .object(attributesShape)
  .catchall(CustomAttributeValueSchema)
  .superRefine(checkExtraKeys(Object.keys(attributesShape), NameKey), despiteFieldProblems)
  .superRefine(checkIdentifier, despiteFieldProblems);
export type AttributesObject = z.infer<typeof AttributesObjectSchema>;

export const UsersTrackRequestSchema = z
  .strictObject({
    attributes: z.array(AttributesObjectSchema).exactOptional(),
    events: z.array(EventObjectSchema).exactOptional(),
    purchases: z.array(PurchaseObjectSchema).exactOptional(),
  })
  .superRefine((request, ctx) => {
    const total = countOf(request.attributes) + countOf(request.events) + countOf(request.purchases);
    if (total === 0) ctx.addIssue("no attributes, events or purchases (an empty request does nothing)");
    if (total > MAX_TRACK_OBJECTS) {
      ctx.addIssue(`${thousands(total)} objects > ${MAX_TRACK_OBJECTS} (attributes, events and purchases together)`);
    }
  }, despiteFieldProblems);
export type UsersTrackRequest = z.infer<typeof UsersTrackRequestSchema>;
