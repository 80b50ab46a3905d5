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
