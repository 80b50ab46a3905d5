import ContractSchema

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
            if let node = reader.notes.defaultNodes[field.location] {
                model.fields[i].defaultValue = defaultValue(node, for: field, type: type)
            } else if !field.isRequired && !field.isNullable {
                reader.error("field `\(field.name)` may be absent (`required: false`), so it needs a `default:` or `nullable: true`",
                             at: field.location)
            }
        }
        // Fields that could not be read still exist for rules, untyped, so naming them is no finding.
        operands += (reader.notes.unreadFieldNames[model.location] ?? []).map { ($0, RuleOperand(type: .unknown, isNullable: false)) }
        let scope = RuleScope(modelName: model.name, fields: operands)
        let fieldsUnread = reader.notes.unreadFieldLists.contains(model.location)
        var seenRules: [String: SourceLocation] = [:]
        // A rule joins the checked model only once it parses and type-checks; one that does not has been
        // reported, and the contract is not valid.
        for written in reader.notes.writtenRules[model.location] ?? [] {
            let id = written.id.value
            if !SwiftNaming.isFieldName(id) {
                reader.error("rule id `\(id)` must be letters, digits and underscores, like `completed_iff_status_completed`",
                             at: written.id.location)
            }
            if let first = seenRules[id] {
                reader.error("duplicate rule id `\(id)` in \(what)", at: written.id.location,
                             notes: [.init(location: first, message: "`\(id)` first used here")])
            } else {
                seenRules[id] = written.id.location
            }
            let expression = RuleLint(reader: reader).check(written.check.value, at: written.check.location,
                                                            style: written.check.style, scope: scope,
                                                            what: "rule `\(id)`", typeCheck: !fieldsUnread)
            if let expression {
                model.rules.append(Rule(id: id, source: written.check.value, expression: expression, message: written.message,
                                        doc: written.doc, location: written.id.location, checkLocation: written.check.location))
            }
        }
        return model
    }

    /// The rule scope of a model, without reporting anything (used for guards).
    static func scope(of model: Model, types: TypeResolver) -> RuleScope {
        let quiet = TypeResolver(contract: types.contract, reader: SchemaReader(), notes: types.reader.notes)
        return RuleScope(modelName: model.name, fields: model.fields.map {
            ($0.name, RuleOperand(type: quiet.ruleType($0.type, at: $0.typeLocation, for: ""), isNullable: $0.isNullable))
        } + (types.reader.notes.unreadFieldNames[model.location] ?? []).map { ($0, RuleOperand(type: .unknown, isNullable: false)) })
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
