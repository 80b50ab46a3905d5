/// A model value that breaks one or more of its schema's rules, thrown by `validate()`.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The model's type name, e.g. `TaskStepResult`.
    public var modelName: String
    /// Every broken rule, in schema order.
    public var violations: [RuleViolation]

    /// Creates a failure.
    public init(modelName: String, violations: [RuleViolation]) {
        self.modelName = modelName
        self.violations = violations
    }

    /// The ids of the broken rules, in schema order.
    public var ruleIDs: [String] { violations.map(\.ruleID) }

    /// One line per broken rule, after a line naming the model.
    public var description: String {
        let count = violations.count == 1 ? "1 rule" : "\(violations.count) rules"
        return "\(modelName) breaks \(count):\n" + violations.map { "- \($0)" }.joined(separator: "\n")
    }
}
