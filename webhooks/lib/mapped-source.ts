/**
 * Where one mapped field comes from, as settings write it: the name of a
 * Braze attribute or property sent as text, the same with the type to send
 * it as, or a literal. (Its own module: the settings file, compiled with the
 * transforms, reads only this type.)
 */
export type MappedSource = string | { readonly from: string; readonly as: "text" | "number" | "boolean" } | { readonly value: string | number | boolean };
