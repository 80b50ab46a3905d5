/**
 * A `timestamp` field's value: the RFC 3339 date-time text as it was received, such as `2026-02-26T10:30:00Z` or
 * `2026-02-26T18:30:00.123456+08:00`.
 *
 * Kept as text so nothing is lost (a `Date` holds milliseconds only, and no offset); rules compare timestamps by the
 * instant they name (`compareTimestamps`), and `timestampToDate` gives a `Date`.
 */
export type Timestamp = string;

/** Seconds between 1970-01-01 and 2001-01-01, Foundation's reference date. */
const referenceDateOffset = 978307200;

/**
 * The instant `text` names, in seconds since 1970-01-01T00:00:00Z (fractions included), or null when `text` is not a
 * strict RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1 to 9 digits, then `Z` or `±HH:MM`.
 * Lowercase `t`/`z`, spaces, leap seconds (`:60`) and other formats are refused, as the Swift runtime's
 * `RFC3339Timestamp.parse` refuses them, and the number is the one it computes.
 */
export function parseTimestamp(text: string): number | null {
  let index = 0;
  const number = (count: number): number => {
    if (index + count > text.length) return -1;
    let value = 0;
    for (let end = index + count; index < end; index++) {
      const c = text.charCodeAt(index);
      if (c < 0x30 || c > 0x39) return -1;
      value = value * 10 + (c - 0x30);
    }
    return value;
  };
  const expect = (char: string): boolean => {
    if (index < text.length && text[index] === char) {
      index++;
      return true;
    }
    return false;
  };
  const year = number(4);
  if (year < 0 || !expect("-")) return null;
  const month = number(2);
  if (month < 0 || !expect("-")) return null;
  const day = number(2);
  if (day < 0 || !expect("T")) return null;
  const hour = number(2);
  if (hour < 0 || !expect(":")) return null;
  const minute = number(2);
  if (minute < 0 || !expect(":")) return null;
  const second = number(2);
  if (second < 0) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59
      || second > 59) return null;
  let fraction = 0;
  if (expect(".")) {
    const start = index;
    while (index < text.length && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39) index++;
    const digits = index - start;
    if (digits < 1 || digits > 9) return null;
    fraction = Number("0." + text.slice(start, index));
  }
  let offsetSeconds = 0;
  if (!expect("Z")) {
    const sign = text[index];
    if (sign !== "+" && sign !== "-") return null;
    index++;
    const offsetHour = number(2);
    if (offsetHour < 0 || !expect(":")) return null;
    const offsetMinute = number(2);
    if (offsetMinute < 0 || offsetHour > 23 || offsetMinute > 59) return null;
    offsetSeconds = (sign === "-" ? -1 : 1) * (offsetHour * 3600 + offsetMinute * 60);
  }
  if (index !== text.length) return null;
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  // Swift keeps the instant in a Foundation `Date` (seconds since 2001) and reads it back since 1970;
  // the same two roundings here make the values, and so every comparison of them, identical.
  return (seconds + fraction - referenceDateOffset) + referenceDateOffset;
}

/** Whether `text` is a strict RFC 3339 date-time (see `parseTimestamp`). */
export function isTimestamp(text: string): boolean {
  return parseTimestamp(text) !== null;
}

/** The instant a timestamp names as a `Date` (which keeps milliseconds only); throws for text that is not one. */
export function timestampToDate(text: Timestamp): Date {
  const seconds = parseTimestamp(text);
  if (seconds === null) throw new RangeError(`${JSON.stringify(text)} is not an RFC 3339 timestamp`);
  return new Date(Math.round(seconds * 1000));
}

/** `date` as a timestamp in UTC (`2026-02-26T10:30:00.123Z`, the fraction only when it is not zero). */
export function timestampFromDate(date: Date): Timestamp {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError("an invalid Date has no timestamp");
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError("RFC 3339 can only express years 0000 to 9999");
  const text = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ for years 0000-9999
  return text.endsWith(".000Z") ? text.slice(0, -5) + "Z" : text.replace(/0+Z$/, "Z");
}

/** -1, 0 or 1 as `a` names an earlier, the same or a later instant than `b`; both must be timestamps. */
export function compareTimestamps(a: Timestamp, b: Timestamp): -1 | 0 | 1 {
  const x = parseTimestamp(a);
  const y = parseTimestamp(b);
  if (x === null || y === null) throw new RangeError("compareTimestamps takes RFC 3339 timestamps");
  return x < y ? -1 : x === y ? 0 : 1;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.trunc((y >= 0 ? y : y - 399) / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.trunc((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.trunc(yearOfEra / 4) - Math.trunc(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
