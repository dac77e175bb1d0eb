import type { Dialect } from "./dialect";
import type { UserProfile } from "./profile";

/** Everything a template can read at send time, besides what it assigns itself. */
export interface RenderContext {
  readonly user: UserProfile;
  /** {{event_properties.${name}}} */
  readonly eventProperties?: Readonly<Record<string, unknown>>;
  /** {{canvas_entry_properties.${name}}} and {{context.${name}}} */
  readonly canvasEntryProperties?: Readonly<Record<string, unknown>>;
  /** {{content_blocks.${name}}}: rendered as Liquid itself (a content block may contain Liquid). */
  readonly contentBlocks?: Readonly<Record<string, string>>;
  /** Connected Content responses by the call's :save name (default name "connected"): a JSON value (parsed response), or a string (a non-JSON response inserted as text). */
  readonly connected?: Readonly<Record<string, unknown>>;
  /** The send time, for 'now' in the date filter; default the real clock. */
  readonly now?: Date;
  readonly dialect?: Dialect;
}

/** A connected_content call a template made: what Braze would have requested. */
export interface ConnectedCall {
  /** Which field made it: "url", "headers.Authorization", "body". */
  readonly field: string;
  /** The URL, rendered. */
  readonly url: string;
  readonly method: "GET" | "POST";
  /** :body, rendered. */
  readonly body?: string;
  readonly contentType?: string;
  /** The :basic_auth or :auth_credentials credential name. */
  readonly credential?: string;
  /** The :save name, or "connected". */
  readonly save: string;
  /** :headers, rendered and parsed. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly retry: boolean;
  readonly cacheMaxAge?: number;
}
