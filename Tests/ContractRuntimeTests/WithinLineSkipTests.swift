import CJSONBlocks
import ContractRuntime
import Testing

/// `ec_skip_value_within_line_avx2`, the walk over a JSON value of a line whose bytes run on past the line's end
/// (`validate`'s first try over many lines): it passes over exactly what `ec_skip_value_avx2` passes over, unless a
/// line break, a tab or a carriage return is in the value, whichever block it is in, and then leaves the value to the
/// caller; what follows the value does not matter.
@Suite struct WithinLineSkipTests {
    /// A value of several 64-byte blocks, with strings, numbers, literals, nested containers and Chinese text.
    static let value = Array(#"{"rows":[[1,"二",null],[2,"三",true]],"names":["甲","乙"],"total":-2.5e3,"#.utf8)
        + Array(#""note":"一二三四五六七八九十","more":{"a":[{"b":false},[]]},"empty":{}}"#.utf8)

    static let limits = ec_skip_limits(levels: 63, keysPerObject: 63, maxStringLength: 1 << 20)

    static func skip(_ bytes: [UInt8], withinLine: Bool) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            withinLine ? ec_skip_value_within_line_avx2(buffer.baseAddress, buffer.count, 0, limits)
                : ec_skip_value_avx2(buffer.baseAddress, buffer.count, 0, limits)
        }
    }

    @Test func aControlCharacterBetweenTheTokensLeavesTheValue() throws {
        try #require(ec_best_scan_kernel() == 1, "this processor has no AVX2: the walk is not used")
        let after = Array(",\"next\":1}\n{\"step\":\"x\"}\n".utf8)
        #expect(Self.skip(Self.value + after, withinLine: true) == Self.value.count)
        func inserting(_ byte: UInt8, at place: Int) -> [UInt8] {
            var changed = Self.value
            changed.insert(byte, at: place)
            return changed
        }
        var places = 0
        for place in 1..<Self.value.count {
            // Only between tokens: where the plain walk takes a line break for whitespace (in a string it may not be).
            guard Self.skip(inserting(0x0A, at: place) + after, withinLine: false) == Self.value.count + 1 else { continue }
            places += 1
            for byte: UInt8 in [0x20, 0x0A, 0x09, 0x0D] {
                let changed = inserting(byte, at: place)
                let expected = byte == 0x20 ? changed.count : -1
                #expect(Self.skip(changed + after, withinLine: true) == expected, "byte \(byte) at \(place)")
                #expect(Self.skip(changed + after, withinLine: false) == changed.count, "byte \(byte) at \(place)")
            }
        }
        #expect(places > 40)
    }

    @Test func whatFollowsTheValueDoesNotMatter() throws {
        try #require(ec_best_scan_kernel() == 1, "this processor has no AVX2: the walk is not used")
        // Line breaks, tabs and carriage returns right after the value, in the same block as its end or the next.
        for gap in 0..<70 {
            for space: UInt8 in [0x0A, 0x09, 0x0D] {
                let bytes = Self.value + Array(repeating: UInt8(ascii: ","), count: gap) + [space] + Array("{}".utf8)
                #expect(Self.skip(bytes, withinLine: true) == Self.value.count, "byte \(space) \(gap) bytes after")
            }
        }
    }
}
