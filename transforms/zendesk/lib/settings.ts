import type { EventSettings, IdentitySettings, SourceSettings } from "../../lib/settings";
import type { ZendeskEvent } from "./payloads";

/**
 * Zendesk's part of the workspace settings (`sources.zendesk`). Ticket events
 * name users by Zendesk id only: `identity.identifierOrder` with `user_alias`
 * writes them to the alias `identity.aliasLabel`; without it they are refused.
 */
export interface ZendeskSettings extends SourceSettings {
  readonly identity: IdentitySettings & { readonly aliasLabel: string };
  /** The Braze catalog organizations are kept in. */
  readonly catalogs: { readonly organizations: string };
  /** Braze attribute per Zendesk user field id, for `user.custom_field_changed`. */
  readonly attributeNames: { readonly userFields: Readonly<Record<string, string>> };
  readonly events?: { readonly [E in ZendeskEvent]?: EventSettings };
}
