import { characterName } from "./characters";

/** Thrown inside the reader only; jsonSyntaxError turns it into its result. */
class JsonSyntax extends Error {
  constructor(
    readonly what: string,
    readonly position: number,
  ) {
    super(what);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SIMPLE_ESCAPES = '"\\/bfnrt';

/**
 * Why and where `text` is not JSON ("unexpected "/" at position 27", the
 * position in UTF-16 code units as JSON.parse counts), or undefined when it is
 * JSON. V8's own messages give no position for most errors and quote the
 * input, raw newlines included, which would break a one-line problem.
 */
export function jsonSyntaxError(text: string): string | undefined {
  const problem = jsonSyntaxProblem(text);
  return problem && `${problem.what} at position ${problem.position}`;
}

/** What is wrong and at which position (UTF-16 code units), or undefined when `text` is JSON. */
export function jsonSyntaxProblem(text: string): { readonly what: string; readonly position: number } | undefined {
  try {
    new Reader(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntax) return { what: error.what, position: error.position };
    throw error;
  }
}

/** Recognises RFC 8259 JSON without building values: JSON.parse does that once the text passed. */
class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.at < this.text.length) this.fail(`unexpected ${this.shown()} after the JSON value`);
  }

  private value(): void {
    this.space();
    const char = this.text[this.at];
    if (char === "{") return this.object();
    if (char === "[") return this.array();
    if (char === '"') return this.string();
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return this.number();
    const word = ["true", "false", "null"].find((literal) => this.text.startsWith(literal, this.at));
    if (word === undefined) this.fail(`unexpected ${this.shown()}`);
    this.at += word.length;
  }

  private object(): void {
    this.at++;
    this.space();
    if (this.text[this.at] === "}") {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail(`expected a double-quoted property name, got ${this.shown()}`);
      this.string();
      this.space();
      if (this.text[this.at] !== ":") this.fail(`expected ":" after a property name, got ${this.shown()}`);
      this.at++;
      this.value();
      if (this.endOfList("}")) return;
    }
  }

  private array(): void {
    this.at++;
    this.space();
    if (this.text[this.at] === "]") {
      this.at++;
      return;
    }
    do this.value();
    while (!this.endOfList("]"));
  }

  /** After an item: true at the closing bracket, false after a comma (another item follows). */
  private endOfList(close: "}" | "]"): boolean {
    this.space();
    const char = this.text[this.at];
    if (char !== "," && char !== close) this.fail(`expected "," or "${close}", got ${this.shown()}`);
    this.at++;
    return char === close;
  }

  private string(): void {
    this.at++;
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) this.fail("unterminated string");
      if (char === '"') {
        this.at++;
        return;
      }
      if (char === "\\") this.escape();
      else if (char < " ") this.fail(`raw ${characterName(char)} in a string (must be escaped)`);
      else this.at++;
    }
  }

  private escape(): void {
    const next = this.text[this.at + 1] ?? "";
    if (next !== "" && SIMPLE_ESCAPES.includes(next)) this.at += 2;
    else if (next === "u" && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.at += 6;
    else this.fail(`bad escape ${JSON.stringify(this.text.slice(this.at, this.at + 2))}`);
  }

  private number(): void {
    NUMBER.lastIndex = this.at;
    if (!NUMBER.test(this.text)) this.fail("bad number");
    this.at = NUMBER.lastIndex;
  }

  private space(): void {
    while (" \t\n\r".includes(this.text[this.at] ?? "x")) this.at++;
  }

  /** The character at the cursor as a problem line shows it (whole, if astral). */
  private shown(): string {
    const code = this.text.codePointAt(this.at);
    return code === undefined ? "end of input" : characterName(String.fromCodePoint(code));
  }

  private fail(what: string): never {
    throw new JsonSyntax(what, this.at);
  }
}
