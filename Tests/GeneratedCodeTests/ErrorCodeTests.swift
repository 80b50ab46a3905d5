import ContractRuntime
import ExecutionContracts
import Testing

/// The ErrorCode catalog of schema/execution.yaml.
@Suite struct ErrorCodeTests {
    @Test func codesHaveTheSchemasWireValuesInOrder() {
        #expect(ErrorCode.allCases.map(\.rawValue) == ["E001", "E002", "E003", "E004", "E005", "E006", "E007"])
        #expect(ErrorCode.validationError.rawValue == "E001")
        #expect(ErrorCode.dslEvaluationError.rawValue == "E007")
    }

    @Test func retryabilityCategoryMessageAndStatusMatchTheSchema() {
        #expect(ErrorCode.allCases.filter(\.isRetryable) == [.timeoutError, .databaseError])
        #expect(ErrorCode.validationError.category == .client)
        #expect(ErrorCode.timeoutError.category == .timeout)
        #expect(ErrorCode.executionError.category == .execution)
        #expect(ErrorCode.databaseError.category == .system)
        #expect(ErrorCode.validationError.defaultMessage == "The input is invalid.")
        #expect(ErrorCode.timeoutError.status == .timedOut)
        #expect(ErrorCode.cancelledError.status == .cancelled)
        #expect(ErrorCode.validationError.status == nil)
    }

    @Test func anUnknownCodeFailsToDecode() {
        #expect(JSON.decodingFailure(ErrorCode.self, #""E999""#)?.contains("expected one of: E001, E002") == true)
    }
}
