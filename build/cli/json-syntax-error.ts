import { jsonSyntaxProblem } from "../../contract/partners/json";

/** Why and where a text that JSON.parse refused is not JSON: "<what> at line L column C". */
export function describeJsonSyntaxError(text: string): string {
  const { what, position } = jsonSyntaxProblem(text) ?? { what: "not JSON", position: 0 };
  const before = text.slice(0, position);
  return `${what} at line ${before.split("\n").length} column ${position - before.lastIndexOf("\n")}`;
}
