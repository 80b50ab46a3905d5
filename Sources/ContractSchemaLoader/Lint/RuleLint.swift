import ContractSchema

/// Parses and type-checks rule and guard expressions, mapping expression offsets to file columns.
struct RuleLint {
    let reader: SchemaReader

    /// The resolved expression, or nil after reporting why it is not valid.
    ///
    /// - Parameter typeCheck: false when the fields are unknown (already reported): only the syntax is checked.
    func check(_ source: String, at start: SourceLocation, style: YAMLScalar.Style, scope: RuleScope,
               what: String, typeCheck: Bool = true) -> RuleExpression? {
        let parsed: RuleExpression
        switch RuleParser.parse(source) {
        case .success(let e):
            parsed = e
        case .failure(let error):
            reader.error("\(what): \(error.message)", at: Self.location(of: error.span.lowerBound, in: source, start: start, style: style))
            return nil
        }
        guard typeCheck else { return nil }
        let (resolved, problems) = RuleTypeChecker.check(parsed, in: scope)
        for problem in problems {
            reader.error("\(what): \(problem.message)",
                         at: Self.location(of: problem.span.lowerBound, in: source, start: start, style: style))
        }
        return problems.isEmpty ? resolved : nil
    }

    /// The file position of a scalar offset within the expression text. Exact for single-line plain and
    /// quoted scalars without escapes; the start of the scalar otherwise.
    static func location(of offset: Int, in source: String, start: SourceLocation, style: YAMLScalar.Style) -> SourceLocation {
        guard !source.contains("\n") else { return start }
        switch style {
        case .plain: return start.advanced(byColumns: offset)
        case .singleQuoted, .doubleQuoted: return start.advanced(byColumns: offset + 1)
        case .literal, .folded: return start
        }
    }
}
