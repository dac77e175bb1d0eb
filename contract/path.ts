/** Keys that read unambiguously after a dot; `$` is left out so `$`-keys stand out as `["$price"]`. */
const DOTTABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Renders a path the way it would be written in JavaScript from the body
 * root: `events[0].properties["callback_timestamp "]`. The empty path is the
 * body itself, rendered `(root)` so a problem line never starts with ":".
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      if (typeof key === "symbol") return `[${key.toString()}]`;
      if (DOTTABLE.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join("");
}
