/**
 * The request bodies our transforms emit, as Braze documents them, one zod
 * schema per destination. Transforms are typed against the inferred types
 * (`import type` only, under ES2018 without Node types, so every module the
 * schemas import is plain code); `validate.ts` runs the same schemas.
 *
 * Wording: zod's own checks (wrong type, too long, bad format) are worded by
 * `messages.ts`; the Braze-specific rules word their own problems.
 */
import type { z } from "zod";
import { CatalogDeleteRequestSchema, CatalogItemsRequestSchema } from "./catalogs";
import { UsersTrackRequestSchema } from "./users-track";

export {
  AttributesObjectSchema,
  EventObjectSchema,
  PurchaseObjectSchema,
  UsersTrackRequestSchema,
  type AttributesObject,
  type CustomAttributeValue,
  type EventObject,
  type EventProperties,
  type PropertyValue,
  type PurchaseObject,
  type SubscriptionGroupUpdate,
  type SubscriptionState,
  type UserAlias,
  type UserIdentifiers,
  type UsersTrackRequest,
} from "./users-track";
export {
  CatalogDeleteRequestSchema,
  CatalogItemSchema,
  CatalogItemsRequestSchema,
  type CatalogDeleteRequest,
  type CatalogItem,
  type CatalogItemsRequest,
  type CatalogValue,
} from "./catalogs";

export const DESTINATIONS = [
  "POST /users/track",
  "PUT /catalogs/{catalog_name}/items",
  "PATCH /catalogs/{catalog_name}/items",
  "DELETE /catalogs/{catalog_name}/items",
] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const DESTINATION_SCHEMAS = {
  "POST /users/track": UsersTrackRequestSchema,
  "PUT /catalogs/{catalog_name}/items": CatalogItemsRequestSchema,
  "PATCH /catalogs/{catalog_name}/items": CatalogItemsRequestSchema,
  "DELETE /catalogs/{catalog_name}/items": CatalogDeleteRequestSchema,
} as const satisfies Record<Destination, z.ZodType>;

/** The body type a transform for destination `D` returns. */
export type RequestBody<D extends Destination> = z.infer<(typeof DESTINATION_SCHEMAS)[D]>;
