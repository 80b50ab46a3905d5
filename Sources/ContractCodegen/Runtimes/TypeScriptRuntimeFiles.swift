// Generated from packages/typescript/src/runtime by `RECORD_GOLDEN=1 swift test --filter EmbeddedRuntimeTests`. DO NOT EDIT.

extension EmbeddedRuntime {
    /// The files of `packages/typescript/src/runtime/`, in name order.
    public static let typeScript: [File] = [
        ("accept-parsed.ts", #"""
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

"""#),
        ("api-version.ts", #"""
/**
 * The runtime API this runtime offers. Generated modules call `requireContractRuntimeAPI(1)` when they are imported, in
 * the style of swift-protobuf's version check: against a runtime with another API the call does not type-check (the
 * parameter is the literal type of the version offered), and if the JavaScript was mixed up anyway it throws at import,
 * naming both versions.
 */
export const contractRuntimeAPIVersion = 1;

/** Throws unless this runtime offers API `version`; generated modules call it at import. */
export function requireContractRuntimeAPI(version: typeof contractRuntimeAPIVersion): void {
  if (version !== contractRuntimeAPIVersion) {
    throw new Error(`this module was generated for contract runtime API ${String(version)}, but the runtime offers `
      + `API ${contractRuntimeAPIVersion}; regenerate it with the contractgen that matches the runtime`);
  }
}

"""#),
        ("encode-record.ts", #"""
import { isWellFormed } from "./accept-parsed.js";
import { defaultJsonLimits } from "./json-limits.js";
import { hex } from "./json-reader.js";
import { appendKeyToPath } from "./json-path.js";
import { describeType, FieldSpec, ModelSpec, TypeSpec } from "./model-spec.js";
import { RecordCategory, RecordError, ruleCategory } from "./record-error.js";
import { parseTimestamp } from "./timestamp.js";

/**
 * Writes `value` as compact JSON: fields in schema order, nulls explicit, nothing else. Throws `RecordError` (with the
 * path of the problem) for a value that would not decode again: a wrong type, a string with a lone surrogate, an `int`
 * that is not a safe integer, a number that is not finite, an unknown enum value (legacy values are never written), a
 * broken rule, nesting beyond 512 levels. `parseX(encodeX(v))` is equal to `v` for every value `encodeX` accepts.
 */
export function encodeRecord<T extends object>(model: ModelSpec<T>, value: T): string {
  return writeModel(model as ModelSpec<object>, value, "$", 1);
}

function writeModel(model: ModelSpec<object>, value: unknown, path: string, depth: number): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RecordError(RecordCategory.notAnObject,
        `expected a ${model.name} object, found ${describeValue(value)}`, path);
  }
  checkDepth(depth, path);
  const record = value as Record<string, unknown>;
  let text = "{";
  for (let index = 0; index < model.fields.length; index++) {
    const spec = model.fields[index] as FieldSpec;
    // Own properties only: a field named like an Object.prototype member (`toString`) is not inherited.
    const member = Object.prototype.hasOwnProperty.call(record, spec.name) ? record[spec.name] : undefined;
    if (member === undefined) {
      throw new RecordError(RecordCategory.missingField, `missing key ${JSON.stringify(spec.name)} of ${model.name}`,
          path);
    }
    const memberPath = appendKeyToPath(path, spec.name);
    if (index > 0) text += ",";
    text += JSON.stringify(spec.name) + ":";
    if (member === null) {
      if (!spec.nullable && spec.type.kind !== "json") {
        throw new RecordError(RecordCategory.wrongType,
          `expected ${describeType(spec.type)}, found null (\`${spec.name}\` is not nullable)`, memberPath);
      }
      text += "null";
    } else {
      text += writeValue(spec.type, member, memberPath, depth + 1);
    }
  }
  const broken = model.violations(record)[0];
  if (broken !== undefined) throw new RecordError(ruleCategory(broken.ruleId), broken.message, path);
  return text + "}";
}

function writeValue(type: TypeSpec, value: unknown, path: string, depth: number): string {
  switch (type.kind) {
    case "string":
      if (typeof value !== "string") throw wrongType(type, value, path);
      return writeString(value, path);
    case "bool":
      if (typeof value !== "boolean") throw wrongType(type, value, path);
      return value ? "true" : "false";
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(type, value, path);
      if (!Number.isSafeInteger(value)) {
        throw new RecordError(RecordCategory.numberOutOfRange, `the integer ${value} is outside ±(2^53−1)`, path);
      }
      return String(value === 0 ? 0 : value);
    case "double":
      if (typeof value !== "number") throw wrongType(type, value, path);
      return writeNumber(value, path);
    case "timestamp":
      if (typeof value !== "string") throw wrongType(type, value, path);
      if (parseTimestamp(value) === null) {
        throw new RecordError(RecordCategory.invalidTimestamp,
            `${JSON.stringify(value)} is not an RFC 3339 timestamp like "2026-02-26T10:30:00Z"`, path);
      }
      return JSON.stringify(value);
    case "json":
      return writeJSON(value, path, depth);
    case "list": {
      if (!Array.isArray(value)) throw wrongType(type, value, path);
      checkDepth(depth, path);
      let text = "[";
      for (let index = 0; index < value.length; index++) {
        if (index > 0) text += ",";
        text += writeElement(type.element, value[index], `${path}[${index}]`, depth + 1);
      }
      return text + "]";
    }
    case "map": {
      if (!isPlainObject(value)) throw wrongType(type, value, path);
      checkDepth(depth, path);
      let text = "{";
      let first = true;
      for (const key of Object.keys(value)) {
        const keyPath = appendKeyToPath(path, key);
        if (!first) text += ",";
        first = false;
        text += writeString(key, keyPath) + ":" + writeElement(type.element, value[key], keyPath, depth + 1);
      }
      return text + "}";
    }
    case "enum":
      if (typeof value !== "string") throw wrongType(type, value, path);
      if (!type.values.is(value) && !(type.values.isOpen && isWellFormed(value))) {
        throw new RecordError(RecordCategory.unknownEnumValue,
            `${JSON.stringify(value)} is not a value of ${type.values.name}`, path);
      }
      return JSON.stringify(value);
    case "model":
      return writeModel(type.model(), value, path, depth);
  }
}

function writeElement(type: TypeSpec, value: unknown, path: string, depth: number): string {
  if (value === null && type.kind !== "json") {
    throw new RecordError(RecordCategory.wrongType, `expected ${describeType(type)}, found null`, path);
  }
  return writeValue(type, value, path, depth);
}

/** Any JSON value, checked: plain objects and arrays, finite numbers, well-formed strings. */
function writeJSON(value: unknown, path: string, depth: number): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean": return value ? "true" : "false";
    case "number": return writeNumber(value, path);
    case "string": return writeString(value, path);
    case "object": {
      checkDepth(depth, path);
      if (Array.isArray(value)) {
        let text = "[";
        for (let index = 0; index < value.length; index++) {
          if (index > 0) text += ",";
          text += writeJSON(value[index], `${path}[${index}]`, depth + 1);
        }
        return text + "]";
      }
      if (!isPlainObject(value)) break;
      let text = "{";
      let first = true;
      for (const key of Object.keys(value)) {
        const keyPath = appendKeyToPath(path, key);
        if (!first) text += ",";
        first = false;
        text += writeString(key, keyPath) + ":" + writeJSON(value[key], keyPath, depth + 1);
      }
      return text + "}";
    }
  }
  throw new RecordError(RecordCategory.wrongType, `expected a JSON value, found ${describeValue(value)}`, path);
}

/** A finite number as JSON; `-0` as `-0`, so it reads back as -0. */
function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new RecordError(RecordCategory.numberOutOfRange, `${value} is not a finite number, which JSON cannot write`,
        path);
  }
  return Object.is(value, -0) ? "-0" : String(value);
}

function writeString(value: string, path: string): string {
  if (!isWellFormed(value)) {
    const unit = value.charCodeAt(loneSurrogateIndex(value));
    throw new RecordError(RecordCategory.loneSurrogate,
      `the string holds a lone surrogate U+${hex(unit, 4)}, which UTF-8 JSON text cannot carry`, path);
  }
  return JSON.stringify(value);
}

/** The index of the first code unit of `text` that is half of a surrogate pair without the other half, or -1. */
function loneSurrogateIndex(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (unit < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
      index++;
      continue;
    }
    return index;
  }
  return -1;
}

function checkDepth(depth: number, path: string): void {
  if (depth > defaultJsonLimits.maxDepth) {
    throw new RecordError(RecordCategory.tooDeep,
        `arrays and objects nest more than ${defaultJsonLimits.maxDepth} levels deep`, path);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function wrongType(type: TypeSpec, value: unknown, path: string): RecordError {
  return new RecordError(RecordCategory.wrongType, `expected ${describeType(type)}, found ${describeValue(value)}`,
      path);
}

/** How messages name a JavaScript value's kind. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string": return "a string";
    case "number": return Number.isInteger(value) ? "a number" : `the number ${value}`;
    case "boolean": return "a boolean";
    case "object": return isPlainObject(value) ? "an object"
        : `an instance of ${(value as object).constructor?.name ?? "a class"}`;
    default: return `a ${typeof value}`;
  }
}

"""#),
        ("enumeration.ts", #"""
import { WireValues, wireValues } from "./wire-values.js";

/** A closed enum's const object: its values, matched strictly. */
export type Enumeration<Value extends string> = WireValues<Value>;

/**
 * Any string an open enum may hold besides its known values: open enums keep values from newer producers. (`string &
 * Record<never, never>` keeps editors suggesting the known values.)
 */
export type OtherString = string & Record<never, never>;

/** An open enum's const object: its known values; `isKnown` tells them from the strings it keeps. */
export interface OpenEnumeration<Known extends string> extends WireValues<Known> {
  /** Whether `value` is one of the values the schema lists. */
  isKnown(value: string): value is Known;
}

/** What `enumeration` and `openEnumeration` take. */
export interface EnumerationDefinition<Value extends string> {
  readonly name: string;
  /** The values, in schema order. */
  readonly values: readonly Value[];
}

/** Builds a closed enum's const object. */
export function enumeration<Value extends string>(definition: EnumerationDefinition<Value>): Enumeration<Value> {
  return Object.freeze(wireValues<Value>(definition.name, definition.values, false, {}));
}

/** Builds an open enum's const object. */
export function openEnumeration<Known extends string>(
  definition: EnumerationDefinition<Known>,
): OpenEnumeration<Known> {
  const values = wireValues<Known>(definition.name, definition.values, true, {});
  return Object.freeze({ ...values, isKnown: (value: string): value is Known => values.is(value) });
}

"""#),
        ("error-catalog.ts", #"""
import { RecordError } from "./record-error.js";
import { TransitionError } from "./lifecycle.js";
import { ValidationFailure } from "./rule-violation.js";
import { WireValues, wireValues } from "./wire-values.js";

/** The broad class of an error, which decides how callers react to it. */
export type ErrorCategory = "client" | "timeout" | "execution" | "system" | "dependency";

/**
 * The kinds of failure a catalog's `normalize:` table gives a code: `validation` (the input or the move was wrong),
 * `timeout`, `cancellation`, `retry_exhausted` (only `withRetry` produces it) and `default` (anything else).
 */
export type FailureKind = "validation" | "timeout" | "cancellation" | "retry_exhausted" | "default";

/**
 * The kind of `error`: `cancellation` for an `AbortError` (what `AbortController` rejects with), `timeout` for a
 * `TimeoutError` (`AbortSignal.timeout`), `validation` for `RecordError`, `TransitionError` and `ValidationFailure`,
 * `default` for anything else. Errors are told by `name`, so `DOMException`s and errors of other libraries that follow
 * the convention are sorted too.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof RecordError || error instanceof TransitionError
      || error instanceof ValidationFailure) return "validation";
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === "AbortError") return "cancellation";
  if (name === "TimeoutError") return "timeout";
  return "default";
}

/** One code of a catalog, as the schema gives it. */
export interface ErrorCodeDefinition<Code extends string, Status extends string> {
  readonly code: Code;
  /** The schema's snake_case name, e.g. `validation_error`. */
  readonly name: string;
  readonly category: ErrorCategory;
  /** Whether retrying the same work may succeed. */
  readonly retryable: boolean;
  /** The message shown to users when no better one is known. */
  readonly message: string;
  /** The state a record ends in when this error stops it; null when the code names none. */
  readonly status: Status | null;
}

/** What `errorCatalog` takes. */
export interface ErrorCatalogDefinition<Code extends string, Status extends string> {
  readonly name: string;
  /** Every code, in schema order. */
  readonly codes: readonly ErrorCodeDefinition<Code, Status>[];
  /** Which code each kind of failure becomes; a kind left out gets the `default` code. */
  readonly normalize?: { readonly default: Code } & { readonly [K in FailureKind]?: Code };
}

/** An error catalog's const object: its codes as data, their facts, and error normalization. */
export interface ErrorCatalog<Code extends string, Status extends string = never> extends WireValues<Code> {
  /** Each code's facts, in schema order. */
  readonly codes: readonly ErrorCodeDefinition<Code, Status>[];
  /** The facts of `code`. */
  info(code: Code): ErrorCodeDefinition<Code, Status>;
  /** Whether retrying the same work may succeed. */
  isRetryable(code: Code): boolean;
  /** The broad class of the error. */
  category(code: Code): ErrorCategory;
  /** The message shown to users when no better one is known. */
  defaultMessage(code: Code): string;
  /** The state a record ends in when this error stops it; null when the code names none. */
  status(code: Code): Status | null;
  /**
   * The code the `normalize:` table gives `kind` (the `default` code for a kind it leaves out); throws for a catalog
   * without the table.
   */
  codeFor(kind: FailureKind): Code;
  /**
   * `error` as a code of this catalog: a `NormalizedError` of this catalog as it is; an error with a
   * `contractErrorCode` property holding a code of this catalog with that code; anything else by its `classifyFailure`
   * kind through the `normalize:` table. The user message is the code's message; the error's own text is kept as
   * `detail`.
   */
  normalize(error: unknown): NormalizedError<Code, Status>;
}

/** An error as one code of an error catalog: what callers store, show and decide on. */
export class NormalizedError<Code extends string, Status extends string = never> extends Error {
  /** The catalog's code. */
  readonly code: Code;
  /** What actually happened, for logs: the original error's text. Never shown to users. */
  readonly detail: string;
  /** The message for users: the code's message, never the original error's text. */
  readonly userMessage: string;
  /** Whether retrying the same work may succeed. */
  readonly isRetryable: boolean;
  /** The state a record ends in when this error stops it; null when the code names none. */
  readonly status: Status | null;
  /** The catalog the code belongs to. */
  readonly catalog: ErrorCatalog<Code, Status>;

  /** `code` of `catalog` with `detail`. */
  constructor(catalog: ErrorCatalog<Code, Status>, code: Code, detail: string) {
    super(`${code}: ${detail}`);
    this.name = "NormalizedError";
    this.catalog = catalog;
    this.code = code;
    this.detail = detail;
    this.userMessage = catalog.defaultMessage(code);
    this.isRetryable = catalog.isRetryable(code);
    this.status = catalog.status(code);
  }
}

/** Builds an error catalog's const object from its schema data. */
export function errorCatalog<Code extends string, Status extends string = never>(
  definition: ErrorCatalogDefinition<Code, Status>,
): ErrorCatalog<Code, Status> {
  const values = wireValues<Code>(definition.name, definition.codes.map((entry) => entry.code), false, {});
  const byCode = new Map<string, ErrorCodeDefinition<Code, Status>>();
  for (const entry of definition.codes) byCode.set(entry.code, Object.freeze({ ...entry }));
  const info = (code: Code): ErrorCodeDefinition<Code, Status> => {
    const entry = byCode.get(code);
    if (entry === undefined) throw new RangeError(`${JSON.stringify(code)} is not a code of ${definition.name}`);
    return entry;
  };
  const catalog: ErrorCatalog<Code, Status> = Object.freeze({
    ...values,
    codes: Object.freeze(Array.from(byCode.values())),
    info,
    isRetryable: (code: Code) => info(code).retryable,
    category: (code: Code) => info(code).category,
    defaultMessage: (code: Code) => info(code).message,
    status: (code: Code) => info(code).status,
    codeFor(kind: FailureKind): Code {
      const table = definition.normalize;
      if (table === undefined) throw new Error(`${definition.name} has no normalize: table`);
      return table[kind] ?? table.default;
    },
    normalize(error: unknown): NormalizedError<Code, Status> {
      if (error instanceof NormalizedError && error.catalog === catalog) return error as NormalizedError<Code, Status>;
      const detail = describeError(error);
      const declared = typeof error === "object" && error !== null
          ? (error as { contractErrorCode?: unknown }).contractErrorCode : undefined;
      if (values.is(declared)) return new NormalizedError(catalog, declared, detail);
      return new NormalizedError(catalog, catalog.codeFor(classifyFailure(error)), detail);
    },
  });
  return catalog;
}

/** An error's text for `detail`: `String(error)` (for an `Error`, its name and message). */
function describeError(error: unknown): string {
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

"""#),
        ("index.ts", #"""
/**
 * The contract runtime for TypeScript: what generated contract modules import. It has no dependencies.
 *
 * - Records: `parseRecord` (strict JSON, the Swift runtime's verdicts), `encodeRecord`, `RecordError`.
 * - Models: `defineModel`, `field` and the field types, which generated modules describe models with.
 * - Lifecycles, enums and error catalogs: `lifecycle`, `enumeration`, `openEnumeration`, `errorCatalog`,
 *   `TransitionError`, `NormalizedError`, `classifyFailure`.
 * - Rules: `RuleViolation`, `ValidationFailure` and the operators in `rule-operators`.
 * - Retries: `RetryPolicy`, `withRetry`.
 */
export { contractRuntimeAPIVersion, requireContractRuntimeAPI } from "./api-version.js";
export { RecordCategory, RecordError, ruleCategory } from "./record-error.js";
export type { JsonObject, JsonValue } from "./json-value.js";
export { defaultJsonLimits, resolveJsonLimits } from "./json-limits.js";
export type { JsonLimits } from "./json-limits.js";
export { JsonReader } from "./json-reader.js";
export type { JsonKind } from "./json-reader.js";
export { parseRecord, utf8Bytes } from "./parse-record.js";
export { parseStrictJSON } from "./parse-json.js";
export type { ParseOptions } from "./parse-record.js";
export { readRecord } from "./read-record.js";
export { encodeRecord } from "./encode-record.js";
export {
  boolType, defineModel, doubleType, enumType, field, intType, jsonType, listType, mapType, modelType,
  stringType, timestampType,
} from "./model-spec.js";
export type { FieldDefault, FieldOptions, FieldSpec, ModelDefinition, ModelSpec, TypeSpec } from "./model-spec.js";
export type { WireValues } from "./wire-values.js";
export { lifecycle, TransitionError } from "./lifecycle.js";
export type { GuardedMove, Lifecycle, LifecycleDefinition, Outcome, StateDefinition } from "./lifecycle.js";
export { enumeration, openEnumeration } from "./enumeration.js";
export type { Enumeration, EnumerationDefinition, OpenEnumeration, OtherString } from "./enumeration.js";
export { classifyFailure, errorCatalog, NormalizedError } from "./error-catalog.js";
export type { ErrorCatalog, ErrorCatalogDefinition, ErrorCategory, ErrorCodeDefinition,
    FailureKind } from "./error-catalog.js";
export { RetryPolicy, retryPolicy } from "./retry-policy.js";
export type { Jitter, RetryPolicyDefinition } from "./retry-policy.js";
export { withRetry } from "./with-retry.js";
export type { RetryOptions } from "./with-retry.js";
export { throwIfViolated, ValidationFailure } from "./rule-violation.js";
export type { RuleViolation } from "./rule-violation.js";
export {
  compareNumbers, earlier, earlierOrSame, greater, greaterOrEqual, later, laterOrSame, less, lessOrEqual,
  sameInstant, sameNumber, sameText,
} from "./rule-operators.js";
export type { RuleNumber } from "./rule-operators.js";
export { compareTimestamps, isTimestamp, parseTimestamp, timestampFromDate, timestampToDate } from "./timestamp.js";
export type { Timestamp } from "./timestamp.js";

"""#),
        ("json-limits.ts", #"""
/**
 * Bounds on what the strict JSON reader accepts, so hostile input costs bounded memory and time; the defaults are the
 * Swift runtime's (`JSONReaderLimits`). All but `maxDepth` report `too_long`.
 *
 * Any value is safe: a negative or NaN limit counts as 0 (nothing of that kind is accepted), a fraction is rounded
 * down, and `Infinity` means no limit.
 */
export interface JsonLimits {
  /** How deeply arrays and objects may nest; `[[1]]` has depth 2. Default 512. */
  readonly maxDepth: number;
  /** The longest string or key, in UTF-8 bytes as written in the input (escapes count as written). Default 16 MiB. */
  readonly maxStringLength: number;
  /** The most members one object may have. Default 100,000. */
  readonly maxKeysPerObject: number;
  /** The largest input, in UTF-8 bytes. Default 256 MiB. */
  readonly maxInputLength: number;
}

/** The Swift runtime's default limits. */
export const defaultJsonLimits: JsonLimits = Object.freeze({
  maxDepth: 512,
  maxStringLength: 16 * 1024 * 1024,
  maxKeysPerObject: 100_000,
  maxInputLength: 256 * 1024 * 1024,
});

/** `limits` over the defaults, each clamped as the interface describes. */
export function resolveJsonLimits(limits: Partial<JsonLimits> | undefined): JsonLimits {
  if (limits === undefined) return defaultJsonLimits;
  return {
    maxDepth: clampLimit(limits.maxDepth ?? defaultJsonLimits.maxDepth),
    maxStringLength: clampLimit(limits.maxStringLength ?? defaultJsonLimits.maxStringLength),
    maxKeysPerObject: clampLimit(limits.maxKeysPerObject ?? defaultJsonLimits.maxKeysPerObject),
    maxInputLength: clampLimit(limits.maxInputLength ?? defaultJsonLimits.maxInputLength),
  };
}

function clampLimit(limit: number): number {
  if (typeof limit !== "number" || Number.isNaN(limit) || limit < 0) return 0;
  return Math.floor(limit);
}

"""#),
        ("json-path.ts", #"""
/**
 * How keys appear in error paths, as in the Swift runtime: `.name` for identifiers (`[A-Za-z_][A-Za-z0-9_]*`), `["a
 * b"]` for anything else, the key written as a JSON string literal.
 */
export function appendKeyToPath(path: string, key: string): string {
  return isIdentifierKey(key) ? path + "." + key : path + "[" + quotedKey(key) + "]";
}

/** Whether `key` is written `.key` in a path. */
export function isIdentifierKey(key: string): boolean {
  if (key.length === 0) return false;
  const first = key.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false;
  for (let index = 0; index < key.length; index++) {
    const c = key.charCodeAt(index);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
    if (!ok) return false;
  }
  return true;
}

/** `key` as a JSON string literal, so quotes, backslashes and control characters stay readable. */
export function quotedKey(key: string): string {
  let text = '"';
  for (let index = 0; index < key.length; index++) {
    const c = key.charCodeAt(index);
    if (c === 0x22) text += '\\"';
    else if (c === 0x5c) text += "\\\\";
    else if (c === 0x0a) text += "\\n";
    else if (c === 0x09) text += "\\t";
    else if (c === 0x0d) text += "\\r";
    else if (c < 0x20) text += "\\u" + c.toString(16).padStart(4, "0");
    else text += key[index];
  }
  return text + '"';
}

/** Text quoted for a message, as a JSON string literal with control characters escaped. */
export function quotedText(text: string): string {
  return quotedKey(text);
}

"""#),
        ("json-reader.ts", #"""
import { JsonLimits } from "./json-limits.js";
import { appendKeyToPath, quotedKey } from "./json-path.js";
import { RecordCategory, RecordError } from "./record-error.js";
import { JsonValue } from "./json-value.js";

/** The kind of a JSON value, from its first byte. */
export type JsonKind = "string" | "number" | "bool" | "null" | "array" | "object";

/** How messages name a JSON kind. */
export function describeKind(kind: JsonKind): string {
  switch (kind) {
    case "string": return "a string";
    case "number": return "a number";
    case "bool": return "a boolean";
    case "null": return "null";
    case "array": return "an array";
    case "object": return "an object";
  }
}

/** A validated number token: where it is and whether it was written without a fraction or exponent. */
export interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly isInteger: boolean;
}

// ignoreBOM: a U+FEFF inside a string is text, not a byte-order mark to drop.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * A strict pull reader over JSON text in UTF-8 (RFC 8259 with I-JSON's rules, RFC 7493), the same reader as the Swift
 * runtime's `JSONReader`: it refuses what that one refuses, with the same category, at the same byte offset and JSON
 * path, so every record gets one verdict in every language.
 *
 * Nesting is kept on an explicit stack, never by recursion, so hostile depth is `too_deep`, not a stack overflow.
 * Everything passed over is validated, skipped values included. Errors are thrown as `RecordError` (a well-formed value
 * of another kind than asked for is `wrong_type`).
 */
export class JsonReader {
  /** The bytes being read. */
  readonly input: Uint8Array;
  /** The limits this reader enforces. */
  readonly limits: JsonLimits;
  /** The offset of the next byte to read. */
  position = 0;
  /** Where the key `nextKey()` returned last starts (its opening quote), for `duplicateKeyError()`. */
  private lastKeyOffset = 0;
  // One entry per open array or object, innermost last, in parallel arrays.
  private readonly isObject: boolean[] = [];
  /** Elements or members started so far; the one being read is `count - 1`. */
  private readonly counts: number[] = [];
  /** The key of the member being read, for error paths; null before the first or after a key-count error. */
  private readonly currentKeys: (string | null)[] = [];
  /** The keys seen so far in each open object that checks its own duplicates, else null. */
  private readonly seenKeys: (Set<string> | null)[] = [];

  /** A reader over `input`; throws `too_long` for input over the limit and `byte_order_mark` for a BOM. */
  constructor(input: Uint8Array, limits: JsonLimits) {
    this.input = input;
    this.limits = limits;
    if (input.length > limits.maxInputLength) {
      throw this.error(RecordCategory.tooLong,
        `the input is ${input.length} bytes, more than the limit of ${limits.maxInputLength}`, limits.maxInputLength);
    }
    if (input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
      throw this.error(RecordCategory.byteOrderMark,
        "the input starts with a UTF-8 byte-order mark (EF BB BF), which JSON text must not have", 0);
    }
    if (input.length >= 2 && ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe))) {
      throw this.error(RecordCategory.byteOrderMark,
          "the input starts with a UTF-16 byte-order mark; JSON text must be UTF-8", 0);
    }
  }

  /** How many arrays and objects are open. */
  get depth(): number {
    return this.counts.length;
  }

  /** Where the reader is in the document, such as `$.result.items[3]`. */
  get path(): string {
    let path = "$";
    for (let index = 0; index < this.counts.length; index++) {
      const count = this.counts[index] as number;
      if (count === 0) continue;
      if (this.isObject[index]) {
        const key = this.currentKeys[index];
        if (key !== null && key !== undefined) path = appendKeyToPath(path, key);
      } else {
        path += "[" + (count - 1) + "]";
      }
    }
    return path;
  }

  /** A `RecordError` at `offset` with the current path. */
  error(category: string, message: string, offset: number = this.position): RecordError {
    return new RecordError(category, message, this.path, offset);
  }

  // MARK: Structure

  /** Skips JSON whitespace: space, tab, line feed, carriage return. */
  skipWhitespace(): void {
    const input = this.input;
    let position = this.position;
    while (position < input.length) {
      const byte = input[position] as number;
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
      position++;
    }
    this.position = position;
  }

  /** The kind of the next value, without consuming it; throws `malformed_json` when no value starts here. */
  peekKind(): JsonKind {
    this.skipWhitespace();
    if (this.position < this.input.length) {
      const kind = kindStartingWith(this.input[this.position] as number);
      if (kind !== null) return kind;
    }
    throw this.unexpected("a value");
  }

  /** Consumes the `{` that opens an object; `callerChecksDuplicateKeys` leaves finding repeated keys to the caller. */
  beginObject(callerChecksDuplicateKeys = false): void {
    this.skipWhitespace();
    if (this.position >= this.input.length || this.input[this.position] !== 0x7b) throw this.mismatch("an object");
    this.push(true, !callerChecksDuplicateKeys);
  }

  /** Consumes the `[` that opens an array. */
  beginArray(): void {
    this.skipWhitespace();
    if (this.position >= this.input.length || this.input[this.position] !== 0x5b) throw this.mismatch("an array");
    this.push(false, false);
  }

  private push(isObject: boolean, checksDuplicateKeys: boolean): void {
    if (this.counts.length >= this.limits.maxDepth) {
      throw this.error(RecordCategory.tooDeep, `arrays and objects nest more than ${this.limits.maxDepth} levels deep`);
    }
    this.position++;
    this.isObject.push(isObject);
    this.counts.push(0);
    this.currentKeys.push(null);
    this.seenKeys.push(checksDuplicateKeys ? new Set<string>() : null);
  }

  private pop(): void {
    this.isObject.pop();
    this.counts.pop();
    this.currentKeys.pop();
    this.seenKeys.pop();
  }

  /**
   * The next key of the innermost object, positioned at its value, or null after consuming the `}`. Throws
   * `duplicate_key` when the object already had the key (compared after unescaping).
   */
  nextKey(): string | null {
    const top = this.counts.length - 1;
    const input = this.input;
    this.skipWhitespace();
    if (this.position >= input.length) {
      throw this.unexpected(this.counts[top] === 0 ? "a key or '}'" : "',' or '}'");
    }
    let byte = input[this.position] as number;
    if (byte === 0x7d) {
      this.position++;
      this.pop();
      return null;
    }
    if ((this.counts[top] as number) > 0) {
      if (byte !== 0x2c) throw this.unexpected("',' or '}' after an object member");
      this.position++;
      this.skipWhitespace();
      if (this.position >= input.length) throw this.unexpected("a key");
      byte = input[this.position] as number;
      if (byte === 0x7d) throw this.error(RecordCategory.malformedJSON, "trailing comma before '}'");
    }
    if (byte !== 0x22) throw this.unexpected("a key in double quotes");
    if ((this.counts[top] as number) >= this.limits.maxKeysPerObject) {
      this.currentKeys[top] = null; // The error is about the object, not its last member.
      throw this.error(RecordCategory.tooLong, `the object has more than ${this.limits.maxKeysPerObject} keys`);
    }
    const keyOffset = this.position;
    const key = this.readStringAt();
    this.counts[top] = (this.counts[top] as number) + 1;
    this.currentKeys[top] = key;
    this.lastKeyOffset = keyOffset;
    const seen = this.seenKeys[top];
    if (seen) {
      if (seen.has(key)) throw this.duplicateKeyError();
      seen.add(key);
    }
    this.skipWhitespace();
    if (this.position >= input.length || input[this.position] !== 0x3a) throw this.unexpected("':' after the key");
    this.position++;
    return key;
  }

  /** The `duplicate_key` error for the key `nextKey()` just returned. */
  duplicateKeyError(): RecordError {
    const key = this.currentKeys[this.currentKeys.length - 1];
    const message = key === null || key === undefined
      ? "a key appears more than once in this object"
      : `the key ${quotedKey(key)} appears more than once in this object`;
    return this.error(RecordCategory.duplicateKey, message, this.lastKeyOffset);
  }

  /** Whether the innermost array has another element, positioned at it; false after consuming the `]`. */
  nextElement(): boolean {
    const top = this.counts.length - 1;
    const input = this.input;
    this.skipWhitespace();
    if (this.position >= input.length) {
      throw this.unexpected(this.counts[top] === 0 ? "a value or ']'" : "',' or ']'");
    }
    const byte = input[this.position] as number;
    if (byte === 0x5d) {
      this.position++;
      this.pop();
      return false;
    }
    if ((this.counts[top] as number) > 0) {
      if (byte !== 0x2c) throw this.unexpected("',' or ']' after an array element");
      this.position++;
      this.skipWhitespace();
      if (this.position < input.length && input[this.position] === 0x5d) {
        throw this.error(RecordCategory.malformedJSON, "trailing comma before ']'");
      }
    }
    this.counts[top] = (this.counts[top] as number) + 1;
    return true;
  }

  /** Checks that only whitespace follows the top-level value. */
  expectEnd(): void {
    this.skipWhitespace();
    if (this.position < this.input.length) {
      throw this.error(RecordCategory.trailingData,
          `unexpected ${this.describeByte(this.position)} after the top-level value`);
    }
  }

  // MARK: Scalars

  /** Reads a string, unescaped. */
  readString(): string {
    this.skipWhitespace();
    if (this.position >= this.input.length || this.input[this.position] !== 0x22) throw this.mismatch("a string");
    return this.readStringAt();
  }

  /** Reads `true` or `false`. */
  readBool(): boolean {
    this.skipWhitespace();
    if (this.position >= this.input.length) throw this.unexpected("true or false");
    const byte = this.input[this.position];
    if (byte === 0x74) {
      this.consumeLiteral("true");
      return true;
    }
    if (byte === 0x66) {
      this.consumeLiteral("false");
      return false;
    }
    throw this.mismatch("true or false");
  }

  /** Consumes `null` and returns true if the next value is null; otherwise consumes nothing. */
  readNullIfPresent(): boolean {
    this.skipWhitespace();
    if (this.position >= this.input.length || this.input[this.position] !== 0x6e) return false;
    this.consumeLiteral("null");
    return true;
  }

  /**
   * Reads an integer written without a fraction or exponent (`1.0` and `1e2` are `wrong_type`) whose value a JavaScript
   * number holds exactly: outside ±(2^53−1) it is `number_out_of_range`. `-0` reads as 0.
   */
  readSafeInteger(): number {
    this.skipWhitespace();
    if (this.position >= this.input.length || kindStartingWith(this.input[this.position] as number) !== "number") {
      throw this.mismatch("an integer");
    }
    const token = this.scanNumber();
    const text = this.text(token);
    if (!token.isInteger) {
      throw this.error(RecordCategory.wrongType, `expected an integer, found ${abbreviated(text)}`, token.start);
    }
    const value = Number(text);
    // Number() rounds to the nearest double, and every integer past 2^53 - 1 rounds to at least 2^53.
    if (!Number.isSafeInteger(value)) {
      throw this.error(RecordCategory.numberOutOfRange,
        `the integer ${abbreviated(text)} is outside ±(2^53−1), the integers a JavaScript number holds exactly`,
            token.start);
    }
    return value === 0 ? 0 : value;
  }

  /**
   * Reads any number as a finite double; `number_out_of_range` when its magnitude overflows (underflow to 0 is
   * accepted).
   */
  readDouble(): number {
    this.skipWhitespace();
    if (this.position >= this.input.length || kindStartingWith(this.input[this.position] as number) !== "number") {
      throw this.mismatch("a number");
    }
    return this.doubleValue(this.scanNumber());
  }

  /** Reads the next value, of any kind, as a tree; nesting uses an explicit stack, not recursion. */
  readValue(): JsonValue {
    this.skipWhitespace();
    if (this.position >= this.input.length) throw this.unexpected("a value");
    const first = this.input[this.position];
    if (first !== 0x7b && first !== 0x5b) return this.readScalar();
    const outerDepth = this.counts.length;
    // The containers being filled, innermost last; an object's pending key is kept beside it.
    const containers: (JsonValue[] | Record<string, JsonValue>)[] = [];
    const pendingKeys: string[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.position >= this.input.length) throw this.unexpected("a value");
      let value: JsonValue;
      const byte = this.input[this.position];
      if (byte === 0x7b) {
        this.push(true, true);
        const key = this.nextKey();
        if (key !== null) {
          containers.push({});
          pendingKeys.push(key);
          continue;
        }
        value = {};
      } else if (byte === 0x5b) {
        this.push(false, false);
        if (this.nextElement()) {
          containers.push([]);
          pendingKeys.push("");
          continue;
        }
        value = [];
      } else {
        value = this.readScalar();
      }
      // The value is complete: add it to the innermost open container, closing as many as end here.
      let more = false;
      while (this.counts.length > outerDepth) {
        const container = containers[containers.length - 1] as JsonValue[] | Record<string, JsonValue>;
        if (Array.isArray(container)) {
          container.push(value);
          if (this.nextElement()) {
            more = true;
            break;
          }
        } else {
          setMember(container, pendingKeys[pendingKeys.length - 1] as string, value);
          const key = this.nextKey();
          if (key !== null) {
            pendingKeys[pendingKeys.length - 1] = key;
            more = true;
            break;
          }
        }
        containers.pop();
        pendingKeys.pop();
        value = container;
      }
      if (!more) return value;
    }
  }

  /** Passes over the next value, of any kind, validating it as fully as `readValue()` would. */
  skipValue(): void {
    const outerDepth = this.counts.length;
    for (;;) {
      this.skipWhitespace();
      if (this.position >= this.input.length) throw this.unexpected("a value");
      const byte = this.input[this.position];
      if (byte === 0x7b) this.push(true, true);
      else if (byte === 0x5b) this.push(false, false);
      else this.readScalar();
      let more = false;
      while (this.counts.length > outerDepth) {
        if (this.isObject[this.counts.length - 1]) {
          if (this.nextKey() !== null) {
            more = true;
            break;
          }
        } else if (this.nextElement()) {
          more = true;
          break;
        }
      }
      if (!more) return;
    }
  }

  /** Reads a string, number, boolean or null at the current position. */
  private readScalar(): JsonValue {
    const byte = this.input[this.position] as number;
    if (byte === 0x22) return this.readStringAt();
    if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) return this.doubleValue(this.scanNumber());
    if (byte === 0x74) {
      this.consumeLiteral("true");
      return true;
    }
    if (byte === 0x66) {
      this.consumeLiteral("false");
      return false;
    }
    if (byte === 0x6e) {
      this.consumeLiteral("null");
      return null;
    }
    throw this.unexpected("a value");
  }

  /**
   * Consumes the literal `word`, which must end there: `nullx` and `true1` are malformed at their first extra byte,
   * like `nul` and `trux` at their first wrong one.
   */
  private consumeLiteral(word: string): void {
    const input = this.input;
    const start = this.position;
    for (let index = 0; index < word.length; index++) {
      const offset = start + index;
      if (offset >= input.length) {
        throw this.error(RecordCategory.malformedJSON, `unexpected end of input; expected the literal ${word}`, offset);
      }
      if (input[offset] !== word.charCodeAt(index)) {
        throw this.error(RecordCategory.malformedJSON,
            `unexpected ${this.describeByte(offset)}; expected the literal ${word}`, offset);
      }
    }
    const end = start + word.length;
    if (end < input.length && continuesToken(input[end] as number)) {
      throw this.error(RecordCategory.malformedJSON, `unexpected ${this.describeByte(end)} after the literal ${word}`,
          end);
    }
    this.position = end;
  }

  // MARK: Numbers

  /** Validates the number at the current position (RFC 8259's grammar) and moves past it. */
  scanNumber(): NumberToken {
    const input = this.input;
    const count = input.length;
    const start = this.position;
    let index = start;
    let isInteger = true;
    if (input[index] === 0x2d) index++;
    if (index >= count || !isDigit(input[index] as number)) {
      this.position = index;
      const next = input[index];
      throw index < count && (next === 0x49 || next === 0x4e)
        ? this.error(RecordCategory.malformedJSON, "NaN and Infinity are not JSON numbers", start)
        : this.error(RecordCategory.malformedJSON, "expected a digit after '-'", index);
    }
    if (input[index] === 0x30) {
      index++;
      if (index < count && isDigit(input[index] as number)) {
        throw this.error(RecordCategory.malformedJSON, "numbers must not have leading zeros", index);
      }
    } else {
      while (index < count && isDigit(input[index] as number)) index++;
    }
    if (index < count && input[index] === 0x2e) {
      isInteger = false;
      index++;
      if (index >= count || !isDigit(input[index] as number)) {
        throw this.error(RecordCategory.malformedJSON, "expected a digit after the decimal point", index);
      }
      while (index < count && isDigit(input[index] as number)) index++;
    }
    if (index < count && ((input[index] as number) | 0x20) === 0x65) {
      isInteger = false;
      index++;
      if (index < count && (input[index] === 0x2b || input[index] === 0x2d)) index++;
      if (index >= count || !isDigit(input[index] as number)) {
        throw this.error(RecordCategory.malformedJSON, "expected a digit in the exponent", index);
      }
      while (index < count && isDigit(input[index] as number)) index++;
    }
    this.position = index;
    const token = { start, end: index, isInteger };
    if (index < count && continuesToken(input[index] as number)) {
      throw this.error(RecordCategory.malformedJSON,
          `unexpected ${this.describeByte(index)} after the number ${abbreviated(this.text(token))}`, index);
    }
    return token;
  }

  /** The token's value, correctly rounded; `number_out_of_range` when it overflows a double. */
  doubleValue(token: NumberToken): number {
    const text = this.text(token);
    const value = Number(text);
    if (value === Infinity || value === -Infinity) {
      throw this.error(RecordCategory.numberOutOfRange, `the number ${abbreviated(text)} is too large for a double`,
          token.start);
    }
    return value;
  }

  /** The text of a number token. */
  text(token: NumberToken): string {
    let text = "";
    for (let index = token.start; index < token.end; index++) text += String.fromCharCode(this.input[index] as number);
    return text;
  }

  // MARK: Strings

  /** Reads the string whose opening quote is at the current position, checking UTF-8, escapes and the length limit. */
  private readStringAt(): string {
    const input = this.input;
    const count = input.length;
    const open = this.position;
    let index = open + 1;
    let runStart = index;
    let text = "";
    for (;;) {
      while (index < count) {
        const byte = input[index] as number;
        if (byte === 0x22 || byte === 0x5c || byte < 0x20 || byte >= 0x80) break;
        index++;
      }
      if (index >= count) {
        throw this.error(RecordCategory.malformedJSON,
          `unexpected end of input in the string that starts at byte ${open}; expected its closing quote`, count);
      }
      const byte = input[index] as number;
      if (byte === 0x22) break;
      if (byte === 0x5c) {
        if (index > runStart) text += utf8.decode(input.subarray(runStart, index));
        const end = this.escapeEnd(index);
        text += unescaped(input, index);
        index = end;
        runStart = index;
      } else if (byte < 0x20) {
        throw this.error(RecordCategory.controlCharacter,
          `control character U+${hex(byte, 4)} must be escaped in a string`, index);
      } else {
        index = this.utf8SequenceEnd(index);
      }
    }
    if (index > runStart) text += utf8.decode(input.subarray(runStart, index));
    this.position = index + 1;
    if (index - open - 1 > this.limits.maxStringLength) {
      throw this.error(RecordCategory.tooLong,
        `the string is ${index - open - 1} bytes, more than the limit of ${this.limits.maxStringLength}`, open);
    }
    return text;
  }

  /** The offset after the escape whose backslash is at `index`, after checking it. */
  private escapeEnd(index: number): number {
    const input = this.input;
    if (index + 1 >= input.length) {
      throw this.error(RecordCategory.malformedJSON,
        "unexpected end of input after '\\' in a string; expected an escape and the closing quote", input.length);
    }
    const kind = input[index + 1] as number;
    if (isTwoByteEscape(kind)) return index + 2;
    if (kind !== 0x75) {
      throw this.error(RecordCategory.invalidEscape,
        `\\${this.describeByte(index + 1)} is not a JSON escape; `
        + `valid ones are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX`, index);
    }
    const unit = this.hexEscapeValue(index);
    if (unit >= 0xdc00 && unit < 0xe000) {
      throw this.error(RecordCategory.loneSurrogate,
          `\\u${hex(unit, 4)} is a low surrogate without a high surrogate before it`, index);
    }
    if (unit < 0xd800 || unit >= 0xdc00) return index + 6;
    const next = index + 6;
    if (!(next + 1 < input.length && input[next] === 0x5c && input[next + 1] === 0x75)) {
      throw this.error(RecordCategory.loneSurrogate,
          `\\u${hex(unit, 4)} is a high surrogate not followed by a low surrogate escape`, index);
    }
    const low = this.hexEscapeValue(next);
    if (low < 0xdc00 || low >= 0xe000) {
      throw this.error(RecordCategory.loneSurrogate,
        `\\u${hex(unit, 4)} is a high surrogate followed by \\u${hex(low, 4)}, not a low surrogate`, index);
    }
    return next + 6;
  }

  /** The code unit of the `\uXXXX` escape whose backslash is at `index`, after checking its digits. */
  private hexEscapeValue(index: number): number {
    const input = this.input;
    if (index + 6 <= input.length) {
      const value = fourHexDigits(input, index + 2);
      if (value >= 0) return value;
    }
    throw this.error(RecordCategory.invalidEscape, "\\u must be followed by four hexadecimal digits", index);
  }

  /** The offset after the multi-byte UTF-8 sequence at `index`, after checking it against RFC 3629's table. */
  private utf8SequenceEnd(index: number): number {
    const input = this.input;
    const lead = input[index] as number;
    const rule = utf8LeadRule(lead);
    if (rule === null) {
      if (lead >= 0x80 && lead <= 0xbf) {
        throw this.error(RecordCategory.invalidUTF8,
            `byte 0x${hex(lead, 2)} is a UTF-8 continuation byte with no lead byte`, index);
      }
      if (lead === 0xc0 || lead === 0xc1) {
        throw this.error(RecordCategory.invalidUTF8, `byte 0x${hex(lead, 2)} starts an overlong UTF-8 encoding`, index);
      }
      throw this.error(RecordCategory.invalidUTF8, `byte 0x${hex(lead, 2)} never appears in UTF-8`, index);
    }
    const [length, low, high] = rule;
    const second = input[index + 1];
    if (second === undefined || second < 0x80 || second > 0xbf) {
      throw this.error(RecordCategory.invalidUTF8, "truncated UTF-8 sequence", index);
    }
    if (second < low || second > high) {
      const reason = lead === 0xed ? "an encoded UTF-16 surrogate (CESU-8), not valid UTF-8"
        : lead === 0xf4 ? "a code point above U+10FFFF" : "an overlong UTF-8 encoding";
      throw this.error(RecordCategory.invalidUTF8, `bytes 0x${hex(lead, 2)} 0x${hex(second, 2)} start ${reason}`,
          index);
    }
    for (let offset = 2; offset < length; offset++) {
      const byte = input[index + offset];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) {
        throw this.error(RecordCategory.invalidUTF8, "truncated UTF-8 sequence", index);
      }
    }
    return index + length;
  }

  // MARK: Errors

  /** The error for a byte (or the end of input) at the current position where `expected` should be. */
  unexpected(expected: string): RecordError {
    const position = this.position;
    if (position >= this.input.length) {
      return this.error(RecordCategory.malformedJSON, `unexpected end of input; expected ${expected}`);
    }
    const byte = this.input[position] as number;
    if (byte >= 0x80) {
      try {
        this.utf8SequenceEnd(position);
      } catch (error) {
        if (error instanceof RecordError) return error;
        throw error;
      }
    }
    let message: string;
    if (byte === 0x2f) message = "comments are not allowed in JSON";
    else if (byte === 0x4e || byte === 0x49) message = `NaN and Infinity are not JSON numbers; expected ${expected}`;
    else if (byte === 0x27) message = `strings must be in double quotes; expected ${expected}`;
    else message = `unexpected ${this.describeByte(position)}; expected ${expected}`;
    return this.error(RecordCategory.malformedJSON, message);
  }

  /**
   * The error for a well-formed value of the wrong kind, or for malformed text, where `expected` should be. A scalar
   * that only starts like a value (`nope`, `42abc`, an unclosed string) is reported as what is wrong with it. The
   * reader stays where it was.
   */
  mismatch(expected: string): RecordError {
    const position = this.position;
    const kind = position < this.input.length ? kindStartingWith(this.input[position] as number) : null;
    if (kind === null) return this.unexpected(expected);
    if (kind !== "array" && kind !== "object") {
      try {
        this.readScalar();
      } catch (error) {
        if (error instanceof RecordError) return error;
        throw error;
      } finally {
        this.position = position;
      }
    }
    return this.error(RecordCategory.wrongType, `expected ${expected}, found ${describeKind(kind)}`);
  }

  /** `'x'`, `control character U+0001`, `character U+00E9` or `byte 0xFF`, for messages. */
  describeByte(offset: number): string {
    const byte = this.input[offset] as number;
    if (byte < 0x20 || byte === 0x7f) return `control character U+${hex(byte, 4)}`;
    if (byte < 0x80) return `'${String.fromCharCode(byte)}'`;
    let end: number;
    try {
      end = this.utf8SequenceEnd(offset);
    } catch {
      return `byte 0x${hex(byte, 2)}`;
    }
    const scalar = utf8.decode(this.input.subarray(offset, end)).codePointAt(0) as number;
    if (scalar === 0xfeff) return "byte-order mark U+FEFF";
    return `character U+${hex(scalar, 4)}`;
  }
}

/** Sets `key` on an object built from JSON, as `JSON.parse` would: `__proto__` becomes an own property. */
export function setMember<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** The kind of value a byte starts, or null. */
export function kindStartingWith(byte: number): JsonKind | null {
  if (byte === 0x22) return "string";
  if (byte === 0x7b) return "object";
  if (byte === 0x5b) return "array";
  if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) return "number";
  if (byte === 0x74 || byte === 0x66) return "bool";
  if (byte === 0x6e) return "null";
  return null;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** Whether `byte` would continue a number or literal: a letter, digit, `_`, `.`, `+`, `-` or a non-ASCII byte. */
function continuesToken(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
    || byte === 0x5f || byte === 0x2e || byte === 0x2b || byte === 0x2d || byte >= 0x80;
}

function isTwoByteEscape(byte: number): boolean {
  return byte === 0x22 || byte === 0x5c || byte === 0x2f || byte === 0x62 || byte === 0x66
    || byte === 0x6e || byte === 0x72 || byte === 0x74;
}

/** The value of four hex digits at `index`, or -1 when one is not a hex digit. */
function fourHexDigits(input: Uint8Array, index: number): number {
  let value = 0;
  for (let offset = 0; offset < 4; offset++) {
    const byte = input[index + offset] as number;
    let digit: number;
    if (byte >= 0x30 && byte <= 0x39) digit = byte - 0x30;
    else if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) digit = (byte | 0x20) - 0x61 + 10;
    else return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** The text a validated escape at `index` stands for (a surrogate pair's escape stands for both halves). */
function unescaped(input: Uint8Array, index: number): string {
  const kind = input[index + 1] as number;
  switch (kind) {
    case 0x62: return "\b";
    case 0x66: return "\f";
    case 0x6e: return "\n";
    case 0x72: return "\r";
    case 0x74: return "\t";
    case 0x75: {
      const unit = fourHexDigits(input, index + 2);
      if (unit >= 0xd800 && unit < 0xdc00) return String.fromCharCode(unit, fourHexDigits(input, index + 8));
      return String.fromCharCode(unit);
    }
    default: return String.fromCharCode(kind); // '"', '\\' and '/'
  }
}

/** RFC 3629's table for a byte leading a 2-4 byte sequence: its length and the range of its second byte. */
function utf8LeadRule(lead: number): readonly [number, number, number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if ((lead >= 0xe1 && lead <= 0xec) || lead === 0xee || lead === 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return null;
}

/** Upper-case hexadecimal, zero-padded to `width` digits. */
export function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, "0");
}

/** The text, shortened if it is long. */
function abbreviated(text: string): string {
  return text.length <= 40 ? text : text.slice(0, 37) + "...";
}

"""#),
        ("json-value.ts", #"""
/**
 * Any JSON value, as a `json` field holds it: what `JSON.parse` returns, checked strictly.
 *
 * What JavaScript cannot keep that the Swift and Python runtimes do: `1` and `1.0` are the same number; integers beyond
 * ±(2^53−1) are rounded to the nearest double; object keys that are array indices (`"0"`, `"42"`) come first, in
 * numeric order, whatever order they were written in. A value still survives `encode` then `parse` unchanged (`-0`
 * included).
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object: string keys, any JSON values. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

"""#),
        ("lifecycle.ts", #"""
import { RetryPolicy, RetryPolicyDefinition, retryPolicy } from "./retry-policy.js";
import { WireValues, wireValues } from "./wire-values.js";

/** What reaching a terminal lifecycle state means for the caller. */
export type Outcome = "success" | "failure" | "cancelled" | "timeout";

/** A lifecycle move the schema does not allow, thrown by `transition`. All values are wire values. */
export class TransitionError extends Error {
  /** The lifecycle's name, e.g. `TaskStatus`. */
  readonly lifecycle: string;
  /** The state the move started from. */
  readonly from: string;
  /** The state the move asked for. */
  readonly to: string;
  /** The states `from` may move to, in schema order; empty for a terminal state. */
  readonly allowed: readonly string[];
  /** The guard (`when:`) that did not hold for the record, when the move is listed but guarded. */
  readonly unmetGuard: string | null;

  /** An error for the move `from` → `to`; `unmetGuard` names the guard that failed, if that was the reason. */
  constructor(lifecycle: string, from: string, to: string, allowed: readonly string[],
      unmetGuard: string | null = null) {
    const head = `${lifecycle}: cannot move from ${from} to ${to}`;
    super(unmetGuard !== null ? `${head}; the guard \`${unmetGuard}\` does not hold`
      : allowed.length === 0 ? `${head}; ${from} is terminal` : `${head}; allowed: ${allowed.join(", ")}`);
    this.name = "TransitionError";
    this.lifecycle = lifecycle;
    this.from = from;
    this.to = to;
    this.allowed = Object.freeze(allowed.slice());
    this.unmetGuard = unmetGuard;
  }

  /** Whether the move was refused because `from` is terminal. */
  get isFromTerminalState(): boolean {
    return this.allowed.length === 0;
  }
}

/** A guarded transition (`{ to, when }` in the schema): the target, the guard as written, and the compiled check. */
export interface GuardedMove<State extends string, Record> {
  readonly to: State;
  /** The guard expression as written in the schema, for `TransitionError.unmetGuard`. */
  readonly when: string;
  readonly holds: (record: Record) => boolean;
}

/** One state of a lifecycle, as the schema gives it. */
export interface StateDefinition<State extends string, Record = never> {
  readonly state: State;
  /** What reaching the state means; given exactly for terminal states. */
  readonly outcome?: Outcome;
  /** The states it may move to, in schema order; a guarded move as a `GuardedMove`. */
  readonly moves?: readonly (State | GuardedMove<State, Record>)[];
}

/** What `lifecycle` takes; the generated module writes it from the schema, one entry per state. */
export interface LifecycleDefinition<State extends string, Record = never> {
  readonly name: string;
  readonly initial: State;
  /** Every state, in schema order. Arrays rather than objects keyed by state: a state may be called `__proto__`. */
  readonly states: readonly StateDefinition<State, Record>[];
  /** Wire values of earlier versions and the states they now mean; read on request, never written. */
  readonly legacy?: readonly { readonly value: string; readonly state: State }[];
  /** The lifecycle's `retry:` policy. */
  readonly retry?: RetryPolicyDefinition;
}

/** A lifecycle's states and moves: the const object generated beside its string-literal union type. */
export interface Lifecycle<State extends string, Record = never> extends WireValues<State> {
  /** The state a new record starts in. */
  readonly initial: State;
  /** The lifecycle's `retry:` policy, when the schema gives one. */
  readonly retryPolicy: RetryPolicy | undefined;
  /** Whether the record is finished in `state`; no transition leaves a terminal state. */
  isTerminal(state: State): boolean;
  /** What reaching `state` means; null for a state that is not terminal. */
  outcome(state: State): Outcome | null;
  /** The states `state` may move to, in schema order; empty for a terminal state. Guards are not evaluated. */
  allowedTransitions(state: State): readonly State[];
  /**
   * Whether the schema lists the move `from` → `to`, and, when `record` is given, its guard (if any) holds for it.
   * Without a record guards are not evaluated.
   */
  canTransition(from: State, to: State, record?: Record): boolean;
  /**
   * `to` if the schema lists the move and, when `record` is given, its guard (if any) holds; otherwise throws
   * `TransitionError` (a terminal state's moves included: `completed` → `failed` throws).
   */
  transition(from: State, to: State, record?: Record): State;
}

/** Builds a lifecycle's const object from its schema data. */
export function lifecycle<State extends string, Record = never>(
  definition: LifecycleDefinition<State, Record>,
): Lifecycle<State, Record> {
  const legacy: { [value: string]: State } = Object.create(null);
  for (const entry of definition.legacy ?? []) legacy[entry.value] = entry.state;
  const values = wireValues<State>(definition.name, definition.states.map((entry) => entry.state), false, legacy);
  const moves = new Map<State, readonly State[]>();
  const outcomes = new Map<State, Outcome>();
  const guards = new Map<string, GuardedMove<State, Record>>();
  for (const entry of definition.states) {
    const targets: State[] = [];
    for (const move of entry.moves ?? []) {
      if (typeof move === "string") {
        targets.push(move);
      } else {
        targets.push(move.to);
        guards.set(JSON.stringify([entry.state, move.to]), move);
      }
    }
    moves.set(entry.state, Object.freeze(targets));
    if (entry.outcome !== undefined) outcomes.set(entry.state, entry.outcome);
  }
  const guardOf = (from: State, to: State): GuardedMove<State, Record> | undefined =>
    guards.get(JSON.stringify([from, to]));
  const allowed = (state: State): readonly State[] => moves.get(state) ?? [];
  const result: Lifecycle<State, Record> = {
    ...values,
    initial: definition.initial,
    retryPolicy: definition.retry === undefined ? undefined : retryPolicy(definition.retry),
    isTerminal: (state) => outcomes.has(state),
    outcome: (state) => outcomes.get(state) ?? null,
    allowedTransitions: allowed,
    canTransition(from, to, record) {
      if (!allowed(from).includes(to)) return false;
      const guard = guardOf(from, to);
      return record === undefined || guard === undefined || guard.holds(record);
    },
    transition(from, to, record) {
      const targets = allowed(from);
      if (!targets.includes(to)) throw new TransitionError(definition.name, from, to, targets);
      const guard = guardOf(from, to);
      if (record !== undefined && guard !== undefined && !guard.holds(record)) {
        throw new TransitionError(definition.name, from, to, targets, guard.when);
      }
      return to;
    },
  };
  return Object.freeze(result);
}

"""#),
        ("model-spec.ts", #"""
import { RuleViolation } from "./rule-violation.js";
import { WireValues } from "./wire-values.js";

/** What a field's value must be: one entry per schema field type. */
export type TypeSpec =
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "int" }
  | { readonly kind: "double" }
  | { readonly kind: "timestamp" }
  | { readonly kind: "json" }
  | { readonly kind: "list"; readonly element: TypeSpec }
  | { readonly kind: "map"; readonly element: TypeSpec }
  | { readonly kind: "enum"; readonly values: WireValues<string> }
  | { readonly kind: "model"; readonly model: () => ModelSpec<object> };

/** `string`: any JSON string. */
export const stringType: TypeSpec = Object.freeze({ kind: "string" });
/** `bool`: `true` or `false`. */
export const boolType: TypeSpec = Object.freeze({ kind: "bool" });
/** `int`: an integer written without fraction or exponent, within ±(2^53−1) (Swift and Python take 64 bits). */
export const intType: TypeSpec = Object.freeze({ kind: "int" });
/** `double`: any JSON number that fits a double. */
export const doubleType: TypeSpec = Object.freeze({ kind: "double" });
/** `timestamp`: an RFC 3339 date-time string, kept as written. */
export const timestampType: TypeSpec = Object.freeze({ kind: "timestamp" });
/** `json`: any JSON value, `null` included. */
export const jsonType: TypeSpec = Object.freeze({ kind: "json" });

/** `list<element>`: an array whose elements are never null (unless they are `json`). */
export function listType(element: TypeSpec): TypeSpec {
  return Object.freeze({ kind: "list", element });
}

/** `map<element>`: an object with string keys whose values are never null (unless they are `json`). */
export function mapType(element: TypeSpec): TypeSpec {
  return Object.freeze({ kind: "map", element });
}

/** A lifecycle, enum or error catalog, by its wire values. */
export function enumType(values: WireValues<string>): TypeSpec {
  return Object.freeze({ kind: "enum", values });
}

/** A nested model; `model` is called when first needed, so a model may refer to itself (inside a list or map). */
export function modelType<T extends object>(model: () => ModelSpec<T>): TypeSpec {
  return Object.freeze({ kind: "model", model: model as () => ModelSpec<object> });
}

/** The JSON values a field default may be: the schema's `null`, booleans, numbers, text, `[]` and `{}`. */
export type FieldDefault = null | boolean | number | string | readonly [] | Readonly<Record<string, never>>;

/** One field of a model, in schema (wire) order. */
export interface FieldSpec {
  /** The wire name, which is also the property name. */
  readonly name: string;
  readonly type: TypeSpec;
  /** Whether `null` is a value (written as an explicit `null`). */
  readonly nullable: boolean;
  /** Whether the key must be present on the wire (the schema's `required`, true unless `required: false`). */
  readonly required: boolean;
  /** The value of an absent key when it is not required; `[]` and `{}` are copied for each record. */
  readonly defaultValue: FieldDefault | undefined;
}

/** Options of `field`. */
export interface FieldOptions {
  readonly nullable?: boolean;
  /** False for `required: false`: the key may be absent, and then the field takes `default` (or null). */
  readonly required?: boolean;
  readonly default?: FieldDefault;
}

/** A field of a model; see `FieldSpec`. */
export function field(name: string, type: TypeSpec, options: FieldOptions = {}): FieldSpec {
  return Object.freeze({
    name,
    type,
    nullable: options.nullable === true,
    required: options.required !== false,
    defaultValue: options.default,
  });
}

/** A model as record decoders and encoders read it. */
export interface ModelSpec<T extends object> {
  /** The model's name in messages. */
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** Whether keys that are not fields are skipped (`additional_keys: allow`) rather than refused. */
  readonly allowsAdditionalKeys: boolean;
  /** Every rule `value` breaks, in schema order (the generated, compiled rules). */
  readonly violations: (value: T) => RuleViolation[];
  /** Each field's index by wire name. */
  readonly fieldIndex: ReadonlyMap<string, number>;
}

/** What `defineModel` takes. */
export interface ModelDefinition<T extends object> {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** `"allow"` skips keys that are not fields; the default, `"reject"`, refuses them with `unknown_field`. */
  readonly additionalKeys?: "reject" | "allow";
  readonly violations: (value: T) => RuleViolation[];
}

/** A model for `parseRecord` and `encodeRecord`. */
export function defineModel<T extends object>(definition: ModelDefinition<T>): ModelSpec<T> {
  const fieldIndex = new Map<string, number>();
  definition.fields.forEach((spec, index) => fieldIndex.set(spec.name, index));
  return Object.freeze({
    name: definition.name,
    fields: Object.freeze(definition.fields.slice()),
    allowsAdditionalKeys: definition.additionalKeys === "allow",
    violations: definition.violations,
    fieldIndex,
  });
}

/** How messages name what a type expects, as the Swift runtime words it. */
export function describeType(type: TypeSpec): string {
  switch (type.kind) {
    case "string": return "a string";
    case "bool": return "true or false";
    case "int": return "an integer";
    case "double": return "a number";
    case "timestamp": return "an RFC 3339 timestamp string";
    case "json": return "a JSON value";
    case "list": return "an array";
    case "map": return "an object";
    case "enum": return `a ${type.values.name} value (a string)`;
    case "model": return `a ${type.model().name} object`;
  }
}

/** The value of an absent, optional field: its default (a fresh `[]` or `{}`), or null. */
export function absentValue(spec: FieldSpec): unknown {
  const value = spec.defaultValue;
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return [];
  if (typeof value === "object") return {};
  return value;
}

"""#),
        ("parse-json.ts", #"""
import { JsonLimits, resolveJsonLimits } from "./json-limits.js";
import { JsonReader } from "./json-reader.js";
import { JsonValue } from "./json-value.js";
import { utf8Bytes } from "./parse-record.js";

/**
 * Any JSON document, read strictly as record decoders read `json` fields: what `JSON.parse` should be for untrusted
 * input (no duplicate keys, no lone surrogates, numbers that fit a double, no byte-order mark, bounded depth and size).
 * Throws `RecordError` with the category, path and offset of the first problem.
 */
export function parseStrictJSON(input: string | Uint8Array, limits?: Partial<JsonLimits>): JsonValue {
  const reader = new JsonReader(typeof input === "string" ? utf8Bytes(input) : input, resolveJsonLimits(limits));
  const value = reader.readValue();
  reader.expectEnd();
  return value;
}

"""#),
        ("parse-record.ts", #"""
import { acceptParsed, isWellFormed, notAccepted } from "./accept-parsed.js";
import { JsonLimits, resolveJsonLimits } from "./json-limits.js";
import { ModelSpec } from "./model-spec.js";
import { readRecord } from "./read-record.js";

/** Options of the generated `parseX` functions. */
export interface ParseOptions {
  /** Accept the v1.0 values of lifecycles' `legacy` tables, read as the states they now mean. Default false. */
  readonly acceptLegacy?: boolean;
  /** Limits on the JSON read; each defaults to the Swift runtime's value (see `defaultJsonLimits`). */
  readonly limits?: Partial<JsonLimits>;
}

const fatalUTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();
/** The fast path's recursion follows the nesting, so it runs only while the depth limit keeps that shallow. */
const fastPathMaxDepth = 2048;

/**
 * Decodes one record of `model` from JSON text or UTF-8 bytes, strictly: the verdict, category and path are those of
 * the Swift decoders and `contractgen validate`. Throws `RecordError`.
 *
 * Valid records take the fast path (`JSON.parse` plus the checks in `acceptParsed`); anything it does not vouch for is
 * read again by the exact reader (`readRecord`), which accepts it or says what is wrong. A string is read as its UTF-8
 * encoding; a lone surrogate in it has no such encoding and is refused as `invalid_utf8` where it stands.
 */
export function parseRecord<T extends object>(model: ModelSpec<T>, input: string | Uint8Array,
    options?: ParseOptions): T {
  const limits = resolveJsonLimits(options?.limits);
  const acceptLegacy = options?.acceptLegacy === true;
  let text: string | undefined;
  let byteBound: number;
  if (typeof input === "string") {
    text = isWellFormed(input) ? input : undefined;
    byteBound = input.length * 3; // a UTF-16 code unit is at most 3 bytes of UTF-8
  } else if (input instanceof Uint8Array) {
    try {
      text = fatalUTF8.decode(input);
    } catch {
      text = undefined; // not UTF-8: the reader says where
    }
    byteBound = input.length;
  } else {
    throw new TypeError("parse takes a string or a Uint8Array");
  }
  if (text !== undefined && byteBound <= limits.maxStringLength && byteBound <= limits.maxInputLength
    && limits.maxDepth <= fastPathMaxDepth) {
    const record = acceptParsed(model, text, limits, acceptLegacy);
    if (record !== notAccepted) return record;
  }
  const bytes = typeof input === "string" ? utf8Bytes(input) : input;
  return readRecord(model, bytes, limits, acceptLegacy);
}

/** The UTF-8 bytes of `text`; a lone surrogate becomes its 3-byte (CESU-8) form, which the reader refuses. */
export function utf8Bytes(text: string): Uint8Array {
  if (isWellFormed(text)) return utf8Encoder.encode(text);
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    let unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit < 0xdc00 && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        index++;
      }
    }
    if (unit < 0x80) bytes.push(unit);
    else if (unit < 0x800) bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    else if (unit < 0x10000) bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    else bytes.push(0xf0 | (unit >> 18), 0x80 | ((unit >> 12) & 0x3f), 0x80 | ((unit >> 6) & 0x3f),
        0x80 | (unit & 0x3f));
  }
  return Uint8Array.from(bytes);
}

"""#),
        ("read-record.ts", #"""
import { describeKind, JsonKind, JsonReader, setMember } from "./json-reader.js";
import { JsonLimits } from "./json-limits.js";
import { quotedText } from "./json-path.js";
import { absentValue, describeType, FieldSpec, ModelSpec, TypeSpec } from "./model-spec.js";
import { RecordCategory, RecordError, ruleCategory } from "./record-error.js";
import { parseTimestamp } from "./timestamp.js";
import { legacyTarget } from "./wire-values.js";

/**
 * Decodes one record with the strict pull reader: the exact decoder, which also says what is wrong with a record the
 * fast path (`JSON.parse`) did not accept.
 *
 * It reads as the Swift decoders do, so a record with several problems reports the first one a streaming reader meets:
 * syntax errors where they occur; a field's wrong type when its value is read; an unknown key as soon as the key is
 * read; a duplicate key at its second occurrence; missing fields once the object closes, in schema order; rules last,
 * in schema order.
 */
export function readRecord<T extends object>(model: ModelSpec<T>, input: Uint8Array, limits: JsonLimits,
    acceptLegacy: boolean): T {
  const reader = new JsonReader(input, limits);
  try {
    const value = readModel(reader, model as ModelSpec<object>, acceptLegacy);
    reader.expectEnd();
    return value as T;
  } catch (error) {
    // Nested models are read recursively: with the depth limit lifted, a deep enough record of a recursive
    // model exhausts the stack, which is reported as the depth it is rather than as a crash.
    if (error instanceof RangeError && !(error instanceof RecordError)) {
      throw reader.error(RecordCategory.tooDeep,
          `models nest deeper than the JavaScript stack allows (${reader.depth} levels)`);
    }
    throw error;
  }
}

function readModel(reader: JsonReader, model: ModelSpec<object>, acceptLegacy: boolean): object {
  const kind = reader.peekKind();
  if (kind !== "object") throw notAnObject(reader, model.name, kind);
  // A model that refuses unknown keys finds repeated ones itself, by its fields' flags.
  reader.beginObject(!model.allowsAdditionalKeys);
  const fields = model.fields;
  const values: unknown[] = new Array(fields.length);
  const seen: boolean[] = new Array(fields.length).fill(false);
  let expected = 0;
  for (let key = reader.nextKey(); key !== null; key = reader.nextKey()) {
    // Records usually list keys in schema order: try the next expected field first.
    let index = expected < fields.length && (fields[expected] as FieldSpec).name === key ? expected
        : model.fieldIndex.get(key) ?? -1;
    if (index < 0) {
      if (model.allowsAdditionalKeys) {
        reader.skipValue();
        continue;
      }
      throw reader.error(RecordCategory.unknownField, `unknown key ${quotedText(key)} in ${model.name}`);
    }
    if (seen[index]) throw reader.duplicateKeyError();
    expected = index + 1;
    seen[index] = true;
    values[index] = readField(reader, fields[index] as FieldSpec, acceptLegacy);
  }
  const record: Record<string, unknown> = {};
  for (let index = 0; index < fields.length; index++) {
    const spec = fields[index] as FieldSpec;
    if (!seen[index]) {
      if (spec.required) {
        throw reader.error(RecordCategory.missingField, `missing key ${quotedText(spec.name)} of ${model.name}`);
      }
      values[index] = absentValue(spec);
    }
    setMember(record, spec.name, values[index]);
  }
  const broken = model.violations(record)[0];
  if (broken !== undefined) throw new RecordError(ruleCategory(broken.ruleId), broken.message, reader.path);
  return record;
}

function readField(reader: JsonReader, spec: FieldSpec, acceptLegacy: boolean): unknown {
  if (reader.readNullIfPresent()) {
    if (!spec.nullable && spec.type.kind !== "json") {
      throw reader.error(RecordCategory.wrongType,
        `expected ${describeType(spec.type)}, found null (\`${spec.name}\` is not nullable)`);
    }
    return null;
  }
  return readValue(reader, spec.type, acceptLegacy);
}

/** Reads one non-null value of `type`. */
function readValue(reader: JsonReader, type: TypeSpec, acceptLegacy: boolean): unknown {
  switch (type.kind) {
    case "string":
      expect(reader, "string", type);
      return reader.readString();
    case "bool":
      expect(reader, "bool", type);
      return reader.readBool();
    case "int":
      expect(reader, "number", type);
      return reader.readSafeInteger();
    case "double":
      expect(reader, "number", type);
      return reader.readDouble();
    case "timestamp": {
      expect(reader, "string", type);
      const start = reader.position;
      const text = reader.readString();
      if (parseTimestamp(text) === null) {
        throw reader.error(RecordCategory.invalidTimestamp,
          `${quotedText(text)} is not an RFC 3339 timestamp like "2026-02-26T10:30:00Z"`, start);
      }
      return text;
    }
    case "json":
      return reader.readValue();
    case "list": {
      expect(reader, "array", type);
      reader.beginArray();
      const elements: unknown[] = [];
      while (reader.nextElement()) elements.push(readElement(reader, type.element, acceptLegacy));
      return elements;
    }
    case "map": {
      expect(reader, "object", type);
      reader.beginObject();
      const members: Record<string, unknown> = {};
      for (let key = reader.nextKey(); key !== null; key = reader.nextKey()) {
        setMember(members, key, readElement(reader, type.element, acceptLegacy));
      }
      return members;
    }
    case "enum": {
      expect(reader, "string", type);
      const start = reader.position;
      const text = reader.readString();
      const value = type.values.match(text, acceptLegacy);
      if (value !== undefined) return value;
      const current = legacyTarget(type.values, text);
      const hint = current === undefined ? ""
        : `; it is a legacy value for ${quotedText(current)}, accepted when legacy values are asked for`;
      throw reader.error(RecordCategory.unknownEnumValue,
          `${quotedText(text)} is not a value of ${type.values.name}${hint}`, start);
    }
    case "model":
      return readModel(reader, type.model(), acceptLegacy);
  }
}

/** An element of a list or map: null only where JSON allows anything. */
function readElement(reader: JsonReader, type: TypeSpec, acceptLegacy: boolean): unknown {
  if (type.kind === "json") return reader.readValue();
  if (reader.readNullIfPresent()) {
    throw reader.error(RecordCategory.wrongType, `expected ${describeType(type)}, found null`);
  }
  return readValue(reader, type, acceptLegacy);
}

/**
 * Throws `wrong_type` unless the next value is of `kind`. Only a well-formed value is of the wrong type: the value is
 * read through first, so `[1,}` where a string is wanted is `malformed_json`.
 */
function expect(reader: JsonReader, kind: JsonKind, type: TypeSpec): void {
  const next = reader.peekKind();
  if (next === kind) return;
  const path = reader.path;
  const offset = reader.position;
  reader.skipValue();
  throw new RecordError(RecordCategory.wrongType, `expected ${describeType(type)}, found ${describeKind(next)}`, path,
      offset);
}

/**
 * The `not_an_object` error for a value of kind `found` where a model object was wanted. Only a complete value is "not
 * an object": it must be well-formed, and a record must be nothing but that value.
 */
function notAnObject(reader: JsonReader, name: string, found: JsonKind): RecordError {
  const path = reader.path;
  const offset = reader.position;
  reader.skipValue();
  if (reader.depth === 0) reader.expectEnd();
  return new RecordError(RecordCategory.notAnObject, `expected a ${name} object, found ${describeKind(found)}`, path,
      offset);
}

"""#),
        ("record-error.ts", #"""
/**
 * Why one serialized record is invalid: a stable category, a message for people, and where.
 *
 * The categories are the ones `contractgen validate` prints, so a record gets the same category in Swift, Python and
 * TypeScript:
 *
 * | category | meaning |
 * |---|---|
 * | `malformed_json` | the text breaks the JSON grammar (trailing comma, `NaN`, comment, ...) |
 * | `invalid_utf8` | the bytes are not UTF-8 (overlong, CESU-8 surrogates, truncated); for text input, a lone UTF-16
 * surrogate in the text itself |
 * | `byte_order_mark` | the record starts with a byte-order mark |
 * | `duplicate_key` | an object repeats a key, at any depth |
 * | `number_out_of_range` | a number overflows a double, or an `int` field's value is outside ±(2^53−1) |
 * | `control_character` | a string holds a raw control character |
 * | `invalid_escape` | an escape JSON does not define |
 * | `lone_surrogate` | a `\u` escape names half a surrogate pair |
 * | `trailing_data` | something follows the record |
 * | `too_deep` | nesting deeper than the limit |
 * | `too_long` | a string, key count or the input exceeds its limit |
 * | `not_an_object` | the record (or a nested model) is not a JSON object |
 * | `missing_field` | a required key is absent |
 * | `unknown_field` | a key the model does not define (and the model rejects extra keys) |
 * | `wrong_type` | a value of the wrong JSON type, or `null` in a field that is not nullable |
 * | `unknown_enum_value` | a string that is not a value of the field's enum, lifecycle or error catalog |
 * | `invalid_timestamp` | a timestamp that is not RFC 3339 |
 * | `rule:<id>` | the record breaks the model's rule `<id>` |
 */
export class RecordError extends Error {
  /** The stable category, from the table above. */
  readonly category: string;
  /** The JSON path of the problem: `$` for the whole record, `$.status`, `$.result.a[2]`, `$["a b"]`. */
  readonly path: string;
  /** The UTF-8 byte offset of the problem in the record, when it has a position. */
  readonly offset: number | undefined;

  /** An error with every field given; `message` says what is wrong, without the category or path. */
  constructor(category: string, message: string, path: string, offset?: number) {
    super(message);
    this.name = "RecordError";
    this.category = category;
    this.path = path;
    this.offset = offset;
  }

  /** `[category] message at path`; a message's closing full stop is left out so it does not end up before "at". */
  override toString(): string {
    const message = this.message.endsWith(".") && !this.message.endsWith("..") ? this.message.slice(0, -1)
        : this.message;
    return `[${this.category}] ${message} at ${this.path}`;
  }
}

/** The category strings that are not JSON syntax errors, as `RecordError.category` holds them. */
export const RecordCategory = {
  malformedJSON: "malformed_json",
  invalidUTF8: "invalid_utf8",
  byteOrderMark: "byte_order_mark",
  duplicateKey: "duplicate_key",
  numberOutOfRange: "number_out_of_range",
  controlCharacter: "control_character",
  invalidEscape: "invalid_escape",
  loneSurrogate: "lone_surrogate",
  trailingData: "trailing_data",
  tooDeep: "too_deep",
  tooLong: "too_long",
  notAnObject: "not_an_object",
  missingField: "missing_field",
  unknownField: "unknown_field",
  wrongType: "wrong_type",
  unknownEnumValue: "unknown_enum_value",
  invalidTimestamp: "invalid_timestamp",
} as const;

/** The category of a broken rule: `rule:<id>`. */
export function ruleCategory(ruleId: string): string {
  return "rule:" + ruleId;
}

"""#),
        ("retry-policy.ts", #"""
/**
 * How jitter spreads a delay: `none` (exactly), `full` (0 to the delay), `equal` (half plus a random part of the other
 * half).
 */
export type Jitter = "none" | "full" | "equal";

/** What `retryPolicy` takes: a lifecycle's `retry:` block, in milliseconds. */
export interface RetryPolicyDefinition {
  /** Retries after the first attempt; `maxRetries + 1` attempts in all. */
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  /** How much each delay grows over the one before (2 doubles it). Default 2. */
  readonly multiplier?: number;
  /** The longest any single delay may be, before jitter. */
  readonly maxDelayMs: number;
  /** Default `none`. */
  readonly jitter?: Jitter;
  /** The record's field that counts retries (the schema's `counter:`), if any. */
  readonly counter?: string;
}

/**
 * Exponential backoff (指数退避重试): retry `n` (0 for the first retry) waits `initialDelayMs × multiplier^n`, capped at
 * `maxDelayMs`, then spread by `jitter`: the Swift runtime's `RetryPolicy`, computed the same way in whole nanoseconds,
 * so the delays without jitter are identical.
 */
export class RetryPolicy {
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly multiplier: number;
  readonly maxDelayMs: number;
  readonly jitter: Jitter;
  readonly counter: string | undefined;

  /** A policy from its schema data. */
  constructor(definition: RetryPolicyDefinition) {
    this.maxRetries = definition.maxRetries;
    this.initialDelayMs = definition.initialDelayMs;
    this.multiplier = definition.multiplier ?? 2;
    this.maxDelayMs = definition.maxDelayMs;
    this.jitter = definition.jitter ?? "none";
    this.counter = definition.counter;
    Object.freeze(this);
  }

  /**
   * The delay before retry `n` without jitter, in whole nanoseconds: `initialDelay × multiplier^n`, capped at
   * `maxDelay`. Any `n` works: a product too large is the cap, and a negative `n` counts as 0.
   */
  baseDelayNanoseconds(n: number): number {
    const cap = nanoseconds(this.maxDelayMs);
    const initial = nanoseconds(this.initialDelayMs);
    if (initial <= 0) return 0;
    const exponent = Number.isNaN(n) ? 0 : Math.min(Math.max(0, Math.floor(n)), Number.MAX_SAFE_INTEGER);
    const scaled = initial * power(this.multiplier, exponent);
    if (!(scaled < cap)) return cap;
    return Math.max(0, Math.round(scaled));
  }

  /** `baseDelayNanoseconds(n)` in milliseconds (possibly with a fraction). */
  baseDelayMs(n: number): number {
    return this.baseDelayNanoseconds(n) / 1e6;
  }

  /**
   * The delay before retry `n` in whole nanoseconds, spread by `jitter` with numbers from `random` (uniform in [0, 1),
   * like `Math.random`): `full` gives 0 to the base delay, `equal` half of it plus 0 to the other half, both ends
   * included, as in Swift.
   */
  delayNanoseconds(n: number, random: () => number = Math.random): number {
    const base = this.baseDelayNanoseconds(n);
    switch (this.jitter) {
      case "none": return base;
      case "full": return uniformInteger(0, base, random);
      case "equal": {
        const half = Math.floor(base / 2);
        return half + uniformInteger(0, base - half, random);
      }
    }
  }

  /** `delayNanoseconds(n, random)` in milliseconds. */
  delayMs(n: number, random: () => number = Math.random): number {
    return this.delayNanoseconds(n, random) / 1e6;
  }
}

/** A retry policy from its schema data. */
export function retryPolicy(definition: RetryPolicyDefinition): RetryPolicy {
  return new RetryPolicy(definition);
}

/** Milliseconds as whole nanoseconds, at least 0 (Swift's `Duration.milliseconds`, clamped). */
function nanoseconds(milliseconds: number): number {
  if (!(milliseconds > 0)) return 0;
  return Math.min(Math.round(milliseconds * 1e6), Number.MAX_SAFE_INTEGER);
}

/** `base^exponent` by squaring, as the Swift runtime computes it (not `Math.pow`, whose last bit may differ). */
function power(base: number, exponent: number): number {
  let result = 1;
  let factor = base;
  let remaining = exponent;
  while (remaining > 0) {
    if (remaining % 2 === 1) result *= factor;
    remaining = Math.floor(remaining / 2);
    if (remaining > 0) factor *= factor;
  }
  return result;
}

/** A uniform integer from `low` to `high`, both included. */
function uniformInteger(low: number, high: number, random: () => number): number {
  const value = low + Math.floor(random() * (high - low + 1));
  return Math.min(high, Math.max(low, value));
}

"""#),
        ("rule-operators.ts", #"""
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

"""#),
        ("rule-violation.ts", #"""
/** One broken model rule: which rule, which fields it reads, and what it means. */
export interface RuleViolation {
  /** The rule's id as written in the schema, e.g. `completed_iff_status_completed`. */
  readonly ruleId: string;
  /** The fields the rule reads, by wire name, in order of first use. */
  readonly fields: readonly string[];
  /** What the failure means, for people. */
  readonly message: string;
}

/** A model value that breaks one or more of its schema's rules, thrown by the generated `validateX`. */
export class ValidationFailure extends Error {
  /** The model's name, e.g. `TaskStepResult`. */
  readonly modelName: string;
  /** Every broken rule, in schema order. */
  readonly violations: readonly RuleViolation[];

  /** A failure listing `violations` (at least one) of a `modelName` value. */
  constructor(modelName: string, violations: readonly RuleViolation[]) {
    const count = violations.length === 1 ? "1 rule" : `${violations.length} rules`;
    super(`${modelName} breaks ${count}:\n`
        + violations.map((v) => `- ${v.ruleId} (${v.fields.join(", ")}): ${v.message}`).join("\n"));
    this.name = "ValidationFailure";
    this.modelName = modelName;
    this.violations = Object.freeze(violations.slice());
  }

  /** The ids of the broken rules, in schema order. */
  get ruleIds(): string[] {
    return this.violations.map((v) => v.ruleId);
  }
}

/** Throws `ValidationFailure` when `violations` is not empty. */
export function throwIfViolated(modelName: string, violations: readonly RuleViolation[]): void {
  if (violations.length > 0) throw new ValidationFailure(modelName, violations);
}

"""#),
        ("timestamp.ts", #"""
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

"""#),
        ("wire-values.ts", #"""
/**
 * The wire values of a lifecycle, enum or error catalog, as record decoders match them.
 *
 * Matching follows the Swift runtime: a value written byte for byte as a current value is that value; text that is
 * canonically equivalent to one (Swift compares strings by canonical equivalence, so `"BLOC\u212AED"`, with a Kelvin
 * sign, is `BLOCKED`) is that value too; then an open enum keeps any other string; then, when asked for, a legacy value
 * reads as the state it now means.
 */
export interface WireValues<Value extends string> {
  /** The type's name in messages, e.g. `TaskStatus`. */
  readonly name: string;
  /** The current wire values, in schema order. */
  readonly values: readonly Value[];
  /** Whether unknown strings are kept (an open enum) rather than refused. */
  readonly isOpen: boolean;
  /** Wire values of earlier versions and the current values they are read as; read on request, never written. */
  readonly legacyValues: Readonly<Record<string, Value>>;
  /**
   * The value `text` stands for: a current value (canonical spelling), an unknown string of an open enum (as written),
   * a legacy value's current value when `acceptLegacy` is true; otherwise undefined.
   */
  match(text: string, acceptLegacy: boolean): string | undefined;
  /** Whether `value` is exactly one of the current values. */
  is(value: unknown): value is Value;
}

/** Builds the matching part of `WireValues` over `values` and `legacy`. */
export function wireValues<Value extends string>(
  name: string,
  values: readonly Value[],
  isOpen: boolean,
  legacy: Readonly<Record<string, Value>>,
): WireValues<Value> {
  const current = new Set<string>(values);
  // Canonical equivalence is equality of NFC forms; keys here are NFC.
  const byCanonicalForm = new Map<string, Value>();
  for (const value of values) byCanonicalForm.set(value.normalize("NFC"), value);
  const legacyByCanonicalForm = new Map<string, Value>();
  for (const key of Object.keys(legacy)) legacyByCanonicalForm.set(key.normalize("NFC"), legacy[key] as Value);
  const frozenValues = Object.freeze(values.slice());
  const frozenLegacy: Readonly<Record<string, Value>> = Object.freeze(Object.assign(Object.create(null), legacy));
  return {
    name,
    values: frozenValues,
    isOpen,
    legacyValues: frozenLegacy,
    match(text: string, acceptLegacy: boolean): string | undefined {
      if (current.has(text)) return text;
      const canonical = text.normalize("NFC");
      const equivalent = byCanonicalForm.get(canonical);
      if (equivalent !== undefined) return equivalent;
      if (isOpen) return text;
      if (acceptLegacy) return legacyByCanonicalForm.get(canonical);
      return undefined;
    },
    is(value: unknown): value is Value {
      return typeof value === "string" && current.has(value);
    },
  };
}

/** The current value `text` is a legacy spelling of, if it is one (for the message of an unknown value). */
export function legacyTarget(spec: WireValues<string>, text: string): string | undefined {
  const canonical = text.normalize("NFC");
  for (const key of Object.keys(spec.legacyValues)) {
    if (key.normalize("NFC") === canonical) return spec.legacyValues[key];
  }
  return undefined;
}

"""#),
        ("with-retry.ts", #"""
import { ErrorCatalog, NormalizedError } from "./error-catalog.js";
import { RetryPolicy } from "./retry-policy.js";

/** What `withRetry` takes besides the operation. */
export interface RetryOptions<Code extends string, Status extends string> {
  /** The delays and the number of retries, e.g. a lifecycle's `retryPolicy`. */
  readonly policy: RetryPolicy;
  /**
   * The catalog that decides what is retried (its codes' `retryable`) and names exhaustion (its `retry_exhausted`
   * code).
   */
  readonly catalog: ErrorCatalog<Code, Status>;
  /**
   * Cancels the retries: before an attempt or during a wait, `withRetry` stops with the catalog's cancellation code.
   */
  readonly signal?: AbortSignal;
  /** Waits `milliseconds`; rejects when `signal` aborts. Default: a timer. Tests pass a fake clock. */
  readonly sleep?: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>;
  /** The source of jitter, uniform in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Runs `operation`, retrying failures the catalog calls retryable with the policy's backoff, and returns its first
 * success; as the Swift runtime's `withRetry`, it rejects only with `NormalizedError`:
 * - a failure that is not retryable, at once, as normalized;
 * - after `policy.maxRetries` retries, the catalog's `retry_exhausted` code, with the attempts and the last failure in
 *   `detail`;
 * - when `signal` aborts before an attempt or during a wait, the catalog's cancellation code (an attempt already
 *   running is not interrupted; pass the signal on to it for that).
 */
export async function withRetry<Result, Code extends string, Status extends string>(
  operation: (attempt: number) => Promise<Result>,
  options: RetryOptions<Code, Status>,
): Promise<Result> {
  const { policy, catalog, signal } = options;
  const sleep = options.sleep ?? sleepWithTimer;
  const random = options.random ?? Math.random;
  for (let retry = 0; ; retry++) {
    if (signal?.aborted === true) throw catalog.normalize(abortError());
    let failure: NormalizedError<Code, Status>;
    try {
      return await operation(retry);
    } catch (error) {
      failure = catalog.normalize(error);
    }
    if (!failure.isRetryable) throw failure;
    if (retry >= policy.maxRetries) {
      const attempts = retry + 1;
      throw new NormalizedError(catalog, catalog.codeFor("retry_exhausted"),
        `gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}; last error ${failure.message}`);
    }
    try {
      await sleep(policy.delayMs(retry, random), signal);
    } catch {
      throw catalog.normalize(abortError());
    }
  }
}

function abortError(): Error {
  const error = new Error("the retries were cancelled");
  error.name = "AbortError";
  return error;
}

function sleepWithTimer(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

"""#),
    ]
}
