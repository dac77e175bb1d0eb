/** How a problem line names a character that must not appear raw. */
const NAMES: Record<string, string> = { " ": "space", "\n": "newline", "\r": "carriage return", "\t": "tab" };

/** Invisible characters by code point, so a problem line stays readable and on one line. */
export function characterName(char: string): string {
  const name = NAMES[char];
  if (name !== undefined) return name;
  const code = char.codePointAt(0) ?? 0;
  if (/[\s\p{Cc}\p{Cf}]/u.test(char)) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return JSON.stringify(char);
}
