import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import ExecutionContracts
import Foundation

/// Holds the three readers of a `TaskStepResult` record to one verdict: the generated fast decoder
/// (`init(jsonUTF8Data:)`), `contractgen validate`'s interpreter (``RecordValidator`` over
/// `schema/execution.yaml`) and the generated `Codable` through Foundation's `JSONDecoder`.
///
/// The fast decoder and the interpreter must give the same verdict and category on every record, and a
/// valid record must round-trip through the fast encoder and decoder to an equal value. Foundation's
/// JSON parser is looser than RFC 8259/I-JSON (it keeps one of duplicate keys, for one), so a record
/// whose problem is JSON syntax is compared between the fast decoder and the interpreter only. Every
/// other record gets the same verdict from Codable, and a valid one the same value, `result` included,
/// as ``CodableJSONPolicy`` defines it (equal, or different only in its two documented exceptions).
/// `GeneratedCodeTests` and the `FuzzValidate` fuzz target share this policy.
public struct TaskStepResultDifferential: Sendable {
    /// The interpreter for `TaskStepResult`.
    public let validator: RecordValidator

    /// JSON-level categories where Foundation's parser is known to be looser than ours.
    public static let jsonSyntaxCategories: Set<String> = [
        "malformed_json", "invalid_utf8", "byte_order_mark", "duplicate_key", "number_out_of_range",
        "control_character", "invalid_escape", "lone_surrogate", "trailing_data", "too_deep", "too_long",
    ]

    /// The package's `schema/execution.yaml`, found from this source file's path.
    public static let executionSchemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema/execution.yaml").path

    /// A differential over the interpreter for `TaskStepResult` of the schema at `schemaPath`, which
    /// must load without errors.
    public init(schemaPath: String = Self.executionSchemaPath) throws {
        let loaded = SchemaLoader().load(contentsOf: schemaPath)
        guard let contract = loaded.contract, loaded.isValid else {
            throw SetupError(message: "\(schemaPath) does not load cleanly: \(loaded.diagnostics)")
        }
        validator = try RecordValidator(contract: contract, model: TaskStepResult.modelName)
    }

    /// Why a differential cannot be set up.
    public struct SetupError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// What comparing the three readers on one record found.
    public struct Comparison: Sendable {
        /// Every way the readers disagree; empty when they agree.
        public var disagreements: [String] = []
        /// The documented exceptions the Codable value needed to count as the fast decoder's, in the
        /// order first met; empty when the two values are equal or Codable was not compared.
        public var codableExceptions: [CodableJSONPolicy.Exception] = []
    }

    /// Every way the three readers disagree on `bytes` (one record, without its line break); empty
    /// when they agree.
    public func disagreements(_ bytes: [UInt8]) -> [String] {
        compare(bytes).disagreements
    }

    /// Compares the three readers on `bytes` (one record, without its line break).
    public func compare(_ bytes: [UInt8]) -> Comparison {
        let text = String(decoding: bytes, as: UTF8.self)
        var comparison = Comparison()
        let fast = fastVerdict(bytes)
        if let roundTripProblem = fast.roundTripProblem {
            comparison.disagreements.append("\(roundTripProblem) on \(text)")
        }
        let interpreted = validator.validate(bytes)?.category
        if fast.category != interpreted {
            comparison.disagreements.append(
                "fast decoder \(fast.category ?? "valid") vs validate \(interpreted ?? "valid") on \(text)")
        }
        if let category = fast.category, Self.jsonSyntaxCategories.contains(category) { return comparison }
        let codable = Result(catching: { try JSONDecoder().decode(TaskStepResult.self, from: Data(bytes)) })
        switch (codable, fast.value) {
        case (.success(let codable), let value?):
            var expected = codable
            expected.result = value.result
            if expected != value {
                comparison.disagreements.append("Codable read other field values than the fast decoder on \(text)")
            }
            switch CodableJSONPolicy.compare(strict: value.result, codable: codable.result) {
            case .equal:
                break
            case .equalExcept(let exceptions):
                comparison.codableExceptions = exceptions
            case .different(let path):
                let resultPath = "$.result" + path.dropFirst()  // the policy's paths start at `result`
                comparison.disagreements.append("Codable read another result than the fast decoder at \(resultPath) on \(text)")
            }
        case (.failure, nil):
            break
        default:
            comparison.disagreements.append(
                "Codable and the fast decoder disagree (fast: \(fast.category ?? "valid")) on \(text)")
        }
        return comparison
    }

    /// The fast decoder's value or error category, and whether a valid value failed to round-trip.
    private func fastVerdict(_ bytes: [UInt8]) -> (value: TaskStepResult?, category: String?, roundTripProblem: String?) {
        do {
            let value = try TaskStepResult(jsonUTF8Data: Data(bytes))
            // A valid value round-trips exactly through the fast encoder and decoder.
            do {
                let again = try TaskStepResult(jsonUTF8Data: value.jsonUTF8Data())
                return (value, nil, again == value ? nil : "round trip changed the value")
            } catch {
                return (value, nil, "round trip failed: \(error)")
            }
        } catch let error as RecordError {
            return (nil, error.category, nil)
        } catch {
            return (nil, "unexpected: \(error)", nil)
        }
    }
}
