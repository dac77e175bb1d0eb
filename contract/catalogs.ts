/** Bodies of the /catalogs/{catalog_name}/items endpoints. */
import { z } from "zod";
import { describeValue } from "./describe";
import {
  CATALOG_ID_PATTERN,
  CATALOG_KEY_FORBIDDEN,
  MAX_CATALOG_DEPTH,
  MAX_CATALOG_ID_CHARS,
  MAX_CATALOG_ITEMS,
  MAX_CATALOG_STRING_CHARS,
} from "./limits";
import { nestingDepth } from "./measure";
import { formatPath } from "./path";
import { charsOver, checkExtraKeys, despiteFieldProblems, forbidCharacters, isRecord } from "./shared";

/** Keys of item fields and of objects nested in them. */
const CatalogKey = z.string().superRefine(forbidCharacters(CATALOG_KEY_FORBIDDEN));

export type CatalogValue = string | number | boolean | null | CatalogValue[] | { [key: string]: CatalogValue };
const CatalogValueSchema: z.ZodType<CatalogValue> = z.lazy(() =>
  z.union([
    z.string().max(MAX_CATALOG_STRING_CHARS, { error: charsOver(MAX_CATALOG_STRING_CHARS) }),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(CatalogValueSchema),
    z.record(CatalogKey, CatalogValueSchema),
  ]),
);

const CatalogItemId = z
  .string()
  // An empty id is only "empty", not also made of the wrong characters.
  .min(1, { abort: true })
  .max(MAX_CATALOG_ID_CHARS, { error: charsOver(MAX_CATALOG_ID_CHARS) })
  .regex(CATALOG_ID_PATTERN, {
    error: (issue) => `${describeValue(issue.input)} may only contain letters, digits, "-" and "_"`,
  });

export const CatalogItemSchema = z
  .object({ id: CatalogItemId })
  .catchall(CatalogValueSchema)
  .superRefine(checkExtraKeys(["id"], CatalogKey), despiteFieldProblems)
  .superRefine((item, ctx) => {
    for (const [key, value] of Object.entries(item)) {
      const depth = nestingDepth(value);
      if (depth > MAX_CATALOG_DEPTH) {
        ctx.addIssue({ code: "custom", message: `nested ${depth} levels deep > ${MAX_CATALOG_DEPTH}`, path: [key], input: value });
      }
    }
  }, despiteFieldProblems);
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

function requireUniqueIds(request: { items?: unknown }, ctx: z.RefinementCtx) {
  const firstIndex = new Map<string, number>();
  const items: unknown[] = Array.isArray(request.items) ? request.items : [];
  items.forEach((item, index) => {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== "string") return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return;
    }
    ctx.addIssue({
      code: "custom",
      message: `duplicate id ${describeValue(id)} (first used by ${formatPath(["items", first])})`,
      path: ["items", index, "id"],
      input: id,
    });
  });
}

function catalogRequest<Item extends z.ZodType>(item: Item) {
  return z
    .strictObject({ catalog_name: z.string().min(1), items: z.array(item).min(1).max(MAX_CATALOG_ITEMS) })
    .superRefine(requireUniqueIds, despiteFieldProblems);
}

/** Body of PUT and PATCH /catalogs/{catalog_name}/items; the catalog name travels in the body too. */
export const CatalogItemsRequestSchema = catalogRequest(CatalogItemSchema);
export type CatalogItemsRequest = z.infer<typeof CatalogItemsRequestSchema>;

export const CatalogDeleteRequestSchema = catalogRequest(z.strictObject({ id: CatalogItemId }));
export type CatalogDeleteRequest = z.infer<typeof CatalogDeleteRequestSchema>;
