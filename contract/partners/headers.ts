/**
 * Checks of header values: each returns what is wrong, or undefined. None
 * quotes the value back when it is a credential: problem lines end up in CI logs.
 */
import { describeValue } from "../describe";
import { Email } from "./fields";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** `<email>/token:<api_token>`, Zendesk's API-token form of Basic credentials. */
const ZENDESK_TOKEN_CREDENTIALS = /^(.+)\/token:(\S+)$/s;

export function jsonContentType(value: string): string | undefined {
  return /^application\/json\s*(?:;.*)?$/is.test(value) ? undefined : `expected application/json, got ${describeValue(value)}`;
}

/** A bare API key (Regal): a raw key, not "Bearer …", and not the empty render of a `{{key}}` lookup. */
export function apiKey(value: string): string | undefined {
  if (value === "") return "must not be empty";
  if (/\s/.test(value)) return "must be the API key alone (it contains whitespace)";
  return undefined;
}

export function bearerToken(value: string): string | undefined {
  const token = /^Bearer (.*)$/s.exec(value)?.[1];
  if (token === undefined) return 'must be "Bearer <token>"';
  if (token === "") return '"Bearer " is not followed by a token';
  if (/\s/.test(token)) return "the token contains whitespace";
  return undefined;
}

/** Zendesk's API-token Basic auth: "Basic " + base64("<email>/token:<api_token>"). */
export function zendeskTokenAuth(value: string): string | undefined {
  const encoded = /^Basic (.*)$/s.exec(value)?.[1];
  if (encoded === undefined) return 'must be "Basic " and the base64 of <email>/token:<api_token>';
  if (encoded === "") return '"Basic " is not followed by credentials';
  if (!BASE64.test(encoded)) {
    // What an engine without base64_encode renders (brazejs skips unknown filters).
    if (encoded.includes("/token:")) return "the credentials are not base64-encoded";
    return "the credentials are not base64";
  }
  const credentials = ZENDESK_TOKEN_CREDENTIALS.exec(atob(encoded));
  if (!credentials) return "the credentials do not decode to <email>/token:<api_token>";
  if (!Email.safeParse(credentials[1]).success) return "the credentials do not start with an e-mail address";
  return undefined;
}
