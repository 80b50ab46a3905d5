import ContractRuntime
import DecodingDifferential
import ExecutionContracts
import Foundation
import Testing

/// The policy by which a `JSONValue` read through Foundation's `JSONDecoder` counts as the one the strict
/// reader made (`CodableJSONPolicy`, shared with `DifferentialDecodingTests` and `FuzzValidate`): equal,
/// or different only in its two documented exceptions, which these tests show Foundation really takes.
@Suite struct CodableJSONPolicyTests {
    static let differential = try! TaskStepResultDifferential()

    private func record(result: String) -> [UInt8] {
        Array(#"{"step":"s","result":\#(result),"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#.utf8)
    }

    private func verdict(_ text: String) throws -> CodableJSONPolicy.Verdict {
        let strict = try JSONValue(jsonString: text)
        let codable = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        return CodableJSONPolicy.compare(strict: strict, codable: codable)
    }

    @Test(arguments: ["1.0", "-3.0", "1e2", "2.50e1", "0e0", #"{"b":[1.0],"a":{"x":4E1}}"#])
    func aWholeNumberWrittenAsADoubleIsTheOnlyDifferenceForSuchResults(result: String) throws {
        #expect(try verdict(result) == .equalExcept([.wholeNumberWrittenAsDouble]))
        let comparison = Self.differential.compare(record(result: result))
        #expect(comparison.disagreements.isEmpty, "\(comparison.disagreements)")
        #expect(comparison.codableExceptions == [.wholeNumberWrittenAsDouble])
    }

    @Test func keysThatAreCanonicallyEquivalentAreMergedByFoundation() throws {
        let result = "{\"\u{E9}\":1,\"e\u{301}\":2,\"z\":[\"\u{E9}\"]}"
        let codable = try JSONDecoder().decode(JSONValue.self, from: Data(result.utf8))
        #expect(codable.objectValue?.count == 2)
        #expect(try verdict(result) == .equalExcept([.canonicallyEquivalentKeysMerged]))
        let comparison = Self.differential.compare(record(result: result))
        #expect(comparison.disagreements.isEmpty, "\(comparison.disagreements)")
        #expect(comparison.codableExceptions == [.canonicallyEquivalentKeysMerged])
    }

    @Test(arguments: [
        #"{"rows":1000,"columns":5}"#, #"{"z":{"b":2,"a":1},"a":[{"d":null,"c":true}]}"#, "[1,1.5,-0,0.0,1e-400,\"x\"]",
        "12345678901234567890", "-0.0", "0.000", "0e7", "1.0000000000000001", #"{"":{},"\u0000":[]}"#,
    ])
    func everyOtherResultReadsEqualThroughCodable(result: String) throws {
        #expect(try verdict(result) == .equal)
        let comparison = Self.differential.compare(record(result: result))
        #expect(comparison.disagreements.isEmpty, "\(comparison.disagreements)")
        #expect(comparison.codableExceptions.isEmpty)
    }

    static let otherDifferences: [(strict: JSONValue, codable: JSONValue)] = [
        (.int(1), .int(2)), (.int(1), .double(1)), (.double(1.5), .int(1)), (.double(1e19), .int(.max)),
        (["a": 1], ["a": 1, "b": 2]), (["a": 1, "b": 2], ["a": 1]), (["a": 1], ["A": 1]), ([1, 2], [2, 1]),
        (.string("e\u{301}"), .string("\u{E9}")), (.null, .bool(false)), (["a": [1.5]], ["a": [1]]),
    ]

    @Test(arguments: otherDifferences)
    func anyOtherDifferenceBreaksThePolicy(strict: JSONValue, codable: JSONValue) {
        guard case .different = CodableJSONPolicy.compare(strict: strict, codable: codable) else {
            Issue.record("\(strict) vs \(codable) should break the policy")
            return
        }
    }

    @Test func theFirstDifferenceIsReportedWithItsPath() {
        let strict: JSONValue = ["a": [1, ["b": 2.5]]]
        let codable: JSONValue = ["a": [1, ["b": 2]]]
        #expect(CodableJSONPolicy.compare(strict: strict, codable: codable) == .different(path: "$.a[1].b"))
    }

    @Test func everyDocumentOfTheJSONSuiteTheStrictReaderAcceptsReadsTheSameThroughCodable() throws {
        let suite = SeedSchemas.packageRoot.appendingPathComponent("Tests/Fixtures/json/suite")
        let names = try FileManager.default.contentsOfDirectory(atPath: suite.path).filter { $0.hasSuffix(".json") }.sorted()
        var compared = 0
        for name in names where name.hasPrefix("y_") || name.hasPrefix("i_") {
            let data = try Data(contentsOf: suite.appendingPathComponent(name))
            guard let strict = try? JSONValue(jsonUTF8Data: data) else { continue }
            do {
                let codable = try JSONDecoder().decode(JSONValue.self, from: data)
                if case .different(let path) = CodableJSONPolicy.compare(strict: strict, codable: codable) {
                    Issue.record("\(name): Codable read another value at \(path): \(codable) vs \(strict)")
                }
            } catch {
                Issue.record("\(name): Foundation refuses what the strict reader accepts: \(error)")
            }
            compared += 1
        }
        #expect(compared > 100)
    }
}
