import Foundation

/// The virtual environment to delete when the test process exits; set once, before any reader.
nonisolated(unsafe) private var venvDirectory: String?

/// The `jsonschema` Python package in a throwaway virtual environment, as an independent validator of
/// exported schemas. Set up once per test run; tests are skipped only when `python3` is absent.
enum PythonJSONSchemaValidator {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One record's verdict.
    struct Verdict: Decodable {
        var file: String
        var line: Int
        var valid: Bool
        var error: String?
    }

    /// Whether `python3` is on the PATH.
    static let isPythonAvailable: Bool = (try? run("/usr/bin/env", ["python3", "--version"]).status) == 0

    /// The virtual environment's python, with `jsonschema` installed.
    static let python: Result<String, Failure> = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contract-jsonschema-\(UUID().uuidString)")
        do {
            let venv = try run("/usr/bin/env", ["python3", "-m", "venv", directory.path])
            guard venv.status == 0 else { return .failure(Failure(description: "python3 -m venv failed: \(venv.stderr)")) }
            let pip = directory.appendingPathComponent("bin/pip").path
            let install = try run(pip, ["install", "--quiet", "--disable-pip-version-check", "jsonschema"])
            guard install.status == 0 else { return .failure(Failure(description: "pip install jsonschema failed: \(install.stderr)")) }
            venvDirectory = directory.path
            atexit { if let path = venvDirectory { try? FileManager.default.removeItem(atPath: path) } }
            return .success(directory.appendingPathComponent("bin/python").path)
        } catch {
            return .failure(Failure(description: "cannot run python3: \(error)"))
        }
    }()

    /// The verdict on every record in `records` against the schema at `schema`.
    static func validate(schema: URL, records: [URL]) throws -> [Verdict] {
        let python = try python.get()
        let script = ExportFixtures.directory.appendingPathComponent("validate_records.py").path
        let out = try run(python, [script, schema.path] + records.map(\.path))
        guard out.status == 0 else { throw Failure(description: "validate_records.py failed: \(out.stderr)") }
        return try out.stdout.split(separator: "\n").map { try JSONDecoder().decode(Verdict.self, from: Data($0.utf8)) }
    }

    /// Runs a program to completion.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let directory = FileManager.default.temporaryDirectory
        let outURL = directory.appendingPathComponent("out-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        // Files, not pipes, so a chatty pip cannot block on a full pipe.
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        // A crashed interpreter is not an exit status (a signal number would read as one).
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return (status, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
    }
}
