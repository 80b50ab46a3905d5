import ContractRuntime
import Testing

/// Depth, length and size limits, and input sizes that would break a recursive parser.
@Suite struct JSONReaderLimitsTests {
    @Test func theDefaultsAreTheDocumentedValues() {
        let limits = JSONReaderLimits()
        #expect(limits.maxDepth == 512)
        #expect(limits.maxStringLength == 16 * 1024 * 1024)
        #expect(limits.maxKeysPerObject == 100_000)
        #expect(limits.maxInputLength == 256 * 1024 * 1024)
    }

    @Test func aHundredThousandNestedArraysAreTooDeepWithoutCrashing() throws {
        let error = try #require(readError(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)))
        #expect(error.category == .tooDeep)
        #expect(error.offset == 512)
    }

    @Test func aHundredThousandNestedObjectsAreTooDeepWithoutCrashing() throws {
        let error = try #require(readError(String(repeating: #"{"a":"#, count: 100_000)))
        #expect(error.category == .tooDeep)
    }

    @Test func nestingExactlyAtTheDefaultLimitParses() throws {
        #expect(readError(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == nil)
    }

    @Test func skippingAHundredThousandLevelsUnderARaisedLimitUsesNoRecursion() throws {
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        try JSONReader.withReader(reading: deep, limits: JSONReaderLimits(maxDepth: 100_000)) { reader in
            try reader.skipValue()
            try reader.expectEnd()
        }
    }

    @Test func aHundredThousandCharacterStringParses() throws {
        let long = String(repeating: "abcdéfgh€😀", count: 10_000)
        let value = try JSONValue(strictUTF8: "\"\(long)\"".utf8)
        #expect(value == .string(long))
        #expect(long.count == 100_000)
    }

    @Test func aStringExactlyAtTheLengthLimitParses() throws {
        #expect(readError(#""1234""#, limits: JSONReaderLimits(maxStringLength: 4)) == nil)
    }

    @Test func theStringLimitAppliesToKeysToo() throws {
        let error = try #require(readError(#"{"abcde": 1}"#, limits: JSONReaderLimits(maxStringLength: 4)))
        #expect(error.category == .tooLong)
        #expect(error.message.hasPrefix("the string is 5 bytes"))
    }

    @Test func anObjectExactlyAtTheKeyLimitParses() throws {
        #expect(readError(#"{"a":1,"b":2}"#, limits: JSONReaderLimits(maxKeysPerObject: 2)) == nil)
    }

    @Test func eachLimitHasItsOwnMessage() throws {
        let messages = [
            readError("[[1]]", limits: JSONReaderLimits(maxDepth: 1)),
            readError(#"["abc"]"#, limits: JSONReaderLimits(maxStringLength: 2)),
            readError(#"{"a":1,"b":2}"#, limits: JSONReaderLimits(maxKeysPerObject: 1)),
            readError("[1,2]", limits: JSONReaderLimits(maxInputLength: 3)),
        ].map { $0?.message }
        #expect(Set(messages.compactMap { $0 }).count == 4)
    }

    @Test func limitsOfIntMaxAcceptEverythingWithoutOverflowing() throws {
        let limits = JSONReaderLimits(maxDepth: .max, maxStringLength: .max, maxKeysPerObject: .max, maxInputLength: .max)
        let text = #"{"a": [[["\u00e9x", 1e300, -0, true, null]]], "b": "long string with escapes \n\t"}"#
        #expect(readError(text, limits: limits) == nil)
        try JSONReader.withReader(reading: Array(text.utf8), limits: limits) { reader in
            try reader.skipValue()
            try reader.expectEnd()
        }
    }

    @Test func negativeLimitsCountAsZero() {
        let limits = JSONReaderLimits(maxDepth: -1, maxStringLength: .min, maxKeysPerObject: -5, maxInputLength: -1)
        #expect(limits == JSONReaderLimits(maxDepth: 0, maxStringLength: 0, maxKeysPerObject: 0, maxInputLength: 0))
        var set = JSONReaderLimits()
        set.maxInputLength = -7
        set.maxDepth = .min
        #expect(set.maxInputLength == 0)
        #expect(set.maxDepth == 0)
    }

    @Test func aNegativeInputLimitRefusesInputAtOffsetZeroInsteadOfCrashing() throws {
        var limits = JSONReaderLimits()
        limits.maxInputLength = -1
        let error = try #require(readError("[1]", limits: limits))
        #expect(error.category == .tooLong)
        #expect(error.offset == 0)
        #expect(error.message == "the input is 3 bytes, more than the limit of 0")
    }

    @Test func limitsOfOneSpeakOfOneLevelOneKeyAndOneByte() {
        #expect(readError("[[1]]", limits: JSONReaderLimits(maxDepth: 1))?.message == "arrays and objects nest more than 1 level deep")
        #expect(readError(#"{"a":1,"b":2}"#, limits: JSONReaderLimits(maxKeysPerObject: 1))?.message == "the object has more than 1 key")
        #expect(readError(#""a""#, limits: JSONReaderLimits(maxStringLength: 0))?.message == "the string is 1 byte, more than the limit of 0")
        #expect(readError("1", limits: JSONReaderLimits(maxInputLength: 0))?.message == "the input is 1 byte, more than the limit of 0")
    }
}
