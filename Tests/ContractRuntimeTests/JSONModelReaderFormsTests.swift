import ContractRuntime
import Testing

/// A hand-written model decoded as generated models are, through `JSONModelReader`, with the checks after the
/// object in either form: given the path (`checkPresence(at:)`, `checkRules(_:at:)`, what code is generated with
/// now) or given the reader (the forms code generated before them calls).
private struct Pair: ContractModel {
    static let modelName = "Pair"
    static let jsonFields = JSONModelFields(["a", "b"], optional: [1])
    var a: Int64
    var b: Int64?

    init(a: Int64, b: Int64?) {
        self.a = a
        self.b = b
    }

    init(jsonReader reader: inout JSONReader, options: JSONDecodingOptions) throws {
        try self.init(jsonReader: &reader, options: options, passingTheReader: false)
    }

    init(jsonReader reader: inout JSONReader, options: JSONDecodingOptions, passingTheReader: Bool) throws {
        var fields = try JSONModelReader(&reader, fields: Self.jsonFields, modelName: Self.modelName)
        var a: Int64 = 0
        var b: Int64? = nil
        while let field = try fields.next(&reader) {
            switch field {
            case 0: a = try fields.read(&reader, options: options)
            case 1: b = try fields.read(&reader, options: options)
            default: break
            }
        }
        if passingTheReader { try fields.checkPresence(reader) } else { try fields.checkPresence(at: reader.path) }
        self.init(a: a, b: b)
        if passingTheReader { try fields.checkRules(self, reader) } else { try fields.checkRules(self, at: reader.path) }
    }

    func violations() -> [RuleViolation] {
        a < 10 ? [] : [RuleViolation(ruleID: "small_a", fields: ["a"], message: "a must be less than 10.")]
    }

    func writeJSON(to output: inout JSONOutput) {}
}

@Suite struct JSONModelReaderFormsTests {
    /// The pair in `text`, the first element of an array so that errors have a path of their own, read with the
    /// checks in one form; or the error's category, path and message.
    private static func read(_ text: String, passingTheReader: Bool) -> Result<Pair, RecordError> {
        do {
            return .success(try JSONReader.withReader(reading: Array(text.utf8)) { reader in
                try reader.beginArray()
                _ = try reader.nextElement()
                return try Pair(jsonReader: &reader, options: JSONDecodingOptions(), passingTheReader: passingTheReader)
            })
        } catch let error as RecordError {
            return .failure(error)
        } catch {
            Issue.record("not a RecordError: \(error)")
            return .failure(RecordError(category: "other", message: "\(error)", path: ""))
        }
    }

    /// Both forms give the same value, or the same missing-field or rule error at the same place.
    @Test(arguments: [
        (#"[{"a": 1, "b": 2}]"#, nil),
        (#"[{"a": 3}]"#, nil),
        (#"[{"b": 2}]"#, "missing_field"),
        (#"[{}]"#, "missing_field"),
        (#"[{"a": 11}]"#, "rule:small_a"),
        (#"[{"b": null, "a": 12}]"#, "rule:small_a"),
    ] as [(String, String?)])
    func bothFormsOfTheChecksAgree(_ text: String, _ category: String?) throws {
        let byPath = Self.read(text, passingTheReader: false)
        let byReader = Self.read(text, passingTheReader: true)
        switch (byPath, byReader) {
        case let (.success(one), .success(other)):
            #expect(category == nil && one == other, "\(text)")
        case let (.failure(one), .failure(other)):
            #expect(one.category == category, "\(text): \(one)")
            #expect(one.category == other.category && one.path == other.path && one.message == other.message, "\(text)")
            #expect(one.path == "$[0]", "\(text): \(one.path)")
        default:
            Issue.record("the forms disagree on \(text): \(byPath) and \(byReader)")
        }
    }
}
