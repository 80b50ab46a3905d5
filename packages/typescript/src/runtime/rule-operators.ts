import { parseTimestamp, Timestamp } from "./timestamp.js";

/**
 * What generated rule code calls where JavaScript's operators do not have the rule language's semantics (those of the
 * Swift runtime's `RuleEvaluator`):
 * - `null == null` holds and a value never equals null (`===` already does this);
 * - text is equal when canonically equivalent, as Swift compares strings (`sameText`);
 * - an ordering with a null operand is false (`less` and friends);
 * - numbers compare exactly, also against integer literals beyond 2^53 written as `bigint`;
 * - timestamps compare by the instant they name, not by their text (`sameInstant`, `earlier`, ...).
 */
export type RuleNumber = number | bigint;

/**
 * Whether `a` and `b` are the same text up to canonical equivalence (`"é"` written as one or two code points); null
 * equals only null.
 */
export function sameText(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return a.normalize("NFC") === b.normalize("NFC");
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`, exactly (a double against a big integer included). */
export function compareNumbers(a: RuleNumber, b: RuleNumber): -1 | 0 | 1 {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a === b ? 0 : 1;
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a === b ? 0 : 1;
  if (typeof a === "number") return compareNumberToBigInt(a, b as bigint);
  return (-compareNumberToBigInt(b as number, a) || 0) as -1 | 0 | 1;
}

function compareNumberToBigInt(a: number, b: bigint): -1 | 0 | 1 {
  if (a === Infinity) return 1;
  if (a === -Infinity) return -1;
  const whole = Math.floor(a);
  const integer = BigInt(whole);
  if (integer !== b) return integer < b ? -1 : 1;
  return a > whole ? 1 : 0;
}

/** `a == b` for numbers, exactly; null equals only null. */
export function sameNumber(a: RuleNumber | null, b: RuleNumber | null): boolean {
  if (a === null || b === null) return a === b;
  return compareNumbers(a, b) === 0;
}

/** `a < b`; false when either is null. */
export function less(a: RuleNumber | null, b: RuleNumber | null): boolean {
  return a !== null && b !== null && compareNumbers(a, b) < 0;
}

/** `a <= b`; false when either is null. */
export function lessOrEqual(a: RuleNumber | null, b: RuleNumber | null): boolean {
  return a !== null && b !== null && compareNumbers(a, b) <= 0;
}

/** `a > b`; false when either is null. */
export function greater(a: RuleNumber | null, b: RuleNumber | null): boolean {
  return a !== null && b !== null && compareNumbers(a, b) > 0;
}

/** `a >= b`; false when either is null. */
export function greaterOrEqual(a: RuleNumber | null, b: RuleNumber | null): boolean {
  return a !== null && b !== null && compareNumbers(a, b) >= 0;
}

/** The instant of a timestamp, in seconds as the Swift runtime computes it. */
function instant(text: Timestamp): number {
  const seconds = parseTimestamp(text);
  if (seconds === null) throw new RangeError(`${JSON.stringify(text)} is not an RFC 3339 timestamp`);
  return seconds;
}

/** `a == b` for timestamps: the same instant, whatever offset each is written with; null equals only null. */
export function sameInstant(a: Timestamp | null, b: Timestamp | null): boolean {
  if (a === null || b === null) return a === b;
  return instant(a) === instant(b);
}

/** `a < b` for timestamps; false when either is null. */
export function earlier(a: Timestamp | null, b: Timestamp | null): boolean {
  return a !== null && b !== null && instant(a) < instant(b);
}

/** `a <= b` for timestamps; false when either is null. */
export function earlierOrSame(a: Timestamp | null, b: Timestamp | null): boolean {
  return a !== null && b !== null && instant(a) <= instant(b);
}

/** `a > b` for timestamps; false when either is null. */
export function later(a: Timestamp | null, b: Timestamp | null): boolean {
  return a !== null && b !== null && instant(a) > instant(b);
}

/** `a >= b` for timestamps; false when either is null. */
export function laterOrSame(a: Timestamp | null, b: Timestamp | null): boolean {
  return a !== null && b !== null && instant(a) >= instant(b);
}
