import ContractRuntime
import ContractSchema
import ContractValidation
import DecodingDifferential
import Foundation
import Testing

/// The code generated for every field type of the schema language (Tests/Fixtures/schemas/field_types.yaml,
/// checked in as Generated/field_types.swift), run: the fast decoder, the fast encoder, Codable and the
/// schema interpreter (`RecordValidator`) agree on valid records, on defaults and on every kind of
/// mistake, down to the path of a nested element.
@Suite struct FieldTypesTests {
    static let schemaPath = "Tests/Fixtures/schemas/field_types.yaml"

    /// A record with every field present and nothing at a default.
    static let full = #"""
        {"text":"héllo \"q\" 日本","count":42,"ratio":0.25,"flag":true,"at":"2026-12-03T01:02:03.5Z",\#
        "payload":{"b":[1,1.0,null,"x"],"a":{}},"shade":"dark","channel":"smart-tv","stage":"done","error":"S002",\#
        "part":{"label":"p","weight":1.5},"tags":["a","b"],"times":["2026-01-01T00:00:00Z","2026-01-01T08:00:00+08:00"],\#
        "scores":{"x":-0.5,"y":1e3},"matrix":[[1,2],[],[-9223372036854775808]],"groups":{"g":["light","dark"],"e":[]},\#
        "flags":{"m":{"k":false}},"parts":[{"label":"q","weight":null}],"parts_by_name":{"r":{"label":"r","weight":2}},\#
        "values":[1,"two",[3],{"four":4},null,true],"note":"n","limit":50,"retries":0,"scale":-2.5,"enabled":false,\#
        "title":"t","labels":["l"],"attributes":{"k":"v"},"maybe_times":["2026-01-01T00:00:00Z"]}
        """#

    /// Only the keys that are required on the wire (a key with a default is still required unless the
    /// schema says `required: false`).
    static let minimal = #"""
        {"text":"","count":0,"ratio":0,"flag":false,"at":"2026-12-03T00:00:00Z","payload":null,"shade":"light",\#
        "channel":"web","stage":"draft","error":null,"part":{"label":"","weight":null},"tags":[],"times":[],"scores":{},"matrix":[],"groups":{},"flags":{},\#
        "parts":[],"parts_by_name":{},"values":[],"limit":null}
        """#

    let validator: RecordValidator

    init() throws {
        validator = try RecordValidator(contract: try SeedSchemas.contract(atPath: Self.schemaPath), model: "Sample")
    }

    static func date(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return try #require(formatter.date(from: text))
    }

    @Test func everyFieldTypeDecodesToTheValueItsInitializerBuilds() throws {
        let expected = Sample(
            text: "héllo \"q\" 日本", count: 42, ratio: 0.25, flag: true, at: try Self.date("2026-12-03T01:02:03.5Z"),
            payload: ["b": [1, 1.0, nil, "x"], "a": [:]], shade: .dark, channel: Channel(rawValue: "smart-tv"),
            stage: .done, error: .broken, part: Part(label: "p", weight: 1.5), tags: ["a", "b"],
            times: [try Self.date("2026-01-01T00:00:00Z"), try Self.date("2026-01-01T00:00:00Z")],
            scores: ["x": -0.5, "y": 1000], matrix: [[1, 2], [], [Int64.min]], groups: ["g": [.light, .dark], "e": []],
            flags: ["m": ["k": false]], parts: [Part(label: "q")], partsByName: ["r": Part(label: "r", weight: 2)],
            values: [1, "two", [3], ["four": 4], nil, true], note: "n", limit: 50, retries: 0, scale: -2.5,
            enabled: false, title: "t", labels: ["l"], attributes: ["k": "v"],
            maybeTimes: [try Self.date("2026-01-01T00:00:00Z")])
        #expect(try Sample(jsonString: Self.full) == expected)
        #expect(expected.channel.rawValue == "smart-tv")
    }

    @Test func absentKeysTakeTheSchemasDefaultsInBothDecoders() throws {
        let fast = try Sample(jsonString: Self.minimal)
        #expect(fast.stage == .draft && fast.error == nil && fast.note == nil && fast.limit == nil)
        #expect(fast.retries == 3 && fast.scale == 0.5 && fast.enabled && fast.title == "untitled")
        #expect(fast.labels.isEmpty && fast.attributes.isEmpty && fast.maybeTimes == nil && fast.part.weight == nil)
        #expect(try JSONDecoder().decode(Sample.self, from: Data(Self.minimal.utf8)) == fast)
        #expect(validator.validate(Array(Self.minimal.utf8)) == nil)
    }

    @Test func theFastEncoderCodableAndTheInterpreterAgreeOnValidRecords() throws {
        for text in [Self.full, Self.minimal] {
            let value = try Sample(jsonString: text)
            #expect(validator.validate(Array(text.utf8)) == nil)
            #expect(try Sample(jsonUTF8Data: value.jsonUTF8Data()) == value)
            #expect(try Self.agreeUnderTheCodablePolicy(JSONDecoder().decode(Sample.self, from: Data(text.utf8)), value))
            #expect(try Self.agreeUnderTheCodablePolicy(JSONDecoder().decode(Sample.self, from: JSONEncoder().encode(value)), value))
            // What the fast encoder writes, the interpreter accepts.
            #expect(validator.validate(Array(try value.jsonUTF8Data())) == nil)
        }
    }

    /// Whether Codable's value equals the strict one, but for the documented ways Foundation reads JSON
    /// numbers (`1.0` becomes an integer; see CodableJSONPolicy) in the `json` fields.
    static func agreeUnderTheCodablePolicy(_ codable: Sample, _ strict: Sample) -> Bool {
        var other = codable
        other.payload = strict.payload
        other.values = strict.values
        func allowed(_ strict: JSONValue, _ codable: JSONValue) -> Bool {
            if case .different = CodableJSONPolicy.compare(strict: strict, codable: codable) { return false }
            return true
        }
        return other == strict && allowed(strict.payload, codable.payload)
            && allowed(.array(strict.values), .array(codable.values))
    }

    @Test func theEncoderWritesEveryKeyInSchemaOrderWithExplicitNulls() throws {
        let written = try Sample(jsonString: Self.minimal).jsonString()
        let keys = ["text", "count", "ratio", "flag", "at", "payload", "shade", "channel", "stage", "error", "part",
                    "tags", "times", "scores", "matrix", "groups", "flags", "parts", "parts_by_name", "values", "note",
                    "limit", "retries", "scale", "enabled", "title", "labels", "attributes", "maybe_times"]
        let positions = keys.map { written.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(written)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(written.contains(#""error":null"#) && written.contains(#""limit":null"#)
            && written.contains(#""maybe_times":null"#) && written.contains(#""weight":null"#))
    }

    /// A mistake in `replacement` at `key`, with the path and category both readers must report.
    struct Mistake: CustomStringConvertible {
        var key: String
        var replacement: String
        var path: String
        var category: String
        var description: String { "\(key): \(replacement)" }
    }

    static let mistakes: [Mistake] = [
        Mistake(key: "text", replacement: "1", path: "$.text", category: "wrong_type"),
        Mistake(key: "text", replacement: "null", path: "$.text", category: "wrong_type"),
        Mistake(key: "count", replacement: "1.5", path: "$.count", category: "wrong_type"),
        Mistake(key: "count", replacement: "9223372036854775808", path: "$.count", category: "number_out_of_range"),
        Mistake(key: "ratio", replacement: "\"0.5\"", path: "$.ratio", category: "wrong_type"),
        Mistake(key: "ratio", replacement: "1e400", path: "$.ratio", category: "number_out_of_range"),
        Mistake(key: "flag", replacement: "0", path: "$.flag", category: "wrong_type"),
        Mistake(key: "at", replacement: "\"2026-13-01T00:00:00Z\"", path: "$.at", category: "invalid_timestamp"),
        Mistake(key: "shade", replacement: "\"grey\"", path: "$.shade", category: "unknown_enum_value"),
        Mistake(key: "channel", replacement: "7", path: "$.channel", category: "wrong_type"),
        Mistake(key: "stage", replacement: "\"gone\"", path: "$.stage", category: "unknown_enum_value"),
        Mistake(key: "error", replacement: "\"S999\"", path: "$.error", category: "unknown_enum_value"),
        Mistake(key: "part", replacement: "{\"weight\":null}", path: "$.part", category: "missing_field"),
        Mistake(key: "part", replacement: "{\"label\":\"p\",\"extra\":1}", path: "$.part.extra", category: "unknown_field"),
        Mistake(key: "tags", replacement: "[\"a\",null]", path: "$.tags[1]", category: "wrong_type"),
        Mistake(key: "times", replacement: "[\"2026-01-01T00:00:00Z\",\"yesterday\"]", path: "$.times[1]",
                category: "invalid_timestamp"),
        Mistake(key: "scores", replacement: "{\"x\":true}", path: "$.scores.x", category: "wrong_type"),
        Mistake(key: "matrix", replacement: "[[1],[2,\"3\"]]", path: "$.matrix[1][1]", category: "wrong_type"),
        Mistake(key: "matrix", replacement: "[1]", path: "$.matrix[0]", category: "wrong_type"),
        Mistake(key: "groups", replacement: "{\"g\":[\"light\",\"grey\"]}", path: "$.groups.g[1]",
                category: "unknown_enum_value"),
        Mistake(key: "flags", replacement: "{\"m\":{\"k\":null}}", path: "$.flags.m.k", category: "wrong_type"),
        Mistake(key: "parts", replacement: "[{\"label\":\"a\",\"weight\":null},{\"weight\":1}]", path: "$.parts[1]",
                category: "missing_field"),
        Mistake(key: "parts_by_name", replacement: "{\"r\":{\"label\":3}}", path: "$.parts_by_name.r.label",
                category: "wrong_type"),
        Mistake(key: "values", replacement: "{}", path: "$.values", category: "wrong_type"),
        Mistake(key: "limit", replacement: "\"5\"", path: "$.limit", category: "wrong_type"),
        Mistake(key: "retries", replacement: "null", path: "$.retries", category: "wrong_type"),
        Mistake(key: "labels", replacement: "[1]", path: "$.labels[0]", category: "wrong_type"),
        Mistake(key: "maybe_times", replacement: "[null]", path: "$.maybe_times[0]", category: "wrong_type"),
    ]

    /// `minimal` with `key` set to `replacement` (added at the end when absent).
    static func record(_ key: String, _ replacement: String) -> String {
        guard let (_, valueRange) = member(key) else { return String(minimal.dropLast()) + ",\"\(key)\":\(replacement)}" }
        return minimal.replacingCharacters(in: valueRange, with: replacement)
    }

    /// `minimal` without `key` and its value.
    static func record(removing key: String) throws -> String {
        let (keyStart, valueRange) = try #require(member(key))
        var text = minimal
        if text[valueRange.upperBound] == "," {
            text.removeSubrange(keyStart...valueRange.upperBound)
        } else {
            text.removeSubrange(text.index(before: keyStart)..<valueRange.upperBound)  // the comma before it
        }
        return text
    }

    /// Where the top-level member `key` of `minimal` starts, and the range of its value.
    static func member(_ key: String) -> (String.Index, Range<String.Index>)? {
        guard let start = minimal.range(of: "\"\(key)\":") else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        var end = start.upperBound
        while end < minimal.endIndex {
            let character = minimal[end]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                if depth == 0 { break }
                depth -= 1
            } else if character == "," && depth == 0 {
                break
            }
            end = minimal.index(after: end)
        }
        return (start.lowerBound, start.upperBound..<end)
    }

    @Test(arguments: mistakes)
    func eachMistakeIsReportedAtItsPathWithItsCategoryByBothReaders(_ mistake: Mistake) throws {
        let text = Self.record(mistake.key, mistake.replacement)
        let interpreted = try #require(validator.validate(Array(text.utf8)), "interpreter accepted \(text)")
        #expect(interpreted.category == mistake.category && interpreted.path == mistake.path, "\(interpreted)")
        do {
            _ = try Sample(jsonString: text)
            Issue.record("the fast decoder accepted \(text)")
        } catch let error as RecordError {
            #expect(error.category == mistake.category && error.path == mistake.path, "\(error)")
        }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Sample.self, from: Data(text.utf8)) }
    }

    @Test(arguments: ["text", "count", "ratio", "flag", "at", "payload", "shade", "channel", "stage", "error", "part",
                      "tags", "times", "scores", "matrix", "groups", "flags", "parts", "parts_by_name", "values", "limit"])
    func aMissingRequiredKeyIsMissingFieldAtItsObject(_ key: String) throws {
        let text = try Self.record(removing: key)
        #expect(!text.contains("\"\(key)\":"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any], "\(text)")
        let expected = RecordError(category: "missing_field", message: "", path: "$")
        let interpreted = try #require(validator.validate(Array(text.utf8)), "interpreter accepted \(text)")
        #expect(interpreted.category == expected.category && interpreted.path == expected.path, "\(interpreted)")
        do {
            _ = try Sample(jsonString: text)
            Issue.record("the fast decoder accepted \(text)")
        } catch let error as RecordError {
            #expect(error.category == expected.category && error.path == expected.path, "\(error)")
        }
    }

    @Test func rulesHoldOnTheDecodedValueAndAreReportedWhenBroken() throws {
        var value = try Sample(jsonString: Self.full)
        #expect(value.violations().isEmpty)
        value.count = 51
        #expect(value.violations().map(\.ruleID) == ["limit_covers_count"])
        value.count = -1
        #expect(value.violations().map(\.ruleID) == ["count_non_negative"])
        value.limit = nil
        #expect(value.violations().map(\.ruleID) == ["count_non_negative"])
        let broken = Self.record("count", "-1")
        #expect(validator.validate(Array(broken.utf8))?.category == "rule:count_non_negative")
        #expect(throws: RecordError.self) { try Sample(jsonString: broken) }
    }
}
