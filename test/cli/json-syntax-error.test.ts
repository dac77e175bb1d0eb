import { expect, test } from "vitest";
import { describeJsonSyntaxError } from "../../build/cli/json-syntax-error";

test.each([
  ['{\n  "a": 1,\n}', 'expected a double-quoted property name, got "}" at line 3 column 1'],
  ['{"a": 1', 'expected "," or "}", got end of input at line 1 column 8'],
  ['{"a":\n"x\ny"}', "raw newline in a string (must be escaped) at line 2 column 3"],
  ["{}\n{}", 'unexpected "{" after the JSON value at line 2 column 1'],
  ["", "unexpected end of input at line 1 column 1"],
  ['{\n  "a": }', 'unexpected "}" at line 2 column 8'],
  ['[1,\n  2,\n]', 'unexpected "]" at line 3 column 1'],
  ['{"a": tru}', 'unexpected "t" at line 1 column 7'],
  [`{"a": [${"1,".repeat(50)} tru, 2]}`, 'unexpected "t" at line 1 column 109'],
  ['\ufeff{"a": 1}', "unexpected U+FEFF at line 1 column 1"],
])("%j: %s", (text, description) => {
  expect(describeJsonSyntaxError(text)).toBe(description);
});
