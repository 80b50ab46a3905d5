/// Why one serialized record is invalid: a stable category, a message for people, and where.
///
/// Both the generated fast decoders and `contractgen validate` report problems as `RecordError`, so a
/// record gets the same category whichever validates it. Categories (stable, for logs and tools):
///
/// | category | meaning |
/// |---|---|
/// | `malformed_json` | the text breaks the JSON grammar (trailing comma, `NaN`, comment, ...) |
/// | `invalid_utf8` | the bytes are not UTF-8 (overlong, CESU-8 surrogates, truncated) |
/// | `byte_order_mark` | the record starts with a byte-order mark |
/// | `duplicate_key` | an object repeats a key, at any depth |
/// | `number_out_of_range` | a number overflows a double, or an integer field's value overflows 64 bits |
/// | `control_character` | a string holds a raw control character |
/// | `invalid_escape` | an escape JSON does not define |
/// | `lone_surrogate` | a `\u` escape names half a surrogate pair |
/// | `trailing_data` | something follows the record on its line |
/// | `too_deep` | nesting deeper than the limit |
/// | `too_long` | a string, key count or line exceeds its limit |
/// | `empty_line` | a blank line where a record should be |
/// | `not_an_object` | the record (or a nested model) is not a JSON object |
/// | `missing_field` | a required key is absent |
/// | `unknown_field` | a key the model does not define (and the model rejects extra keys) |
/// | `wrong_type` | a value of the wrong JSON type, or `null` in a field that is not nullable |
/// | `unknown_enum_value` | a string that is not a value of the field's enum, lifecycle or error catalog |
/// | `invalid_timestamp` | a timestamp that is not RFC 3339 |
/// | `rule:<id>` | the record breaks the model's rule `<id>` |
public struct RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable category, from the table above.
    public var category: String
    /// What is wrong, for people.
    public var message: String
    /// The JSON path of the problem, `$` for the whole record.
    public var path: String
    /// The byte offset in the record, when the problem has a position.
    public var offset: Int?

    /// Creates an error.
    public init(category: String, message: String, path: String, offset: Int? = nil) {
        self.category = category
        self.message = message
        self.path = path
        self.offset = offset
    }

    /// A reader error as a record error (the pull API's `type_mismatch` becomes `wrong_type`).
    public init(_ error: JSONReadError) {
        let category = error.category == .typeMismatch ? RecordError.wrongType : error.category.rawValue
        self.init(category: category, message: error.message, path: error.path, offset: error.offset)
    }

    /// `[category] message at path`, as one sentence: a message's own closing full stop (a rule's
    /// message from the schema usually has one) is left out, so it does not end up before "at".
    public var description: String {
        let sentence = message.hasSuffix(".") && !message.hasSuffix("..") ? message.dropLast() : Substring(message)
        return "[\(category)] \(sentence) at \(path)"
    }

    public static let notAnObject = "not_an_object"
    public static let missingField = "missing_field"
    public static let unknownField = "unknown_field"
    public static let wrongType = "wrong_type"
    public static let unknownEnumValue = "unknown_enum_value"
    public static let invalidTimestamp = "invalid_timestamp"
    public static let emptyLine = "empty_line"
    public static let tooLong = "too_long"

    /// The category of a broken rule: `rule:<id>`.
    public static func rule(_ id: String) -> String { "rule:" + id }
}
