export { ALL_DIALECTS, AXES, DIALECT_AXES, describeDialect, isReading, OBSERVED_DIALECT_FILE, withReading, type Dialect, type DialectAxis } from "./dialect";
export {
  defaultDialect,
  dialectOf,
  NOT_PROBED,
  ObservedDialectError,
  projectDialect,
  readObservedDialect,
  writeObservedDialect,
  type ObservedDialect,
  type Probed,
} from "./observed-dialect";
export { parseProfile, ProfileError, type UserProfile } from "./profile";
export type { ConnectedCall, RenderContext } from "./context";
export { LiquidTemplateError } from "./errors";
export { renderField, renderWebhook, type FieldResult, type WebhookFields, type WebhookResult } from "./render";
export { connectedSaveNames } from "./connected-content";
