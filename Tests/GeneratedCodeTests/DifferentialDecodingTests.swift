import DecodingDifferential
import Foundation
import Testing

/// The generated fast decoder, `contractgen validate`'s interpreter and the generated Codable (through
/// Foundation's JSONDecoder) must give the same verdict on every record, and Codable the same value as
/// the fast decoder, `result` included (equal, or different only as `CodableJSONPolicy` documents); the
/// fast decoder and the interpreter must also give the same category. The policy, including which JSON
/// syntax problems leave Codable out, is `TaskStepResultDifferential`'s, shared with `FuzzValidate`.
@Suite struct DifferentialDecodingTests {
    static let differential = try! TaskStepResultDifferential()

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

    private func check(_ bytes: [UInt8]) {
        let disagreements = Self.differential.disagreements(bytes)
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    @Test func everyRecordFixtureGetsTheSameVerdictFromAllThreeAndTheSameValueFromCodable() {
        #expect(Self.fixtureLines.count > 35)
        for line in Self.fixtureLines { check(line) }
    }

    @Test func onTheFixturesCodableNeedsOnlyTheWholeNumberExceptionOfThePolicy() {
        // The valid fixtures hold `1.0` in a result, which Foundation cannot tell from `1`; nothing else differs.
        let exceptions = Set(Self.fixtureLines.flatMap { Self.differential.compare($0).codableExceptions })
        #expect(exceptions == [.wholeNumberWrittenAsDouble])
    }

    @Test func mutatedRecordsGetTheSameVerdictFromAllThreeAndTheSameValueFromCodable() {
        var generator = SplitMix(seed: 0x5EED)
        let seeds = Self.fixtureLines.prefix(9)
        let replacements: [String] = ["null", "true", "1", "1.5", "\"x\"", "[]", "{}", "\"completed\"", "\"E003\"",
                                      "\"failed\"", "\"success\"", "-0", "1e400", "\"\\ud800\"", "1.0", "-0.0", "1e2",
                                      "{\"b\":1.0,\"a\":[2,{\"d\":null,\"c\":0e3}]}", "[{\"y\":1,\"x\":2}]"]
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
