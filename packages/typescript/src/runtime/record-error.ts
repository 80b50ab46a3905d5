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
