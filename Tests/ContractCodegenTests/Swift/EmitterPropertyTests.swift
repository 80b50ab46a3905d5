import ContractSchema
import ContractSchemaLoader
import PropertyTesting
import Testing
@testable import ContractCodegen

/// Each emitter on its own, on random valid schemas: what the schema says about a construct is what its
/// emitter writes, read back from the emitted Swift (generated code cannot be compiled inside a test run;
/// the compile tests and GeneratedCodeTests do that for fixed schemas).
@Suite struct EmitterPropertyTests {
    /// Random contracts as the loader checks them.
    static func contracts(_ iterations: Int, _ body: @escaping (Contract) throws -> Void) {
        Property.check(iterations: iterations) { random in
            let text = RandomContract(using: &random).yaml
            try body(try #require(SchemaLoader().load(text: text, file: "random.yaml").contract))
        }
    }

    /// What `emit` writes, as text.
    static func emitted(_ emit: (inout SwiftWriter) -> Void) -> String {
        var writer = SwiftWriter()
        emit(&writer)
        return writer.text
    }

    /// The code lines of `text` (no comments), continuation lines joined to the line they continue.
    static func codeLines(_ text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.hasPrefix("//") {
            if let last = lines.last, last.hasSuffix(",") || line.hasPrefix("&&") || line.hasPrefix("||") {
                lines[lines.count - 1] = last + " " + line
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    @Test func theModelEmitterChecksEveryRuleExactlyOnce() {
        Self.contracts(60) { contract in
            for model in contract.models {
                let swift = Self.emitted { ModelEmitter(model: model, contract: contract, access: "").emit(into: &$0) }
                for rule in model.rules {
                    let reported = swift.components(separatedBy: "ruleID: \(SwiftSyntax.stringLiteral(rule.id)),").count - 1
                    try #require(reported == 1, "rule \(rule.id) of \(model.name) reported \(reported) times")
                }
                let checks = swift.components(separatedBy: "violations.append(").count - 1
                try #require(checks == model.rules.count, "\(model.name): \(checks) checks for \(model.rules.count) rules")
            }
        }
    }

    @Test func theModelEmitterDeclaresEveryFieldOnceInSchemaOrder() {
        Self.contracts(60) { contract in
            for model in contract.models {
                let lines = Self.codeLines(Self.emitted { ModelEmitter(model: model, contract: contract, access: "").emit(into: &$0) })
                // The stored properties come before the memberwise initializer.
                let properties = lines.prefix { !$0.hasPrefix("init(") }
                let declared = properties.filter { $0.hasPrefix("var ") }.map { $0.dropFirst(4).prefix { $0 != ":" } }
                try #require(declared.map(String.init) == model.fields.map { SwiftSyntax.member($0.name) })
            }
        }
    }

    /// A nullable field's property is declared `Swift.Optional<T>`, never `T?`: a `T?` property starts as nil, the
    /// initializer then assigns it again, and the decoders paid for a copy of every decoded value.
    @Test func theModelEmitterDeclaresNullableFieldsWithoutAnImplicitInitialValue() {
        Self.contracts(60) { contract in
            for model in contract.models {
                let lines = Self.codeLines(Self.emitted { ModelEmitter(model: model, contract: contract, access: "").emit(into: &$0) })
                let properties = lines.prefix { !$0.hasPrefix("init(") }.filter { $0.hasPrefix("var ") }
                try #require(properties.count == model.fields.count)
                for (line, field) in zip(properties, model.fields) {
                    let type = SwiftSyntax.type(field.type)
                    let expected = "var \(SwiftSyntax.member(field.name)): " + (field.isNullable ? "Swift.Optional<\(type)>" : type)
                    try #require(line == expected, "\(model.name).\(field.name): \(line)")
                    try #require(!line.hasSuffix("?") && !line.contains("="), "\(model.name).\(field.name): \(line)")
                }
            }
        }
    }

    @Test func theErrorCatalogEmitterWritesEachCodesCategoryRetryabilityAndStatus() {
        Self.contracts(60) { contract in
            for catalog in contract.errorCatalogs {
                let swift = Self.emitted { ErrorCatalogEmitter(catalog: catalog, contract: contract, access: "").emit(into: &$0) }
                let lines = Self.codeLines(swift)
                func cases(after header: String) throws -> [String: String] {
                    let start = try #require(lines.firstIndex { $0.hasPrefix(header) }, "no \(header)")
                    var result: [String: String] = [:]
                    for line in lines[(start + 2)...] {
                        guard line.hasPrefix("case "), let colon = line.firstIndex(of: ":") else { break }
                        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        for ref in line.dropFirst(5)[..<colon].split(separator: ",") {
                            result[ref.trimmingCharacters(in: .whitespaces)] = value
                        }
                    }
                    return result
                }
                let categories = try cases(after: "var category:")
                let retryable = try cases(after: "var isRetryable:")
                for code in catalog.codes {
                    let ref = "." + SwiftSyntax.member(code.name)
                    try #require(categories[ref] == "." + code.category.rawValue, "category of \(code.code)")
                    try #require(retryable[ref] == String(code.isRetryable), "isRetryable of \(code.code)")
                    try #require(swift.contains(SwiftSyntax.caseDeclaration(code.name, rawValue: code.code)))
                }
                try #require(categories.count == catalog.codes.count && retryable.count == catalog.codes.count)
            }
        }
    }

    @Test func theEnumEmitterWritesEveryValueAndAnUnknownCaseOnlyForOpenEnums() {
        Self.contracts(60) { contract in
            for enumeration in contract.enums {
                let swift = Self.emitted { EnumEmitter(enumeration: enumeration, access: "").emit(into: &$0) }
                let lines = Self.codeLines(swift)
                for value in enumeration.values {
                    let declaration = enumeration.isOpen ? "case \(SwiftSyntax.member(value.name))"
                        : SwiftSyntax.caseDeclaration(value.name, rawValue: value.name)
                    try #require(lines.contains(declaration), "\(enumeration.name).\(value.name)")
                }
                try #require(lines.contains("case unknown(Swift.String)") == enumeration.isOpen, "\(enumeration.name)")
            }
        }
    }
}
