import { JsonLimits } from "./json-limits.js";
import { setMember } from "./json-reader.js";
import { absentValue, FieldSpec, ModelSpec, TypeSpec } from "./model-spec.js";
import { parseTimestamp } from "./timestamp.js";

/** What `acceptParsed` returns when it cannot vouch for a record; the exact reader then decides. */
export const notAccepted: unique symbol = Symbol("notAccepted");

interface WalkState {
  readonly limits: JsonLimits;
  readonly acceptLegacy: boolean;
  /** Whether strings may hold escaped lone surrogates (the text has a `\uD8..`-`\uDF..` escape). */
  readonly checkStrings: boolean;
  /** Object members in the parsed tree; fewer than the text has means `JSON.parse` merged duplicates. */
  members: number;
  /** Colons inside the parsed keys and strings, which are not the text's member separators. */
  stringColons: number;
  /** Numbers read so far, anywhere: the index in the text's number tokens of the next one read in text order. */
  numbers: number;
  /** The token index of each `int` value read: `1.0` and `1` parse alike, so the text says how each was written. */
  readonly integerTokens: number[];
  /**
   * Whether an object on the way to the values had a key that is an array index (`"0"`): `JSON.parse` puts such keys
   * first, so the values were not read in text order and token indexes do not hold.
   */
  reordered: boolean;
}

type IsWellFormed = (this: string) => boolean;
const nativeIsWellFormed = (String.prototype as unknown as { isWellFormed?: IsWellFormed }).isWellFormed;
const loneSurrogate = /[\uD800-\uDFFF]/u;

/** Whether `text` has no lone surrogate (`String.prototype.isWellFormed` where it exists). */
export function isWellFormed(text: string): boolean {
  return nativeIsWellFormed !== undefined ? nativeIsWellFormed.call(text) : !loneSurrogate.test(text);
}

/** An escape of a surrogate or of a colon: most texts have neither, so one search rules both out. */
const rareEscape = /\\u(?:[dD][89a-fA-F]|003[aA])/;
const surrogateEscape = /\\u[dD][89a-fA-F]/;

/**
 * The fast path: `JSON.parse`, then checks that make its acceptance exact. Returns the record (the parsed tree itself,
 * completed with defaults and canonical enum values) only when the strict reader would accept the text and produce the
 * same value; otherwise `notAccepted`, and the caller runs the exact reader, which also finds the error. `JSON.parse`
 * alone accepts too much: it keeps the last of duplicate keys, lets `"\ud800"` through, reads `1e400` as Infinity and
 * `1.0` as the integer 1.
 *
 * `text` must be well-formed (no lone surrogates) and no longer, in UTF-8, than any limit but the depth and key count,
 * which are checked here.
 */
export function acceptParsed<T extends object>(model: ModelSpec<T>, text: string, limits: JsonLimits,
    acceptLegacy: boolean): T | typeof notAccepted {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return notAccepted;
  }
  const hasRareEscape = rareEscape.test(text);
  const state: WalkState = {
    limits,
    acceptLegacy,
    checkStrings: hasRareEscape && surrogateEscape.test(text),
    members: 0,
    stringColons: 0,
    numbers: 0,
    integerTokens: [],
    reordered: false,
  };
  const record = acceptModel(model as ModelSpec<object>, parsed, 1, state);
  if (record === notAccepted) return notAccepted;
  if (state.integerTokens.length > 0) {
    // Whether each integer was written as one needs the text's number tokens.
    if (state.reordered) return notAccepted;
    const scan = scanText(text);
    if (scan.members !== state.members || scan.numbers !== state.numbers) return notAccepted;
    for (const token of state.integerTokens) {
      if (scan.fractionTokens.has(token)) return notAccepted;
    }
    return record as T;
  }
  // Every colon of the text separates a member or stands in a string literal, where the parsed string has it too
  // (no escape writes a colon but \u003A, refused here). So the text's colons, less the parsed strings' ones,
  // count the text's members: exactly the parsed tree's unless JSON.parse merged a repeated key (whose lost key
  // and value can only lower the parsed counts).
  if (hasRareEscape && escapedColon.test(text)) return notAccepted;
  return countColons(text) - state.stringColons === state.members ? record as T : notAccepted;
}

function acceptModel(model: ModelSpec<object>, value: unknown, depth: number,
    state: WalkState): object | typeof notAccepted {
  if (typeof value !== "object" || value === null || Array.isArray(value)
      || depth > state.limits.maxDepth) return notAccepted;
  const record = value as Record<string, unknown>;
  const fields = model.fields;
  let members = 0;
  let matched = 0;
  let extra = false;
  let expected = 0;
  // `for in` also visits enumerable properties someone added to Object.prototype: they count as
  // members, so the count no longer matches the text and the exact reader decides.
  for (const key in record) {
    members++;
    const index = expected < fields.length && (fields[expected] as FieldSpec).name === key
      ? expected
      : model.fieldIndex.get(key);
    if (index === undefined) {
      if (!model.allowsAdditionalKeys) return notAccepted;
      if (isArrayIndex(key)) state.reordered = true;
      if (!acceptText(key, state) || !acceptJSON(record[key], depth + 1, state)) return notAccepted;
      extra = true;
      continue;
    }
    expected = index + 1;
    matched++;
    if (key.indexOf(":") >= 0) state.stringColons += countColons(key);
    const spec = fields[index] as FieldSpec;
    const member = record[key];
    if (member === null) {
      if (!spec.nullable && spec.type.kind !== "json") return notAccepted;
      continue;
    }
    const accepted = acceptValue(spec.type, member, depth + 1, state);
    if (accepted === notAccepted) return notAccepted;
    if (!Object.is(accepted, member)) record[key] = accepted;
  }
  if (members > state.limits.maxKeysPerObject) return notAccepted;
  state.members += members;
  let result = record;
  if (extra) {
    // Keys that are not fields are skipped, as the Swift decoders skip them: the value has fields only.
    result = {};
    for (const spec of fields) {
      if (Object.prototype.hasOwnProperty.call(record, spec.name)) setMember(result, spec.name, record[spec.name]);
    }
  }
  if (matched < fields.length) {
    for (const spec of fields) {
      if (Object.prototype.hasOwnProperty.call(result, spec.name)) continue;
      if (spec.required) return notAccepted;
      setMember(result, spec.name, absentValue(spec));
    }
  }
  if (model.violations(result).length > 0) return notAccepted;
  return result;
}

/**
 * `value` (not null, at depth `depth` if it is a container) as a valid value of `type`, possibly replaced (canonical
 * enum value, `-0` as 0), or `notAccepted`.
 */
function acceptValue(type: TypeSpec, value: unknown, depth: number, state: WalkState): unknown {
  switch (type.kind) {
    case "string":
      return typeof value === "string" && acceptText(value, state) ? value : notAccepted;
    case "bool":
      return typeof value === "boolean" ? value : notAccepted;
    case "int":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) return notAccepted;
      state.integerTokens.push(state.numbers++);
      return value === 0 ? 0 : value;
    case "double":
      if (typeof value !== "number" || value - value !== 0) return notAccepted;
      state.numbers++;
      return value;
    case "timestamp":
      return typeof value === "string" && parseTimestamp(value) !== null && acceptText(value, state) ? value
          : notAccepted;
    case "json":
      return acceptJSON(value, depth, state) ? value : notAccepted;
    case "list": {
      if (!Array.isArray(value) || depth > state.limits.maxDepth) return notAccepted;
      const element = type.element;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (item === null) {
          if (element.kind !== "json") return notAccepted;
          continue;
        }
        const accepted = acceptValue(element, item, depth + 1, state);
        if (accepted === notAccepted) return notAccepted;
        if (!Object.is(accepted, item)) value[index] = accepted;
      }
      return value;
    }
    case "map": {
      if (typeof value !== "object" || value === null || Array.isArray(value)
          || depth > state.limits.maxDepth) return notAccepted;
      const members = value as Record<string, unknown>;
      const element = type.element;
      let count = 0;
      for (const key in members) {
        count++;
        if (!acceptText(key, state)) return notAccepted;
        if (isArrayIndex(key)) state.reordered = true;
        const item = members[key];
        if (item === null) {
          if (element.kind !== "json") return notAccepted;
          continue;
        }
        const accepted = acceptValue(element, item, depth + 1, state);
        if (accepted === notAccepted) return notAccepted;
        if (!Object.is(accepted, item)) members[key] = accepted;
      }
      if (count > state.limits.maxKeysPerObject) return notAccepted;
      state.members += count;
      return value;
    }
    case "enum": {
      if (typeof value !== "string" || !acceptText(value, state)) return notAccepted;
      return type.values.match(value, state.acceptLegacy) ?? notAccepted;
    }
    case "model":
      return acceptModel(type.model(), value, depth, state);
  }
}

/**
 * Whether `value`, at container depth `depth` (its own depth if it is a container), is valid JSON within the limits.
 */
function acceptJSON(value: unknown, depth: number, state: WalkState): boolean {
  if (typeof value === "object") {
    if (value === null) return true;
    if (depth > state.limits.maxDepth) return false;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        if (!acceptJSON(value[index], depth + 1, state)) return false;
      }
      return true;
    }
    const members = value as Record<string, unknown>;
    let count = 0;
    for (const key in members) {
      count++;
      if (!acceptText(key, state) || !acceptJSON(members[key], depth + 1, state)) return false;
    }
    if (count > state.limits.maxKeysPerObject) return false;
    state.members += count;
    return true;
  }
  if (typeof value === "number") {
    state.numbers++;
    return value - value === 0; // JSON.parse reads 1e400 as Infinity
  }
  if (typeof value === "string") return acceptText(value, state);
  return typeof value === "boolean";
}

/** Whether a parsed key or string may stand (no lone surrogate); counts its colons. */
function acceptText(text: string, state: WalkState): boolean {
  if (text.indexOf(":") >= 0) state.stringColons += countColons(text);
  return !state.checkStrings || isWellFormed(text);
}

const escapedColon = /\\u003[aA]/;

/** The number of colons in `text`. */
function countColons(text: string): number {
  let count = 0;
  for (let index = text.indexOf(":"); index >= 0; index = text.indexOf(":", index + 1)) count++;
  return count;
}

/** Whether `key` is an array index, which `JSON.parse` puts before an object's other keys. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39)) return false;
  return /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 4294967295;
}

/**
 * Reads the structure of text `JSON.parse` accepted: the object members (colons outside strings), the number tokens,
 * and which of them (by index, in text order) are written with a fraction or exponent. Strings are skipped with
 * `indexOf`, which is most of the text.
 */
export function scanText(text: string): { members: number; numbers: number; fractionTokens: Set<number> } {
  let members = 0;
  let numbers = 0;
  const fractionTokens = new Set<number>();
  let index = 0;
  const length = text.length;
  for (;;) {
    const quote = text.indexOf('"', index);
    const end = quote < 0 ? length : quote;
    while (index < end) {
      const c = text.charCodeAt(index);
      if (c === 0x3a) {
        members++;
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        let fraction = false;
        for (index++; index < end; index++) {
          const d = text.charCodeAt(index);
          if (d === 0x2e || d === 0x65 || d === 0x45) fraction = true;
          else if (!(d === 0x2b || d === 0x2d || (d >= 0x30 && d <= 0x39))) break;
        }
        if (fraction) fractionTokens.add(numbers);
        numbers++;
        continue;
      }
      index++;
    }
    if (quote < 0) break;
    // The closing quote is the first one not escaped: preceded by an even number of backslashes.
    let close = text.indexOf('"', quote + 1);
    for (;;) {
      if (close < 0) return { members: -1, numbers: -1, fractionTokens }; // not JSON: an unclosed string
      let backslash = close - 1;
      while (text.charCodeAt(backslash) === 0x5c) backslash--;
      if (((close - 1 - backslash) & 1) === 0) break;
      close = text.indexOf('"', close + 1);
    }
    index = close + 1;
  }
  return { members, numbers, fractionTokens };
}
