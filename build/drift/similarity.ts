/**
 * What two snippets are compared by: their lines, or for a minified one
 * (a single line) its statements, each cut after its ";".
 */
export function units(code: readonly string[], minified: boolean): string[] {
  return minified ? code.flatMap((line) => line.split(/(?<=;)/)) : [...code];
}

/** Each unit's count, ignoring indentation and blank lines, so re-indented code is still found. */
export function unitCounts(units: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const unit of units) {
    const key = unit.trim();
    if (key !== "") counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The share of units the two have in common (the Dice coefficient of the two multisets): 1 the same units, 0 none shared. */
export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [key, count] of a) {
    shared += Math.min(count, b.get(key) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}
