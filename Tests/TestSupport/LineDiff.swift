/// A readable line-by-line comparison for test failures: each differing line as `N- expected` and
/// `N+ actual`, at most `limit` lines.
public enum LineDiff {
    /// nil when the texts are equal.
    public static func describe(expected: String, actual: String, limit: Int = 60) -> String? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? String(e[i]) : nil
            let r = i < a.count ? String(a[i]) : nil
            if l == r { continue }
            if let l { lines.append("\(i + 1)- \(l)") }
            if let r { lines.append("\(i + 1)+ \(r)") }
            if lines.count > limit {
                lines.append("...")
                break
            }
        }
        return lines.joined(separator: "\n")
    }
}
