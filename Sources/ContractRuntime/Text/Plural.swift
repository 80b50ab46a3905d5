/// Counts in messages for people, with the noun agreeing: `1 record`, `0 records`, `2 records`.
public enum Plural {
    /// `count` followed by `singular` when it is 1 and by `plural` (default: `singular` + "s") otherwise.
    public static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural))"
    }

    /// `singular` when `count` is 1, otherwise `plural` (default: `singular` + "s"), for phrases where
    /// the number stands apart from its noun.
    public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }
}
