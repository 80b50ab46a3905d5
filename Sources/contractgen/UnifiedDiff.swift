/// A unified diff (`diff -u` style) of two texts, line by line, for `contractgen check`.
enum UnifiedDiff {
    /// The diff of `old` against `new`, or nil when they are equal.
    static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String? {
        guard old != new else { return nil }
        let a = lines(old), b = lines(new)
        let ops = editScript(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks with `context` unchanged lines around them.
        var i = 0
        while i < ops.count {
            guard let firstChange = ops[i...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = firstChange
            var lastChange = firstChange
            while end < ops.count {
                if ops[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let start = max(i, firstChange - context)
            let stop = min(ops.count, lastChange + context + 1)
            let hunk = ops[start..<stop]
            let oldStart = hunk.first.map { $0.oldIndex } ?? 0
            let newStart = hunk.first.map { $0.newIndex } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldStart + (oldCount > 0 ? 1 : 0)),\(oldCount) +\(newStart + (newCount > 0 ? 1 : 0)),\(newCount) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " \(a[op.oldIndex])\n"
                case .delete: out += "-\(a[op.oldIndex])\n"
                case .insert: out += "+\(b[op.newIndex])\n"
                }
            }
            i = stop
        }
        return out
    }

    private struct Op {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    private static func lines(_ text: String) -> [Substring] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// A shortest edit script by dynamic programming on the lines between the common prefix and suffix.
    private static func editScript(_ a: [Substring], _ b: [Substring]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var ops = (0..<prefix).map { Op(kind: .same, oldIndex: $0, newIndex: $0) }
        if midA.count * midB.count > 25_000_000 {
            // Too large to align line by line: show the middle as replaced.
            ops += midA.indices.map { Op(kind: .delete, oldIndex: prefix + $0, newIndex: prefix) }
            ops += midB.indices.map { Op(kind: .insert, oldIndex: prefix + midA.count, newIndex: prefix + $0) }
        } else {
            var lcs = [[Int]](repeating: [Int](repeating: 0, count: midB.count + 1), count: midA.count + 1)
            for i in stride(from: midA.count - 1, through: 0, by: -1) {
                for j in stride(from: midB.count - 1, through: 0, by: -1) {
                    lcs[i][j] = midA[i] == midB[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < midA.count || j < midB.count {
                if i < midA.count, j < midB.count, midA[i] == midB[j] {
                    ops.append(Op(kind: .same, oldIndex: prefix + i, newIndex: prefix + j))
                    i += 1; j += 1
                } else if j < midB.count, i == midA.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                    ops.append(Op(kind: .insert, oldIndex: prefix + i, newIndex: prefix + j))
                    j += 1
                } else {
                    ops.append(Op(kind: .delete, oldIndex: prefix + i, newIndex: prefix + j))
                    i += 1
                }
            }
        }
        let offsetA = a.count - suffix, offsetB = b.count - suffix
        ops += (0..<suffix).map { Op(kind: .same, oldIndex: offsetA + $0, newIndex: offsetB + $0) }
        return ops
    }
}
