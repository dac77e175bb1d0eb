/**
 * Timestamps arrive as epoch seconds (numbers or numeric strings), epoch
 * milliseconds, ISO-8601 with or without an offset, and "YYYY-MM-DD HH:MM:SS
 * ±HH:MM". We parse them ourselves rather than with Date.parse, whose handling
 * of non-ISO strings differs between engines and Braze's engine is unknown.
 */

import { LATEST_TIME_MS } from "../../contract/limits";
import { firstOf } from "./values";

/** Epoch values above this are milliseconds: as seconds they would be past the year 5000. */
const LARGEST_EPOCH_SECONDS = 1e11;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\d+(?:\.\d+)?$/;

export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === "number") return fromEpoch(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (EPOCH.test(text)) return fromEpoch(Number(text));
  return fromDateTime(text);
}

/** The ISO-8601 form Braze expects, or undefined when `value` is no timestamp. */
export function toIsoTime(value: unknown): string | undefined {
  const ms = parseTimestamp(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/**
 * The first of the envelope's timestamps that is one, else the time the
 * transformation runs: Braze needs a time on every event, and "now" is within
 * seconds of the partner's send.
 */
export function eventTime(times: readonly unknown[]): string {
  return firstOf(times, toIsoTime) || new Date().toISOString();
}

function fromEpoch(epoch: number): number | undefined {
  if (!isFinite(epoch) || epoch <= 0) return undefined;
  const ms = Math.round(epoch > LARGEST_EPOCH_SECONDS ? epoch : epoch * 1000);
  return ms < LATEST_TIME_MS ? ms : undefined;
}

/**
 * A string without a zone is read as UTC: partners call their timestamps UTC, a
 * transformation cannot know the account's zone, and Braze itself reads
 * zone-less dates as UTC.
 */
function fromDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone = "Z"] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = fields;
  const ms = Number((fraction + "000").slice(0, 3));
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const roundTrip = new Date(local);
  const valid =
    roundTrip.getUTCFullYear() === y && roundTrip.getUTCMonth() === mo - 1 && roundTrip.getUTCDate() === d &&
    h < 24 && mi < 60 && s < 60;
  if (!valid) return undefined;
  const offset = zoneOffsetMs(zone);
  if (offset === undefined) return undefined;
  const instant = local - offset;
  return instant > 0 && instant < LATEST_TIME_MS ? instant : undefined;
}

/** Offsets run from -12:00 to +14:00; anything else is a malformed zone. */
function zoneOffsetMs(zone: string): number | undefined {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60000;
}
