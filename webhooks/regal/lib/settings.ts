import type { MappedSource } from "../../lib/mapped-source";

/** Regal's part of the workspace settings (`webhooks.regal`), for the templates in webhooks/regal/. */
export interface RegalWebhookSettings {
  /** The Braze Content Block that holds the Regal API key (Regal: Settings > Integrations > API keys). */
  readonly apiKeyContentBlock: string;
  /** Regal contact properties to send with the contact, per Braze custom attribute: `{ plan: "plan_tier" }`. */
  readonly contactProperties: Readonly<Record<string, MappedSource>>;
  readonly optIn: {
    /** The custom attribute holding where the consent was given (Regal's opt-in `source`). */
    readonly sourceAttribute?: string;
    /** The custom attribute holding the IP address consent was given from (Regal wants one for server-side opt-ins). */
    readonly ipAttribute?: string;
    /** The consent language the user agreed to (Regal's opt-in `text`). */
    readonly text?: string;
  };
  /** `regal/custom-event`: the Regal event name and its properties, per Braze event property. */
  readonly customEvent: {
    readonly name: string;
    readonly properties: Readonly<Record<string, MappedSource>>;
  };
}
