import { NotWrittenError } from "./errors";
import type { Source } from "./source";
import { eventBody, type Transform } from "./webhook";

/** An event the settings turn off: its webhooks are refused, naming the setting (`setting`) that turns it on. */
export function disabledEvent(source: Source, event: string, setting: string): Transform<never> {
  return (payload) => {
    eventBody(source, event, payload);
    throw new NotWrittenError({ source, event }, `the event is off (set ${setting}: true to write it)`);
  };
}
