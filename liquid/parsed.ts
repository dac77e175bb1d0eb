import type { Liquid, Template } from "liquidjs";
import { boundedCache } from "./bounded-cache";

/** How many distinct texts each engine keeps parsed: every field and content block of every template, many times over. */
const PARSED_TEXTS = 500;
const parsers = new WeakMap<Liquid, (source: string) => Template[]>();

/**
 * A prepared source parsed by `engine`, once per text: parsing is most of a
 * render, and a parsed template holds nothing of a render (the tags keep
 * only what they read from their own text; a render's state is in its Context).
 */
export function parsedBy(engine: Liquid, source: string): Template[] {
  let parse = parsers.get(engine);
  if (parse === undefined) {
    parse = boundedCache(PARSED_TEXTS, (text: string) => engine.parse(text));
    parsers.set(engine, parse);
  }
  return parse(source);
}
