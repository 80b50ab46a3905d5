import ContractCodegen
import ContractSchema
import Foundation

/// Names a schema author might write that mean something to Swift or to the generated code: every Swift
/// keyword, standard-library and Foundation type and function names, every public name of ContractRuntime
/// (read from its sources), and every identifier the generated code itself uses (read from generated
/// output). The lists are the tests' own, so a gap in the generator's escaping cannot hide behind the
/// same gap in a shared list.
enum NameCatalog {
    /// Swift keywords of every kind: declarations, statements, expressions and types, and contextual ones.
    static let swiftKeywords = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self", "Self", "super", "throws", "true", "try", "associativity", "async", "convenience", "didSet",
        "dynamic", "final", "get", "indirect", "infix", "lazy", "left", "mutating", "none", "nonmutating",
        "optional", "override", "package", "postfix", "precedence", "prefix", "Protocol", "required", "right",
        "set", "some", "any", "Type", "unowned", "weak", "willSet", "actor", "macro", "consume", "copy", "discard",
        "each", "isolated", "sending", "then", "unsafe", "_", "__shared", "__owned", "_const", "yield",
        "distributed", "reasync", "safe", "unchecked", "preconcurrency", "backDeployed", "available",
    ]

    /// Standard-library and Foundation names the generated code might spell, or a reader might shadow.
    static let libraryNames = [
        "String", "Substring", "Character", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16",
        "UInt32", "UInt64", "Double", "Float", "Bool", "Array", "ArraySlice", "ContiguousArray", "Dictionary",
        "Set", "Optional", "Result", "Never", "Void", "Error", "Range", "ClosedRange", "Sequence", "Collection",
        "IteratorProtocol", "Hashable", "Hasher", "Equatable", "Comparable", "Codable", "Decodable", "Encodable",
        "Decoder", "Encoder", "CodingKey", "CodingKeys", "CodingUserInfoKey", "KeyedDecodingContainer",
        "KeyedEncodingContainer", "SingleValueDecodingContainer", "UnkeyedDecodingContainer", "RawRepresentable",
        "CaseIterable", "CustomStringConvertible", "CustomDebugStringConvertible", "Identifiable", "Sendable",
        "AnyHashable", "AnyObject", "UnsafeBufferPointer", "UnsafeMutableBufferPointer", "UnsafeRawBufferPointer",
        "UnsafeMutableRawBufferPointer", "UnsafePointer", "UnsafeMutablePointer", "UnsafeRawPointer",
        "OpaquePointer", "ExpressibleByStringLiteral", "ExpressibleByIntegerLiteral", "Duration", "ContinuousClock",
        "Task", "Actor", "MainActor", "Mirror", "ObjectIdentifier", "StaticString", "Unicode", "UTF8", "UTF8Span",
        "Span", "RawSpan", "KeyPath", "DecodingError", "EncodingError", "CancellationError", "BinaryInteger",
        "FixedWidthInteger", "Numeric", "SignedInteger", "FloatingPoint", "BinaryFloatingPoint", "Copyable",
        "Escapable", "Swift", "Data", "Date", "URL", "UUID", "Decimal", "NSNumber", "NSDecimalNumber", "NSObject",
        "NSString", "JSONDecoder", "JSONEncoder", "JSONSerialization", "Calendar", "Locale", "TimeZone",
        "DateFormatter", "ISO8601DateFormatter", "FileManager", "Bundle", "ProcessInfo", "NSError", "LocalizedError",
        "CustomNSError", "Foundation", "FileHandle", "Measurement", "IndexSet", "CharacterSet", "Scanner",
        "NSRange", "NSLock", "Glibc", "Darwin", "print", "min", "max", "abs", "zip", "type", "precondition",
        "fatalError", "assert", "stride", "repeatElement", "withUnsafeBytes", "withExtendedLifetime", "hash",
        "hashValue", "description", "debugDescription", "rawValue", "allCases", "count", "first", "last", "isEmpty",
        "contains", "map", "filter", "reduce", "sorted", "append", "key", "value", "element", "index", "values",
        "keys", "lhs", "rhs", "other", "next", "error", "errors", "code", "message", "path", "status", "state",
        "reader", "writer", "output", "input", "options", "decoder", "encoder", "container", "violations",
        "violation", "rule", "rules", "result", "data", "string", "text", "bytes", "buffer", "wire", "record",
        "objectPath", "seen", "kind", "name", "to", "from", "of", "with", "at", "on", "by",
    ]

    /// `public` type and member names declared in ContractRuntime's sources.
    static func runtimeNames(packageRoot: URL) -> [String] {
        let pattern = try! NSRegularExpression(pattern:
            #"public\s+(?:static\s+|final\s+|mutating\s+|nonisolated\s+|indirect\s+)*(?:struct|enum|protocol|class|typealias|actor|func|var|let|case)\s+`?([A-Za-z_][A-Za-z0-9_]*)"#)
        var names: Set<String> = []
        let root = packageRoot.appendingPathComponent("Sources/ContractRuntime")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { names.insert(String(text[range])) }
            }
        }
        return names.sorted()
    }

    /// Every identifier in `swift` outside comments and string literals.
    static func identifiers(in swift: String) -> Set<String> {
        var names: Set<String> = []
        for line in swift.split(separator: "\n") {
            var code = line
            if let comment = code.range(of: "//") { code = code[..<comment.lowerBound] }
            // Drop string literals (generated literals have no escaped quotes inside names that matter).
            let parts = code.split(separator: "\"", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() where index % 2 == 0 {
                var current = ""
                for scalar in part.unicodeScalars {
                    if scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
                        current.unicodeScalars.append(scalar)
                    } else {
                        if let first = current.unicodeScalars.first, !("0"..."9").contains(first) { names.insert(current) }
                        current = ""
                    }
                }
                if let first = current.unicodeScalars.first, !("0"..."9").contains(first) { names.insert(current) }
            }
        }
        return names
    }

    /// All candidate names: keywords, library names, runtime names and the generated code's identifiers.
    static func all(generatedSamples: [String], packageRoot: URL) -> [String] {
        var names = Set(swiftKeywords + libraryNames + runtimeNames(packageRoot: packageRoot))
        for sample in generatedSamples { names.formUnion(identifiers(in: sample)) }
        return names.sorted()
    }
}
