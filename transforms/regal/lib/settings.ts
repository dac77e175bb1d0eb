import type { EventSettings, SourceSettings } from "../../lib/settings";
import type { RegalEvent } from "./payloads";

/** Regal's part of the workspace settings (`sources.regal`). */
export interface RegalSettings extends SourceSettings {
  /** The Braze subscription group for each channel Regal reports subscription changes for. */
  readonly subscriptionGroups: { readonly voice: string; readonly sms: string };
  /** The Braze catalog agents' activity (`agent.activity.updated`) is written to. */
  readonly catalogs: { readonly agents: string };
  readonly events?: { readonly [E in RegalEvent]?: EventSettings };
}
