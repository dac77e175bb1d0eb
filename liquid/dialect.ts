/** How the undocumented parts of Braze's Liquid behave; every option has two readings, tests render under each. */
export interface Dialect {
  /** "documented": json_escape escapes only `"` and `\` (Braze's docs). "full": like Ruby's to_json without the quotes (also \n \r \t \b \f and other U+0000–U+001F as \u00XX). */
  readonly jsonEscape: "documented" | "full";
  /** "plus": url_param_escape is Ruby CGI.escape (space → "+", unreserved A-Za-z0-9 _ . - ~ kept, everything else %XX uppercase, UTF-8). "percent": ERB::Util.url_encode (space → %20). */
  readonly urlParamEscape: "plus" | "percent";
  /** "strict": base64_encode is Ruby Base64.strict_encode64. "wrapped": Base64.encode64 (a "\n" after every 60 output chars and at the end). */
  readonly base64: "strict" | "wrapped";
}

export const DEFAULT_DIALECT: Dialect = { jsonEscape: "documented", urlParamEscape: "plus", base64: "strict" };

/** Every combination of the options (8), for tests that must hold under every reading. */
export const ALL_DIALECTS: readonly Dialect[] = (["documented", "full"] as const).flatMap((jsonEscape) =>
  (["plus", "percent"] as const).flatMap((urlParamEscape) =>
    (["strict", "wrapped"] as const).map((base64): Dialect => ({ jsonEscape, urlParamEscape, base64 })),
  ),
);
