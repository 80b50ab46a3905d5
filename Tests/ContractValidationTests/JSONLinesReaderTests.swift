import ContractValidation
import Testing

/// Any line limit and chunk size is safe to pass to the reader.
@Suite struct JSONLinesReaderTests {
    private func lines(_ text: String, maxLineLength: Int, chunkSize: Int = 4096) throws -> [String] {
        try withFile(holding: Array(text.utf8)) { fd in
            var reader = JSONLinesReader(fileDescriptor: fd, maxLineLength: maxLineLength, chunkSize: chunkSize)
            var found: [String] = []
            try reader.forEachLine { _, line in
                switch line {
                case .text(let bytes): found.append(String(decoding: bytes, as: UTF8.self))
                case .tooLong(let length): found.append("too long: \(length)")
                }
                return true
            }
            return found
        }
    }

    @Test(arguments: [Int.max, Int.max - 1, 1 << 40])
    func aHugeLimitGrowsTheBufferWithoutOverflowing(_ limit: Int) throws {
        let long = String(repeating: "a", count: 50_000)
        #expect(try lines(long + "\nb\n", maxLineLength: limit) == [long, "b"])
    }

    @Test(arguments: [0, -1, Int.min])
    func aLimitOfZeroOrLessRefusesEveryLineButEmptyOnes(_ limit: Int) throws {
        #expect(try lines("ab\n\nc\n", maxLineLength: limit) == ["too long: 2", "", "too long: 1"])
    }

    @Test(arguments: [Int.min, -1, 0, 1, Int.max])
    func anyChunkSizeIsClampedIntoTheSupportedRange(_ chunkSize: Int) throws {
        let long = String(repeating: "z", count: 70_000)
        #expect(try lines("x\n" + long + "\ny", maxLineLength: 1 << 20, chunkSize: chunkSize) == ["x", long, "y"])
    }
}
