import ContractRuntime
import ContractSchema
import ContractValidation
import ExecutionContracts
import Foundation
import Testing

/// The generated fast decoder, `contractgen validate`'s interpreter and the generated Codable (through
/// Foundation's JSONDecoder) must give the same verdict on every record; the fast decoder and the
/// interpreter must also give the same category.
///
/// Foundation's JSON parser is looser than RFC 8259/I-JSON (it keeps the last of duplicate keys, for
/// one), so records whose only problem is JSON syntax are compared between the fast decoder and the
/// interpreter only.
@Suite struct DifferentialDecodingTests {
    static let validator: RecordValidator = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/execution.yaml").path
        let contract = SchemaLoader().load(contentsOf: path).contract!
        return try! RecordValidator(contract: contract)
    }()

    static let fixtureLines: [[UInt8]] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/records")
        var lines: [[UInt8]] = []
        for name in ["execution_valid.jsonl", "execution_invalid.jsonl"] {
            let data = (try? Data(contentsOf: root.appendingPathComponent(name))) ?? Data()
            lines += data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }.filter { !$0.isEmpty }
        }
        return lines
    }()

    /// JSON-level categories where Foundation's parser is known to be looser than ours.
    static let jsonSyntaxCategories: Set<String> = [
        "malformed_json", "invalid_utf8", "byte_order_mark", "duplicate_key", "number_out_of_range",
        "control_character", "invalid_escape", "lone_surrogate", "trailing_data", "too_deep", "too_long",
    ]

    private func fastCategory(_ bytes: [UInt8]) -> String? {
        do {
            let value = try TaskStepResult(jsonUTF8Data: Data(bytes))
            // A valid value round-trips exactly through the fast encoder and decoder.
            let again = try TaskStepResult(jsonUTF8Data: value.jsonUTF8Data())
            #expect(again == value, "round trip changed \(String(decoding: bytes, as: UTF8.self))")
            return nil
        } catch let error as RecordError {
            return error.category
        } catch {
            return "unexpected: \(error)"
        }
    }

    private func check(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let fast = fastCategory(bytes)
        let interpreted = Self.validator.validate(bytes)?.category
        #expect(fast == interpreted, "fast decoder \(fast ?? "valid") vs validate \(interpreted ?? "valid") on \(text)")
        if let fast, Self.jsonSyntaxCategories.contains(fast) { return }
        let codable = Result { try JSONDecoder().decode(TaskStepResult.self, from: Data(bytes)) }
        switch (codable, fast) {
        case (.success(let value), nil):
            let fastValue = try? TaskStepResult(jsonUTF8Data: Data(bytes))
            #expect(fastValue?.status == value.status && fastValue?.step == value.step
                    && fastValue?.errorCode == value.errorCode && fastValue?.errorMessage == value.errorMessage
                    && fastValue?.completed == value.completed && fastValue?.message == value.message)
        case (.failure, _?):
            break
        default:
            Issue.record("Codable and the fast decoder disagree (fast: \(fast ?? "valid")) on \(text)")
        }
    }

    @Test func everyRecordFixtureGetsTheSameVerdictFromAllThree() {
        #expect(Self.fixtureLines.count > 35)
        for line in Self.fixtureLines { check(line) }
    }

    @Test func mutatedRecordsGetTheSameVerdictFromAllThree() {
        var generator = SplitMix(seed: 0x5EED)
        let seeds = Self.fixtureLines.prefix(9)
        let replacements: [String] = ["null", "true", "1", "1.5", "\"x\"", "[]", "{}", "\"completed\"", "\"E003\"",
                                      "\"failed\"", "\"success\"", "-0", "1e400", "\"\\ud800\""]
        var count = 0
        for seed in seeds {
            for _ in 0..<300 {
                var bytes = seed
                switch generator.next() % 6 {
                case 0 where bytes.count > 2:
                    bytes.removeSubrange(Int(generator.next() % UInt64(bytes.count - 1))...)  // truncate
                case 1:
                    bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                case 2:
                    // Replace one value after a colon with another JSON value.
                    let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") }
                    if let colon = colons.randomElement(using: &generator),
                       let end = bytes[(colon + 1)...].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") }) {
                        bytes.replaceSubrange((colon + 1)..<end, with: Array(replacements.randomElement(using: &generator)!.utf8))
                    }
                case 3:
                    // Duplicate or drop a member.
                    if let comma = bytes.lastIndex(of: UInt8(ascii: ",")), let brace = bytes.lastIndex(of: UInt8(ascii: "}")), comma < brace {
                        if generator.next() % 2 == 0 {
                            bytes.removeSubrange(comma..<brace)
                        } else {
                            bytes.insert(contentsOf: bytes[comma..<brace], at: brace)
                        }
                    }
                case 4:
                    bytes.insert(UInt8(truncatingIfNeeded: generator.next() % 128), at: Int(generator.next() % UInt64(bytes.count + 1)))
                default:
                    bytes = Array(String(decoding: bytes, as: UTF8.self)
                        .replacingOccurrences(of: ["\"completed\"", "\"failed\"", "\"pending\"", "null"].randomElement(using: &generator)!,
                                              with: ["\"running\"", "\"timed_out\"", "\"E001\"", "\"\""].randomElement(using: &generator)!).utf8)
                }
                check(bytes)
                count += 1
            }
        }
        #expect(count == seeds.count * 300)
    }
}

/// A small seeded generator so mutations are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
