import ContractSchema

/// Finds keys that YAML accepted at the wrong indentation and moves them to where they belong, reporting
/// each once as the root cause, so that the builders and the linter see the schema the user meant and add
/// no follow-on findings (a `transitions:` nested in a state otherwise leaves every state unreachable).
///
/// Recognised: a key indented too far, into a mapping that does not take it while an enclosing one does
/// (`transitions:` inside a state), or among named entries (`transitions:` among the states); a named entry
/// indented into the entry before it (a state inside the previous state); and a key indented too little,
/// into the mapping that encloses the one it belongs to (`terminal:` among the states). When only the key's
/// line was indented too far, the lines below it were read as its siblings, often as duplicate keys; they
/// are moved with it, and their duplicate-key errors withdrawn.
final class IndentationRecovery {
    let reader: SchemaReader
    let source: SourceText?
    /// Reader errors about duplicate keys that were the children of a misplaced key.
    private(set) var explainedDuplicates: [Diagnostic] = []

    /// One mapping on the way from the root to the entry being read.
    struct Level {
        var shape: SchemaShape
        /// "lifecycle `TaskStatus`", "the states of lifecycle `TaskStatus`".
        var description: String
        /// The nearest mapping of fixed keys, itself included: what names of nested mappings are "of".
        var owner: String
        /// The key it stands under, and where that was written (nil for the root).
        var name: YAMLScalar?
        /// Its entries in source order, the ones the reader refused as duplicates included.
        var entries: [YAMLMapping.Entry]
        var duplicates: Set<SourceLocation>
        /// The entry being read.
        var index = 0
        /// Keys present, and keys moved in.
        var present: Set<String>
        /// Where the entry before, and the one being read, were moved down to: the entries of an out-dented
        /// block follow one another there, and one report covers them all.
        var previousPlacement: String?
        var lastPlacement: String?
        /// The keys of the mappings along the last kept entry's last lines, by depth below it, once looked at;
        /// `placedKeysOwner` is that entry's key.
        var placedKeys: [Int: Set<String>] = [:]
        var placedKeysOwner: SourceLocation?
    }

    /// An entry on its way up to the mapping at `depth`.
    private struct Move {
        var entry: YAMLMapping.Entry
        var depth: Int
    }

    var levels: [Level] = []
    /// Entries taken as the children of a misplaced key, by key location.
    private var claimed: Set<SourceLocation> = []

    init(reader: SchemaReader, source: SourceText?) {
        self.reader = reader
        self.source = source
    }

    /// The schema with misplaced keys moved where they belong.
    func recover(_ root: YAMLNode) -> YAMLNode {
        guard case .mapping(let mapping) = root else { return root }
        return .mapping(read(mapping, shape: .schema, description: "the schema", owner: "the schema", name: nil).mapping)
    }

    // MARK: Walking the tree

    private func read(_ node: YAMLNode, shape: SchemaShape, under key: YAMLScalar, owner: String) -> (YAMLNode, [Move]) {
        switch (shape, node) {
        case (.keyed(let keyed), .mapping(let m)):
            let description = keyed.naming.describe(key: key.value, owner: owner)
            let (mapping, moves) = read(m, shape: shape, description: description, owner: description, name: key)
            return (.mapping(mapping), moves)
        case (.named(_, let noun), .mapping(let m)):
            let description = Self.collection(noun, of: owner)
            let (mapping, moves) = read(m, shape: shape, description: description, owner: owner, name: key)
            return (.mapping(mapping), moves)
        case (.list(let item), .sequence(let list)):
            var items: [YAMLNode] = []
            for element in list.items {
                // Keys do not move out of list items: the items below would not follow them.
                items.append(read(element, shape: item, under: key, owner: owner).0)
            }
            return (.sequence(YAMLSequence(items: items, location: list.location)), [])
        default:
            return (node, [])
        }
    }

    private func read(_ m: YAMLMapping, shape: SchemaShape, description: String, owner: String,
                      name: YAMLScalar?) -> (mapping: YAMLMapping, moves: [Move]) {
        let all = (m.entries + m.duplicates).sorted { $0.key.location < $1.key.location }
        let duplicates = Set(m.duplicates.map(\.key.location))
        levels.append(Level(shape: shape, description: description, owner: owner, name: name, entries: all,
                            duplicates: duplicates, present: Set(m.entries.map(\.key.value))))
        defer { levels.removeLast() }
        let depth = levels.count - 1
        var kept: [YAMLMapping.Entry] = []
        var keptDuplicates: [YAMLMapping.Entry] = []
        var up: [Move] = []
        for index in all.indices {
            levels[depth].index = index
            let entry = all[index]
            if claimed.contains(entry.key.location) { continue }
            if duplicates.contains(entry.key.location) {
                keptDuplicates.append(entry)
                continue
            }
            var moves: [Move] = []
            levels[depth].previousPlacement = levels[depth].lastPlacement
            levels[depth].lastPlacement = nil
            switch shape {
            case .keyed(let keyed):
                if let child = keyed.keys[entry.key.value] {
                    let (value, childMoves) = read(entry.value, shape: child, under: entry.key, owner: owner)
                    kept.append(.init(key: entry.key, value: value))
                    moves = childMoves
                    let absent = Set(keyed.keys.keys).subtracting(levels[depth].present)
                    for absorbed in keysAbsorbed(by: entry, keyed: keyed, absent: absent, keyColumn: entry.key.location.column) {
                        let (value, _) = read(absorbed.value, shape: keyed.keys[absorbed.key.value] ?? .any, under: absorbed.key,
                                              owner: owner)
                        kept.append(.init(key: absorbed.key, value: value))
                        levels[depth].present.insert(absorbed.key.value)
                    }
                } else if let move = keyIndentedTooFar(entry, depth: depth) {
                    moves = [move]
                } else if !isTypo(entry.key.value, in: keyed, depth: depth),
                          let lastShape = kept.last.flatMap({ keyed.keys[$0.key.value] }),
                          keyIndentedTooLittle(entry, into: &kept, shape: lastShape, depth: depth) {
                    continue
                } else if let move = entryIndentedTooFar(entry, depth: depth) {
                    moves = [move]
                } else {
                    kept.append(entry)
                }
            case .named(let element, _):
                if !standsAsEntry(entry, element: element, after: kept.last, depth: depth),
                   let move = keyIndentedTooFar(entry, depth: depth) {
                    moves = [move]
                } else if !standsAsEntry(entry, element: element, after: kept.last, depth: depth),
                          keyIndentedTooLittle(entry, into: &kept, shape: element, depth: depth) {
                    continue
                } else if element.resembles(entry.value) {
                    let (value, childMoves) = read(entry.value, shape: element, under: entry.key, owner: owner)
                    kept.append(.init(key: entry.key, value: value))
                    moves = childMoves
                } else {
                    kept.append(entry)
                }
            default:
                kept.append(entry)
            }
            for move in moves {
                if move.depth == depth {
                    kept.append(move.entry)
                    levels[depth].present.insert(move.entry.key.value)
                } else {
                    up.append(move)
                }
            }
        }
        return (YAMLMapping(entries: kept, duplicates: keptDuplicates, location: m.location), up)
    }

    /// Whether an entry of a mapping of named entries is one of them, rather than a key out of place.
    ///
    /// An entry named like a key of the entries (`transitions` among the lifecycles) that does not fit as an
    /// entry, after an entry that lacks that key, is taken for the key; so is a key with nothing under it
    /// (`transitions:` alone among the states) whose children follow it.
    private func standsAsEntry(_ entry: YAMLMapping.Entry, element: SchemaShape, after previous: YAMLMapping.Entry?,
                               depth: Int) -> Bool {
        guard element.resembles(entry.value) else { return false }
        if let keyed = element.keyed, keyed.keys[entry.key.value] != nil, !element.admits(entry.value),
           let previous, case .mapping(let m) = previous.value, m[entry.key.value] == nil {
            return false
        }
        guard isNull(entry.value), let target = enclosingLevel(taking: entry, above: depth) else { return true }
        return children(of: entry, movingTo: target, from: depth, shape: levels[target].shape.keyed?.keys[entry.key.value]) == nil
    }

    // MARK: Indented too far

    /// A key that an enclosing mapping takes (and lacks), written inside a deeper one.
    private func keyIndentedTooFar(_ entry: YAMLMapping.Entry, depth: Int) -> Move? {
        guard let target = enclosingLevel(taking: entry, above: depth),
              let shape = levels[target].shape.keyed?.keys[entry.key.value] else { return nil }
        var moved = entry
        if isNull(entry.value), let children = children(of: entry, movingTo: target, from: depth, shape: shape) {
            for (child, level) in children { claim([child], depth: level) }
            moved.value = gather(children.map(\.entry), at: entry.key)
        }
        let key = entry.key.value
        reader.error("\(here(depth, key)); is it indented too far? `\(key)` \(belongs(to: levels[target]))", at: entry.key.location)
        levels[target].present.insert(key)
        return Move(entry: moved, depth: target)
    }

    /// A named entry written inside the entry before it: a state inside the previous state.
    private func entryIndentedTooFar(_ entry: YAMLMapping.Entry, depth: Int) -> Move? {
        guard depth >= 1, case .named(let element, _) = levels[depth - 1].shape, let keyed = element.keyed,
              let sibling = levels[depth].name, !levels[depth - 1].present.contains(entry.key.value),
              !isTypo(entry.key.value, in: keyed, depth: depth) else { return nil }
        var moved = entry
        switch entry.value {
        case .mapping(let m) where !m.entries.isEmpty && element.admits(entry.value):
            break
        case .scalar(let s) where s.isNull:
            // Only the key's line went too far: its settings follow it as (duplicate) keys of the entry above.
            // Checked one by one so that a run of unknown keys stops at the first: linear time.
            var following: [YAMLMapping.Entry] = []
            for next in levels[depth].entries[(levels[depth].index + 1)...] where !claimed.contains(next.key.location) {
                guard keyed.admitsKey(next.key.value) else { return nil }
                following.append(next)
            }
            guard !following.isEmpty,
                  following.contains(where: { levels[depth].duplicates.contains($0.key.location) }) else { return nil }
            claim(Array(following), depth: depth)
            moved.value = gather(Array(following), at: entry.key)
        default:
            return nil
        }
        reader.error("\(here(depth, entry.key.value)); is it indented too far? Among \(levels[depth - 1].description) it would "
                     + "line up with `\(sibling.value)` at line \(sibling.location.line)", at: entry.key.location)
        levels[depth - 1].present.insert(entry.key.value)
        return Move(entry: moved, depth: depth - 1)
    }

    /// The nearest enclosing mapping of fixed keys that takes `entry`'s key, lacks it, and fits its value.
    private func enclosingLevel(taking entry: YAMLMapping.Entry, above depth: Int) -> Int? {
        let key = entry.key.value
        for target in stride(from: depth - 1, through: 0, by: -1) {
            guard let keyed = levels[target].shape.keyed, let shape = keyed.keys[key] else { continue }
            if levels[target].present.contains(key) || !isNull(entry.value) && !shape.admits(entry.value) { return nil }
            return target
        }
        return nil
    }

    /// The entries below a key moved up from `depth` to `target` with no value of its own: everything after
    /// it up to the target's level, with the level each stands at. Nil unless they fit the key's shape and
    /// some did not fit where they stood.
    private func children(of entry: YAMLMapping.Entry, movingTo target: Int, from depth: Int,
                          shape: SchemaShape?) -> [(entry: YAMLMapping.Entry, level: Int)]? {
        guard let shape else { return nil }
        let fits: (YAMLMapping.Entry) -> Bool
        switch shape {
        case .named(let element, _): fits = { element.admits($0.value) }
        case .keyed(let keyed): fits = { keyed.admitsKey($0.key.value) }
        default: return nil
        }
        // Checked one by one, stopping at the first that does not fit: linear time over a run of them.
        var found: [(entry: YAMLMapping.Entry, level: Int)] = []
        for level in stride(from: depth, to: target, by: -1) {
            for next in levels[level].entries[(levels[level].index + 1)...] where !claimed.contains(next.key.location) {
                guard fits(next) else { return nil }
                found.append((next, level))
            }
        }
        guard !found.isEmpty, found.contains(where: { !fitsWhereItStands($0.entry, level: $0.level) }) else { return nil }
        return found
    }

    private func fitsWhereItStands(_ entry: YAMLMapping.Entry, level: Int) -> Bool {
        if levels[level].duplicates.contains(entry.key.location) { return false }
        switch levels[level].shape {
        case .keyed(let keyed): return keyed.keys[entry.key.value] != nil
        case .named(let element, _): return element.admits(entry.value)
        default: return true
        }
    }

    // MARK: Helpers

    /// "`transitions` is not a key of state `failed`" or "`transitions` stands among the states of …".
    func here(_ depth: Int, _ key: String) -> String {
        if case .named = levels[depth].shape { return "`\(key)` stands among \(levels[depth].description)" }
        return "`\(key)` is not a key of \(levels[depth].description)"
    }

    private func belongs(to level: Level) -> String {
        guard let name = level.name else { return "belongs at the top level of the schema" }
        return "belongs to \(level.description) at line \(name.location.line)"
    }

    /// Whether `key` is a likely typo of a key the mapping at `depth` takes and lacks (the builders read it so).
    private func isTypo(_ key: String, in keyed: SchemaShape.KeyedShape, depth: Int) -> Bool {
        let absent = keyed.keys.keys.filter { !levels[depth].present.contains($0) }.sorted()
        return Suggestion.closest(to: key, among: absent) != nil
    }

    /// "the states of lifecycle `TaskStatus`"; the schema's own collections are just "the lifecycles".
    static func collection(_ noun: String, of owner: String) -> String {
        owner == "the schema" ? "the \(noun)" : "the \(noun) of \(owner)"
    }

    func isNull(_ node: YAMLNode) -> Bool {
        if case .scalar(let s) = node { return s.isNull }
        return false
    }

    private func claim(_ entries: [YAMLMapping.Entry], depth: Int) {
        for entry in entries {
            claimed.insert(entry.key.location)
            if levels[depth].duplicates.contains(entry.key.location),
               let first = levels[depth].entries.first(where: { $0.key.value == entry.key.value }) {
                explainedDuplicates.append(YAMLMapping.duplicateKeyDiagnostic(entry.key, firstAt: first.key.location))
            }
        }
    }

    /// The children of a moved key as one mapping; a key twice among them stays a reported duplicate.
    private func gather(_ children: [YAMLMapping.Entry], at key: YAMLScalar) -> YAMLNode {
        var entries: [YAMLMapping.Entry] = []
        var duplicates: [YAMLMapping.Entry] = []
        var seen: [String: SourceLocation] = [:]
        for child in children.sorted(by: { $0.key.location < $1.key.location }) {
            if let first = seen[child.key.value] {
                duplicates.append(child)
                let diagnostic = YAMLMapping.duplicateKeyDiagnostic(child.key, firstAt: first)
                if let i = explainedDuplicates.firstIndex(where: { $0.location == child.key.location }) {
                    explainedDuplicates.remove(at: i)
                } else {
                    reader.report(diagnostic)
                }
            } else {
                seen[child.key.value] = child.key.location
                entries.append(child)
            }
        }
        return .mapping(YAMLMapping(entries: entries, duplicates: duplicates, location: children.first?.key.location ?? key.location))
    }
}
