import CYAML
internal import ContractRuntime
import ContractSchema
import Foundation

/// The outcome of reading one YAML file: the root node (nil when the file is empty or unreadable)
/// and every refusal found on the way.
public struct YAMLDocument: Sendable {
    /// The root node, if the file held one.
    public var root: YAMLNode?
    /// Problems found while reading, in the order met.
    public var diagnostics: [Diagnostic]
    /// Whether the file could not be opened at all (missing, a directory, not readable).
    public var isUnreadable: Bool = false
    /// The text the tree was read from, for recognising lines read as something other than meant.
    var source: SourceText?
}

/// Reads the strict YAML subset schemas are written in, through libyaml's event API.
///
/// Anchors, aliases, tags, merge keys, complex keys, duplicate keys and multiple documents are refused,
/// each with its own located message. Size, depth and node count are bounded by ``YAMLLimits``.
public struct YAMLReader: Sendable {
    /// The bounds applied.
    public var limits: YAMLLimits

    /// Creates a reader.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Reads the file at `path`. The size is checked before any byte is read.
    public func read(contentsOf path: String) -> YAMLDocument {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
                return YAMLDocument(root: nil, diagnostics: [.error("\(path) is a directory, not a schema file", at: nil)], isUnreadable: true)
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            return YAMLDocument(root: nil, diagnostics: [.error("cannot read \(path): no such file or not readable", at: nil)], isUnreadable: true)
        }
        if size > limits.maxBytes {
            return YAMLDocument(root: nil, diagnostics: [tooLarge(size, at: start)])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return YAMLDocument(root: nil, diagnostics: [.error("cannot read \(path): permission denied", at: nil)], isUnreadable: true)
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit, in case the file grew after the size check (saturating:
        // the limit may be Int.max).
        let (pastLimit, overflow) = limits.maxBytes.addingReportingOverflow(1)
        let data = (try? handle.read(upToCount: overflow ? Int.max : pastLimit)) ?? Data()
        return read(bytes: [UInt8](data), file: path)
    }

    /// Reads YAML text held in memory; `file` is the name used in locations.
    public func read(text: String, file: String) -> YAMLDocument {
        read(bytes: Array(text.utf8), file: file)
    }

    /// Reads YAML bytes held in memory; `file` is the name used in locations.
    ///
    /// A leading UTF-8 byte-order mark is skipped (columns on line 1 count from the character after it);
    /// UTF-16 and UTF-32 text and a byte-order mark anywhere else are refused.
    public func read(bytes: [UInt8], file: String) -> YAMLDocument {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count > limits.maxBytes {
            return YAMLDocument(root: nil, diagnostics: [tooLarge(bytes.count, at: start)])
        }
        if let encoding = TextEncoding.foreignEncoding(of: bytes) {
            return YAMLDocument(root: nil, diagnostics: [.error(TextEncoding.refusal(of: encoding), at: start)])
        }
        // Editors show no column for the mark, so positions are those of the text after it.
        let text = bytes.starts(with: TextEncoding.utf8ByteOrderMark) ? Array(bytes.dropFirst(3)) : bytes
        if let (offset, problem) = UTF8Check.firstError(in: text) {
            let location = Self.location(ofByte: offset, in: text, file: file)
            return YAMLDocument(root: nil, diagnostics: [
                .error("invalid UTF-8: \(problem); schema files must be UTF-8 text", at: location),
            ])
        }
        if let offset = TextEncoding.firstByteOrderMark(in: text[...]) {
            let location = Self.location(ofByte: offset, in: text, file: file)
            return YAMLDocument(root: nil, diagnostics: [.error(TextEncoding.misplacedByteOrderMark, at: location)])
        }
        if text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return YAMLDocument(root: nil, diagnostics: [])
        }
        var builder = TreeBuilder(file: file, limits: limits, text: text)
        text.withUnsafeBufferPointer { buffer in
            builder.run(buffer)
        }
        var document = YAMLDocument(root: builder.root, diagnostics: builder.diagnostics)
        document.source = builder.source
        return document
    }

    private func tooLarge(_ size: Int, at location: SourceLocation) -> Diagnostic {
        .error("schema file is \(Plural.counted(size, "byte")); the limit is \(Plural.counted(limits.maxBytes, "byte")) (raise it with --max-schema-bytes)",
               at: location)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset in valid-so-far UTF-8.
    static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for b in bytes[..<min(offset, bytes.count)] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
