/// A stored row that holds no valid run, with every problem found in it.
public struct UnreadableRun: Error, Sendable, Hashable, CustomStringConvertible {
    /// The row's id; nil when its `id` is NULL or not text.
    public var id: String?
    /// What is wrong, one sentence per problem, in column order (then broken rules).
    public var problems: [String]

    /// Creates a report.
    public init(id: String?, problems: [String]) {
        self.id = id
        self.problems = problems
    }

    /// `stored run 'ID' is unreadable: PROBLEM; PROBLEM`.
    public var description: String {
        "stored run \(id.map { "'\($0)'" } ?? "without an id") is unreadable: " + problems.joined(separator: "; ")
    }
}
