import ContractRuntime
import ContractSchemaLoader
import ContractValidation
import ExecutionContracts
import Foundation
import Testing

/// A generated decoder finds each key's field by comparing the field after the last one read with the input
/// first (`JSONModelReader.next(_:)`), and by its unescaped bytes otherwise. Keys in any order, escaped or
/// spaced, decode to the same value; an unknown or repeated key gives the error `contractgen validate` gives
/// (category, path and offset), wherever it stands and however it is spelled.
@Suite struct KeyDispatchTests {
    static let validator: RecordValidator = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/execution.yaml").path
        return try! RecordValidator(contract: SchemaLoader().load(contentsOf: path).contract!)
    }()

    static let members: [(key: String, value: String)] = [
        ("step", #""research_tool.deduce""#), ("result", #"{"conclusion":"增长","evidence":[1,"a",null]}"#),
        ("completed", "false"), ("message", #""演绎推理失败""#), ("status", #""failed""#),
        ("error_code", #""E003""#), ("error_message", #""超时""#),
    ]

    /// `key` as JSON: as it is, or with one of its characters (chosen by `choice`) escaped as `\u00XX`.
    static func spelled(_ key: String, escaping choice: Int?) -> String {
        guard let choice, !key.isEmpty else { return "\"\(key)\"" }
        let scalars = Array(key.unicodeScalars)
        let place = choice % scalars.count
        let escaped = scalars.enumerated().map { index, scalar in
            index == place ? String(format: "\\u%04x", scalar.value) : String(scalar)
        }
        return "\"" + escaped.joined() + "\""
    }

    static func record(_ members: [(key: String, value: String)], using random: inout SplitMix64) -> String {
        let spaces = ["", " ", "\n\t "]
        return "{" + members.map { member in
            let escape = Bool.random(using: &random) ? Int.random(in: 0..<100, using: &random) : nil
            let before = spaces.randomElement(using: &random)!, after = spaces.randomElement(using: &random)!
            return before + spelled(member.key, escaping: escape) + after + ":" + member.value
        }.joined(separator: ",") + "}"
    }

    static func decoded(_ text: String) -> Result<TaskStepResult, RecordError> {
        do {
            return .success(try TaskStepResult(jsonUTF8Bytes: Array(text.utf8)))
        } catch let error as RecordError {
            return .failure(error)
        } catch {
            Issue.record("not a RecordError: \(error)")
            return .failure(RecordError(category: "?", message: "\(error)", path: "$"))
        }
    }

    @Test func keysInAnyOrderAndSpellingDecodeToTheSameValue() throws {
        var random = SplitMix64(seed: 0x6B65_7973)
        let canonical = try Self.decoded("{" + Self.members.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}").get()
        for _ in 0..<300 {
            let text = Self.record(Self.members.shuffled(using: &random), using: &random)
            #expect(try Self.decoded(text).get() == canonical, "\(text)")
            let verdict = Array(text.utf8).withUnsafeBufferPointer { Self.validator.validate(line: $0) }
            #expect(verdict == nil, "\(text)")
        }
    }

    @Test func unknownAndRepeatedKeysAreRefusedAsValidateRefusesThem() {
        var random = SplitMix64(seed: 0x6475_706B)
        let others = ["stepx", "ste", "Step", "error_messages", "error_messag", "status ", "状态", "", "completed_"]
        for round in 0..<300 {
            var members = Self.members.shuffled(using: &random)
            let place = Int.random(in: 0...members.count, using: &random)
            if round % 2 == 0 {
                // An unknown key: a near miss of a field's name, or a name that is no field's.
                members.insert((others.randomElement(using: &random)!, "1"), at: place)
            } else {
                // A field's key again (with a valid value, so that the repetition is the first problem), spelled
                // as it is or escaped.
                members.insert(Self.members.randomElement(using: &random)!, at: place)
            }
            let text = Self.record(members, using: &random)
            let verdict = Array(text.utf8).withUnsafeBufferPointer { Self.validator.validate(line: $0) }
            guard case .failure(let error) = Self.decoded(text) else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect([RecordError.unknownField, JSONErrorCategory.duplicateKey.rawValue].contains(error.category), "\(text): \(error)")
            // The same error, but for the suggestion (`did you mean`) validate's message adds.
            #expect(error.category == verdict?.category && error.path == verdict?.path && error.offset == verdict?.offset,
                    "\(text): \(error) against \(String(describing: verdict))")
            #expect(verdict.map { $0.message.hasPrefix(error.message) } == true, "\(text)")
        }
    }
}
