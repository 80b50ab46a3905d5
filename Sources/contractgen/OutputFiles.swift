import ArgumentParser
import ContractCodegen
import ContractRuntime
import Foundation

/// Files a command writes from schemas (`export`, `conformance`): into `--output`, or to standard output
/// without one. Two sources that would write one file are refused before anything is written.
struct OutputFiles {
    /// Each file's name, its text and the schema it comes from.
    var files: [(name: String, text: String, schema: String)] = []

    /// Writes every file into `output` (created when missing), saying each path on standard error; without
    /// `output`, prints the texts joined by `separator`. Exits 2 on a clash or a file that cannot be written.
    func write(to output: String?, separator: String = "", verb: String) throws {
        guard let output else {
            Console.standardOutput(files.map(\.text).joined(separator: separator))
            return
        }
        if let clash = GenerationPlan.firstClash(files.map { ($0.name, $0.schema) }) {
            Console.standardError(DisplayText.escaped("""
                error: \(clash.sources.map { "`\($0)`" }.joined(separator: " and ")) would all write `\(clash.file)`; \
                \(verb) them into different directories (one --output each)
                """) + "\n")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Console.standardError(DisplayText.escaped("error: cannot create output directory \(output)") + "\n")
            throw ExitCode(2)
        }
        for file in files {
            let path = URL(fileURLWithPath: output).appendingPathComponent(file.name).path
            guard FileManager.default.createFile(atPath: path, contents: Data(file.text.utf8)) else {
                Console.standardError(DisplayText.escaped("error: cannot write \(path)") + "\n")
                throw ExitCode(2)
            }
            Console.standardError(DisplayText.escaped("wrote \(path)") + "\n")
        }
    }
}
