/// One broken model rule: which rule, which fields it reads, and what it means.
public struct RuleViolation: Hashable, Sendable, CustomStringConvertible {
    /// The rule's id as written in the schema, e.g. `completed_iff_status_completed`.
    public var ruleID: String
    /// The fields the rule reads, by wire name, in order of first use.
    public var fields: [String]
    /// What the failure means, for people.
    public var message: String

    /// Creates a violation.
    public init(ruleID: String, fields: [String], message: String) {
        self.ruleID = ruleID
        self.fields = fields
        self.message = message
    }

    /// `completed_iff_status_completed (completed, status): completed must be true exactly when ...`.
    public var description: String {
        "\(ruleID) (\(fields.joined(separator: ", "))): \(message)"
    }
}
