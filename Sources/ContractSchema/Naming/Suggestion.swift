/// "Did you mean" suggestions from edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Close enough: a case-only difference, or an optimal-string-alignment distance (insertions,
    /// deletions, substitutions, adjacent transpositions) of at most 1 for words up to 4 characters,
    /// 2 up to 8 and 3 beyond. Ties go to the earliest candidate, so results are deterministic.
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let d = candidate.lowercased() == lowered ? 0 : distance(lowered, candidate.lowercased())
            if d <= threshold(for: max(word.count, candidate.count)), best == nil || d < best!.distance {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// `; did you mean `x`?` or the empty string.
    public static func didYouMean<S: Sequence>(_ word: String, among candidates: S) -> String where S.Element == String {
        closest(to: word, among: candidates).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// How a message about an unknown name goes on: `; did you mean `x`?` when a candidate is close (or when
    /// `aliases` maps the word, in any case, to one), otherwise `; valid NOUN are `a`, `b`` with the first
    /// `limit` names and how many more, or `; there are no NOUN` when there is nothing to name.
    ///
    /// - Parameters:
    ///   - candidates: the names a suggestion is taken from.
    ///   - listing: the names listed when none is close; `candidates` when nil.
    ///   - noun: the plural that names them, e.g. "states".
    public static func hint(for word: String, among candidates: [String], listing: [String]? = nil, noun: String,
                            aliases: [String: String] = [:], limit: Int = 10) -> String {
        if let alias = aliases[word.lowercased()], candidates.contains(alias), alias != word {
            return "; did you mean `\(alias)`?"
        }
        if let guess = closest(to: word, among: candidates) {
            return "; did you mean `\(guess)`?"
        }
        return "; " + list(listing ?? candidates, noun: noun, limit: limit)
    }

    /// `valid NOUN are `a`, `b`, `c``, the first `limit` of `names` (duplicates dropped) and "and N more".
    public static func list(_ names: [String], noun: String, limit: Int = 10) -> String {
        var seen: Set<String> = []
        let unique = names.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return "there are no \(noun)" }
        let shown = unique.prefix(max(1, limit)).map { "`\($0)`" }.joined(separator: ", ")
        let more = unique.count - min(unique.count, max(1, limit))
        return "valid \(noun) are \(shown)" + (more > 0 ? " and \(more) more" : "")
    }

    static func threshold(for length: Int) -> Int {
        switch length {
        case ..<5: 1
        case ..<9: 2
        default: 3
        }
    }

    /// Optimal string alignment distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Long inputs are never typos of short keys; bail out before quadratic work.
        if abs(a.count - b.count) > 3 || a.count > 256 || b.count > 256 { return Int.max / 2 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
