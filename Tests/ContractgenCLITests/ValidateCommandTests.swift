import TestSupport
import Foundation
import Testing

@Suite struct ValidateCommandTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString).jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static let validRecord =
        #"{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#

    @Test func validRecordsExitZeroWithASummary() throws {
        let out = try CLIRunner.run(["validate", "Tests/Fixtures/records/execution_valid.jsonl"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout == "")
        #expect(out.stderr.hasPrefix("9 records, 9 valid, 0 invalid, "))
        #expect(out.stderr.hasSuffix(" MB/s; contract Execution 1.1.0 from schema/execution.yaml, model TaskStepResult\n"))
    }

    @Test func everyInvalidRecordPrintsItsCategoryAndPath() throws {
        let path = "Tests/Fixtures/records/execution_invalid.jsonl"
        let out = try CLIRunner.run(["validate", path])
        #expect(out.status == 1)
        let expectedURL = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/records/execution_invalid.expected")
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" {
            try out.stdout.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(out.stdout == expected)
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 31, "one line per invalid record")
        #expect(out.stderr.hasPrefix("31 records, 0 valid, 31 invalid, "))
    }

    @Test func crlfLineEndingsAndAMissingFinalNewlineAreAccepted() throws {
        let out = try CLIRunner.run(["validate", "Tests/Fixtures/records/execution_crlf_no_final_newline.jsonl"])
        #expect(out.status == 0, "\(out.stdout)")
        #expect(out.stderr.hasPrefix("3 records, 3 valid, 0 invalid"))
    }

    @Test func aTooLongLastLineWithoutAFinalNewlineIsReportedLikeAnyOtherTooLongLine() throws {
        // Found by the FuzzValidate fuzz target: the last line skipped the length check when it fit the
        // read buffer, so the JSON reader refused it instead, with another message.
        let path = "Tests/Fixtures/records/fuzz_too_long_last_line_no_final_newline.jsonl"
        let out = try CLIRunner.run(["validate", "--max-line-bytes", "64", path])
        #expect(out.status == 1)
        let finding = "error: [too_long] the record is 225 bytes, more than the limit of 64 at $\n"
        #expect(out.stdout == "\(path):1: \(finding)\(path):2: \(finding)")
    }

    @Test func aBlankLineIsInvalidButTheFinalNewlineEndsTheFile() throws {
        let path = try temporaryFile(Array((Self.validRecord + "\n\n" + Self.validRecord + "\n").utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CLIRunner.run(["validate", path])
        #expect(out.status == 1)
        #expect(out.stdout == "\(path):2: error: [empty_line] empty line where a record should be at $\n")
        #expect(out.stderr.hasPrefix("3 records, 2 valid, 1 invalid"))
    }

    @Test func aHundredThousandCharacterStringIsValidated() throws {
        let long = String(repeating: "長", count: 100_000)
        let record = Self.validRecord.replacingOccurrences(of: #""message":"""#, with: #""message":"\#(long)""#)
        let path = try temporaryFile(Array((record + "\n").utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CLIRunner.run(["validate", path])
        #expect(out.status == 0, "\(out.stdout)")
    }

    @Test func aHundredThousandDeepArrayIsRefusedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let record = Self.validRecord.replacingOccurrences(of: #""result":null"#, with: #""result":\#(deep)"#)
        let path = try temporaryFile(Array((record + "\n").utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CLIRunner.run(["validate", path])
        #expect(out.status == 1)
        #expect(out.stdout.hasPrefix("\(path):1: error: [too_deep] "))
    }

    @Test func jsonFormatPrintsOneObjectPerInvalidRecord() throws {
        let out = try CLIRunner.run(["validate", "--format", "json", "-"],
                                    input: Data((Self.validRecord + "\n[1]\n").utf8))
        #expect(out.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        #expect(object?["file"] as? String == "<stdin>")
        #expect(object?["line"] as? Int == 2)
        #expect(object?["category"] as? String == "not_an_object")
        #expect(object?["path"] as? String == "$")
    }

    @Test func maxErrorsStopsAfterThatManyInvalidRecords() throws {
        let out = try CLIRunner.run(["validate", "--max-errors", "2", "Tests/Fixtures/records/execution_invalid.jsonl"])
        #expect(out.status == 1)
        #expect(out.stdout.split(separator: "\n").count == 2)
        #expect(out.stderr.hasPrefix("2 records, 0 valid, 2 invalid"))
    }

    @Test func legacyValuesAreAcceptedOnlyWhenAsked() throws {
        let legacy = #"{"step":"s","result":null,"completed":false,"message":"","status":"error","error_code":"E003","error_message":"boom"}"#
        let refused = try CLIRunner.run(["validate", "-"], input: Data(legacy.utf8))
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("[unknown_enum_value] \"error\" is not a value of TaskStatus; it is a legacy value for \"failed\""))
        let accepted = try CLIRunner.run(["validate", "--accept-legacy", "-"], input: Data(legacy.utf8))
        #expect(accepted.status == 0, "\(accepted.stdout)")
    }

    @Test func anotherSchemaAndModelCanBeChosen() throws {
        let run = #"{"id":"r1","source":"skill","source_ref":"pptx","session_id":null,"status":"running","started_at":"2026-02-20T10:00:00Z","finished_at":null,"duration_ms":null,"error_code":null,"error_message":null,"metadata":null}"#
        let out = try CLIRunner.run(["validate", "--schema", "schema/agent_run.yaml", "--model", "AgentRun", "-"],
                                    input: Data(run.utf8))
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
    }

    @Test func anUnknownModelIsAUsageErrorWithASuggestion() throws {
        let out = try CLIRunner.run(["validate", "--model", "TaskStepResults", "-"], input: Data())
        #expect(out.status == 2)
        #expect(out.stderr.contains("no model `TaskStepResults`; did you mean `TaskStepResult`?"))
    }

    @Test func anUnknownModelWithNothingCloseListsTheModels() throws {
        let out = try CLIRunner.run(["validate", "--schema", "schema/agent_run.yaml", "--model", "Zzz", "-"], input: Data())
        #expect(out.status == 2)
        #expect(out.stderr == "error: the schema has no model `Zzz`; valid models are `AgentRun`\n")
    }

    @Test func aMissingFileExitsTwo() throws {
        let out = try CLIRunner.run(["validate", "no/such/file.jsonl"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("error: cannot read no/such/file.jsonl"))
    }

    /// Findings, summary counts and exit status are the same for any --jobs: lines are judged in batches by
    /// several threads and printed in line order. About twelve megabytes of mixed lines make several 4 MiB batches.
    @Test func everyNumberOfJobsPrintsTheSameFindingsInLineOrder() throws {
        // Not all UTF-8: split as bytes.
        let invalid = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/records/execution_invalid.jsonl"))
            .split(separator: 0x0A).map(Array.init)
        let long = Array(Self.validRecord.replacingOccurrences(of: #""message":"""#,
                                                               with: #""message":"\#(String(repeating: "文", count: 2000))""#).utf8)
        var lines: [[UInt8]] = []
        for index in 0..<9_000 {
            lines.append(index % 97 == 0 ? invalid[index % invalid.count] : index % 5 == 0 ? long : Array(Self.validRecord.utf8))
        }
        let path = try temporaryFile(Array(lines.joined(separator: [0x0A])))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for format in ["text", "json"] {
            let one = try CLIRunner.run(["validate", "--jobs", "1", "--format", format, "--no-progress", path])
            #expect(one.status == 1)
            #expect(one.stdout.split(separator: "\n").count == 93, "\(one.stderr)")
            for jobs in ["2", "3", "64"] {
                let many = try CLIRunner.run(["validate", "--jobs", jobs, "--format", format, "--no-progress", path])
                #expect(many.status == one.status)
                #expect(many.stdout == one.stdout, "--jobs \(jobs) --format \(format)")
                #expect(many.stderr.prefix(while: { $0 != "," }) == one.stderr.prefix(while: { $0 != "," }))
                #expect(many.stderr.contains(", 93 invalid, "), "\(many.stderr)")
            }
            let stopped = try CLIRunner.run(["validate", "--jobs", "2", "--max-errors", "5", "--format", format, path])
            let stoppedOne = try CLIRunner.run(["validate", "--jobs", "1", "--max-errors", "5", "--format", format, path])
            #expect(stopped.stdout == stoppedOne.stdout && stopped.stdout.split(separator: "\n").count == 5)
        }
    }

    /// Where the threads of --jobs cannot be made (an address-space limit too small for their stacks), the
    /// command still validates every line, in order, on its own thread: no hang, the same findings.
    @Test func jobsThreadsThatCannotBeMadeFallBackToOneThread() throws {
        let contractgen = try #require(CLIRunner.executable(named: "contractgen"))
        let path = try temporaryFile(Array((Self.validRecord + "\n[1]\n" + Self.validRecord + "\nnope\n").utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let one = try CLIRunner.run(["validate", "--jobs", "1", "--no-progress", path])
        // 700 MB of address space: room for the program and at most two 256 MiB stacks, not for eight.
        let limited = try CLIRunner.run(executable: URL(fileURLWithPath: "/bin/sh"),
                                        ["-c", "ulimit -v 700000 && exec \"$0\" validate --jobs 8 --no-progress \"$1\"",
                                         contractgen.path, path])
        #expect(limited.status == 1, "\(limited.stderr)")
        #expect(limited.stdout == one.stdout)
        #expect(limited.stdout.split(separator: "\n").count == 2)
    }
}
