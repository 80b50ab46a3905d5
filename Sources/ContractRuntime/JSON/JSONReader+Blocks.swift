internal import CJSONBlocks

extension JSONReader {
    /// ``skipValue()`` for a container, 64 bytes at a time, in simdjson's manner, all in C (`ec_skip_value_avx2`,
    /// CJSONBlocks, AVX2): the block scan turns each block into bit masks, which give where strings are with no loop
    /// over their text, and checks the text on them; the walk then takes only the block's tokens (structural
    /// characters outside strings, the quotes of strings, the first byte of each number or literal), one bit at a
    /// time, with the masks in registers. Returns true after passing over a valid value, false for any other,
    /// leaving `position` for the caller to reset, as ``skipValueInLocals()`` does; as there, the containers it opens
    /// are bits of a word. Each open object's keys are kept as two words (their first 8 bytes and their last 8, or
    /// their length when shorter), after a marker.
    ///
    /// What is checked, and where:
    /// - strings' text, in the masks: no control character, well-formed UTF-8 (simdjson's lookup algorithm, which
    ///   checks each byte with the 3 before it: no sequence cut short, no continuation byte too many, no overlong
    ///   form, surrogate or code point past U+10FFFF), and the four digits of each `\uXXXX` that is not a
    ///   surrogate's;
    /// - in the walk, one by one: every other escape (surrogate pairs, two-byte escapes, a `\uXXXX` cut by the
    ///   block's end), each string's length;
    /// - numbers without exponent that end in the block, in the masks (`numberEnds`: the run of bytes from the
    ///   number's first is `-?(0|[1-9][0-9]*)(.[0-9]+)?`, and ends at a separator); literals that end in the block,
    ///   from the length of their run of bytes and one word;
    /// - other numbers and literals from their first byte, as ``skipNumber()`` and ``consumeLiteral(_:length:)`` take
    ///   them, which must then end where a separator begins;
    /// - the grammar, depth, the number of keys of each object and repeated keys (a key whose words an earlier key
    ///   of its object has), as the tokens are walked.
    ///
    /// Anything else (an object of more than ``localKeyLimit`` keys, nesting past 63 levels, open objects with more
    /// than `EC_SKIP_KEY_ROOM` keys and markers in all, a key that may repeat one, an escaped key of more than 256
    /// bytes, anything malformed, and any block where a check fails, even past the value's end) is left to the
    /// caller's full reading, which gives the verdict and the exact error.
    mutating func skipValueInBlocks() -> Bool {
        guard let base = input.baseAddress else { return false }
        let end = ec_skip_value_avx2(base, input.count, position, limits.blockSkipLimits(openLevels: frames.count))
        guard end >= 0 else { return false }
        position = end
        return true
    }
}

extension JSONReaderLimits {
    /// The limits `ec_skip_value_avx2` keeps to when it passes over a container with `openLevels` containers open
    /// around it: the levels left (at most 63, the bits of its word of kinds), ``JSONReader/localKeyLimit`` keys an
    /// object (its repeated keys are found by comparing with all the object's earlier ones), and the string limit.
    func blockSkipLimits(openLevels: Int) -> ec_skip_limits {
        ec_skip_limits(levels: Swift.min(63, maxDepth &- openLevels),
                       keysPerObject: Swift.min(JSONReader.localKeyLimit, maxKeysPerObject),
                       maxStringLength: maxStringLength)
    }
}
