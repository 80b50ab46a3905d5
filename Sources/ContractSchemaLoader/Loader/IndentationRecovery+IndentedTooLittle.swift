import ContractSchema

/// Keys indented too little: written after an entry they belong inside, such as `terminal:` among the states
/// (it belongs to the state above it), or a state's whole block among the lifecycle's keys.
extension IndentationRecovery {
    /// Where an out-dented entry goes: `steps` last-entries down from the entry before it, with what to say
    /// (a reason after "is it indented too little?", or the whole message when `standalone`).
    private struct Placement {
        var steps: Int
        /// The entry, and the entries that were read as its children only because it stood too far left.
        var entries: [YAMLMapping.Entry]
        var message: String
        var standalone = false
    }

    /// A key written after the last of `kept` that belongs to the innermost mapping in its last lines that
    /// takes it: `terminal:` among the states belongs to the state above it. Moves it there and says whether
    /// it did.
    func keyIndentedTooLittle(_ entry: YAMLMapping.Entry, into kept: inout [YAMLMapping.Entry], shape: SchemaShape,
                              depth: Int) -> Bool {
        // `kept.last` is looked at only in here, so no copy of it outlives the search and shares its storage.
        guard let (placement, target) = { () -> (Placement, String)? in
            guard let last = kept.last, let found = self.placement(of: entry, after: last, shape: shape, depth: depth) else {
                return nil
            }
            return (found, "\(last.key.location) \(found.steps)")
        }() else { return false }
        if levels[depth].previousPlacement != target {
            let text = placement.standalone ? placement.message
                : "\(here(depth, entry.key.value)); is it indented too little? \(placement.message)"
            reader.error(text, at: entry.key.location)
        }
        levels[depth].lastPlacement = target
        levels[depth].placedKeys[placement.steps]?.formUnion(placement.entries.map(\.key.value))
        // Taken out of `kept` so the mappings on the way are not shared, and grow in place.
        var owner = kept.removeLast()
        for moved in placement.entries {
            placing(moved, into: &owner.value, steps: placement.steps)
        }
        kept.append(owner)
        return true
    }

    /// The keys of the mapping `steps` last-entries down from the last kept entry, kept up to date as entries
    /// are moved in, so that a long run of out-dented entries costs linear time.
    private func keys(at steps: Int, of entries: [YAMLMapping.Entry], below owner: SourceLocation, depth: Int) -> Set<String> {
        if levels[depth].placedKeysOwner != owner {
            levels[depth].placedKeys = [:]
            levels[depth].placedKeysOwner = owner
        }
        if let keys = levels[depth].placedKeys[steps] { return keys }
        let keys = Set(entries.map(\.key.value))
        levels[depth].placedKeys[steps] = keys
        return keys
    }

    /// The deepest mapping along `last`'s last entries that takes `entry`.
    private func placement(of entry: YAMLMapping.Entry, after last: YAMLMapping.Entry, shape: SchemaShape,
                           depth: Int) -> Placement? {
        var (node, shape, key, owner, steps) = (last.value, shape, last.key, levels[depth].owner, 0)
        var best: Placement?
        search: while true {
            switch (shape, node) {
            case (.keyed(let keyed), _):
                // A null owner: its settings were all indented too little (`TaskStatus:` with nothing below).
                guard let present = entries(of: node) else { break search }
                let description = keyed.naming.describe(key: key.value, owner: owner)
                let names = keys(at: steps, of: present, below: last.key.location, depth: depth)
                let absent = { (name: String) in keyed.keys[name] != nil && !names.contains(name) }
                if absent(entry.key.value), let wanted = keyed.keys[entry.key.value],
                   let moved = split(entry, as: wanted, beside: { absent($0.key.value) }) {
                    // An out-dented `doc: >-` takes the keys below it, at its text's column, into its text.
                    let others = Set(keyed.keys.keys.filter(absent)).subtracting([entry.key.value])
                    let absorbed = keysAbsorbed(by: entry, keyed: keyed, absent: others, keyColumn: nil)
                    best = Placement(steps: steps, entries: moved + absorbed,
                                     message: "`\(entry.key.value)` belongs to \(description) at line \(key.location.line)")
                    if isNull(node), key.location.column == entry.key.location.column {
                        // Its settings at its own column: which side moved is not known.
                        best?.message = "\(description) at line \(key.location.line) has nothing indented under it, and "
                            + "`\(entry.key.value)` at line \(entry.key.location.line) lines up with it; is `\(key.value)` "
                            + "indented too far, or its settings too little?"
                        best?.standalone = true
                    }
                }
                guard let next = present.last, let nextShape = keyed.keys[next.key.value] else { break search }
                (node, shape, key, owner) = (next.value, nextShape, next.key, description)
            case (.named(let element, let noun), _):
                guard let present = entries(of: node) else { break search }
                let collection = Self.collection(noun, of: owner)
                let names = keys(at: steps, of: present, below: last.key.location, depth: depth)
                let absent = { (name: String) in !names.contains(name) }
                if !isNull(entry.value), absent(entry.key.value),
                   let moved = split(entry, as: element, beside: { absent($0.key.value) && element.admits($0.value) }) {
                    best = Placement(steps: steps, entries: moved, message: present.last.map {
                        "Among \(collection) it would line up with `\($0.key.value)` at line \($0.key.location.line)"
                    } ?? "`\(entry.key.value)` belongs to \(collection) at line \(key.location.line)")
                }
                guard let next = present.last else { break search }
                (node, shape, key) = (next.value, element, next.key)
            case (.list(let item), .sequence(let list)):
                guard let next = list.items.last else { break search }
                (node, shape) = (next, item)
            default:
                break search
            }
            steps += 1
        }
        return best
    }

    /// The entries of a mapping, none for null, nil for anything else.
    private func entries(of node: YAMLNode) -> [YAMLMapping.Entry]? {
        if case .mapping(let m) = node { return m.entries }
        return isNull(node) ? [] : nil
    }

    /// `entry` as it fits `shape`, followed by the entries of its value that belong beside it instead: an
    /// out-dented `running:` takes the states below it as its own children, and they go back beside it.
    /// Nil when the value fits neither way.
    private func split(_ entry: YAMLMapping.Entry, as shape: SchemaShape,
                       beside: @escaping (YAMLMapping.Entry) -> Bool) -> [YAMLMapping.Entry]? {
        guard case .mapping(let m) = entry.value else { return shape.admits(entry.value) ? [entry] : nil }
        let isOther: (YAMLMapping.Entry) -> Bool
        switch shape {
        case .keyed(let keyed): isOther = { !keyed.admitsKey($0.key.value) }
        case .named(let element, _): isOther = { beside($0) && !element.resembles($0.value) }
        default: return shape.admits(entry.value) ? [entry] : nil
        }
        let own = m.entries.filter { !isOther($0) }
        let others = m.entries.filter(isOther)
        if others.isEmpty { return shape.admits(entry.value) ? [entry] : nil }
        let value = YAMLNode.mapping(YAMLMapping(entries: own, location: own.first?.key.location ?? m.location))
        guard !others.isEmpty, others.allSatisfy(beside), shape.admits(value) else { return nil }
        return [.init(key: entry.key, value: value)] + others
    }

    /// `node` with `entry` added to the mapping `steps` last-entries down.
    private func placing(_ entry: YAMLMapping.Entry, into node: inout YAMLNode, steps: Int) {
        // `node` is emptied while its payload changes, so the payload's storage is not shared and grows in place
        // (an `if case` binding allows that even unoptimised; a `switch` over the node copies it).
        let placeholder = YAMLNode.scalar(YAMLScalar(value: "", style: .plain, location: entry.key.location))
        if case .mapping(var m) = node {
            node = placeholder
            if steps == 0 {
                m.entries.append(entry)
            } else if let last = m.entries.indices.last {
                placing(entry, into: &m.entries[last].value, steps: steps - 1)
            }
            node = .mapping(m)
        } else if case .sequence(var list) = node {
            node = placeholder
            if steps > 0, let last = list.items.indices.last {
                placing(entry, into: &list.items[last], steps: steps - 1)
            }
            node = .sequence(list)
        } else if steps == 0 {
            // A settings-free entry (`pending:`) whose settings were all indented too little.
            node = .mapping(YAMLMapping(entries: [entry], location: entry.key.location))
        }
    }


}
