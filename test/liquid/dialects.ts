import { make } from "covertable";
import { AXES, DIALECT_AXES, type Dialect } from "../../liquid";

/**
 * Dialects in which every two readings of any two axes meet at least once
 * (a pairwise covering array): what the suites that render every template for
 * every profile run under. Every combination (ALL_DIALECTS) is too many for them.
 */
export const PAIRWISE_DIALECTS: readonly Dialect[] = make(Object.fromEntries(AXES.map((axis) => [axis, [...DIALECT_AXES[axis]]]))).map(
  (row) => Object.fromEntries(AXES.map((axis) => [axis, (row as Record<string, unknown>)[axis]])) as Dialect,
);
