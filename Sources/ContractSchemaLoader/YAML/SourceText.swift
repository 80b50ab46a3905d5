import ContractSchema

/// The lines of a YAML file, for messages that quote or measure what was written.
struct SourceText {
    /// The lines without their line breaks (a `\r` before `\n` removed too).
    let lines: [Substring]
    let file: String

    init(bytes: [UInt8], file: String) {
        self.file = file
        lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    /// The 1-based line `number`, if the file has it.
    func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The character at a location (columns count Unicode scalars, as libyaml's marks do).
    func character(at location: SourceLocation) -> Character? {
        guard let line = line(location.line) else { return nil }
        let scalars = line.unicodeScalars
        guard location.column >= 1, location.column <= scalars.count else { return nil }
        return Character(scalars[scalars.index(scalars.startIndex, offsetBy: location.column - 1)])
    }

    /// The column of the line's first character that is not a space; nil for a blank or comment line.
    func indentation(ofLine number: Int) -> Int? {
        guard let line = line(number) else { return nil }
        let scalars = Array(line.unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0 != " " }), scalars[first] != "#" else { return nil }
        return first + 1
    }

    /// Whether `location` is the first character of its line that is not a space.
    func startsLine(_ location: SourceLocation) -> Bool {
        indentation(ofLine: location.line) == location.column
    }

    /// The nearest line before `number` that holds something other than spaces and a comment.
    func previousContentLine(before number: Int) -> Int? {
        var n = number - 1
        while n >= 1 {
            if indentation(ofLine: n) != nil { return n }
            n -= 1
        }
        return nil
    }

    /// What is written from `location` to the end of its line, without a trailing comment, shortened
    /// to `limit` characters.
    func excerpt(at location: SourceLocation, limit: Int = 40) -> String {
        guard let line = line(location.line) else { return "" }
        let scalars = Array(line.unicodeScalars)
        let start = max(0, min(location.column - 1, scalars.count))
        var end = scalars.count
        // A comment starts at a `#` after a space (a `#` inside a word is text).
        if let hash = (start..<scalars.count).first(where: { scalars[$0] == "#" && ($0 == start || scalars[$0 - 1] == " ") }) {
            end = hash
        }
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The key of a `key: value` or `key:` text, if it is one.
    static func key(of text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() where s == ":" {
            if i == scalars.count - 1 || scalars[i + 1] == " " || scalars[i + 1] == "\t" {
                let key = String(String.UnicodeScalarView(scalars[..<i]))
                return key.isEmpty ? nil : key
            }
        }
        return nil
    }

    /// The first character of a line that is not a space (column 1 for a blank line).
    func start(ofLine number: Int) -> SourceLocation {
        SourceLocation(file: file, line: number, column: indentation(ofLine: number) ?? 1)
    }

    /// The key on a line, its column past any `- ` list marks, and whether a value follows it on the line.
    func key(onLine number: Int) -> (key: String, column: Int, hasValue: Bool)? {
        let text = excerpt(at: start(ofLine: number), limit: Int.max)
        let stripped = Self.droppingListMarks(text)
        guard let key = Self.key(of: stripped) else { return nil }
        let column = (indentation(ofLine: number) ?? 1) + text.unicodeScalars.count - stripped.unicodeScalars.count
        return (key, column, stripped.unicodeScalars.count > key.unicodeScalars.count + 1)
    }

    /// The key that owns a block collection starting at `location`: a `key:` alone on the line above, indented
    /// less (or as much, for a list written at its key's column).
    func owner(ofBlockAt location: SourceLocation, isList: Bool) -> String? {
        guard startsLine(location), let above = previousContentLine(before: location.line),
              let key = key(onLine: above), !key.hasValue,
              key.column < location.column || isList && key.column == location.column else { return nil }
        return key.key
    }

    /// The text after any leading `- ` list marks.
    static func droppingListMarks(_ text: String) -> String {
        var rest = Substring(text)
        while rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        return String(rest)
    }

    /// How a message names what starts at `location`: "the list item", "`key`" or "`text`".
    func subject(at location: SourceLocation) -> String {
        let text = excerpt(at: location)
        if text == "-" || text.hasPrefix("- ") { return "the list item" }
        return "`\(Self.key(of: text) ?? text)`"
    }
}
