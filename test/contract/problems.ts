import { validateRequest } from "../../contract/validate";
import type { Destination } from "../../contract/schema";

export const TIME = "2022-07-15T03:17:39.000Z";

/** The problem lines for `body`, [] when it is valid. */
export function problemsOf(body: unknown, destination?: Destination): string[] {
  const result = validateRequest(body, destination);
  return result.valid ? [] : result.problems;
}

/** A /users/track body with one valid event, changed by `fields`. */
export function oneEvent(fields: Record<string, unknown> = {}): unknown {
  return { events: [{ external_id: "1", name: "Call Completed", time: TIME, ...fields }] };
}

/** A /users/track body with one valid purchase, changed by `fields`. */
export function onePurchase(fields: Record<string, unknown> = {}): unknown {
  return { purchases: [{ external_id: "1", product_id: "plan", currency: "USD", price: 9.99, time: TIME, ...fields }] };
}

/** A /users/track body with one attributes object made of `fields` and an external_id. */
export function oneAttributes(fields: Record<string, unknown> = {}): unknown {
  return { attributes: [{ external_id: "1", ...fields }] };
}

/** `n` bytes of ASCII text. */
export function text(n: number, char = "a"): string {
  return char.repeat(n);
}
