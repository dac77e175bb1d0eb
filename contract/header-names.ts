/**
 * The name Braze gives a request header in `headers`: Title-Case per hyphen ("X-Olo-Event-Type",
 * "Cf-Ray"), as its documented examples show (Go's canonical MIME header key).
 */
export function brazeHeaderName(name: string): string {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join("-");
}
