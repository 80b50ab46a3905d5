import ContractSchema

/// Strict `Codable` for a model: the schema's wire names, unknown keys refused (unless the model allows
/// them), every required key present, timestamps as RFC 3339 strings, rules checked on decode, and
/// encoding that writes every key in schema order and refuses a value that breaks a rule.
struct CodableEmitter {
    let model: Model
    let contract: Contract
    let access: String

    func emit(into w: inout SwiftWriter) {
        w.block("extension \(model.name)") { w in
            w.block("private enum CodingKeys: \(SwiftSyntax.std("String")), \(SwiftSyntax.std("CodingKey")), \(SwiftSyntax.std("CaseIterable"))") { w in
                for field in model.fields {
                    w.line(SwiftSyntax.caseDeclaration(field.name, rawValue: field.name))
                }
            }
            w.line()
            w.doc("Decodes strictly: "
                  + (model.allowsAdditionalKeys ? "keys that are not fields are ignored; " : "keys that are not fields are refused; ")
                  + "every required key must be present (nullable ones as explicit null), types must match, and every rule must hold.")
            w.block("\(access)init(from decoder: any \(SwiftSyntax.std("Decoder"))) throws") { w in
                // The runtime's container reports each problem once (missing key, wrong type, null).
                let unknownKeys = model.allowsAdditionalKeys ? ", allowingUnknownKeys: true" : ""
                w.line("let container = try decoder.modelContainer(keyedBy: CodingKeys.self, for: Self.self"
                       + unknownKeys + ")")
                for field in model.fields { emitDecode(field, into: &w) }
                w.line("try self.checkRulesAfterDecoding(from: decoder)")
            }
            w.line()
            w.doc("Encodes every key in schema order, nulls explicit; throws `EncodingError.invalidValue` when a rule is broken.")
            w.block("\(access)func encode(to encoder: any \(SwiftSyntax.std("Encoder"))) throws") { w in
                w.line("try self.checkRulesBeforeEncoding(to: encoder)")
                w.line("var container = encoder.container(keyedBy: CodingKeys.self)")
                for field in model.fields {
                    let member = SwiftSyntax.member(field.name)
                    w.line("try container.encode(\(toWire("self." + member, field)), forKey: .\(member))")
                }
            }
        }
    }

    private func emitDecode(_ field: Field, into w: inout SwiftWriter) {
        let member = SwiftSyntax.member(field.name)
        let wire = Self.wireType(field.type) + (field.isNullable ? "?" : "")
        let decode = fromWire("try container.decode(\(wire).self, forKey: .\(member))", field)
        // `self.`: a field may be called `container` or `decoder`.
        if field.isRequired {
            w.line("self.\(member) = \(decode)")
            return
        }
        if field.isNullable, field.defaultValue == nil || field.defaultValue == .null {
            w.line("self.\(member) = " + fromWire("try container.decodeIfPresent(\(Self.wireType(field.type)).self, forKey: .\(member))", field))
            return
        }
        let fallback = field.defaultValue.map { ModelEmitter(model: model, contract: contract, access: access).defaultLiteral($0, for: field) } ?? "nil"
        w.line("if container.contains(.\(member)) {")
        w.line("    self.\(member) = \(decode)")
        w.line("} else {")
        w.line("    self.\(member) = \(fallback)")
        w.line("}")
    }

    /// The type decoded from the wire: the Swift type with `RFC3339Timestamp` for `Date`.
    static func wireType(_ type: FieldType) -> String {
        switch type {
        case .timestamp: SwiftSyntax.runtime("RFC3339Timestamp")
        case .list(let element): "[\(wireType(element))]"
        case .map(let element): "[\(SwiftSyntax.std("String")): \(wireType(element))]"
        default: SwiftSyntax.type(type)
        }
    }

    private static func containsTimestamp(_ type: FieldType) -> Bool {
        switch type {
        case .timestamp: true
        case .list(let element), .map(let element): containsTimestamp(element)
        default: false
        }
    }

    /// `expression` (of the wire type) converted to the Swift type.
    private func fromWire(_ expression: String, _ field: Field) -> String {
        guard Self.containsTimestamp(field.type) else { return expression }
        return Self.fromWire(expression + (field.isNullable ? "?" : ""), field.type)
    }

    private static func fromWire(_ expression: String, _ type: FieldType) -> String {
        switch type {
        case .timestamp: "\(expression).date"
        case .list(let element): "\(expression).map { \(fromWire("$0", element)) }"
        case .map(let element): "\(expression).mapValues { \(fromWire("$0", element)) }"
        default: expression
        }
    }

    /// The property `member` converted to the wire type.
    private func toWire(_ member: String, _ field: Field) -> String {
        guard Self.containsTimestamp(field.type) else { return member }
        return field.isNullable ? "\(member).map { \(Self.toWire("$0", field.type)) }" : Self.toWire(member, field.type)
    }

    private static func toWire(_ expression: String, _ type: FieldType) -> String {
        switch type {
        case .timestamp: "\(SwiftSyntax.runtime("RFC3339Timestamp"))(\(expression))"
        case .list(let element): "\(expression).map { \(toWire("$0", element)) }"
        case .map(let element): "\(expression).mapValues { \(toWire("$0", element)) }"
        default: expression
        }
    }
}
