import ContractSchema

/// A libyaml error as reported, with positions already 1-based.
struct LibYAMLError {
    /// Which part of libyaml stopped.
    enum Stage {
        /// Decoding characters (control characters).
        case reader
        /// Splitting text into tokens (quotes, escapes, tabs, a `:` where none may stand).
        case scanner
        /// Building structure from tokens (indentation, unclosed brackets).
        case parser
    }

    var stage: Stage
    /// libyaml's problem text, e.g. "did not find expected key".
    var problem: String
    /// What libyaml was reading, e.g. "while parsing a block mapping", if it said.
    var context: String?
    /// Where the problem was noticed.
    var problemMark: SourceLocation
    /// Where the construct being read began (meaningful only with a context).
    var contextMark: SourceLocation
    /// For reader errors: the byte offset, and the offending character's value.
    var problemOffset: Int
    var problemValue: Int
}

/// The collections the parser had open, and had just closed, when it stopped.
struct ParserState {
    /// A mapping or list with where it began (for a block mapping, its first key; for a block list, its
    /// first `-`; for a flow collection, the bracket).
    struct Collection {
        enum Kind { case mapping, list }

        var kind: Kind
        var start: SourceLocation
        var isFlow: Bool
        /// Where the token that closed it stands (block collections end at the first token indented less).
        var end: SourceLocation?
        /// The key on the line above a block collection that owns it (`states` for the states' mapping).
        var owner: String?

        /// "mapping of `states` that begins at line 15".
        var named: String {
            "\(kind == .mapping ? "mapping" : "list")\(owner.map { " of `\($0)`" } ?? "") that begins at line \(start.line)"
        }
        /// "the mapping of `states` that begins at line 15".
        var described: String { "the \(named)" }
        /// "keys of the mapping that begins at line 15".
        var members: String { "\(kind == .mapping ? "keys" : "items") of \(described)" }
    }

    /// Open collections, outermost first.
    var open: [Collection] = []
    /// Block collections closed since the last node, innermost first.
    var recentlyClosed: [Collection] = []
    /// Every block collection closed so far, in the order they closed.
    var closed: [Collection] = []
    /// The last scalar read: its style and where it began and ended.
    var lastScalar: (style: YAMLScalar.Style, start: SourceLocation, end: SourceLocation)?
}

/// Says what a user most likely did wrong when libyaml refuses a file: wrong indentation (naming the
/// block the line fails to fit and where it began), a missing `:`, an unclosed bracket or quote.
struct YAMLSyntaxError {
    let error: LibYAMLError
    let state: ParserState
    let source: SourceText

    /// The one diagnostic for the error.
    func diagnostic() -> Diagnostic {
        explained() ?? .error("YAML syntax error: \(error.problem)", at: error.problemMark,
                              notes: error.context.map { [.init(location: error.contextMark, message: $0)] } ?? [])
    }

    private var at: SourceLocation { error.problemMark }

    private func explained() -> Diagnostic? {
        let problem = error.problem
        let context = error.context ?? ""
        if error.stage == .reader, problem.contains("control characters") {
            return .error("control character U+\(hex(error.problemValue)) is not allowed in a schema file; remove it, "
                          + "or write it as an escape inside double quotes", at: at)
        }
        if context.contains("quoted scalar"), problem.contains("end of stream") {
            return .error("unterminated quoted string; add the closing quote", at: error.contextMark)
        }
        if let unclosed = unclosedQuote() { return unclosed }
        if source.character(at: at) == "\t" {
            let block = state.open.last { !$0.isFlow }.map {
                " (the enclosing \($0.named) has its \($0.kind == .mapping ? "keys" : "items") at column "
                    + "\($0.start.column))"
            } ?? ""
            return .error("tab character in indentation; YAML indents with spaces only, so replace it with spaces\(block)", at: at)
        }
        if problem.contains("unknown escape") { return unknownEscape() }
        if problem == "did not find expected key" || problem == "did not find expected '-' indicator" {
            return misplacedLine()
        }
        if problem.contains("mapping values are not allowed") { return colonInValue() }
        if problem.contains("could not find expected ':'") {
            return missingColon()
        }
        if context.contains("flow sequence") || context.contains("flow mapping"), problem.hasPrefix("did not find expected ','") {
            return unclosedBracket(isList: context.contains("sequence"))
        }
        if problem.contains("block sequence entries are not allowed") { return listAfterKey() }
        if problem.contains("cannot start any token"), let c = source.character(at: at), c == "@" || c == "`" {
            let name = c == "@" ? "`@`" : "a backtick"
            return .error("\(name) cannot start a value that is not quoted (YAML reserves it); quote the text", at: at)
        }
        if context.contains("alias") || context.contains("anchor"), problem.contains("alphabetic or numeric") {
            let sign = context.contains("alias") ? "*" : "&"
            let role = sign == "*" ? "an alias" : "an anchor"
            return .error("`\(sign)` at the start of a value begins \(role) in YAML; quote text that starts with `\(sign)`",
                          at: error.contextMark)
        }
        if problem.contains("expected <document start>") {
            return .error("text after the end of the YAML document (a `...` line or a directive such as `%YAML` ends it); "
                          + "a schema file holds one document, so remove what ends it before this line", at: at)
        }
        if problem.contains("expected node content") {
            return .error("a value is missing here; found \(found(at: at))", at: at)
        }
        return nil
    }

    // MARK: Indentation

    /// "did not find expected key" / "'-' indicator": a line that fits no open block.
    private func misplacedLine() -> Diagnostic? {
        guard source.startsLine(at) else {
            return .error("unexpected \(found(at: at)) after a value on this line; quote the whole value if it is text", at: at)
        }
        let blocks = state.open.filter { !$0.isFlow }
        guard let innermost = blocks.last else { return nil }
        let column = at.column
        let subject = source.subject(at: at)
        let isListItem = subject == "the list item"
        if column == innermost.start.column {
            return wrongKind(subject: subject, isListItem: isListItem, in: innermost, enclosing: blocks.dropLast().last)
        }
        if let culprit = outdentedLine(before: at, within: innermost) {
            return culprit
        }
        let inner = state.recentlyClosed.filter { $0.start.column > column }.min { $0.start.column < $1.start.column }
        if let inner {
            return .error("wrong indentation: \(subject) at column \(column) lines up with no enclosing block "
                          + "(\(inner.members) are at column \(inner.start.column) and \(innermost.members) are at column "
                          + "\(innermost.start.column))", at: at)
        }
        let others = innermost.kind == .mapping ? "the other keys" : "the other items"
        return .error("wrong indentation: \(subject) at column \(column) is indented more than \(others) of "
                      + "\(innermost.described) (column \(innermost.start.column)); is it indented too far?", at: at)
    }

    /// A list item where keys stand, or a key where list items stand.
    private func wrongKind(subject: String, isListItem: Bool, in block: ParserState.Collection,
                           enclosing: ParserState.Collection?) -> Diagnostic {
        let wanted: ParserState.Collection.Kind = isListItem ? .list : .mapping
        if block.kind == wanted {
            // Neither a key nor a list item (a stray `]`, say): not an indentation slip.
            let expected = block.kind == .mapping ? "a key" : "an item (`- `)"
            return .error("expected \(expected) of \(block.described), found \(found(at: at))", at: at)
        }
        let text = source.excerpt(at: at)
        if !isListItem, text.hasPrefix("-"), !text.hasPrefix("- ") {
            return .error("a list item needs a space after `-`: write `- \(text.dropFirst())`", at: at)
        }
        // `rules:` indented too far, its items where they were: no key above can own the list.
        if isListItem, let above = source.previousContentLine(before: at.line), let owner = key(onLine: above),
           !owner.hasValue, owner.column > at.column {
            let keyAt = SourceLocation(file: at.file, line: above, column: owner.column)
            return .error("wrong indentation: `\(owner.key)` at column \(owner.column) is indented more than its list items "
                          + "(column \(at.column), line \(at.line)), so they cannot belong to it; is `\(owner.key)` indented "
                          + "too far?", at: keyAt)
        }
        // The block the line was probably meant for: one nested in `block` that just closed, or the enclosing one.
        let nested = state.recentlyClosed.last { $0.kind == wanted && $0.start > block.start }
        let meant = nested ?? enclosing.flatMap { $0.kind == wanted ? $0 : nil }
        let what = block.kind == .mapping ? "the keys" : "the items"
        guard let meant else {
            let hint = isListItem ? "put the list under a key: `key:` on the line before, the items indented below it"
                : "start it with `- ` to make it an item, or indent it under one"
            return .error("\(subject) at column \(at.column) stands among \(what) of \(block.described); \(hint)", at: at)
        }
        let direction = meant.start.column > at.column ? "little" : "far"
        return .error("wrong indentation: \(subject) at column \(at.column) lines up with \(what) of \(block.described), "
                      + "not with the \(meant.members) (column \(meant.start.column)); is it indented too \(direction)?", at: at)
    }

    /// A block that closed too early: the line at `at` lines up with it, but a shallower line ended it.
    private func outdentedLine(before at: SourceLocation, within block: ParserState.Collection) -> Diagnostic? {
        guard let closed = state.closed.last(where: {
            guard let end = $0.end else { return false }
            return $0.start.column == at.column && $0.start > block.start && end < at && end.column < at.column
                && end.column >= block.start.column && source.startsLine(end)
        }), let end = closed.end else { return nil }
        // The closing line's own block, if any, must sit where the closed block's entries keep theirs: then that
        // line was meant inside it. A block at another column means the line below it is the odd one.
        let step = closed.start.column - block.start.column
        if let own = state.recentlyClosed.filter({ $0.start > end }).min(by: { $0.start.column < $1.start.column }),
           own.start.column != closed.start.column + step {
            return nil
        }
        let closer = source.subject(at: end)
        return .error("wrong indentation: \(closer) at column \(end.column) closes \(closed.described), whose "
                      + "\(closed.kind == .mapping ? "keys" : "items") are at column \(closed.start.column), so "
                      + "\(source.subject(at: at)) at line \(at.line), column \(at.column) fits nowhere; "
                      + "is \(closer) indented too little?", at: end)
    }

    /// "mapping values are not allowed in this context": a `:` that cannot start a value.
    private func colonInValue() -> Diagnostic {
        let lineNumber = at.line
        let indentation = source.indentation(ofLine: lineNumber) ?? 1
        let line = source.excerpt(at: SourceLocation(file: at.file, line: lineNumber, column: indentation), limit: Int.max)
        let beforeColon = String(line.unicodeScalars.prefix(max(0, at.column - indentation)))
        // `a: b: c` — a key already stands earlier on the line.
        if let key = SourceText.key(of: Self.droppingListMarks(beforeColon)) {
            return .error("a second `key:` on one line: the value of `\(key)` cannot contain `: ` unless it is quoted; "
                          + "put each key on its own line, or quote the value", at: at)
        }
        let lineStart = SourceLocation(file: at.file, line: lineNumber, column: indentation)
        let subject = source.subject(at: lineStart)
        // Otherwise the text before the `:` continues a plain value from the lines above.
        var first = lineNumber
        while let previous = source.previousContentLine(before: first),
              SourceText.key(of: Self.droppingListMarks(source.excerpt(at: start(ofLine: previous), limit: Int.max))) == nil {
            first = previous
        }
        if first < lineNumber {
            // `first` has no `:` — unless it continues the value of a key on the line above it.
            if let above = source.previousContentLine(before: first), let owner = key(onLine: above), owner.hasValue,
               (source.indentation(ofLine: first) ?? 0) > owner.column {
                return overIndented(subject, at: lineStart, under: owner, line: above)
            }
            let text = source.excerpt(at: start(ofLine: first))
            return .error("`\(text)` has no `:` after it, so line \(lineNumber) reads as more of its text; "
                          + "is the `:` missing?", at: start(ofLine: first))
        }
        if let above = source.previousContentLine(before: lineNumber), let owner = key(onLine: above), owner.hasValue,
           indentation > owner.column {
            return overIndented(subject, at: lineStart, under: owner, line: above)
        }
        return .error("a `:` cannot follow \(subject) here; quote the text if the `:` belongs to it", at: at)
    }

    private func overIndented(_ subject: String, at location: SourceLocation,
                              under owner: (key: String, column: Int, hasValue: Bool), line: Int) -> Diagnostic {
        if owner.key.hasPrefix("-"), let second = owner.key.unicodeScalars.dropFirst().first, second != " " {
            return .error("a list item needs a space after `-`: write `- \(owner.key.dropFirst()):`",
                          at: SourceLocation(file: location.file, line: line, column: owner.column))
        }
        return .error("wrong indentation: \(subject) at column \(location.column) is indented more than `\(owner.key)` at line \(line) "
               + "(column \(owner.column)), so it reads as more of the value of `\(owner.key)`; is it indented too far?",
               at: location)
    }

    private func key(onLine number: Int) -> (key: String, column: Int, hasValue: Bool)? {
        source.key(onLine: number)
    }

    private func start(ofLine number: Int) -> SourceLocation {
        source.start(ofLine: number)
    }

    private static func droppingListMarks(_ text: String) -> String {
        SourceText.droppingListMarks(text)
    }

    /// "could not find expected ':'": a line with no `:` where a key was expected.
    private func missingColon() -> Diagnostic {
        let where_ = state.open.last { $0.kind == .mapping && !$0.isFlow }
            .map { "a key in \($0.described) is written `key: value`" } ?? "a key is written `key: value`"
        return .error("`\(source.excerpt(at: error.contextMark))` has no `:` after it; \(where_)", at: error.contextMark)
    }

    /// "did not find expected ',' or ']'" inside `[ ]` or `{ }`.
    private func unclosedBracket(isList: Bool) -> Diagnostic {
        let open = error.contextMark
        let (opening, closing, noun) = isList ? ("[", "]", "list") : ("{", "}", "mapping")
        // A later line that holds a `key:` or the end of the file: the bracket ran on past its line.
        if at.line > open.line, key(onLine: at.line) != nil || source.line(at.line + 1) == nil {
            let inside = source.line(at.line + 1) == nil ? "the end of the file is" : "line \(at.line) is still"
            return .error("this `\(opening)` is never closed (\(inside) read as part of its \(noun)); "
                          + "add the `\(closing)` that ends it", at: open)
        }
        let what = source.character(at: at) == ":" ? "a second `:`; is a `,` missing before the key?" : found(at: at)
        return .error("expected `,` or `\(closing)` in the \(noun) that opens with `\(opening)` at column \(open.column), "
                      + "found \(what)", at: at)
    }

    /// A quoted string that ran on past its line and broke the YAML where it finally closed.
    private func unclosedQuote() -> Diagnostic? {
        guard let scalar = state.lastScalar, scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
              scalar.end.line > scalar.start.line, at.line == scalar.end.line else { return nil }
        return .error("unterminated quoted string; add the closing quote (as written, the string runs on to line "
                      + "\(scalar.end.line))", at: scalar.start)
    }

    private func unknownEscape() -> Diagnostic {
        let next = source.character(at: at.advanced(byColumns: 1)).map(String.init) ?? ""
        return .error("unknown escape `\\\(next)` in a double-quoted string; write `\\\\\(next)` for a backslash, "
                      + "or use single quotes, in which a backslash is plain text", at: at)
    }

    /// `key: - item`.
    private func listAfterKey() -> Diagnostic {
        let line = source.excerpt(at: start(ofLine: at.line), limit: Int.max)
        if let key = SourceText.key(of: Self.droppingListMarks(line)) {
            return .error("a list cannot start on the line of its key `\(key)`; put each `- ` item on its own line "
                          + "below it, indented, or write the list as `[a, b]`", at: at)
        }
        return .error("a list item cannot start here, after a value; is it indented too far?", at: at)
    }

    /// How a message names the text at `location`: "`]`", "`running:`" or "the end of the file".
    private func found(at location: SourceLocation) -> String {
        let text = source.excerpt(at: location, limit: Int.max)
        if text.isEmpty { return source.line(location.line) == nil ? "the end of the file" : "the end of the line" }
        let word = text.prefix { $0 != " " && $0 != "\t" }
        return "`\(word.count > 20 ? word.prefix(20) + "…" : word)`"
    }

    private func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
