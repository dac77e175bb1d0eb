/** Suggestions past three stop helping: a near miss has one or two close names. */
const MAX_SUGGESTIONS = 3;

/**
 * ": did you mean a, b or c?" with the known names closest to `name`, or ""
 * when none is close. Never the whole list: bdt knows about a hundred ids.
 * Close means a few typos away (at most one per three characters, a swap
 * counting as one), and only the closest count: ids share long prefixes, so
 * "regal/call.complete" is a few typos from "regal/call.placed" too, but only
 * "regal/call.completed" is what was meant.
 */
export function didYouMean(name: string, known: Iterable<string>): string {
  const near = nearestNames(name, known);
  if (near.length === 0) return "";
  return `: did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(", ")} or ${near.at(-1)}`}?`;
}

/** The known names closest to `name` (see didYouMean), at most three, in name order; none when none is close. */
export function nearestNames(name: string, known: Iterable<string>): string[] {
  const typed = name.toLowerCase();
  const scored = [...known]
    .map((candidate) => ({ candidate, distance: editDistance(typed, candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(typed.length / 3)));
  const closest = Math.min(...scored.map(({ distance }) => distance));
  return scored
    .filter(({ distance }) => distance === closest)
    .map(({ candidate }) => candidate)
    .sort()
    .slice(0, MAX_SUGGESTIONS);
}

/** Edits (insert, delete, replace, swap two neighbours) turning `a` into `b`: the optimal string alignment distance. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
