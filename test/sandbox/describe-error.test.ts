import { describe, expect, it } from "vitest";
import { describeError } from "../../sandbox";
import { snippetLine } from "../../sandbox/errors";

describe("describeError", () => {
  it("names the thrown Error subclass and its line", () => {
    const line = describeError({ kind: "throw", name: "MissingIdentityError", line: 42, message: "call.completed: no identifier" });
    expect(line).toBe("snippet threw MissingIdentityError at line 42: call.completed: no identifier");
  });

  it("reads naturally for a non-Error throw", () => {
    expect(describeError({ kind: "throw", message: 'threw a non-Error value: "nope"' })).toBe('snippet threw a non-Error value: "nope"');
  });

  it("labels the other kinds and keeps everything on one line", () => {
    expect(describeError({ kind: "timeout", message: "exceeded the 1000 ms time limit", line: 3 })).toBe(
      "timeout at line 3: exceeded the 1000 ms time limit",
    );
    expect(describeError({ kind: "invalid-output", message: "events[0].time: undefined" })).toBe(
      "invalid output: events[0].time: undefined",
    );
    expect(describeError({ kind: "syntax", name: "SyntaxError", line: 2, message: "unexpected token\n  in expression" })).toBe(
      "syntax error at line 2: unexpected token in expression",
    );
  });
});

describe("snippetLine", () => {
  const stack = [
    "    at TransformError (snippet.js:1:40)",
    "    at MissingIdentityError (snippet.js:3:5)",
    "    at requireId (snippet.js:9:11)",
    "    at <anonymous> (snippet.js:12:1)",
    "    at run (sandbox-prelude.js:150:35)",
  ].join("\n");

  it("skips frames of the error's own constructors", () => {
    expect(snippetLine(stack, ["MissingIdentityError", "TransformError", "Error"])).toBe(9);
  });

  it("takes the top snippet frame otherwise, including the parser's bare location", () => {
    expect(snippetLine(stack, ["Error"])).toBe(1);
    expect(snippetLine("    at snippet.js:2:9\n", ["SyntaxError", "Error"])).toBe(2);
  });

  it("has no line when no frame is in the snippet", () => {
    expect(snippetLine("    at run (sandbox-prelude.js:150:35)\n", [])).toBeUndefined();
  });
});
