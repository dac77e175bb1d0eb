/**
 * Header values that carry a secret. A secret never appears in a template:
 * it is read at send time from where Braze keeps it, by name.
 */
export type HeaderValue =
  /**
   * The text of a Braze Content Block (Templates > Content Blocks), sent after
   * `prefix`, base64-encoded when asked: Braze's webhook headers can read a
   * Content Block but not a Connected Content credential.
   */
  | { readonly secret: "content-block"; readonly block: string; readonly prefix: string; readonly base64: boolean; readonly holds: string }
  /**
   * An OAuth 2 client-credentials token, fetched by Connected Content with
   * the Braze credential `credential` (Settings > Connected Content) as Basic
   * auth, sent as `Bearer <token>`.
   */
  | { readonly secret: "oauth-client-credentials"; readonly tokenUrl: string; readonly credential: string; readonly holds: string };

/** A header whose value is a Content Block's text; `holds` says what the block must contain. */
export function contentBlockSecret(block: string, options: { prefix?: string; base64?: boolean; holds: string }): HeaderValue {
  return { secret: "content-block", block, prefix: options.prefix ?? "", base64: options.base64 === true, holds: options.holds };
}

/** `Bearer <token>` from an OAuth client-credentials grant made with a Connected Content credential. */
export function oauthBearerToken(tokenUrl: string, credential: string, holds: string): HeaderValue {
  return { secret: "oauth-client-credentials", tokenUrl, credential, holds };
}
