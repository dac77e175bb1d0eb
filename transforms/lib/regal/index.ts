/** What a Regal transform module can say; everything else in lib/ is plumbing. */
export { customEvent, attributeUpdate, subscriptionChange } from "./users-track";
export { catalogItem } from "./catalog-item";
export { changedAttributes } from "./changes";
export { agentCatalogName } from "./workspace";
export { router } from "../router";
