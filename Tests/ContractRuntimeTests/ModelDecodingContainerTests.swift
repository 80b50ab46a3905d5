import ContractRuntime
import Foundation
import Testing

/// A hand-written model decoded the way generated models are, through `modelContainer(keyedBy:for:)`.
private struct Tally: ContractModel {
    static let modelName = "Tally"
    var counts: [Int64]
    var byName: [String: Int64]
    var best: Int64?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case counts
        case byName = "by_name"
        case best
    }

    init(counts: [Int64], byName: [String: Int64], best: Int64?) {
        self.counts = counts
        self.byName = byName
        self.best = best
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.modelContainer(keyedBy: CodingKeys.self, for: Self.self)
        counts = try container.decode([Int64].self, forKey: .counts)
        byName = try container.decode([String: Int64].self, forKey: .byName)
        best = try container.decodeIfPresent(Int64.self, forKey: .best)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(counts, forKey: .counts)
        try container.encode(byName, forKey: .byName)
        try container.encode(best, forKey: .best)
    }

    func violations() -> [RuleViolation] { [] }

    // The fast path is not what these tests are about; generated models have one.
    init(jsonReader reader: inout JSONReader, options: JSONDecodingOptions) throws {
        throw RecordError(category: RecordError.notAnObject, message: "Tally has no fast decoder", path: reader.path)
    }

    func writeJSON(to output: inout JSONOutput) {}
}

/// The runtime container generated `init(from:)` reads through: Foundation's reading of integers held to
/// the strict reader's, at any depth of lists and maps, with errors that name the place.
@Suite struct ModelDecodingContainerTests {
    private func decode(_ text: String) throws -> Tally {
        try JSONDecoder().decode(Tally.self, from: Data(text.utf8))
    }

    private func printed(_ text: String) -> String? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func integersAtAnyDepthDecode() throws {
        let tally = try decode(#"{"counts":[1,-0,9223372036854775807],"by_name":{"a":2},"best":3}"#)
        #expect(tally == Tally(counts: [1, 0, .max], byName: ["a": 2], best: 3))
    }

    @Test(arguments: [
        (#"{"counts":[1,0.0],"by_name":{}}"#, "Array<Int64>. Path: counts[1]"),
        (#"{"counts":[],"by_name":{"a":1,"b":1e-400}}"#, "Dictionary<String, Int64>. Path: by_name.b"),
        (#"{"counts":[],"by_name":{},"best":1.0000000000000001}"#, "Int64. Path: best"),
        (#"{"counts":[9007199254740993.5],"by_name":{}}"#, "Array<Int64>. Path: counts[0]"),
    ])
    func aNumberFoundationWouldRoundToAnIntegerIsRefusedWhereItStands(text: String, expected: String) {
        #expect(printed(text) == "DecodingError.typeMismatch: expected value of type \(expected). "
                + "Debug description: found a number that is not an integer")
    }

    @Test func aWholeNumberWrittenWithAFractionIsTheDocumentedCaseFoundationCannotTell() throws {
        #expect(try decode(#"{"counts":[1.0,2e0],"by_name":{},"best":30e-1}"#) == Tally(counts: [1, 2], byName: [:], best: 3))
    }

    @Test func unknownAndMissingKeysAreRefusedNamingTheModel() {
        #expect(printed(#"{"counts":[],"by_name":{},"worst":1}"#) == """
            DecodingError.dataCorrupted: Data was corrupted. Debug description: unknown key "worst" in Tally; expected keys: counts, by_name, best
            """)
        #expect(printed(#"{"counts":[]}"#) == """
            DecodingError.keyNotFound: Key 'by_name' not found in keyed decoding container. Debug description: required by Tally
            """)
    }

    @Test func anOptionalKeyMayBeAbsentOrNull() throws {
        #expect(try decode(#"{"counts":[],"by_name":{}}"#).best == nil)
        #expect(try decode(#"{"counts":[],"by_name":{},"best":null}"#).best == nil)
    }
}
