import ArgumentParser

/// Integer options that are range-checked while the command line is parsed, so a value out of range
/// (Int.max included, or a number too large for Int) is a usage error naming the range, exit code 2.
enum IntegerArgument {
    /// A transform for `@Option(transform:)` that accepts the integers of `range`; `unit` names what
    /// they count in the message ("seconds").
    static func inRange(_ range: ClosedRange<Int>, unit: String = "") -> @Sendable (String) throws -> Int {
        { text in
            guard let value = Int(text), range.contains(value) else {
                let kind = unit.isEmpty ? "an integer" : "a whole number of \(unit)"
                throw ValidationError("expected \(kind) from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
    }
}
