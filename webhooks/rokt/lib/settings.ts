import type { WindowsTimeZone } from "../../../contract/partners/windows-time-zones";

/** Rokt Calendar's part of the workspace settings (`webhooks.rokt`), for the templates in webhooks/rokt/. */
export interface RoktWebhookSettings {
  /** The Braze Connected Content credential holding the Rokt Calendar API client id (user name) and secret (password). */
  readonly credential: string;
  /**
   * The calendar event a campaign sends (what Braze's Rokt page writes into
   * its template). A property of the triggering custom event with the same
   * name overrides each field per send: `event_id`, `title`, `description`,
   * `location`, `start`, `end`, `timezone`, `notify_before`, `all_day`.
   */
  readonly event: {
    readonly id: string;
    readonly title: string;
    readonly description?: string;
    readonly location?: string;
    /** Local date-times, `YYYY-MM-DDTHH:MM:SS`, in `timeZone`. */
    readonly start: string;
    readonly end: string;
    readonly timeZone: WindowsTimeZone;
    /** Minutes before the start Rokt reminds the subscriber. */
    readonly notifyBefore: number;
  };
}
