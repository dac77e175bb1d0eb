import type { EventSettings, IdentitySettings, SourceSettings } from "../../../lib/settings";
import type { ZendeskTrigger } from "./payloads";

/** The trigger webhooks' part of the workspace settings (`sources["zendesk/triggers"]`). */
export interface ZendeskTriggerSettings extends SourceSettings {
  readonly identity: IdentitySettings & { readonly aliasLabel: string };
  readonly events?: { readonly [E in ZendeskTrigger]?: EventSettings };
}
