import ContractSchema

/// Reads typed values out of YAML nodes and collects diagnostics; shared by every part of the loader.
///
/// Unknown keys are reported with a suggestion; a key that is a likely typo of a missing valid key is
/// then read as that key, so a newcomer's typo gets one message and no follow-on errors.
final class SchemaReader {
    private(set) var diagnostics: [Diagnostic] = []
    /// What checking needs beyond the contract's own parts.
    let notes = LoadNotes()
    /// Every key read as a schema keyword, in reading order.
    private(set) var keywordKeys: [YAMLScalar] = []

    func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    /// Adds a finding made elsewhere (the same text the YAML reader would give).
    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

    /// The entries of `node` keyed by the allowed key they stand for.
    ///
    /// - Parameters:
    ///   - what: how messages name the mapping, e.g. "lifecycle `TaskStatus`".
    ///   - required: keys that must be present.
    ///   - owner: where the mapping's name was written; missing keys are reported there.
    func keyed(_ node: YAMLNode, allowed: [String], required: [String] = [], what: String,
               owner: SourceLocation? = nil) -> KeyedEntries? {
        guard case .mapping(let mapping) = node else {
            error("expected a mapping for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return keyed(mapping, allowed: allowed, required: required, what: what, owner: owner)
    }

    /// As ``keyed(_:allowed:required:what:)`` for a mapping already in hand.
    func keyed(_ mapping: YAMLMapping, allowed: [String], required: [String] = [], what: String,
               owner: SourceLocation? = nil) -> KeyedEntries {
        var result = KeyedEntries(location: mapping.location)
        let present = Set(mapping.entries.map(\.key.value))
        var unknown: [YAMLMapping.Entry] = []
        for entry in mapping.entries {
            let key = entry.key.value
            if allowed.contains(key) {
                result.entries[key] = entry
                keywordKeys.append(entry.key)
                continue
            }
            let unused = allowed.filter { !present.contains($0) && result.entries[$0] == nil }
            if let guess = Suggestion.closest(to: key, among: unused) {
                error("unknown key `\(key)` in \(what); did you mean `\(guess)`?", at: entry.key.location)
                result.entries[guess] = entry
            } else {
                unknown.append(entry)
            }
        }
        let missing = required.filter { result.entries[$0] == nil }
        // A required key missing beside an unknown one was most likely written as that one: one finding says both.
        let lacking = missing.isEmpty ? "" : ", which lacks the required " + missing.map { "`\($0)`" }.joined(separator: " and ")
        for (index, entry) in unknown.enumerated() {
            result.hasUnknownKeys = true
            let key = entry.key.value
            let what = index == 0 ? what + lacking : what
            if key.contains(" "), case .scalar(let value) = entry.value, value.isNull {
                // `{ doc: Created, not started. }` reads as two keys: the comma ends the text.
                error("unknown key `\(key)` in \(what); a comma inside `{ }` starts a new key, so quote text that contains one",
                      at: entry.key.location)
            } else {
                error("unknown key `\(key)` in \(what); \(Suggestion.list(allowed, noun: "keys"))", at: entry.key.location)
            }
        }
        if unknown.isEmpty {
            for key in missing {
                error("\(what) is missing the required key `\(key)`", at: owner ?? mapping.location)
            }
        }
        return result
    }

    /// A scalar's text; nil (with an error) for a mapping, a list or a plain null.
    func text(_ node: YAMLNode, what: String, allowEmpty: Bool = false) -> YAMLScalar? {
        guard case .scalar(let scalar) = node else {
            error("expected text for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        if scalar.style == .plain && (scalar.value == "null" || scalar.value == "~") {
            error("expected text for \(what), found null", at: scalar.location)
            return nil
        }
        if !allowEmpty && scalar.value.isEmpty {
            error("\(what) is empty", at: scalar.location)
            return nil
        }
        return scalar
    }

    /// Optional prose: absent, null or text.
    func doc(_ node: YAMLNode?, what: String) -> String? {
        guard let node else { return nil }
        if case .scalar(let s) = node, s.isNull { return nil }
        return text(node, what: "the doc of \(what)", allowEmpty: true)?.value
    }

    /// A plain `true` or `false`.
    func bool(_ node: YAMLNode, what: String) -> Bool? {
        guard case .scalar(let s) = node else {
            error("expected true or false for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        if s.style == .plain, s.value == "true" { return true }
        if s.style == .plain, s.value == "false" { return false }
        let hint = s.style == .plain ? "" : " (without quotes)"
        error("expected true or false for \(what), found `\(s.value)`\(hint)", at: s.location)
        return nil
    }

    /// A plain decimal integer within `range`.
    func integer(_ node: YAMLNode, what: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let s) = node, s.style == .plain, let value = Int(s.value) else {
            error("expected a whole number for \(what), found \(describe(node))", at: node.location)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)", at: node.location)
            return nil
        }
        return value
    }

    /// A plain decimal number within `range`.
    func number(_ node: YAMLNode, what: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let s) = node, s.style == .plain, let value = Double(s.value), value.isFinite,
              s.value.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) }) else {
            error("expected a number for \(what), found \(describe(node))", at: node.location)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(s.value)", at: node.location)
            return nil
        }
        return value
    }

    /// One of a fixed set of words, with a suggestion or the list of words when it is not.
    ///
    /// - Parameter plural: how the list names the words, e.g. "outcomes".
    func choice<T: RawRepresentable>(_ node: YAMLNode, what: String, plural: String, of _: T.Type) -> T?
    where T: CaseIterable, T.RawValue == String {
        guard let s = text(node, what: what) else { return nil }
        if let value = T(rawValue: s.value) { return value }
        let all = T.allCases.map(\.rawValue)
        error("`\(s.value)` is not a valid \(what)\(Suggestion.hint(for: s.value, among: all, noun: plural))", at: s.location)
        return nil
    }

    /// A short rendering of a node for messages.
    func describe(_ node: YAMLNode) -> String {
        if case .scalar(let s) = node { return s.isNull ? "null" : "`\(s.value)`" }
        return node.kindDescription
    }

    /// Whether `node` is neither a mapping nor null, which ``mappingEntries(_:what:)`` reports.
    func isUnreadableMapping(_ node: YAMLNode) -> Bool {
        if case .mapping = node { return false }
        if case .scalar(let s) = node, s.isNull { return false }
        return true
    }

    /// The entries of a mapping node (with an error for anything else).
    func mappingEntries(_ node: YAMLNode, what: String) -> [YAMLMapping.Entry] {
        if case .mapping(let m) = node { return m.entries }
        if case .scalar(let s) = node, s.isNull { return [] }
        error("expected a mapping for \(what), found \(node.kindDescription)", at: node.location)
        return []
    }
}

/// A mapping's entries, keyed by the (possibly typo-corrected) key they stand for.
struct KeyedEntries {
    var location: SourceLocation
    var entries: [String: YAMLMapping.Entry] = [:]
    /// Whether a key was neither valid nor a likely typo of a valid one (each reported).
    var hasUnknownKeys = false

    subscript(key: String) -> YAMLNode? { entries[key]?.value }

    /// Where the key was written (for "this key" diagnostics).
    func keyLocation(_ key: String) -> SourceLocation? { entries[key]?.key.location }
}
