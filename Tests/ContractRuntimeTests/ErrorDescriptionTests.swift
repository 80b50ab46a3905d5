import ContractRuntime
import Foundation
import Testing

/// The runtime's errors print one sentence each, and `localizedDescription` says the same as
/// `description` rather than "The operation could not be completed".
@Suite struct ErrorDescriptionTests {
    static let violation = RuleViolation(ruleID: "total_matches_lines", fields: ["total", "lines"],
                                         message: "The total must equal the sum of its lines.")

    @Test func aRuleErrorOfTheFastPathDropsTheMessagesFullStopBeforeItsPath() {
        let error = RecordError(category: RecordError.rule("total_matches_lines"), message: Self.violation.message, path: "$")
        #expect(error.description == "[rule:total_matches_lines] The total must equal the sum of its lines at $")
    }

    @Test func aMessageWithoutAFullStopOrEndingInAnEllipsisIsPrintedAsItIs() {
        #expect(RecordError(category: "wrong_type", message: "expected a string, found null", path: "$.step").description
                == "[wrong_type] expected a string, found null at $.step")
        #expect(RecordError(category: "rule:r", message: "and so on...", path: "$").description == "[rule:r] and so on... at $")
    }

    @Test func aValidationFailurePrintsEachBrokenRuleOnceWithItsOwnFullStop() {
        let failure = ValidationFailure(modelName: "Order", violations: [
            Self.violation, RuleViolation(ruleID: "has_lines", fields: ["lines"], message: "An order has lines"),
        ])
        #expect(failure.description == """
            Order breaks 2 rules:
            - total_matches_lines (total, lines): The total must equal the sum of its lines.
            - has_lines (lines): An order has lines
            """)
    }

    @Test func localizedDescriptionsSayWhatTheDescriptionSays() {
        let errors: [any Error & CustomStringConvertible] = [
            ValidationFailure(modelName: "Order", violations: [Self.violation]),
            RecordError(category: "missing_field", message: #"missing key "total" of Order"#, path: "$"),
            JSONReadError(category: .duplicateKey, message: #"the key "a" appears twice in this object"#,
                          offset: 9, line: 1, column: 10, path: "$"),
            TransitionError(lifecycle: "TaskStatus", from: "completed", to: "failed", allowed: []),
            FinishError.notTerminal(lifecycle: "TaskStatus", state: "running"),
            ContractTimeoutError(operation: "tool x", limit: .seconds(30)),
        ]
        for error in errors {
            #expect(error.localizedDescription == error.description)
            #expect(!error.localizedDescription.contains("could not be completed"))
        }
    }
}
