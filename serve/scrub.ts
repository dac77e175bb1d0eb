import { createHash } from "node:crypto";

/**
 * Replaces personal data in a webhook's payload and headers so a captured
 * request can be committed as a fixture. Deterministic: with the same salt,
 * the same value always gets the same replacement, in every field, so a
 * payload whose identifiers agree still agrees. What is personal is decided
 * by key names (names, e-mails, phones, free text) and by value shape
 * (e-mail addresses, phone numbers and IPv4 addresses anywhere); ids,
 * timestamps, numbers and booleans are kept, and each replacement keeps the
 * shape that matters to a snippet: an e-mail stays an e-mail (with a dotted
 * domain or not), an E.164 phone stays E.164 of the same length, free text
 * keeps its length, so truncation and validity behave as they did.
 */
export interface ScrubOptions {
  /** Mixed into every replacement, so a replacement cannot be matched to a guessed value (phone numbers are few enough to try them all). */
  readonly salt: string;
  /** Top-level keys whose string value is kept as it is: the field naming the event (Regal's `name`), which a name rule would otherwise replace. */
  readonly keep?: readonly string[];
}

type Kind = "name" | "email" | "phone" | "text";

const NAME_ENDINGS = ["firstname", "lastname", "fullname", "middlename", "displayname", "nickname", "username", "contactname", "agentname", "ownername", "customername", "requestername", "callername", "regalname"];
const TEXT_ENDINGS = ["notes", "note", "transcript", "comment", "comments", "summary", "description", "objections"];
const TEXT_KEYS = new Set(["body", "bodysnippet", "subject", "message", "text", "content", "address", "street"]);
const PHONE_KEYS = new Set(["contactnumber", "fromnumber", "tonumber", "mobile"]);

/** What a key says its string values are, from its name in any casing (`first_name`, `firstName`, `agent_fullname`). */
function kindOfKey(key: string): Kind | undefined {
  const word = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (word === "name" || NAME_ENDINGS.some((ending) => word.endsWith(ending))) return "name";
  if (word.endsWith("email") || word.endsWith("emails")) return "email";
  if (word.endsWith("phone") || word.endsWith("phones") || word.endsWith("phonenumber") || PHONE_KEYS.has(word)) return "phone";
  if (TEXT_KEYS.has(word) || TEXT_ENDINGS.some((ending) => word.endsWith(ending))) return "text";
  return undefined;
}

const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*/;
const E164 = /(?<![\w+])\+\d{8,15}(?!\d)/;
const FORMATTED_PHONE = /(?<!\d)\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?!\d)/;
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.])/;
const SHAPES = alternation(EMAIL, E164, FORMATTED_PHONE, IPV4);
const WORDS = alternation(EMAIL, E164, FORMATTED_PHONE, IPV4, /\p{L}[\p{L}\p{M}]*/u, /\d/);

/** A whole value that is a timestamp or an id (one token with a digit in it), which free text may hold and which is kept. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?$/;
const ID_TOKEN = /^(?=.*\d)[\w.:/-]+$/;

const LOREM = "loremipsumdolorsitametconsecteturadipiscingelitseddoeiusmodtemporincididuntutlaboreetdoloremagnaaliqua";

export function scrub<T>(value: T, options: ScrubOptions): T {
  const keep = new Set(options.keep ?? []);
  const digest = (kind: string, text: string) => createHash("sha256").update(`${options.salt}\0${kind}\0${text}`).digest();
  const hex = (kind: string, text: string) => digest(kind, text).toString("hex").slice(0, 8);
  const digits = (kind: string, text: string, count: number) => [...digest(kind, text)].slice(0, count).map((byte) => byte % 10).join("");

  const fakeEmail = (email: string) => {
    const dotted = email.slice(email.indexOf("@")).includes(".");
    return `user-${hex("email", email.toLowerCase())}@${dotted ? "example.com" : "example"}`;
  };
  const fakePhone = (phone: string) => {
    const number = phone.replace(/\D/g, "");
    if (number.length < 7) return phone; // a placeholder such as Regal's +1XXXXXXXXXX
    if (/^\+\d+$/.test(phone)) return `+1555${digits("phone", number, number.length - 4)}`;
    const replacement = [...digits("phone", number, number.length)];
    return phone.replace(/\d/g, () => replacement.shift()!);
  };
  const fakeShape = (match: string) => {
    if (EMAIL.test(match)) return fakeEmail(match);
    if (IPV4.test(match)) return `192.0.2.${(digest("ip", match)[0]! % 254) + 1}`;
    return fakePhone(match);
  };
  const shapesIn = (text: string) => text.replace(SHAPES, fakeShape);
  const freeText = (text: string) => {
    if (TIMESTAMP.test(text) || ID_TOKEN.test(text)) return text;
    let at = 0;
    return text.replace(WORDS, (match) => {
      if (/^\d$/.test(match)) return "0";
      if (!/^\p{L}[\p{L}\p{M}]*$/u.test(match)) return fakeShape(match);
      let word = "";
      for (let i = 0; i < match.length; i++) word += LOREM[at++ % LOREM.length];
      return /^\p{Lu}/u.test(match) ? word[0]!.toUpperCase() + word.slice(1) : word;
    });
  };
  const replace = (text: string, kind: Kind | undefined): string => {
    if (text.trim() === "" || text === "null") return text;
    if (kind === "name") return `Name-${hex("name", text)}`;
    if (kind === "email" && new RegExp(`^${EMAIL.source}$`).test(text)) return fakeEmail(text);
    if (kind === "email" || kind === "text") return freeText(text);
    if (kind === "phone") return fakePhone(text);
    return shapesIn(text);
  };

  const walk = (node: unknown, kind: Kind | undefined, top: boolean): unknown => {
    if (typeof node === "string") return replace(node, kind);
    if (Array.isArray(node)) return node.map((item) => walk(item, kind, false));
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, top && keep.has(key) && typeof item === "string" ? item : walk(item, kindOfKey(key), false)]));
  };
  return walk(value, undefined, true) as T;
}

function alternation(...patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => pattern.source).join("|"), "gu");
}
