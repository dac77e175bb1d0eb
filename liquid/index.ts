export { ALL_DIALECTS, DEFAULT_DIALECT, type Dialect } from "./dialect";
export { parseProfile, ProfileError, type UserProfile } from "./profile";
export type { ConnectedCall, RenderContext } from "./context";
export { LiquidTemplateError } from "./errors";
export { renderField, renderWebhook, type FieldResult, type WebhookFields, type WebhookResult } from "./render";
export { connectedSaveNames } from "./connected-content";
