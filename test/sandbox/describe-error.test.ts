import { describe, expect, it } from "vitest";
import { describeError } from "../../sandbox";
import { snippetPosition } from "../../sandbox/errors";

describe("describeError", () => {
  it("names the thrown Error subclass and its line", () => {
    const line = describeError({ kind: "throw", name: "MissingIdentityError", line: 42, message: "call.completed: no identifier" });
    expect(line).toBe("snippet threw MissingIdentityError at line 42: call.completed: no identifier");
  });

  it("names the place it is given instead of the snippet line", () => {
    const line = describeError({ kind: "throw", name: "E", line: 42, column: 7, message: "boom" }, "transforms/lib/x.ts:3:5 in f (snippet line 42:7)");
    expect(line).toBe("snippet threw E at transforms/lib/x.ts:3:5 in f (snippet line 42:7): boom");
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

describe("snippetPosition", () => {
  const stack = [
    "    at TransformError (snippet.js:1:40)",
    "    at MissingIdentityError (snippet.js:3:5)",
    "    at requireId (snippet.js:9:11)",
    "    at <anonymous> (snippet.js:12:1)",
    "    at run (sandbox-prelude.js:150:35)",
  ].join("\n");

  it("skips frames of the error's own constructors", () => {
    expect(snippetPosition(stack, ["MissingIdentityError", "TransformError", "Error"])).toEqual({ line: 9, column: 11 });
  });

  it("skips V8's constructor frames too, which it names with new", () => {
    const v8 = ["    at new TransformError (snippet.js:1:40)", "    at new MissingIdentityError (snippet.js:3:5)", "    at requireId (snippet.js:9:11)"].join("\n");
    expect(snippetPosition(v8, ["MissingIdentityError", "TransformError", "Error"])).toEqual({ line: 9, column: 11 });
  });

  it("takes the top snippet frame otherwise, including the parser's bare location", () => {
    expect(snippetPosition(stack, ["Error"])).toEqual({ line: 1, column: 40 });
    expect(snippetPosition("    at snippet.js:2:9\n", ["SyntaxError", "Error"])).toEqual({ line: 2, column: 9 });
    expect(snippetPosition("    at f (snippet.js:7)\n", [])).toEqual({ line: 7 });
  });

  it("has no line when no frame is in the snippet", () => {
    expect(snippetPosition("    at run (sandbox-prelude.js:150:35)\n", [])).toBeUndefined();
  });
});
