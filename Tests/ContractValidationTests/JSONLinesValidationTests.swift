import ContractRuntime
import ContractValidation
import Testing

/// JSON Lines verdicts as `contractgen validate` reports them, from a file and from memory alike.
@Suite struct JSONLinesValidationTests {
    /// The verdicts on `text` from memory, checked to be the same as from a file.
    private func verdicts(_ text: String, limits: JSONReaderLimits = .init()) throws -> [LineVerdict] {
        let validator = try taskStepResultValidator(limits: limits)
        let bytes = Array(text.utf8)
        let inMemory = validator.verdicts(ofJSONLines: bytes)
        let streamed = try streamedVerdicts(bytes, validator: validator)
        #expect(streamed.verdicts == inMemory)
        #expect(streamed.bytesRead == bytes.count)
        return inMemory
    }

    @Test func eachLineIsOneRecordAndTheFinalLineBreakEndsTheInput() throws {
        let found = try verdicts(validRecord + "\n" + validRecord + "\n")
        #expect(found.map(\.line) == [1, 2])
        #expect(found.allSatisfy { $0.isValid })
        #expect(found.map(\.length) == [validRecord.utf8.count, validRecord.utf8.count])
    }

    @Test func textAfterTheLastLineBreakIsALine() throws {
        let found = try verdicts(validRecord + "\n" + validRecord)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.isValid })
    }

    @Test func aCarriageReturnBeforeTheLineBreakIsWhitespace() throws {
        #expect(try verdicts(validRecord + "\r\n" + validRecord + "\r\n").allSatisfy { $0.isValid })
    }

    @Test(arguments: ["", " ", "\t", "\r", " \t\r "])
    func aBlankLineIsAnEmptyLine(_ blank: String) throws {
        let found = try verdicts(validRecord + "\n" + blank + "\n" + validRecord + "\n")
        #expect(found.count == 3)
        #expect(found[1].error == RecordError(category: "empty_line", message: "empty line where a record should be", path: "$"))
        #expect(found[0].isValid && found[2].isValid)
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try verdicts("").isEmpty)
    }

    @Test func aLineLongerThanTheInputLimitIsTooLongWithItsLength() throws {
        let found = try verdicts(validRecord + "\n" + "[" + String(repeating: "1,", count: 5000) + "1]\n",
                                 limits: JSONReaderLimits(maxInputLength: 200))
        #expect(found[0].isValid)
        #expect(found[1].length == 10_003)
        #expect(found[1].error == RecordError(category: "too_long", message: "the record is 10003 bytes, more than the limit of 200", path: "$"))
    }

    @Test func aLineOfExactlyTheLimitIsRead() throws {
        let limit = validRecord.utf8.count
        #expect(try verdicts(validRecord + "\n", limits: JSONReaderLimits(maxInputLength: limit)).allSatisfy { $0.isValid })
        #expect(try verdicts(validRecord + "\n", limits: JSONReaderLimits(maxInputLength: limit - 1)).first?.error?.category == "too_long")
    }

    @Test func aLineLimitOfIntMaxReadsLinesLongerThanTheChunk() throws {
        // Growing the buffer toward a limit of Int.max once added 1 to it.
        let long = validRecord.replacingOccurrences(of: #""message":"""#, with: #""message":"\#(String(repeating: "x", count: 20_000))""#)
        let found = try verdicts(long + "\n" + validRecord + "\n", limits: JSONReaderLimits(maxInputLength: .max))
        #expect(found.map(\.isValid) == [true, true])
        #expect(found[0].length == long.utf8.count)
    }

    @Test func everyRecordErrorKeepsItsLineNumber() throws {
        let found = try verdicts(validRecord + "\n[1]\nnope\n" + validRecord + "\n")
        #expect(found.map(\.line) == [1, 2, 3, 4])
        #expect(found.map { $0.error?.category } == [nil, "not_an_object", "malformed_json", nil])
    }

    @Test func readingStopsWhenTheCallerSaysSo() throws {
        let validator = try taskStepResultValidator()
        let seen = try withFile(holding: Array(String(repeating: "[1]\n", count: 10).utf8)) { fd in
            var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd)
            var lines: [Int] = []
            try validation.forEachVerdict { verdict in
                lines.append(verdict.line)
                return lines.count < 3
            }
            return lines
        }
        #expect(seen == [1, 2, 3])
    }

    @Test func anUnreadableDescriptorThrowsAReadError() throws {
        let validator = try taskStepResultValidator()
        var validation = JSONLinesValidation(validator: validator, fileDescriptor: -1)
        #expect(throws: JSONLinesReader.ReadError.self) {
            try validation.forEachVerdict { _ in true }
        }
    }
}
