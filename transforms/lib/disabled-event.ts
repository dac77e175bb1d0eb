import { MisroutedEventError, NotWrittenError } from "./errors";
import { payloadObject } from "./payload";
import type { Source } from "./source";
import type { Transform } from "./webhook";

/** An event the settings turn off: its webhooks are refused, naming the setting (`setting`) that turns it on. */
export function disabledEvent(source: Source, event: string, setting: string): Transform<never> {
  return (payload) => {
    const body = payloadObject(payload);
    const received = source.eventOf(body);
    if (received !== event) throw new MisroutedEventError(source, [event], body);
    throw new NotWrittenError({ source, event }, `the event is off (set ${setting}: true to write it)`);
  };
}
