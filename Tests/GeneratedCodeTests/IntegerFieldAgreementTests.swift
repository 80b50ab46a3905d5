import ContractRunTracking
import ContractRuntime
import Foundation
import Testing

/// An `int` field (`ExecutionUpdateData.id`) read by the fast decoder and through Codable: the same verdict
/// and value, except for the whole numbers written with a fraction or an exponent that Foundation reports
/// exactly as it reports the integer (the documented exception of `CodableJSONPolicy`).
@Suite struct IntegerFieldAgreementTests {
    private func update(id: String) -> String {
        """
        {"type":"execution_update","data":{"id":\(id),"execution_type":"workflow","status":"pending",\
        "agent_id":null,"started_at":null,"output":null,"error":null}}
        """
    }

    private func codable(_ text: String) -> ExecutionUpdate? {
        try? JSONDecoder().decode(ExecutionUpdate.self, from: Data(text.utf8))
    }

    @Test(arguments: ["7", "1", "9223372036854775807"])
    func anIntegerReadsAlikeInBothPaths(id: String) throws {
        let fast = try ExecutionUpdate(jsonString: update(id: id))
        #expect(codable(update(id: id)) == fast)
    }

    @Test(arguments: ["0", "-0"])
    func zeroAndMinusZeroAreTheIntegerZeroInBothPaths(id: String) {
        // Both read 0, which the rule `id_positive` then refuses.
        let fast = Result { try ExecutionUpdate(jsonString: update(id: id)) }
        guard case .failure(let error as RecordError) = fast else {
            Issue.record("the fast decoder should refuse id \(id) by its rule")
            return
        }
        #expect(error.category == "rule:id_positive")
        do {
            _ = try JSONDecoder().decode(ExecutionUpdate.self, from: Data(update(id: id).utf8))
            Issue.record("Codable should refuse id \(id) by its rule")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains("- id_positive (id):"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: ["0.0", "0e3", "-1e-400", "1.0000000000000001", "1.5", "1e30", "9223372036854775808", "9007199254740993.5"])
    func aNumberThatIsNotAnIntegerIsRefusedAsAWrongTypeInBothPaths(id: String) {
        let fast = Result { try ExecutionUpdate(jsonString: update(id: id)) }
        guard case .failure(let error as RecordError) = fast else {
            Issue.record("the fast decoder should refuse \(id)")
            return
        }
        #expect([RecordError.wrongType, "number_out_of_range"].contains(error.category))
        do {
            _ = try JSONDecoder().decode(ExecutionUpdate.self, from: Data(update(id: id).utf8))
            Issue.record("Codable should refuse \(id)")
        } catch DecodingError.typeMismatch(let type, let context) {
            #expect(type == Int64.self && context.codingPath.map(\.stringValue) == ["data", "id"])
        } catch {
            Issue.record("expected a type mismatch, got \(error)")
        }
    }

    @Test(arguments: ["7.0", "7e0", "70e-1", "0.7E1"])
    func aWholeNumberWrittenWithAFractionOrExponentIsAcceptedOnlyThroughCodable(id: String) {
        let fast = Result { try ExecutionUpdate(jsonString: update(id: id)) }
        guard case .failure(let error as RecordError) = fast else {
            Issue.record("the fast decoder should refuse \(id)")
            return
        }
        #expect(error.category == RecordError.wrongType)
        #expect(codable(update(id: id))?.data.id == 7)
    }
}
