// DecodeBenchmarks: streams a JSON Lines file of TaskStepResult records through one decoder and counts
// valid and invalid lines. Driven by Benchmarks/run-validation-bench.sh next to contractgen validate,
// pydantic and msgspec, on the same file.
//
//   DecodeBenchmarks --mode generated FILE   TaskStepResult(jsonUTF8Bytes:), the generated strict decoder, on
//                                            each line in place in the read buffer (as a streaming reader would)
//   DecodeBenchmarks --mode codable FILE     JSONDecoder().decode(TaskStepResult.self, from:), the generated Codable
//   DecodeBenchmarks --mode tree FILE        JSONValue(strictUTF8:), the strict reader building a tree of any JSON with
//                                            no contract (what simdjson's DOM parse and msgspec.json.decode do)
//
// Options: --report-invalid prints "LINE<TAB>error" to stderr for each rejected line;
//          --report-valid prints the numbers of accepted lines to stderr (to check an invalid-lines corpus).
// Output, one JSON line on stdout: {"tool":..., "records":..., "valid":..., "invalid":..., "seconds":...}
// The file is read in 1 MiB chunks; only the current chunk and the current line are held in memory. The codable
// mode copies each line into a Data, which JSONDecoder needs.

import ContractRuntime
import ExecutionContracts
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Mode: String {
    case generated, codable, tree
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("DecodeBenchmarks: \(message)\n".utf8))
    FileHandle.standardError.write(Data("usage: DecodeBenchmarks --mode generated|codable|tree [--report-invalid] [--report-valid] FILE\n".utf8))
    exit(2)
}

var mode: Mode?
var path: String?
var reportInvalid = false
var reportValid = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--mode":
        guard let value = arguments.popFirst(), let parsed = Mode(rawValue: value) else {
            fail("--mode takes generated, codable or tree")
        }
        mode = parsed
    case "--report-invalid":
        reportInvalid = true
    case "--report-valid":
        reportValid = true
    case "-h", "--help":
        fail("help")
    default:
        guard path == nil, !argument.hasPrefix("--") else { fail("unexpected argument \(argument)") }
        path = argument
    }
}
guard let mode, let path else { fail("missing --mode or FILE") }

/// Calls `body` with the bytes of each line of the file (without its "\n"), valid during the call, reading
/// the file in fixed-size chunks. A last line without a final newline is passed too; a line that continues
/// in the next chunk is put together in a carry buffer.
func forEachLine(ofFileAt path: String, chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { fail("cannot open \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { chunk.deallocate() }
    var carry = Data()  // the start of a line that continues in the next chunk
    while true {
        let count = read(fd, chunk.baseAddress, chunkSize)
        if count < 0 {
            if errno == EINTR { continue }
            fail("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        if count == 0 { break }
        let bytes = UnsafeRawBufferPointer(rebasing: chunk[0..<count])
        var start = 0
        while start < count {
            guard let newline = memchr(bytes.baseAddress! + start, 0x0A, count - start) else {
                carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<count]))
                break
            }
            let end = newline - UnsafeMutableRawPointer(mutating: bytes.baseAddress!)
            if carry.isEmpty {
                body(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            } else {
                carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                carry.withUnsafeBytes(body)
                carry = Data()
            }
            start = end + 1
        }
    }
    if !carry.isEmpty { carry.withUnsafeBytes(body) }
}

/// Decodes every line of the file with `mode` and counts the valid and invalid ones. A function with local
/// counts rather than top-level code: top-level variables belong to the main actor, and the loop paid for an
/// isolation check on every record.
func decodeLines(ofFileAt path: String, mode: Mode, reportValid: Bool, reportInvalid: Bool)
    -> (records: Int, valid: Int, invalid: Int)
{
    let decoder = JSONDecoder()
    var records = 0
    var valid = 0
    var invalid = 0
    forEachLine(ofFileAt: path) { line in
        records += 1
        do {
            switch mode {
            case .generated: withExtendedLifetime(try TaskStepResult(jsonUTF8Bytes: line)) {}
            case .codable: withExtendedLifetime(try decoder.decode(TaskStepResult.self, from: Data(line))) {}
            case .tree: withExtendedLifetime(try JSONValue(strictUTF8: line)) {}
            }
            valid += 1
            if reportValid {
                FileHandle.standardError.write(Data("\(records)\n".utf8))
            }
        } catch {
            invalid += 1
            if reportInvalid {
                let text = "\(error)".replacingOccurrences(of: "\n", with: " ")
                FileHandle.standardError.write(Data("\(records)\t\(text.prefix(300))\n".utf8))
            }
        }
    }
    return (records, valid, invalid)
}

let clock = ContinuousClock()
let started = clock.now
let (records, valid, invalid) = decodeLines(ofFileAt: path, mode: mode, reportValid: reportValid, reportInvalid: reportInvalid)
let elapsed = clock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(#"{"tool":"\#(mode.rawValue)","records":\#(records),"valid":\#(valid),"invalid":\#(invalid),"seconds":\#((seconds * 1e6).rounded() / 1e6)}"#)
