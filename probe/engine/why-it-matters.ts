/**
 * What a difference in each group of facts means for this project, shown once per group so a
 * reader knows which differences could change what a transform does in Braze.
 */
const WHY: Record<string, string> = {
  global: "a global exists in one engine only: the static checks forbid the host-dependent ones (Intl, timers, fetch…)",
  method: "a built-in method exists in one engine only: transforms are type-checked against the ES2018 library, so they call none of the newer ones",
  regex: "regular expression support: transforms compile their patterns for ES2018",
  intl: "Intl: the static checks forbid it unless the recorded engine has it",
  locale: "locale-dependent formatting: the static checks forbid toLocale*/localeCompare",
  date: "date parsing and printing: transforms read only ISO-8601 text and print with toISOString",
  json: "JSON details: the sandbox judges outputs with its own serializer, the same in every engine",
  error: "error names and wording: only logs read differently; transforms never branch on a message",
  number: "number printing: transforms print numbers only through String() of safe values",
  math: "floating-point library results in the last digits",
  string: "Unicode case mapping and normalisation",
  array: "sorting",
  function: "source text of functions",
  call: "how the code is called: bdt's engines call it as a sloppy function body with (payload, headers)",
  headers: "the headers object: bdt serve and the fixtures give Title-Case names and string values",
  console: "console: the sandbox captures log, info, debug, warn and error",
  limits: "how deep recursion may go before the engine stops it",
  syntax: "syntax level: snippets are ES2018 (TypeScript lowers newer syntax), so the static checks' level is what changes",
  json_out: "how Braze serialises the returned value",
};

export function whyItMatters(fact: string): string | undefined {
  return WHY[fact.slice(0, fact.indexOf("."))];
}
