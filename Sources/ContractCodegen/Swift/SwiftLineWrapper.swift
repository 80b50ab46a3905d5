/// Breaks a generated line of Swift code that is wider than the limit into lines a person would write:
/// a condition before each top-level `&&` or `||`, otherwise the arguments of the outermost call or
/// array literal that has several, aligned after its opening bracket. Breaks fall only where Swift
/// allows a line break (after a comma, before a binary operator), never inside a string literal, so the
/// code means the same. A line with no such place stays whole.
struct SwiftLineWrapper {
    /// The widest line, counting the indentation.
    let width: Int

    /// `content` (to be written after `indentation` columns) as lines; the first has no added indentation,
    /// continuation lines carry their extra spaces.
    func wrap(_ content: String, indentation: Int) -> [String] {
        wrap(Array(content), indentation: indentation, remainingDepth: 8)
    }

    private func wrap(_ line: [Character], indentation: Int, remainingDepth: Int) -> [String] {
        guard indentation + line.count > width, remainingDepth > 0,
              !(line.starts(with: ["/", "/"])) else { return [String(line)] }
        let scan = Scan(line)
        if let pieces = scan.splitAtLogicalOperators(), pieces.count > 1 {
            let continuation = indentation + 4
            var lines = wrap(pieces[0], indentation: indentation, remainingDepth: remainingDepth - 1)
            for piece in pieces.dropFirst() {
                lines += wrap(piece, indentation: continuation, remainingDepth: remainingDepth - 1)
                    .map { String(repeating: " ", count: 4) + $0 }
            }
            return lines
        }
        guard let (open, commas) = scan.outermostListBreaks() else { return [String(line)] }
        // Arguments aligned after the bracket, unless that leaves too little room; then one level deeper.
        let aligned = open + 1
        let column = aligned <= width / 2 ? aligned : 8
        var pieces: [[Character]] = []
        var start = 0
        for comma in commas {
            pieces.append(Array(line[start...comma]))
            start = comma + 1
            while start < line.count, line[start] == " " { start += 1 }
        }
        if start < line.count { pieces.append(Array(line[start...])) }
        guard pieces.count > 1 else { return [String(line)] }
        var lines: [[Character]] = []
        var current: [Character] = []
        for piece in pieces {
            if current.isEmpty {
                current = piece
            } else if indentation + (lines.isEmpty ? 0 : column) + current.count + 1 + piece.count <= width {
                current += [" "] + piece
            } else {
                lines.append(current)
                current = piece
            }
        }
        lines.append(current)
        let pad = String(repeating: " ", count: column)
        var result = wrap(lines[0], indentation: indentation, remainingDepth: remainingDepth - 1)
        for continuation in lines.dropFirst() {
            result += wrap(continuation, indentation: indentation + column, remainingDepth: remainingDepth - 1)
                .map { pad + $0 }
        }
        return result
    }

    /// The bracket structure of one line: for each character, the index of the innermost open bracket
    /// around it (outside string literals), found in one pass.
    private struct Scan {
        let line: [Character]
        /// Commas directly inside each `(` or `[`, by the bracket's index.
        private(set) var commas: [Int: [Int]] = [:]
        /// The nesting depth of each `(` or `[` that has commas.
        private(set) var depths: [Int: Int] = [:]
        /// `&&` and `||` outside every bracket and string: the index of their first character.
        private(set) var topLevelOperators: [Int] = []

        init(_ line: [Character]) {
            self.line = line
            var stack: [(index: Int, character: Character)] = []
            var inString = false
            var index = 0
            while index < line.count {
                let character = line[index]
                if inString {
                    if character == "\\" { index += 1 } else if character == "\"" { inString = false }
                } else {
                    switch character {
                    case "\"": inString = true
                    case "(", "[", "{": stack.append((index, character))
                    case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
                    case ",":
                        // Not inside a closure: its body reads better whole.
                        if let open = stack.last, !stack.contains(where: { $0.character == "{" }) {
                            commas[open.index, default: []].append(index)
                            depths[open.index] = stack.count
                        }
                    case "&", "|":
                        if stack.isEmpty, index + 2 < line.count, line[index + 1] == character, line[index + 2] == " ",
                           index > 0, line[index - 1] == " " {
                            topLevelOperators.append(index)
                            index += 1
                        }
                    default: break
                    }
                }
                index += 1
            }
        }

        /// The line cut before each top-level `&&`/`||` (each later piece starts with its operator).
        func splitAtLogicalOperators() -> [[Character]]? {
            guard !topLevelOperators.isEmpty else { return nil }
            var pieces: [[Character]] = []
            var start = 0
            for index in topLevelOperators {
                pieces.append(Array(line[start..<(index - 1)]))  // without the space before the operator
                start = index
            }
            pieces.append(Array(line[start...]))
            return pieces
        }

        /// The outermost `(` or `[` with commas directly inside (the first of equal depth), and those commas.
        func outermostListBreaks() -> (open: Int, commas: [Int])? {
            guard let open = depths.min(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else { return nil }
            return (open, commas[open] ?? [])
        }
    }
}
