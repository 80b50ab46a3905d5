/// What kind of problem a ``JSONReadError`` reports; the raw values are stable and meant for logs and
/// machine-readable reports.
public enum JSONErrorCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// The text breaks the JSON grammar: unexpected character or end, trailing comma, leading zero,
    /// `NaN`/`Infinity`, a comment, a missing `:` or `,`.
    case malformedJSON = "malformed_json"
    /// The bytes are not valid UTF-8: overlong forms, encoded surrogates (CESU-8), truncated
    /// sequences, stray continuation bytes, bytes C0, C1 and F5–FF.
    case invalidUTF8 = "invalid_utf8"
    /// An object repeats a key; keys are compared after unescaping.
    case duplicateKey = "duplicate_key"
    /// A number's magnitude does not fit a double (`1e400`), or an integer read as `Int64` does not fit.
    case numberOutOfRange = "number_out_of_range"
    /// Objects and arrays nest deeper than ``JSONReaderLimits/maxDepth``.
    case tooDeep = "too_deep"
    /// A string holds an unescaped control character (U+0000–U+001F).
    case controlCharacter = "control_character"
    /// A backslash escape that JSON does not define, or a `\u` without four hex digits.
    case invalidEscape = "invalid_escape"
    /// A `\u` escape names half of a surrogate pair without the other half.
    case loneSurrogate = "lone_surrogate"
    /// The input starts with a byte-order mark (UTF-8's, or UTF-16's).
    case byteOrderMark = "byte_order_mark"
    /// Something other than whitespace follows the top-level value.
    case trailingData = "trailing_data"
    /// The input, a string, or an object's key count exceeds its ``JSONReaderLimits`` value.
    case tooLong = "too_long"
    /// Only from the pull API (``JSONReader``): well-formed JSON of another kind than the caller asked
    /// for, such as a string where `readInt64()` expects an integer, or `1.0` read as an integer.
    case typeMismatch = "type_mismatch"
}
