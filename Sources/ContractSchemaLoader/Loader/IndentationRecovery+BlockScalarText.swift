import ContractSchema

/// Keys read as the text of a block scalar (`doc: >-`) because they stand at the indentation of its text.
extension IndentationRecovery {
    /// Keys written after a block scalar (`doc: >-`) at the indentation of its text, so that they became
    /// text: `terminal: true` under a folded `doc:` is part of the doc. The lines from the first such key
    /// (one of `absent`) to the end of the scalar are read again as entries of the mapping.
    ///
    /// - Parameter keyColumn: where the first key belongs, reported as indented too far; nil when the scalar's
    ///   own key was out-dented (already reported) and the keys below it stand where they belong.
    func keysAbsorbed(by entry: YAMLMapping.Entry, keyed: SchemaShape.KeyedShape, absent: Set<String>,
                      keyColumn: Int?) -> [YAMLMapping.Entry] {
        guard let source, case .scalar(let scalar) = entry.value, scalar.style == .folded || scalar.style == .literal
        else { return [] }
        // The scalar's lines: from the one after its indicator to the last indented as far as its text.
        var lines: [Int] = []
        var column: Int?
        var number = scalar.location.line + 1
        while let text = source.line(number) {
            let spaces = text.unicodeScalars.prefix { $0 == " " }.count
            if spaces < text.unicodeScalars.count {
                if let column, spaces + 1 < column { break }
                if column == nil {
                    guard spaces + 1 > entry.key.location.column else { break }
                    column = spaces + 1
                }
            }
            lines.append(number)
            number += 1
        }
        guard let column, let start = lines.dropFirst().first(where: { number in
            source.indentation(ofLine: number) == column
                && source.key(onLine: number).map { absent.contains($0.key) && $0.column == column } == true
        }), let key = source.key(onLine: start)?.key else { return [] }
        // The key's line goes back to the mapping's column; the lines below it stay where they were written.
        let indent = String(repeating: " ", count: (keyColumn ?? column) - 1)
        let text = lines.filter { $0 >= start }.map { number in
            let line = String(source.line(number) ?? "")
            return number == start ? indent + line.drop { $0 == " " } : line
        }
        let reread = YAMLReader().read(text: text.joined(separator: "\n") + "\n", file: source.file)
        guard reread.diagnostics.isEmpty, case .mapping(let mapping)? = reread.root,
              mapping.entries.allSatisfy({ isLikelyEntry($0, of: keyed, absent: absent) }) else { return [] }
        let at = SourceLocation(file: source.file, line: start, column: column)
        if keyColumn != nil {
            reader.error("`\(key)` is indented like the text of `\(entry.key.value)` at line \(entry.key.location.line), so it is "
                         + "read as part of that text; indent it like `\(entry.key.value)`", at: at)
        }
        return mapping.entries.enumerated().map { index, absorbed in
            var moved = moved(absorbed, lines: start - 1)
            if index == 0 { moved.key.location = at }
            return moved
        }
    }

    /// Whether an entry read back from a block scalar's text is one the mapping lacks, with a value of its
    /// shape; a scalar setting must be quoted or one plain word, so prose that happens to hold `key:` stays text.
    private func isLikelyEntry(_ entry: YAMLMapping.Entry, of keyed: SchemaShape.KeyedShape, absent: Set<String>) -> Bool {
        guard absent.contains(entry.key.value), let shape = keyed.keys[entry.key.value], shape.admits(entry.value) else {
            return false
        }
        if case .value = shape {
            guard case .scalar(let s) = entry.value, s.style != .plain || !s.value.contains(" ") else { return false }
        }
        return true
    }

    /// `entry` with every location `lines` further down.
    private func moved(_ entry: YAMLMapping.Entry, lines: Int) -> YAMLMapping.Entry {
        func shift(_ l: SourceLocation) -> SourceLocation {
            SourceLocation(file: l.file, line: l.line + lines, column: l.column)
        }
        func shift(_ s: YAMLScalar) -> YAMLScalar {
            YAMLScalar(value: s.value, style: s.style, location: shift(s.location))
        }
        func shift(_ node: YAMLNode) -> YAMLNode {
            switch node {
            case .scalar(let s): .scalar(shift(s))
            case .sequence(let q): .sequence(YAMLSequence(items: q.items.map(shift), location: shift(q.location)))
            case .mapping(let m): .mapping(YAMLMapping(entries: m.entries.map { .init(key: shift($0.key), value: shift($0.value)) },
                                                       location: shift(m.location)))
            }
        }
        return .init(key: shift(entry.key), value: shift(entry.value))
    }
}
