import type { Zendesk } from "./lib/payloads";

/** An organization was deleted: its catalog item is removed (a transformation of its own, since it is another Braze destination). */
export default {
  shape: "catalogDelete",
  event: "organization.deleted",
  catalog: "organizations",
  idFrom: "id",
} satisfies Zendesk<"organization.deleted">;
