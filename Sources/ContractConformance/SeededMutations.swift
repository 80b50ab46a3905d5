import ContractRuntime
import ContractSchema
import ContractValidation

/// Seeded mutations of valid records, judged by the run-time interpreter and written as record vectors,
/// so that every language runs the very same mutated bytes (issue 17 item 6).
///
/// The mutations are those of the Swift differential test (`DifferentialDecodingTests`): truncation, a
/// byte overwritten, a value replaced by another JSON value, a member dropped or repeated, an ASCII byte
/// inserted, a wire value swapped for another; plus a letter escaped as `\uXXXX` and invalid UTF-8.
public struct SeededMutations: Sendable {
    /// The seed `contractgen conformance` uses unless told otherwise.
    public static let defaultSeed: UInt64 = 0x5EED

    let contract: Contract
    let seed: UInt64

    /// Mutations of the records of `contract`, drawn from `SplitMix64(seed:)`.
    public init(contract: Contract, seed: UInt64 = defaultSeed) {
        self.contract = contract
        self.seed = seed
    }

    static let replacements: [String] = [
        "null", "true", "1", "1.5", "\"x\"", "[]", "{}", "-0", "1e400", "\"\\ud800\"", "1.0", "-0.0", "1e2",
        "{\"b\":1.0,\"a\":[2,{\"d\":null,\"c\":0e3}]}", "[{\"y\":1,\"x\":2}]", "9223372036854775807",
        "9223372036854775808", "\"2026-02-30T10:30:00Z\"", "\"2026-02-26T10:30:00.123456789+01:00\"", "\"\"",
    ]

    static let invalidUTF8: [[UInt8]] = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]]

    /// `count` mutations of each model's valid records (the valid base record and the valid rule
    /// vectors), as record vectors with ids `MODEL/mutation/N`.
    public func vectors(perModel count: Int) -> [JSONValue] {
        vectors(perModel: count, records: ConformanceVectors(contract: contract, schemaName: "").section("records"))
    }

    /// As ``vectors(perModel:)``, mutating the valid ones among `records` (the record vectors of the
    /// same contract, already derived).
    public func vectors(perModel count: Int, records: [JSONValue]) -> [JSONValue] {
        var generator = SplitMix64(seed: seed)
        var out: [JSONValue] = []
        let cache = ValidatorCache(contract: contract)
        for model in contract.models {
            guard cache.validator(for: model.name, acceptingLegacy: false) != nil else { continue }
            let seeds = records.compactMap { vector -> [UInt8]? in
                guard vector["model"] == .string(model.name), vector["verdict"] == .string("valid"),
                      vector["accept_legacy"] == .bool(false),
                      let text = vector["input"]?.stringValue else { return nil }
                return Array(text.utf8)
            }
            guard !seeds.isEmpty else { continue }
            let words = wireWords(of: model)
            for index in 0..<count {
                let seedRecord = seeds[Int(generator.next() % UInt64(seeds.count))]
                let bytes = mutate(seedRecord, words: words, using: &generator)
                out.append(cache.vector(id: "\(model.name)/mutation/\(index)", model: model.name, input: bytes,
                                        acceptingLegacy: false))
            }
        }
        return out
    }

    /// The quoted wire values of the enum-typed fields of `model`, legacy values included, and `null`.
    private func wireWords(of model: Model) -> [String] {
        var words: [String] = ["null"]
        for field in model.fields {
            guard case .named(let name) = field.type, let values = contract.namedType(name)?.wireValues else { continue }
            words += values.map { "\"\($0)\"" }
            words += contract.lifecycle(named: name)?.legacy.map { "\"\($0.value)\"" } ?? []
        }
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    private func mutate(_ seed: [UInt8], words: [String], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        switch generator.next() % 8 {
        case 0 where bytes.count > 2:
            bytes.removeSubrange(Int(generator.next() % UInt64(bytes.count - 1))...)
        case 1 where !bytes.isEmpty:
            bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
        case 2:
            // Replace one value after a colon with another JSON value.
            let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") }
            if !colons.isEmpty {
                let colon = colons[Int(generator.next() % UInt64(colons.count))]
                if let end = bytes[(colon + 1)...].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") }) {
                    let replacement = Self.replacements[Int(generator.next() % UInt64(Self.replacements.count))]
                    bytes.replaceSubrange((colon + 1)..<end, with: Array(replacement.utf8))
                }
            }
        case 3:
            // Drop or repeat the last member.
            if let comma = bytes.lastIndex(of: UInt8(ascii: ",")), let brace = bytes.lastIndex(of: UInt8(ascii: "}")), comma < brace {
                if generator.next() % 2 == 0 {
                    bytes.removeSubrange(comma..<brace)
                } else {
                    bytes.insert(contentsOf: bytes[comma..<brace], at: brace)
                }
            }
        case 4:
            bytes.insert(UInt8(truncatingIfNeeded: generator.next() % 128), at: Int(generator.next() % UInt64(bytes.count + 1)))
        case 5:
            // Escape one letter: "step" becomes "\u0073tep", the same key in disguise.
            let letters = bytes.indices.filter { bytes[$0] >= UInt8(ascii: "a") && bytes[$0] <= UInt8(ascii: "z") }
            if !letters.isEmpty {
                let i = letters[Int(generator.next() % UInt64(letters.count))]
                let hex = String(bytes[i], radix: 16)
                bytes.replaceSubrange(i...i, with: Array("\\u00\(hex)".utf8))
            }
        case 6:
            let junk = Self.invalidUTF8[Int(generator.next() % UInt64(Self.invalidUTF8.count))]
            bytes.insert(contentsOf: junk, at: Int(generator.next() % UInt64(bytes.count + 1)))
        default:
            // Swap one wire value (or null) for another.
            let from = Array(words[Int(generator.next() % UInt64(words.count))].utf8)
            let to = Array(words[Int(generator.next() % UInt64(words.count))].utf8)
            if let range = firstRange(of: from, in: bytes) { bytes.replaceSubrange(range, with: to) }
        }
        return bytes
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }
}
