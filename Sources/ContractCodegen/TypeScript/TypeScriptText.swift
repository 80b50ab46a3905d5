/// Small pieces of English and layout the TypeScript emitters share.
enum TypeScriptText {
    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// "a" or "an", whichever goes before `name` (`an `Attempt``, `a `SubTask``) as English reads a leading letter.
    static func article(_ name: String) -> String {
        guard let first = name.first else { return "a" }
        return "AEIOUaeiou".contains(first) ? "an" : "a"
    }

    /// `` `name` `` quoted for a doc, escaped so it cannot end the comment.
    static func code(_ name: String) -> String {
        "`" + TypeScriptWriter.commentSafe(name) + "`"
    }

    /// `prefix item1, item2, ... suffix` on one line when it fits in `width` columns after `indentation`, otherwise
    /// `prefix` alone, the items packed onto lines one level deeper, then `suffix` on its own line.
    static func wrappedList(_ w: inout TypeScriptWriter, open: String, items: [String], separator: String = ", ",
                            close: String, oneLineOpen: String? = nil, oneLineClose: String? = nil,
                            attachClose: Bool = false) {
        let single = (oneLineOpen ?? open) + items.joined(separator: separator) + (oneLineClose ?? close)
        if w.indentation.count + single.count <= TypeScriptWriter.width {
            w.line(single)
            return
        }
        w.line(open)
        w.indented { w in
            let width = TypeScriptWriter.width - w.indentation.count
            var current = ""
            for (index, item) in items.enumerated() {
                let last = index == items.count - 1
                // A list broken over lines ends with its separator (a trailing comma), unless the close follows it.
                let piece = item + (last && attachClose ? close : separator.trimmingTrailingSpaces)
                if current.isEmpty {
                    current = piece
                } else if current.count + 1 + piece.count <= width {
                    current += " " + piece
                } else {
                    w.line(current)
                    current = piece
                }
            }
            if !current.isEmpty { w.line(current) }
        }
        if !attachClose { w.line(close) }
    }

    /// `declaration = callee<A, B>({`, the type arguments broken onto a continuation line when it is too long.
    static func constDeclaration(_ w: inout TypeScriptWriter, _ declaration: String, callee: String,
                                 typeArguments: [String]) {
        let single = "\(declaration) = \(callee)<\(typeArguments.joined(separator: ", "))>({"
        if w.indentation.count + single.count <= TypeScriptWriter.width || typeArguments.count < 2 {
            w.line(single)
            return
        }
        for split in stride(from: typeArguments.count - 1, to: 0, by: -1) {
            let first = "\(declaration) = \(callee)<\(typeArguments[..<split].joined(separator: ", ")),"
            if w.indentation.count + first.count <= TypeScriptWriter.width || split == 1 {
                w.line(first)
                w.line("    " + typeArguments[split...].joined(separator: ", ") + ">({")
                return
            }
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
