// The text of JSON strings: finding a string's end while checking everything RFC 8259 and RFC 3629 ask of it
// (AVX2, 32 bytes at a time), and writing the text of a checked string with its escapes undone (portable, and with
// AVX2 taking runs of CJK escapes four at a time).
#include "CJSONBlocks.h"
#include "CJSONUTF8.h"
#include "CJSONEscapes.h"

#include <string.h>

// Words are read and written a byte per lane, the first lowest.
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "CJSONStrings reads words as little-endian");

#if defined(__x86_64__)
#include <immintrin.h>
#endif



/// The values of four hex digits known to be valid, from the 4 bytes at `digits`, a byte each, the first lowest:
/// each digit's low four bits, plus 9 for a letter (digits have bit 6 clear, `a` to `f` and `A` to `F` have it set).
static inline uint32_t knownHexDigits(const uint8_t *digits) {
    uint32_t word;
    memcpy(&word, digits, 4);
    return (word & 0x0F0F0F0Fu) + ((word >> 6) & 0x01010101u) * 9;
}

/// The UTF-8 of a code point from U+1000 that is not a surrogate (CJK text), 3 bytes the first lowest, made
/// directly from the digit values `knownHexDigits` gives (the first is 1 to 15, not 13).
static inline uint32_t threeByteUTF8(uint32_t digits) {
    uint32_t first = digits & 0xFF, second = digits >> 8 & 0xFF, third = digits >> 16 & 0xFF, fourth = digits >> 24;
    return (0xE0 | first) | (0x80 | second << 2 | third >> 2) << 8 | (0x80 | (third & 3) << 4 | fourth) << 16;
}

/// The code unit of the digit values `knownHexDigits` gives.
static inline uint32_t codeUnit(uint32_t digits) {
    return (digits & 0xFF) << 12 | (digits >> 8 & 0xFF) << 8 | (digits >> 16 & 0xFF) << 4 | digits >> 24;
}

#if defined(__x86_64__)
#define EC_AVX2 __attribute__((target("avx2")))


/// The 32 bytes that start `n` bytes before `input` (1 to 3), whose first `n` are the last of `prev`, the block
/// before.
#define EC_PREVIOUS(input, prev, n) \
    _mm256_alignr_epi8((input), _mm256_permute2x128_si256((prev), (input), 0x21), 16 - (n))

/// simdjson's UTF-8 check (CJSONUTF8.h) of `input`, whose three bytes before are the last of `prev`, the block
/// before.
EC_AVX2 static inline __m256i utf8Errors(__m256i input, __m256i prev) {
    return ec_utf8_errors(input, EC_PREVIOUS(input, prev, 1), EC_PREVIOUS(input, prev, 2), EC_PREVIOUS(input, prev, 3));
}

/// How many `\uXXXX` escapes whose first digit is neither `0` nor `d`/`D` start `block`, one after another: 0 to 5.
EC_AVX2 static inline uint32_t plainEscapeRun(__m256i block) {
    __m256i lower = _mm256_or_si256(block, _mm256_set1_epi8(0x20));
    __m256i digit = _mm256_sub_epi8(block, _mm256_set1_epi8('0'));
    __m256i letter = _mm256_sub_epi8(lower, _mm256_set1_epi8('a'));
    __m256i isHex = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(digit, _mm256_set1_epi8(9)), digit),
                                    _mm256_cmpeq_epi8(_mm256_min_epu8(letter, _mm256_set1_epi8(5)), letter));
    uint32_t hex = (uint32_t)_mm256_movemask_epi8(isHex);
    uint32_t backslash = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, _mm256_set1_epi8('\\')));
    uint32_t u = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, _mm256_set1_epi8('u')));
    uint32_t zeroOrD = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(block, _mm256_set1_epi8('0')),
                                                                      _mm256_cmpeq_epi8(lower, _mm256_set1_epi8('d'))));
    // Bit n: an escape of that kind starts at byte n.
    uint32_t plain = backslash & u >> 1 & hex >> 2 & hex >> 3 & hex >> 4 & hex >> 5 & ~(zeroOrD >> 2);
    uint32_t missing = ~plain & 0x01041041u;  // bytes 0, 6, 12, 18 and 24
    return missing ? (uint32_t)__builtin_ctz(missing) / 6 : 5;
}

// Exported as it is (no wrapper choosing a kernel): it is called once a string, and callers check
// `ec_string_end_is_available()` once.
EC_AVX2 long ec_string_end(const uint8_t *text, long count) {
    const __m256i zero = _mm256_setzero_si256();
    unsigned found = 0;
    long index = 0;
    // The block before, for the UTF-8 check: zero (ASCII) at the start of each run of text, which follows the
    // opening quote or an escape.
    __m256i prev = zero;
    uint32_t prevTail = 0;  // whether one of the block before's last three bytes is 0x80 or more
    uint8_t last[32];
    for (;;) {
        __m256i block;
        if (index + 32 <= count) {
            block = _mm256_loadu_si256((const __m256i *)(text + index));
        } else {
            if (index >= count) return -1;
            // The input's last bytes, then quotes: a quote found past the input's end means no end was found.
            memset(last, '"', sizeof last);
            memcpy(last, text + index, (size_t)(count - index));
            block = _mm256_loadu_si256((const __m256i *)last);
        }
        uint32_t high = (uint32_t)_mm256_movemask_epi8(block);
        uint32_t stop = plainTextStops(block);
        // The block's bytes up to and including the first stop: the text, and the ASCII byte after it, which
        // shows a sequence cut short.
        uint32_t text_ = stop ? stop ^ (stop - 1) : 0xFFFFFFFFu;
        if ((high & text_) | prevTail) {
            if (high & text_) found |= 2;
            __m256i errors = utf8Errors(block, prev);
            uint32_t wrong = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(errors, zero));
            if (wrong & text_) return -1;
        }
        if (stop == 0) {
            prev = block;
            prevTail = high >> 29;
            index += 32;
            continue;
        }
        index += __builtin_ctz(stop);
        if (index >= count) return -1;
        uint8_t byte = text[index];
        if (byte == '"') {
            return index << 2 | (long)found;
        }
        if (byte != '\\') return -1;  // a control character
        found |= 1;
        // The escape, and those right after it (`json.dumps` writes every non-ASCII character as one).
        do {
            if (index + 32 <= count) {
                // Up to five `\uXXXX` in a row whose first digit is neither `0` nor `d`/`D` (CJK text), checked at
                // once: each stands for a code point from U+1000 that is no surrogate, not ASCII.
                uint32_t run = plainEscapeRun(_mm256_loadu_si256((const __m256i *)(text + index)));
                if (run) {
                    found |= 2;
                    index += 6 * run;
                    continue;
                }
            }
            uint32_t unit;
            long length = escapeLength(text + index, count - index, &unit);
            if (length < 0) return -1;
            if (unit >= 0x80) found |= 2;
            index += length;
        } while (index < count && text[index] == '\\');
        prev = zero;
        prevTail = 0;
    }
}
#endif

#if defined(__x86_64__)
// Exported as it is, like `ec_string_end`: callers check `ec_string_end_is_available()` once.
EC_AVX2 long ec_cjk_escapes(const uint8_t *text, uint8_t *out) {
    __m256i block = _mm256_loadu_si256((const __m256i *)text);
    // The first quote, 6 to 30 bytes in and a multiple of 6, is checked first: most strings that are not such
    // (longer, or with text) are turned away there.
    uint32_t quote = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, _mm256_set1_epi8('"')));
    if (quote == 0) return 0;
    uint32_t end = (uint32_t)__builtin_ctz(quote);
    if (end % 6 != 0 || end == 0 || end > 30) return 0;
    // The escapes hold no quote, and the last byte before the closing quote is a digit, not a backslash.
    if (plainEscapeRun(block) < end / 6) return 0;
    uint32_t run = end / 6;
    for (uint32_t escape = 0; escape < run; escape++) {
        uint32_t bytes = threeByteUTF8(knownHexDigits(text + 6 * escape + 2));
        memcpy(out + 3 * escape, &bytes, 4);
    }
    return (long)run;
}
#else
long ec_cjk_escapes(const uint8_t *text, uint8_t *out) {
    (void)text; (void)out;
    return 0;
}
#endif

int ec_string_end_is_available(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx2") ? 1 : 0;
#else
    return 0;
#endif
}

#if !defined(__x86_64__)
long ec_string_end(const uint8_t *text, long count) {
    (void)text; (void)count;
    return -1;
}
#endif

/// Writes the UTF-8 form of `scalar` (a code point that is not a surrogate) at `out`; returns its length.
static inline long putUTF8(uint32_t scalar, uint8_t *out) {
    if (scalar < 0x80) {
        out[0] = (uint8_t)scalar;
        return 1;
    }
    if (scalar < 0x800) {
        out[0] = (uint8_t)(0xC0 | scalar >> 6);
        out[1] = (uint8_t)(0x80 | (scalar & 0x3F));
        return 2;
    }
    if (scalar < 0x10000) {
        out[0] = (uint8_t)(0xE0 | scalar >> 12);
        out[1] = (uint8_t)(0x80 | (scalar >> 6 & 0x3F));
        out[2] = (uint8_t)(0x80 | (scalar & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | scalar >> 18);
    out[1] = (uint8_t)(0x80 | (scalar >> 12 & 0x3F));
    out[2] = (uint8_t)(0x80 | (scalar >> 6 & 0x3F));
    out[3] = (uint8_t)(0x80 | (scalar & 0x3F));
    return 4;
}

/// Copies the run of text from `*index` up to the next backslash (or the end), 16 bytes at a time: each block is
/// stored whole and counted up to its first backslash (`*written` never passes `*index`, so the stores stay within
/// `count` bytes).
static inline __attribute__((always_inline)) void copyText(const uint8_t *text, long count, uint8_t *out, long *index,
                                                           long *written) {
    long i = *index, w = *written;
#if defined(__SSE2__)
    while (i + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + i));
        _mm_storeu_si128((__m128i *)(out + w), block);
        unsigned backslash = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8('\\')));
        if (backslash) {
            i += __builtin_ctz(backslash);
            w += __builtin_ctz(backslash);
            break;
        }
        i += 16;
        w += 16;
    }
#else
    const uint8_t *next = memchr(text + i, '\\', (size_t)(count - i));
    long run = next ? next - (text + i) : count - i;
    memcpy(out + w, text + i, (size_t)run);
    i += run;
    w += run;
#endif
    while (i < count && text[i] != '\\') out[w++] = text[i++];
    *index = i;
    *written = w;
}

/// Undoes the escape whose backslash is at `*index` (with the low surrogate's escape after a high one).
static inline __attribute__((always_inline)) void undoEscape(const uint8_t *text, uint8_t *out, long *index,
                                                             long *written) {
    long i = *index, w = *written;
    if (text[i + 1] != 'u') {
        out[w] = twoByteEscapes[text[i + 1]];
        *index = i + 2;
        *written = w + 1;
        return;
    }
    uint32_t digits = knownHexDigits(text + i + 2);
    uint32_t first = digits & 0xFF;
    if (first != 0 && first != 0xD) {
        // The most common (CJK text): U+1000 and above, no surrogate, stored as one word (the escape's 6 bytes
        // leave room for the fourth).
        uint32_t bytes = threeByteUTF8(digits);
        memcpy(out + w, &bytes, 4);
        *index = i + 6;
        *written = w + 3;
        return;
    }
    uint32_t scalar = codeUnit(digits);
    i += 6;
    if ((scalar & 0xFC00) == 0xD800) {
        // The checked text has the low surrogate's escape next.
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (codeUnit(knownHexDigits(text + i + 2)) - 0xDC00);
        i += 6;
    }
    *index = i;
    *written = w + putUTF8(scalar, out + w);
}

long ec_unescape_portable(const uint8_t *text, long count, long readable, uint8_t *out) {
    (void)readable;
    long index = 0, written = 0;
    while (index < count) {
        if (text[index] != '\\') {
            copyText(text, count, out, &index, &written);
            if (index >= count) break;
        }
        undoEscape(text, out, &index, &written);
    }
    return written;
}

#if defined(__x86_64__)
/// Where the checked text at `at`, of which `left` bytes are the string's, starts with at least two `\uXXXX`
/// escapes whose first digit is neither `0` nor `d`/`D` (CJK text: code points from U+1000, no surrogate), writes
/// the UTF-8 of the first four (when all four are such, in the string) or of the first two, and returns how many it
/// wrote; 0 otherwise. Reads 28 bytes; writes 16 bytes at `out` for two, 22 for four (the output is never ahead of
/// the text, and has `EC_UNESCAPE_SLACK` bytes of room past the string's length).
///
/// Each 128-bit lane takes two escapes (12 bytes; the high lane is loaded from `at + 12`). A digit's value is its
/// low four bits, plus 9 for a letter (bit 6); two shuffles place each escape's digits under its three output
/// bytes (`E0 | d1`, `80 | d2 << 2 | d3 >> 2`, `80 | (d3 & 3) << 4 | d4`), and shifts and masks put them together.
EC_AVX2 static inline long plainEscapes(const uint8_t *at, long left, uint8_t *out) {
#define EC_LANES(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)
    __m256i block = _mm256_loadu2_m128i((const __m128i *)(at + 12), (const __m128i *)at);
    uint32_t marks = (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(block, EC_LANES('\\', 'u', 0, 0, 0, 0, '\\', 'u', 0, 0, 0, 0, 0, 0, 0, 0)));
    __m256i lower = _mm256_or_si256(block, _mm256_set1_epi8(0x20));
    uint32_t zeroOrD = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(block, _mm256_set1_epi8('0')),
                                                                      _mm256_cmpeq_epi8(lower, _mm256_set1_epi8('d'))));
    // Per lane: backslash and `u` at bytes 0, 1, 6 and 7, and neither `0` nor `d` at bytes 2 and 8.
    uint32_t plain = ((marks & 0x00C300C3u) ^ 0x00C300C3u) | (zeroOrD & 0x01040104u);
    if ((plain & 0xFFFF) || left < 12) return 0;
    __m256i letter = _mm256_and_si256(_mm256_srli_epi16(block, 6), _mm256_set1_epi8(1));
    __m256i digit = _mm256_add_epi8(_mm256_and_si256(block, _mm256_set1_epi8(0x0F)),
                                    _mm256_add_epi8(letter, _mm256_slli_epi16(letter, 3)));
    // Under each escape's three bytes: its digits 1, 2, 3 (`p`) and -, 3, 4 (`q`); -1 picks zero.
    __m256i p = _mm256_shuffle_epi8(digit, EC_LANES(2, 3, 4, 8, 9, 10, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1));
    __m256i q = _mm256_shuffle_epi8(digit, EC_LANES(-1, 4, 5, -1, 10, 11, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1));
    // The 16-bit shifts carry nothing across bytes that the masks keep: digits are at most 15.
    __m256i bytes = _mm256_or_si256(
        _mm256_or_si256(EC_LANES((char)0xE0, (char)0x80, (char)0x80, (char)0xE0, (char)0x80, (char)0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        _mm256_and_si256(p, EC_LANES(0x0F, 0, 0, 0x0F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))),
        _mm256_or_si256(_mm256_and_si256(_mm256_slli_epi16(p, 2), EC_LANES(0, 0x3C, 0, 0, 0x3C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                        _mm256_and_si256(_mm256_slli_epi16(p, 4), EC_LANES(0, 0, 0x30, 0, 0, 0x30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
    bytes = _mm256_or_si256(
        bytes, _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q, 2), EC_LANES(0, 3, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                               _mm256_and_si256(q, EC_LANES(0, 0, 0x0F, 0, 0, 0x0F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
#undef EC_LANES
    _mm_storeu_si128((__m128i *)out, _mm256_castsi256_si128(bytes));
    if (plain || left < 24) return 2;
    _mm_storeu_si128((__m128i *)(out + 6), _mm256_extracti128_si256(bytes, 1));
    return 4;
}

EC_AVX2 static long unescapeAVX2(const uint8_t *text, long count, long readable, uint8_t *out) {
    long index = 0, written = 0;
    while (index < count) {
        if (text[index] != '\\') {
            copyText(text, count, out, &index, &written);
            if (index >= count) break;
        }
        if (index + 28 <= readable) {
            long escapes = plainEscapes(text + index, count - index, out + written);
            if (escapes) {
                index += 6 * escapes;
                written += 3 * escapes;
                continue;
            }
        }
        undoEscape(text, out, &index, &written);
    }
    return written;
}
#endif

long ec_unescape(const uint8_t *text, long count, long readable, uint8_t *out) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) return unescapeAVX2(text, count, readable, out);
#endif
    return ec_unescape_portable(text, count, readable, out);
}
