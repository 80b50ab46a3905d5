import ContractRuntime

/// When a ``JSONValue`` read through `Codable` (Foundation's `JSONDecoder`) counts as the same as the one
/// the strict reader made from the same text.
///
/// The two must be equal (`==`, under which objects are unordered), except in the two cases a `Decoder`
/// cannot keep, which `JSONValue.init(from:)` documents:
/// - ``Exception/wholeNumberWrittenAsDouble``: a number written with a fraction or an exponent whose
///   value is a whole number that fits in 64 bits (`1.0`, `1e2`, `0e0`) is `.double` to the strict
///   reader and `.int` through Foundation, which reports it exactly as it reports the integer;
/// - ``Exception/canonicallyEquivalentKeysMerged``: Foundation keys an object's members by `String`,
///   which equates canonically equivalent spellings (`"\u{E9}"` and `"e\u{301}"`), so where the strict
///   reader keeps two members Foundation keeps one of them.
///
/// Nothing else may differ: every other number (`-0`, `0.0`, `1.5`, `1e-400`, integers beyond 64 bits),
/// every string, array and key set must come out equal.
public enum CodableJSONPolicy {
    /// A documented way the Codable reading may differ from the strict one.
    public enum Exception: String, Sendable, CaseIterable {
        case wholeNumberWrittenAsDouble = "a whole number written with a fraction or exponent reads as .int"
        case canonicallyEquivalentKeysMerged = "canonically equivalent keys are merged into one member"
    }

    /// The result of comparing a strict reading with a Codable one.
    public enum Verdict: Equatable, Sendable {
        /// Equal under `==`.
        case equal
        /// Different only in the documented ways listed, each once, in the order first met.
        case equalExcept([Exception])
        /// Different in a way the policy does not allow; the path of the first difference.
        case different(path: String)
    }

    /// Compares `strict` (from the strict reader) with `codable` (from the same text through Codable).
    public static func compare(strict: JSONValue, codable: JSONValue) -> Verdict {
        if strict == codable { return .equal }
        var exceptions: [Exception] = []
        if let path = firstDifference(strict, codable, path: "$", exceptions: &exceptions) {
            return .different(path: path)
        }
        return .equalExcept(exceptions)
    }

    /// The path of the first difference the policy does not allow, nil when there is none; records the
    /// exceptions it allowed.
    private static func firstDifference(
        _ strict: JSONValue, _ codable: JSONValue, path: String, exceptions: inout [Exception]
    ) -> String? {
        switch (strict, codable) {
        case let (.double(double), .int(integer)):
            guard double.rounded(.towardZero) == double, Double(integer) == double else { return path }
            note(.wholeNumberWrittenAsDouble, in: &exceptions)
            return nil
        case let (.array(strictElements), .array(codableElements)):
            guard strictElements.count == codableElements.count else { return path }
            for (index, (s, c)) in zip(strictElements, codableElements).enumerated() {
                if let found = firstDifference(s, c, path: "\(path)[\(index)]", exceptions: &exceptions) { return found }
            }
            return nil
        case let (.object(strictObject), .object(codableObject)):
            return firstDifference(strictObject, codableObject, path: path, exceptions: &exceptions)
        default:
            return strict == codable ? nil : path
        }
    }

    private static func firstDifference(
        _ strict: JSONObject, _ codable: JSONObject, path: String, exceptions: inout [Exception]
    ) -> String? {
        // Group the strict members by `String` equality, as Foundation's keyed container does; each group
        // must leave exactly one of its members, spelled and valued as the strict reader read it.
        var groups: [String: [String]] = [:]
        var groupOrder: [String] = []
        for key in strict.keys {
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: []].append(key)
        }
        guard codable.count == groups.count else { return path }
        let codableKeys = Set(codable.keys.map { Array($0.utf8) })
        for representative in groupOrder {
            let spellings = groups[representative] ?? []
            let kept = spellings.filter { codableKeys.contains(Array($0.utf8)) }
            guard kept.count == 1, let key = kept.first, let s = strict[key], let c = codable[key] else {
                return "\(path).\(representative)"
            }
            if spellings.count > 1 { note(.canonicallyEquivalentKeysMerged, in: &exceptions) }
            if let found = firstDifference(s, c, path: "\(path).\(key)", exceptions: &exceptions) { return found }
        }
        return nil
    }

    private static func note(_ exception: Exception, in exceptions: inout [Exception]) {
        if !exceptions.contains(exception) { exceptions.append(exception) }
    }
}
