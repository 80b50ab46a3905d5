/// Checks one model: field names and types, defaults, rules; and models that contain themselves.
struct ModelLint {
    let reader: SchemaReader
    let types: TypeResolver

    func lint(_ model: Model) -> Model {
        var model = model
        let what = "model `\(model.name)`"
        for field in model.fields where !SwiftNaming.isFieldName(field.name) {
            reader.error("field name `\(field.name)` must be letters, digits and underscores, starting with a letter",
                         at: field.location)
        }
        NamingLint(reader: reader).checkMembers(model.fields.filter { SwiftNaming.isFieldName($0.name) }.map { ($0.name, $0.location) },
                                                of: what, reserved: SwiftNaming.modelMembers, what: "field")
        var operands: [(name: String, operand: RuleOperand)] = []
        for i in model.fields.indices {
            let field = model.fields[i]
            let type = types.ruleType(field.type, at: field.typeLocation, for: "field `\(field.name)`")
            operands.append((field.name, RuleOperand(type: type, isNullable: field.isNullable)))
            if let node = field.defaultNode {
                model.fields[i].defaultValue = defaultValue(node, for: field, type: type)
            } else if !field.isRequired && !field.isNullable {
                reader.error("field `\(field.name)` may be absent (`required: false`), so it needs a `default:` or `nullable: true`",
                             at: field.location)
            }
        }
        // Fields that could not be read still exist for rules, untyped, so naming them is no finding.
        operands += model.unreadFieldNames.map { ($0, RuleOperand(type: .unknown, isNullable: false)) }
        let scope = RuleScope(modelName: model.name, fields: operands)
        var seenRules: [String: SourceLocation] = [:]
        for i in model.rules.indices {
            let rule = model.rules[i]
            if !SwiftNaming.isFieldName(rule.id) {
                reader.error("rule id `\(rule.id)` must be letters, digits and underscores, like `completed_iff_status_completed`",
                             at: rule.location)
            }
            if let first = seenRules[rule.id] {
                reader.error("duplicate rule id `\(rule.id)` in \(what)", at: rule.location,
                             notes: [.init(location: first, message: "`\(rule.id)` first used here")])
            } else {
                seenRules[rule.id] = rule.location
            }
            model.rules[i].expression = RuleLint(reader: reader).check(rule.source, at: rule.checkLocation, style: rule.checkStyle,
                                                                      scope: scope, what: "rule `\(rule.id)`",
                                                                      typeCheck: !model.fieldsUnread)
        }
        return model
    }

    /// The rule scope of a model, without reporting anything (used for guards).
    static func scope(of model: Model, types: TypeResolver) -> RuleScope {
        let quiet = TypeResolver(contract: types.contract, reader: SchemaReader())
        return RuleScope(modelName: model.name, fields: model.fields.map {
            ($0.name, RuleOperand(type: quiet.ruleType($0.type, at: $0.typeLocation, for: ""), isNullable: $0.isNullable))
        } + model.unreadFieldNames.map { ($0, RuleOperand(type: .unknown, isNullable: false)) })
    }

    /// Types a `default:` node against its field's type.
    private func defaultValue(_ node: YAMLNode, for field: Field, type: RuleType) -> DefaultValue? {
        let what = "the default of field `\(field.name)`"
        if case .scalar(let s) = node, s.isNull {
            if !field.isNullable {
                reader.error("field `\(field.name)` is not nullable, so its default cannot be null; add `nullable: true` or pick a value",
                             at: s.location)
                return nil
            }
            return .null
        }
        func mismatch(_ expected: String) -> DefaultValue? {
            reader.error("\(what) must be \(expected), found \(reader.describe(node))", at: node.location)
            return nil
        }
        switch type {
        case .unknown:
            return nil
        case .string:
            guard case .scalar(let s) = node else { return mismatch("text") }
            return .string(s.value)
        case .bool:
            return reader.bool(node, what: what).map(DefaultValue.bool)
        case .int:
            guard case .scalar(let s) = node, s.style == .plain, let v = Int64(s.value) else { return mismatch("a whole number") }
            return .int(v)
        case .double:
            guard case .scalar(let s) = node, s.style == .plain, let v = Double(s.value), v.isFinite,
                  s.value.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) })
            else { return mismatch("a finite number") }
            return .double(v)
        case .timestamp, .json, .model:
            return mismatch("null (fields of type `\(field.type)` take no other default)")
        case .list:
            guard case .sequence(let q) = node, q.items.isEmpty else { return mismatch("`[]` (an empty list)") }
            return .emptyList
        case .map:
            guard case .mapping(let m) = node, m.entries.isEmpty else { return mismatch("`{}` (an empty map)") }
            return .emptyMap
        case .enumeration(let name, let values):
            guard case .scalar(let s) = node else { return mismatch("a value of `\(name)`") }
            guard values.contains(s.value) else {
                reader.error("\(what), `\(s.value)`, is not a value of `\(name)`\(Suggestion.hint(for: s.value, among: values, noun: "values"))",
                             at: s.location)
                return nil
            }
            return .enumValue(s.value)
        }
    }

    /// A struct cannot hold itself except through a list or map; report each such cycle once, at the
    /// field where the depth-first search closes it. Iterative and linear in models plus fields.
    static func checkContainmentCycles(_ models: [Model], reader: SchemaReader) {
        let names = Set(models.map(\.name))
        var direct: [String: [(field: Field, target: String)]] = [:]
        for model in models {
            for field in model.fields {
                if case .named(let target) = field.type, names.contains(target) {
                    direct[model.name, default: []].append((field, target))
                }
            }
        }
        enum Colour { case onPath, done }
        var colour: [String: Colour] = [:]
        for model in models where colour[model.name] == nil {
            // Each frame: a model on the current path and the index of its next field to follow.
            var path: [(name: String, next: Int)] = [(model.name, 0)]
            colour[model.name] = .onPath
            while let top = path.last {
                let edges = direct[top.name, default: []]
                guard top.next < edges.count else {
                    colour[top.name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let (field, target) = edges[top.next]
                switch colour[target] {
                case .onPath?:
                    let start = path.firstIndex { $0.name == target } ?? 0
                    let route = (path[start...].map(\.name) + [target]).joined(separator: " → ")
                    reader.error("model `\(target)` contains itself (\(route)) through field `\(field.name)` of `\(top.name)`; a model can hold itself only inside a list or map",
                                 at: field.location)
                case .done?:
                    continue
                case nil:
                    colour[target] = .onPath
                    path.append((target, 0))
                }
            }
        }
    }
}
