// JSON's escapes, one at a time, the bytes where a string's plain text stops, and the three literals: what
// `ec_string_end`, `ec_unescape`, the walk of `ec_skip_value_avx2` and `ec_read_record` share (internal to
// CJSONBlocks; its tables are `static`, so each file that includes it has its own few hundred bytes).
#ifndef CJSONESCAPES_H
#define CJSONESCAPES_H
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// The value of each byte as a hex digit, 0xFF for a byte that is none.
static const uint8_t hexDigitValues[256] = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255, 255,
    255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
};

/// What each two-byte escape stands for (`\n` a line feed), by the byte after the backslash; 0 for a byte that
/// makes no two-byte escape (none stands for 0).
static const uint8_t twoByteEscapes[256] = {
    ['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = 0x08, ['f'] = 0x0C, ['n'] = 0x0A, ['r'] = 0x0D, ['t'] = 0x09,
};

/// The value of the four hex digits at `digits`, or more than 0xFFFF when one is not a hex digit.
static inline uint32_t fourHexDigits(const uint8_t *digits) {
    uint32_t a = hexDigitValues[digits[0]], b = hexDigitValues[digits[1]];
    uint32_t c = hexDigitValues[digits[2]], d = hexDigitValues[digits[3]];
    uint32_t value = a << 12 | b << 8 | c << 4 | d;
    return (a | b | c | d) > 15 ? 0x10000 : value;
}

/// The length of the escape at `text` (its backslash), of which `count` bytes may be read: 2 for a two-byte escape,
/// 6 for a `\uXXXX` that is no surrogate, 12 for a high surrogate's followed by a low one's; -1 for anything else
/// (a byte that makes no escape, a digit that is not hex, a low surrogate first, a high one alone, the text cut
/// short). `*unit` gets the first `\uXXXX`'s code unit, 0 for a two-byte escape.
static inline long escapeLength(const uint8_t *text, long count, uint32_t *unit) {
    *unit = 0;
    if (count < 2) return -1;
    if (text[1] != 'u') return twoByteEscapes[text[1]] ? 2 : -1;
    if (count < 6) return -1;
    *unit = fourHexDigits(text + 2);
    if (*unit > 0xFFFF || (*unit >= 0xDC00 && *unit < 0xE000)) return -1;
    if (*unit < 0xD800 || *unit >= 0xE000) return 6;
    // A high surrogate, then the escape of a low one.
    if (count < 12 || text[6] != '\\' || text[7] != 'u') return -1;
    uint32_t low = fourHexDigits(text + 8);
    return low >= 0xDC00 && low < 0xE000 ? 12 : -1;
}

/// The offset after the literal (`true`, `false` or `null`, told by its first byte) at `at` in the `count` bytes at
/// `base`, or -1 when the bytes there are none of them (what follows is the caller's to check).
/// Each comparison is of a constant length, which the compiler makes a load and a compare, not a call.
static inline __attribute__((always_inline)) long literalEnd(const uint8_t *base, long count, long at) {
    switch (base[at]) {
    case 't': return count - at >= 4 && memcmp(base + at, "true", 4) == 0 ? at + 4 : -1;
    case 'f': return count - at >= 5 && memcmp(base + at, "false", 5) == 0 ? at + 5 : -1;
    case 'n': return count - at >= 4 && memcmp(base + at, "null", 4) == 0 ? at + 4 : -1;
    default: return -1;
    }
}

#if defined(__x86_64__)
/// Bit n for each of the 32 bytes of `block` where a string's plain text stops: its closing quote, an escape's
/// backslash, or a control character, which JSON does not allow there.
__attribute__((target("avx2")))
static inline uint32_t plainTextStops(__m256i block) {
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, _mm256_set1_epi8('"')))
        | (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, _mm256_set1_epi8('\\')))
        | (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(block, _mm256_set1_epi8(0x1F)), block));
}
#endif

#endif
