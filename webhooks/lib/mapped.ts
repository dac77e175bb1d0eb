import type { MappedSource } from "./mapped-source";
import type { Reading, Text, Value } from "./value";

type Mapped = string | number | boolean | Text<string, "maybe"> | Value<number, "maybe"> | Value<boolean, "maybe">;

/** Each field of a settings map read with `read` (customAttribute, eventProperty, …), typed as the map says. */
export function mappedFields(map: Readonly<Record<string, MappedSource>>, read: (name: string) => Reading): Record<string, Mapped> {
  return Object.fromEntries(Object.entries(map).map(([field, source]) => [field, mappedField(source, read)]));
}

function mappedField(source: MappedSource, read: (name: string) => Reading): Mapped {
  if (typeof source === "string") return read(source).text();
  if ("value" in source) return source.value;
  const reading = read(source.from);
  return source.as === "number" ? reading.number() : source.as === "boolean" ? reading.boolean() : reading.text();
}
