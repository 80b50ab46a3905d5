import CJSONBlocks
@testable import ContractRuntime  // the fuzz build is a debug build, which allows it

// Fuzz target for the strict JSON reader (`scripts/fuzz.sh FuzzJSONReader SECONDS`).
//
// Every input is read three ways: as a tree (`readValue()`), skipped (`skipValue()`) and walked with the
// pull API (`peekKind()`, `nextKey()`, `readString()`, `readDouble()` ...). The three must accept the same
// inputs and refuse the others with the same category; an accepted value must come back equal from both
// writers, which must write the same bytes. Tight limits may only add `too_deep` or `too_long`.
// Every input is also the text of a string after its opening quote: where the processor has AVX2,
// `ec_string_end` (CJSONBlocks) must give what the reader's Swift scan gives (the same end and flags, or a
// refusal), and the text `ec_unescape` writes for an accepted string must be UTF-8 that reads back the same;
// `ec_cjk_escapes` may take only an accepted string of one to five escapes, and must write the same text.
// An input that starts like a number is also read by the word-at-a-time number paths (`plainDouble()`,
// `plainInteger()`): what they take, they must end where `scanNumber()` ends, with the value it gives; and that
// value must be the standard library's `Double` of the number's text, bit for bit (out of range where it is infinite).
// A crash, or a disagreement (reported by `fatalError`), is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
    let tree = readTree(input, limits: JSONReaderLimits())
    agree(tree, skip(input, limits: JSONReaderLimits()), "readValue() and skipValue()", input)
    agree(tree, walk(input), "readValue() and the pull API", input)
    if case .success(let value) = tree { checkRoundTrip(value, input) }

    checkStringScanners(input)
    checkNumberReaders(input)

    let tight = JSONReaderLimits(maxDepth: 4, maxStringLength: 8, maxKeysPerObject: 3, maxInputLength: 4096)
    let tightTree = readTree(input, limits: tight)
    agree(tightTree, skip(input, limits: tight), "readValue() and skipValue() with tight limits", input)
    switch (tree, tightTree) {
    case (.success(let value), .success(let tightValue)) where value != tightValue:
        fail("tight limits read another value", input)
    case (.success, .failure(let error)) where error.category != .tooDeep && error.category != .tooLong:
        fail("tight limits refused with \(error.category.rawValue), not too_deep or too_long", input)
    case (.failure, .success):
        fail("tight limits accepted what the default limits refuse", input)
    default:
        break
    }
    return 0
}

/// The outcome of one way of reading; only the category of an error is compared.
private typealias Outcome<Value> = Result<Value, JSONReadError>

private func readTree(_ input: UnsafeBufferPointer<UInt8>, limits: JSONReaderLimits) -> Outcome<JSONValue> {
    Result { () throws(JSONReadError) -> JSONValue in
        var reader = try JSONReader(unsafeBuffer: input, limits: limits)
        let value = try reader.readValue()
        try reader.expectEnd()
        return value
    }
}

private func skip(_ input: UnsafeBufferPointer<UInt8>, limits: JSONReaderLimits) -> Outcome<Void> {
    Result { () throws(JSONReadError) in
        var reader = try JSONReader(unsafeBuffer: input, limits: limits)
        try reader.skipValue()
        try reader.expectEnd()
    }
}

/// The document read through the pull API, every number as a double.
private func walk(_ input: UnsafeBufferPointer<UInt8>) -> Outcome<JSONValue> {
    Result { () throws(JSONReadError) -> JSONValue in
        var reader = try JSONReader(unsafeBuffer: input)
        let value = try pull(&reader)
        try reader.expectEnd()
        return value
    }
}

/// Reads one value with the pull API; the recursion is bounded by the reader's depth limit.
private func pull(_ reader: inout JSONReader) throws(JSONReadError) -> JSONValue {
    switch try reader.peekKind() {
    case .null:
        guard try reader.readNullIfPresent() else { fail("peekKind() said null, readNullIfPresent() did not", nil) }
        return .null
    case .bool:
        return .bool(try reader.readBool())
    case .number:
        return .double(try reader.readDouble())
    case .string:
        return .string(try reader.readString())
    case .array:
        try reader.beginArray()
        var elements: [JSONValue] = []
        while try reader.nextElement() { elements.append(try pull(&reader)) }
        return .array(elements)
    case .object:
        try reader.beginObject()
        var members: [(key: String, value: JSONValue)] = []
        while let key = try reader.nextKey() { members.append((key.string, try pull(&reader))) }
        return .object(JSONObject(members))
    }
}

/// Whether a tree and a pull-read value are the same, numbers compared as doubles.
private func sameDocument(_ tree: JSONValue, _ pulled: JSONValue) -> Bool {
    switch (tree, pulled) {
    case let (.int(i), .double(d)): return Double(i) == d
    case let (.double(a), .double(b)): return a == b && a.sign == b.sign
    case let (.array(a), .array(b)): return a.count == b.count && zip(a, b).allSatisfy(sameDocument)
    case let (.object(a), .object(b)):
        return a.count == b.count && zip(a.members, b.members).allSatisfy {
            JSONValue.string($0.key) == JSONValue.string($1.key) && sameDocument($0.value, $1.value)
        }
    default: return tree == pulled
    }
}

/// `ec_string_end` and ``JSONReader/scanStringInSwift()`` on the input as a string's text, and `ec_unescape`'s text
/// (the same from its AVX2 path and its portable loop).
private func checkStringScanners(_ input: UnsafeBufferPointer<UInt8>) {
    guard JSONReader.FastPaths.current.stringEnd else { return }
    let quoted = [UInt8(ascii: "\"")] + Array(input)
    quoted.withUnsafeBufferPointer { buffer in
        let found = ec_string_end(buffer.baseAddress! + 1, buffer.count - 1)
        let end = found < 0 ? -1 : found >> 2, flags = found < 0 ? 0 : found & 3
        // What `ec_cjk_escapes` takes (it reads 32 bytes): its escapes and their text, checked below either way.
        var cjk = [UInt8](repeating: 0, count: 16)
        let escapes = buffer.count - 1 < 32 ? 0
            : cjk.withUnsafeMutableBufferPointer { ec_cjk_escapes(buffer.baseAddress! + 1, $0.baseAddress!) }
        let swift = Result { () throws(JSONReadError) -> JSONReader.StringToken in
            var reader = try JSONReader(unsafeBuffer: buffer)
            return try reader.scanStringInSwift()
        }
        switch swift {
        case .success(let token):
            guard end == token.end - 1, (flags & 1 != 0) == token.hasEscapes, (flags & 2 == 0) == token.isASCII else {
                fail("ec_string_end gave \(end) (flags \(flags)), the Swift scan \(token)", input)
            }
            let text = [UInt8](unsafeUninitializedCapacity: end + Int(EC_UNESCAPE_SLACK)) { output, count in
                count = ec_unescape(buffer.baseAddress! + 1, end, buffer.count - 1, output.baseAddress!)
            }
            let portable = [UInt8](unsafeUninitializedCapacity: end + Int(EC_UNESCAPE_SLACK)) { output, count in
                count = ec_unescape_portable(buffer.baseAddress! + 1, end, buffer.count - 1, output.baseAddress!)
            }
            guard text == portable else { fail("ec_unescape wrote \(text), its portable loop \(portable)", input) }
            // A string `ec_cjk_escapes` takes is one to five escapes of three bytes each, and its text is the same.
            if escapes > 0 && (escapes * 6 != end || Array(cjk.prefix(3 * escapes)) != text || text.count != 3 * escapes) {
                fail("ec_cjk_escapes took \(escapes) escapes of a string of \(end) bytes whose text is \(text)", input)
            }
            guard let string = String(validating: text, as: UTF8.self), (flags & 2 == 0) == text.allSatisfy({ $0 < 0x80 }) else {
                fail("ec_unescape wrote \(text), not UTF-8 of the right kind", input)
            }
            guard case .string(let again)? = try? JSONValue(strictUTF8: Array(JSONValue.string(string).jsonUTF8Data())),
                  Array(again.utf8) == text else {
                fail("the unescaped text \(string.debugDescription) does not read back", input)
            }
        case .failure:
            if end >= 0 { fail("ec_string_end accepted a string the Swift scan refuses (end \(end))", input) }
            if escapes > 0 { fail("ec_cjk_escapes took \(escapes) escapes of a string the Swift scan refuses", input) }
        }
    }
}

/// A number at the input's start taken by `plainDouble()` or `plainInteger()` must end where `scanNumber()` ends and
/// be the double `doubleValue(_:)` gives (bit for bit, so -0.0 too), or the integer of the token; nothing is
/// compared where they decline, which they may do for any number.
private func checkNumberReaders(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
          var careful = try? JSONReader(unsafeBuffer: input) else { return }
    let reference = Result { () throws(JSONReadError) -> (token: JSONReader.NumberToken, double: Double) in
        let token = try careful.scanNumber()
        return (token, try careful.doubleValue(token))
    }
    // The double is the standard library's correctly rounded one, bit for bit, and out of range exactly where that
    // is infinite (`ec_decimal_to_double` converts most numbers, the standard library's parser the rest).
    if var scanner = try? JSONReader(unsafeBuffer: input), let token = try? scanner.scanNumber() {
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[token.start..<token.end]), as: UTF8.self)
        let standard = Double(text)
        switch reference {
        case .success(let read) where standard?.bitPattern == read.double.bitPattern: break
        case .failure(let error) where error.category == .numberOutOfRange && standard?.isFinite == false: break
        default: fail("\(text) read as \(describe(reference)); the standard library reads \(String(describing: standard))", input)
        }
    }
    guard var fast = try? JSONReader(unsafeBuffer: input) else { return }
    if let value = fast.plainDouble() {
        guard case .success(let expected) = reference, expected.double.bitPattern == value.bitPattern,
              fast.position == careful.position else {
            fail("plainDouble() read \(value), ending at \(fast.position); scanNumber(): \(describe(reference))", input)
        }
    }
    guard var integers = try? JSONReader(unsafeBuffer: input) else { return }
    if let value = integers.plainInteger() {
        guard case .success(let expected) = reference, expected.token.isInteger, expected.token.int64Value == value,
              integers.position == careful.position else {
            fail("plainInteger() read \(value), ending at \(integers.position); scanNumber(): \(describe(reference))", input)
        }
    }
}

/// Traps unless both readings succeeded, or both failed with the same category.
private func agree<A, B>(_ a: Outcome<A>, _ b: Outcome<B>, _ what: String, _ input: UnsafeBufferPointer<UInt8>) {
    switch (a, b) {
    case (.success(let x), .success(let y)):
        if let x = x as? JSONValue, let y = y as? JSONValue, !sameDocument(x, y) {
            fail("\(what) read different documents: \(x) vs \(y)", input)
        }
    case (.failure(let x), .failure(let y)) where x.category == y.category:
        break
    default:
        fail("\(what) disagree: \(describe(a)) vs \(describe(b))", input)
    }
}

/// An accepted value reads back equal from both writers, which write the same bytes.
private func checkRoundTrip(_ value: JSONValue, _ input: UnsafeBufferPointer<UInt8>) {
    let written: [UInt8]
    do {
        written = Array(try value.jsonUTF8Data())
    } catch {
        fail("jsonUTF8Data() refused a value the reader accepted: \(error)", input)
    }
    var output = JSONOutput()
    output.value(value)
    if output.bytes != written {
        fail("JSONOutput and jsonUTF8Data() wrote different bytes", input)
    }
    switch Result(catching: { try JSONValue(strictUTF8: written) }) {
    case .success(let again) where again == value && sameDocument(value, again):
        break
    case .success(let again):
        fail("the written value reads back as \(again), not \(value)", input)
    case .failure(let error):
        fail("the written value does not read back: \(error)", input)
    }
}

private func describe<Value>(_ outcome: Outcome<Value>) -> String {
    switch outcome {
    case .success: "accepted"
    case .failure(let error): "refused (\(error))"
    }
}

private func fail(_ message: String, _ input: UnsafeBufferPointer<UInt8>?) -> Never {
    let text = input.map { String(decoding: $0, as: UTF8.self).debugDescription } ?? ""
    fatalError("FuzzJSONReader: \(message); input \(text)")
}
