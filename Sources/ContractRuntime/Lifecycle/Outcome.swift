/// What reaching a terminal lifecycle state means for the caller.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// The work finished as intended.
    case success
    /// The work stopped on an error.
    case failure
    /// The work was cancelled before it finished.
    case cancelled
    /// The work ran past its deadline.
    case timeout
}
