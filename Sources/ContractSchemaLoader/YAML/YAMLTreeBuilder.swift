import CYAML
internal import ContractRuntime
import ContractSchema

/// Turns libyaml events into a located node tree without recursion.
struct TreeBuilder {
    let file: String
    let limits: YAMLLimits
    let text: [UInt8]
    let source: SourceText
    var root: YAMLNode?
    var diagnostics: [Diagnostic] = []

    /// An open mapping or sequence, mutated in place on the stack so appends never copy.
    private struct Frame {
        enum Kind {
            case mapping, sequence
            /// A container being skipped (a complex key); its contents are ignored.
            case skipped
        }

        var kind: Kind
        var location: SourceLocation
        var isFlow = false
        var entries: [YAMLMapping.Entry] = []
        var duplicates: [YAMLMapping.Entry] = []
        var items: [YAMLNode] = []
        /// The key whose value is awaited.
        var pendingKey: YAMLScalar?
        /// Whether the awaited value belongs to a refused key and is dropped.
        var dropNextValue = false
        /// Whether the awaited value belongs to a key used before in this mapping.
        var pendingKeyIsDuplicate = false
        var seen: [String: SourceLocation] = [:]

        /// Whether the next node in this mapping is a key.
        var expectsKey: Bool { kind == .mapping && pendingKey == nil && !dropNextValue }
    }

    private var stack: [Frame] = []
    private var nodeCount = 0
    private var documents = 0
    private var stopped = false
    /// What a syntax error message needs to know of the structure read so far.
    private var parserState = ParserState()
    private var duplicateKeyLocations: Set<SourceLocation?> = []

    init(file: String, limits: YAMLLimits, text: [UInt8]) {
        self.file = file
        self.limits = limits
        self.text = text
        source = SourceText(bytes: text, file: file)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error("cannot initialize the YAML parser (out of memory)", at: nil))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var event = yaml_event_t()
        while !stopped {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return
            }
            let done = event.type == YAML_STREAM_END_EVENT
            track(event)
            handle(event)
            yaml_event_delete(&event)
            if done { return }
        }
    }

    private mutating func handle(_ event: yaml_event_t) {
        let at = location(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail("a schema file holds one YAML document; remove the second `---` document", at: at)
            }
        case YAML_ALIAS_EVENT:
            fail("aliases (`*name`) are not allowed in schemas; write the value out", at: at)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            refuseAnchorAndTag(anchor: s.anchor, tag: s.tag, at: at)
            let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(s.length)), as: UTF8.self) } ?? ""
            let style: YAMLScalar.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            guard count(at: at) else { return }
            add(.scalar(YAMLScalar(value: text, style: style, location: at, end: location(event.end_mark))))
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            refuseAnchorAndTag(anchor: m.anchor, tag: m.tag, at: at)
            open(Frame(kind: .mapping, location: at, isFlow: m.style == YAML_FLOW_MAPPING_STYLE), at: at)
        case YAML_SEQUENCE_START_EVENT:
            let q = event.data.sequence_start
            refuseAnchorAndTag(anchor: q.anchor, tag: q.tag, at: at)
            open(Frame(kind: .sequence, location: at, isFlow: q.style == YAML_FLOW_SEQUENCE_STYLE), at: at)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            guard let frame = stack.popLast() else { return }
            switch frame.kind {
            case .mapping: add(.mapping(YAMLMapping(entries: frame.entries, duplicates: frame.duplicates, location: frame.location)))
            case .sequence: add(.sequence(YAMLSequence(items: frame.items, location: frame.location)))
            case .skipped: add(nil)
            }
        default:
            break
        }
    }

    private mutating func open(_ frame: Frame, at: SourceLocation) {
        guard count(at: at) else { return }
        if stack.last?.expectsKey == true {
            // A mapping or list used as a key.
            diagnostics.append(.error("keys must be plain text; a mapping or list cannot be a key", at: at))
            stack.append(Frame(kind: .skipped, location: at))
            return
        }
        if stack.last?.kind == .skipped {
            stack.append(Frame(kind: .skipped, location: at))
            return
        }
        if stack.count >= limits.maxDepth {
            if limits.maxDepth >= YAMLLimits.depthCeiling {
                fail("nesting is deeper than \(Plural.counted(limits.maxDepth, "level")), the most a schema may have", at: at)
            } else {
                fail("nesting is deeper than the limit of \(Plural.counted(limits.maxDepth, "level")) (raise it with --max-schema-depth)", at: at)
            }
            return
        }
        stack.append(frame)
    }

    private mutating func count(at: SourceLocation) -> Bool {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            fail("the file holds more than the limit of \(Plural.counted(limits.maxNodes, "YAML node")) (raise it with --max-schema-nodes)", at: at)
            return false
        }
        return true
    }

    /// Attaches a finished node to its parent (nil: a skipped complex key).
    private mutating func add(_ node: YAMLNode?) {
        guard !stack.isEmpty else {
            if root == nil { root = node }
            return
        }
        let top = stack.count - 1
        switch stack[top].kind {
        case .skipped:
            return
        case .sequence:
            if let node { stack[top].items.append(node) }
        case .mapping:
            if let key = stack[top].pendingKey {
                if let node {
                    if stack[top].pendingKeyIsDuplicate {
                        stack[top].duplicates.append(.init(key: key, value: node))
                    } else {
                        stack[top].entries.append(.init(key: key, value: node))
                    }
                }
                stack[top].pendingKey = nil
                stack[top].pendingKeyIsDuplicate = false
            } else if stack[top].dropNextValue {
                stack[top].dropNextValue = false
            } else if node == nil {
                // A refused complex key: its value is dropped too.
                stack[top].dropNextValue = true
            } else if case .scalar(let key)? = node {
                if key.style == .plain && key.value == "<<" {
                    diagnostics.append(.error("merge keys (`<<`) are not allowed in schemas; write the keys out", at: key.location))
                    stack[top].dropNextValue = true
                } else if let first = stack[top].seen[key.value] {
                    // Kept aside: a key line indented too far makes its children look like duplicates.
                    diagnostics.append(YAMLMapping.duplicateKeyDiagnostic(key, firstAt: first))
                    duplicateKeyLocations.insert(key.location)
                    stack[top].pendingKey = key
                    stack[top].pendingKeyIsDuplicate = true
                } else {
                    stack[top].seen[key.value] = key.location
                    stack[top].pendingKey = key
                }
            }
        }
    }

    private mutating func refuseAnchorAndTag(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
                                             at: SourceLocation) {
        if let anchor {
            let name = String(cString: anchor)
            diagnostics.append(.error("anchors (`&\(name)`) are not allowed in schemas; write the value out", at: at))
        }
        if let tag {
            let name = String(cString: tag)
            let shown = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
            diagnostics.append(.error("tags (`\(shown)`) are not allowed in schemas; a value's type comes from where it stands",
                                      at: at))
        }
    }

    private mutating func fail(_ message: String, at: SourceLocation) {
        diagnostics.append(.error(message, at: at))
        stopped = true
        root = nil
    }

    /// Keeps what a syntax error message may need: open and just-closed collections, the last scalar.
    private mutating func track(_ event: yaml_event_t) {
        let at = location(event.start_mark)
        switch event.type {
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let isFlow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            let owner = isFlow ? nil : source.owner(ofBlockAt: at, isList: !isMapping)
            parserState.open.append(.init(kind: isMapping ? .mapping : .list, start: at, isFlow: isFlow, owner: owner))
            parserState.recentlyClosed = []
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            guard var collection = parserState.open.popLast() else { return }
            guard !collection.isFlow else { return }
            collection.end = at
            parserState.closed.append(collection)
            parserState.recentlyClosed.append(collection)
        case YAML_SCALAR_EVENT:
            let style: YAMLScalar.Style = switch event.data.scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            default: .plain
            }
            parserState.lastScalar = (style, at, location(event.end_mark))
            parserState.recentlyClosed = []
        default:
            break
        }
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        root = nil
        stopped = true
        let stage: LibYAMLError.Stage = switch parser.error {
        case YAML_READER_ERROR: .reader
        case YAML_SCANNER_ERROR: .scanner
        default: .parser
        }
        // Reader errors carry a byte offset, not a mark.
        let problemMark = stage == .reader ? YAMLReader.location(ofByte: Int(parser.problem_offset), in: text, file: file)
            : location(parser.problem_mark)
        let error = LibYAMLError(stage: stage, problem: parser.problem.map { String(cString: $0) } ?? "unknown error",
                                 context: parser.context.map { String(cString: $0) }, problemMark: problemMark,
                                 contextMark: location(parser.context_mark), problemOffset: Int(parser.problem_offset),
                                 problemValue: Int(parser.problem_value))
        // Keys that looked duplicated were most likely lines the same indentation mistake misplaced.
        diagnostics.removeAll { $0.message.hasPrefix("duplicate key `") && duplicateKeyLocations.contains($0.location) }
        diagnostics.append(YAMLSyntaxError(error: error, state: parserState, source: source).diagnostic())
    }
}
