import type { Destination } from "./schema";
import { formatProblems, validateRequest } from "./validate";

/** Register with `expect.extend(brazeMatchers)` (test/setup.ts does). */
export const brazeMatchers = {
  toBeValidBrazeRequest(received: unknown, destination: Destination = "POST /users/track") {
    const result = validateRequest(received, destination);
    if (result.valid) {
      return { pass: true, message: () => `expected the body not to be a valid ${destination} request, but Braze would accept it` };
    }
    const count = result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`;
    return {
      pass: false,
      message: () => `expected a valid ${destination} request body, found ${count}:\n${formatProblems(result.problems)}`,
    };
  },
};

declare module "vitest" {
  interface Matchers<T = any> {
    /** Checks the body against what Braze accepts at `destination` (default "POST /users/track"). */
    toBeValidBrazeRequest(destination?: Destination): T;
  }
}
