import ContractRunTracking
import ContractRuntime
import ExecutionContracts
import Foundation
import Testing

/// Any Swift error through a catalog's `normalize:` table, case by case, for execution.yaml's ErrorCode
/// and agent_run.yaml's RunErrorCode.
@Suite struct ErrorNormalizationTests {
    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "disk /dev/sda1 is full (internal path /var/lib/x)" }
    }

    struct DatabaseDown: Error, ContractErrorConvertible {
        var contractErrorCode: ErrorCode { .databaseError }
    }

    struct ProviderDown: Error, ContractErrorConvertible {
        var contractErrorCode: RunErrorCode { .providerUnavailable }
    }

    static let decodingError: any Error = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad"))
    static let validationFailure: any Error = ValidationFailure(
        modelName: "TaskStepResult", violations: [RuleViolation(ruleID: "r", fields: ["completed"], message: "m")])
    static let transitionError: any Error = TransitionError(lifecycle: "TaskStatus", from: "completed", to: "failed", allowed: [])

    /// Every error kind the runtime recognises, named for test output.
    static let errors: [(name: String, error: any Error)] = [
        ("CancellationError", CancellationError()),
        ("ContractTimeoutError", ContractTimeoutError(operation: "tool x", limit: .seconds(30))),
        ("URLError.timedOut", URLError(.timedOut)),
        ("POSIXError.ETIMEDOUT", POSIXError(.ETIMEDOUT)),
        ("NSError POSIX ETIMEDOUT", NSError(domain: NSPOSIXErrorDomain, code: Int(ETIMEDOUT))),
        ("NSError URL timed out", NSError(domain: NSURLErrorDomain, code: NSURLErrorTimedOut)),
        ("DecodingError", decodingError),
        ("ValidationFailure", validationFailure),
        ("TransitionError", transitionError),
        ("FinishError", FinishError.notTerminal(lifecycle: "TaskStatus", state: "running")),
        ("URLError.notConnectedToInternet", URLError(.notConnectedToInternet)),
        ("POSIXError.ECONNRESET", POSIXError(.ECONNRESET)),
        ("an unknown error", Unexpected()),
    ]

    static let executionTable: [String: ErrorCode] = [
        "CancellationError": .cancelledError,
        "ContractTimeoutError": .timeoutError, "URLError.timedOut": .timeoutError, "POSIXError.ETIMEDOUT": .timeoutError,
        "NSError POSIX ETIMEDOUT": .timeoutError, "NSError URL timed out": .timeoutError,
        "DecodingError": .validationError, "ValidationFailure": .validationError, "TransitionError": .validationError,
        "FinishError": .validationError,
        "URLError.notConnectedToInternet": .executionError, "POSIXError.ECONNRESET": .executionError,
        "an unknown error": .executionError,
    ]

    static let agentRunTable: [String: RunErrorCode] = [
        "CancellationError": .canceled,
        "ContractTimeoutError": .timeout, "URLError.timedOut": .timeout, "POSIXError.ETIMEDOUT": .timeout,
        "NSError POSIX ETIMEDOUT": .timeout, "NSError URL timed out": .timeout,
        "DecodingError": .invalidInput, "ValidationFailure": .invalidInput, "TransitionError": .invalidInput,
        "FinishError": .invalidInput,
        "URLError.notConnectedToInternet": .internalError, "POSIXError.ECONNRESET": .internalError,
        "an unknown error": .internalError,
    ]

    @Test func recordsTheStrictDecoderRefusesNormalizeToTheValidationCode() {
        let bad = #"{"step":"s","step":"t"}"#
        do {
            _ = try TaskStepResult(jsonString: bad)
            Issue.record("a record with a duplicate key decoded")
        } catch {
            #expect(error is RecordError)
            #expect(ErrorCode.normalize(error).code == .validationError)
        }
        #expect(ErrorCode.normalize(RecordError(category: "wrong_type", message: "m", path: "$.x")).code == .validationError)
    }

    @Test func executionErrorsNormalizeThroughTheTable() {
        for (name, error) in Self.errors {
            #expect(ErrorCode.normalize(error).code == Self.executionTable[name], "\(name)")
        }
    }

    @Test func agentRunErrorsNormalizeThroughTheTable() {
        for (name, error) in Self.errors {
            #expect(RunErrorCode.normalize(error).code == Self.agentRunTable[name], "\(name)")
        }
    }

    @Test func theGeneratedTablesMatchTheSchemas() {
        #expect(FailureKind.allCases.map(ErrorCode.code(for:))
                == [.validationError, .timeoutError, .cancelledError, .retryExhausted, .executionError])
        // agent_run.yaml has no retry_exhausted entry, so exhaustion gets the default code.
        #expect(FailureKind.allCases.map(RunErrorCode.code(for:))
                == [.invalidInput, .timeout, .canceled, .internalError, .internalError])
        #expect(FailureKind.allCases.map(PipelineErrorCode.code(for:))
                == [.invalidTask, .toolTimeout, .cancelled, .retryExhausted, .toolError])
    }

    @Test func cancellationBecomesTheCanceledCodeOfAgentRuns() {
        let error = RunErrorCode.normalize(CancellationError())
        #expect(error.code == .canceled)
        #expect(error.status == .canceled)
        #expect(!error.isRetryable)
        #expect(error.userMessage == "The run was canceled.")
    }

    @Test func theUserMessageIsTheCodesMessageAndTheDescriptionIsOnlyDetail() {
        let error = ErrorCode.normalize(Unexpected())
        #expect(error.userMessage == "The task failed while it was running.")
        #expect(error.detail == "disk /dev/sda1 is full (internal path /var/lib/x)")
        #expect(!error.userMessage.contains("/var/lib"))
        #expect(error.description == "E003: disk /dev/sda1 is full (internal path /var/lib/x)")
    }

    @Test func theLocalizedDescriptionIsTheUserMessageNeverTheDetail() {
        let error: any Error = ErrorCode.normalize(Unexpected())
        #expect(error.localizedDescription == "The task failed while it was running.")
    }

    @Test func theDetailOfADecodingFailureSaysTheBrokenRulesOnce() {
        let text = #"{"step":"s","result":null,"completed":false,"message":"","status":"failed","error_code":null,"error_message":null}"#
        let decoding = Result { try JSONDecoder().decode(TaskStepResult.self, from: Data(text.utf8)) }
        guard case .failure(let error) = decoding else {
            Issue.record("decoding should fail")
            return
        }
        #expect(ErrorCode.normalize(error).detail == """
            DecodingError.dataCorrupted: Data was corrupted. Debug description: TaskStepResult breaks 1 rule:
            - unsuccessful_has_error_code (status, error_code): A failed, timed-out or cancelled result must carry an error code.
            """)
    }

    @Test func retryabilityAndStatusComeFromTheCode() {
        let timeout = ErrorCode.normalize(ContractTimeoutError())
        #expect(timeout.isRetryable && timeout.status == .timedOut)
        let validation = ErrorCode.normalize(Self.validationFailure)
        #expect(!validation.isRetryable && validation.status == nil)
        let runTimeout = RunErrorCode.normalize(URLError(.timedOut))
        #expect(runTimeout.isRetryable && runTimeout.status == .timeout)
    }

    @Test func anErrorThatDeclaresItsCodeKeepsIt() {
        let error = ErrorCode.normalize(DatabaseDown())
        #expect(error.code == .databaseError && error.isRetryable && error.status == .failed)
        #expect(RunErrorCode.normalize(ProviderDown()).code == .providerUnavailable)
    }

    @Test func aCodeDeclaredForAnotherCatalogFallsBackToTheDefault() {
        #expect(RunErrorCode.normalize(DatabaseDown()).code == .internalError)
        #expect(ErrorCode.normalize(ProviderDown()).code == .executionError)
    }

    @Test func aNormalizedErrorPassedAgainIsReturnedAsItIs() {
        let first = ErrorCode.normalize(ContractTimeoutError(operation: "tool x"))
        #expect(ErrorCode.normalize(first) == first)
        let declared = NormalizedError(code: ErrorCode.dslEvaluationError, detail: "x + ")
        #expect(ErrorCode.normalize(declared) == declared)
    }

    @Test func aNormalizedErrorOfAnotherCatalogKeepsItsTextAsDetail() {
        let other = RunErrorCode.normalize(Unexpected())
        let error = ErrorCode.normalize(other)
        #expect(error.code == .executionError)
        #expect(error.detail == "internal_error: disk /dev/sda1 is full (internal path /var/lib/x)")
    }

    @Test func aTimeoutErrorDescribesWhatTimedOut() {
        #expect(ContractTimeoutError(operation: "tool x", limit: .seconds(30)).description == "tool x timed out after 30.0 seconds")
        #expect(ContractTimeoutError().description == "the operation timed out")
    }

    @Test func failureKindsSortErrorsWithoutACatalog() {
        #expect(FailureKind(classifying: CancellationError()) == .cancellation)
        #expect(FailureKind(classifying: URLError(.timedOut)) == .timeout)
        #expect(FailureKind(classifying: Self.decodingError) == .validation)
        #expect(FailureKind(classifying: Unexpected()) == .other)
        #expect(FailureKind.other.rawValue == "default" && FailureKind.retryExhausted.rawValue == "retry_exhausted")
    }
}
