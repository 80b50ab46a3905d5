#include "CJSONBlocks.h"
#include "CJSONUTF8.h"
#include "CJSONEscapes.h"
#include <limits.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// The classes of 64 bytes, bit n for byte n.
typedef struct {
    uint64_t quote, backslash, structural, whitespace, control, nonASCII;
} classes;

/// The bytes numbers without exponent are made of.
typedef struct {
    uint64_t digit, zero, minus, point;
} numberBytes;

/// The bytes escapes are made of: `u`, hex digits, and `d` or `D` (a surrogate's first digit); all zero when
/// the block has no escape.
typedef struct {
    uint64_t u, hex, d;
} escapeBytes;

/// The last byte of each run of scalar bytes (`scalar`, starting at `starts`) that is a number without exponent,
/// `-?(0|[1-9][0-9]*)(.[0-9]+)?`, and ends before the block's last byte (a run that reaches it may go on in the next
/// block). Each byte of a run is checked against its neighbours; the runs with no byte amiss are those through
/// which a carry added at their start runs to their end.
static inline uint64_t numberEnds(numberBytes c, uint64_t scalar, uint64_t starts) {
    uint64_t last = scalar & ~(scalar >> 1);
    uint64_t integerStarts = starts | ((starts & c.minus) << 1);
    // A point after the run's first point: a carry added after the first clears the rest of the run but for the
    // bytes just after the later points.
    uint64_t afterPoints = (c.point << 1) & scalar;
    // (That a digit follows a minus sign or a point follows from these: a minus sign or a point after either is
    // amiss, and so is either last.)
    uint64_t amiss = (scalar & ~(c.digit | c.minus | c.point))  // a byte no such number has
        | (c.minus & ~starts)                                    // a minus sign, only first
        | (c.point & ~(c.digit << 1))                            // a point after a digit
        | (c.point & scalar & ~(scalar + afterPoints))           // one point at most
        | (((c.zero & integerStarts) << 1) & c.digit)           // no digit after a leading zero
        | (last & ~c.digit);                                     // a digit last
    uint64_t sound = scalar & ~amiss;
    uint64_t landed = (sound + starts) & ~sound;  // a run's end + 1 when it is sound; carried out of bit 63 is lost
    return (landed & ~scalar) >> 1;
}

/// From the classes and the bits of the bytes in strings' text onward: escapes, strings, tokens (simdjson's
/// find_escaped and its scalar-start rule).
/// Returns the first bytes of the block's runs of scalar bytes (which `out->numberEnds` is made from).
static inline uint64_t finish(classes c, uint64_t escaped, uint64_t quotes, uint64_t inString, int wrongUTF8,
                              escapeBytes e, ec_scan_state *state, ec_block_scan *out) {
    state->inString = (uint64_t)0 - (inString >> 63);
    c.structural &= ~c.control;
    uint64_t scalar = ~(c.structural | c.quote | c.whitespace | inString);
    uint64_t starts = scalar & ~((scalar << 1) | state->scalar);
    out->tokens = (c.structural & ~inString) | quotes | starts;
    state->scalar = scalar >> 63;
    out->scalar = scalar;
    out->inString = inString;
    out->backslash = c.backslash;
    out->spaceControls = c.whitespace & c.control;
    // `\uXXXX` escapes within the block whose first digit is not `d` (so not a surrogate) are checked here,
    // their four digits by the mask; the rest are left to the caller.
    uint64_t escapeStarts = c.backslash & ~escaped & inString;
    uint64_t unicode = escapeStarts & (e.u >> 1) & (((uint64_t)1 << 59) - 1);
    uint64_t digits = (unicode << 2) | (unicode << 3) | (unicode << 4) | (unicode << 5);
    uint64_t checked = unicode & ~(e.d >> 2);
    out->escapes = escapeStarts & ~checked;
    out->problem = (c.control & inString) != 0 || wrongUTF8 || (digits & ~e.hex) != 0;
    state->text = c.nonASCII >> 61;
    return starts;
}

/// simdjson's find_escaped: the characters escaped by a backslash, across blocks.
static inline uint64_t escapedBits(uint64_t backslash, ec_scan_state *state) {
    if ((backslash | state->escaped) == 0) return 0;
    backslash &= ~state->escaped;
    uint64_t followsEscape = (backslash << 1) | state->escaped;
    const uint64_t evenBits = 0x5555555555555555ULL;
    uint64_t oddStarts = backslash & ~evenBits & ~followsEscape;
    uint64_t evenStarts;
    state->escaped = __builtin_add_overflow(oddStarts, backslash, &evenStarts) ? 1 : 0;
    return (evenBits ^ (evenStarts << 1)) & followsEscape;
}

static inline uint64_t prefixXor(uint64_t bits) {
    bits ^= bits << 1; bits ^= bits << 2; bits ^= bits << 4;
    bits ^= bits << 8; bits ^= bits << 16; bits ^= bits << 32;
    return bits;
}

#if defined(__x86_64__)
__attribute__((target("avx2,pclmul")))
static inline __attribute__((always_inline)) void scanBlockAVX2(const uint8_t *bytes, ec_scan_state *state, ec_block_scan *out) {
    const __m256i whitespaceTable = _mm256_setr_epi8(' ', 100, 100, 100, 17, 100, 113, 2, 100, '\t', '\n', 112, 100, '\r', 100, 100,
                                                     ' ', 100, 100, 100, 17, 100, 113, 2, 100, '\t', '\n', 112, 100, '\r', 100, 100);
    const __m256i structuralTable = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ':', '{', ',', '}', 0, 0,
                                                     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ':', '{', ',', '}', 0, 0);
    classes c = {0, 0, 0, 0, 0, 0};
    __m256i halves[2];
    for (int half = 0; half < 2; half++) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(bytes + 32 * half));
        halves[half] = v;
        int shift = 32 * half;
        c.quote |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('"'))) << shift;
        c.backslash |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\'))) << shift;
        // `[` and `]` become `{` and `}` with bit 5 set; the table gives 0 for bytes of 0x80 and more. The two
        // control characters that match as well (0x0C and 0x1A) are taken off in `finish`.
        c.structural |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
            _mm256_or_si256(v, _mm256_set1_epi8(0x20)), _mm256_shuffle_epi8(structuralTable, v))) << shift;
        c.whitespace |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_shuffle_epi8(whitespaceTable, v))) << shift;
        c.control |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1F)), v)) << shift;
        c.nonASCII |= (uint64_t)(uint32_t)_mm256_movemask_epi8(v) << shift;
    }
    int wrong = 0;
    if (c.nonASCII | state->text) {
        // UTF-8 (CJSONUTF8.h), each byte with the three before it: the block's first bytes with the previous
        // block's last, which are readable.
        __m256i errors = _mm256_setzero_si256();
        for (int half = 0; half < 2; half++) {
            const uint8_t *p = bytes + 32 * half;
            errors = _mm256_or_si256(errors, ec_utf8_errors(halves[half], _mm256_loadu_si256((const __m256i *)(p - 1)),
                                                            _mm256_loadu_si256((const __m256i *)(p - 2)),
                                                            _mm256_loadu_si256((const __m256i *)(p - 3))));
        }
        wrong = !_mm256_testz_si256(errors, errors);
    }
    escapeBytes e = {0, 0, 0};
    if (c.backslash) {
        for (int half = 0; half < 2; half++) {
            __m256i v = halves[half];
            __m256i lowered = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
            __m256i digit = _mm256_sub_epi8(v, _mm256_set1_epi8('0'));
            __m256i letter = _mm256_sub_epi8(lowered, _mm256_set1_epi8('a'));
            __m256i hex = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(digit, _mm256_set1_epi8(9)), digit),
                                          _mm256_cmpeq_epi8(_mm256_min_epu8(letter, _mm256_set1_epi8(5)), letter));
            int shift = 32 * half;
            e.u |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('u'))) << shift;
            e.hex |= (uint64_t)(uint32_t)_mm256_movemask_epi8(hex) << shift;
            e.d |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lowered, _mm256_set1_epi8('d'))) << shift;
        }
    }
    uint64_t escaped = escapedBits(c.backslash, state);
    uint64_t quotes = c.quote & ~escaped;
    uint64_t inString = (uint64_t)_mm_cvtsi128_si64(_mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)quotes), _mm_set1_epi8((char)0xFF), 0))
        ^ state->inString;
    uint64_t starts = finish(c, escaped, quotes, inString, wrong, e, state, out);
    // Numbers, in the blocks that have runs of scalar bytes.
    out->numberEnds = 0;
    if (starts) {
        numberBytes n = {0, 0, 0, 0};
        for (int half = 0; half < 2; half++) {
            __m256i v = halves[half];
            __m256i digit = _mm256_sub_epi8(v, _mm256_set1_epi8('0'));
            int shift = 32 * half;
            n.digit |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(digit, _mm256_set1_epi8(9)), digit)) << shift;
            n.zero |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('0'))) << shift;
            n.minus |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('-'))) << shift;
            n.point |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('.'))) << shift;
        }
        out->numberEnds = numberEnds(n, out->scalar, starts);
    }
}


/// `scanBlockAVX2` out of line, for the entries that scan one block (the walk has it in line).
__attribute__((target("avx2,pclmul")))
static void scan_avx2(const uint8_t *bytes, ec_scan_state *state, ec_block_scan *out) {
    scanBlockAVX2(bytes, state, out);
}
#endif

/// The same with a loop over the bytes: the reference in tests, and the scan on processors without AVX2 (where the
/// reader itself uses its own local skip, which costs less than this loop).
static void scan_plain(const uint8_t *bytes, ec_scan_state *state, ec_block_scan *out) {
    classes c = {0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 64; i++) {
        uint8_t b = bytes[i];
        uint64_t bit = (uint64_t)1 << i;
        if (b == '"') c.quote |= bit;
        if (b == '\\') c.backslash |= bit;
        if (b == '{' || b == '}' || b == '[' || b == ']' || b == ':' || b == ',') c.structural |= bit;
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') c.whitespace |= bit;
        if (b < 0x20) c.control |= bit;
        if (b >= 0x80) c.nonASCII |= bit;
    }
    int wrong = 0;
    if (c.nonASCII | state->text) {
        for (int i = 0; i < 64; i++) wrong |= ec_utf8_error_at(bytes[i], bytes[i - 1], bytes[i - 2], bytes[i - 3]);
    }
    escapeBytes e = {0, 0, 0};
    if (c.backslash) {
        for (int i = 0; i < 64; i++) {
            uint8_t b = bytes[i];
            uint64_t bit = (uint64_t)1 << i;
            if (b == 'u') e.u |= bit;
            if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'f')) e.hex |= bit;
            if ((b | 0x20) == 'd') e.d |= bit;
        }
    }
    uint64_t escaped = escapedBits(c.backslash, state);
    uint64_t quotes = c.quote & ~escaped;
    uint64_t starts = finish(c, escaped, quotes, prefixXor(quotes) ^ state->inString, wrong, e, state, out);
    numberBytes n = {0, 0, 0, 0};
    for (int i = 0; i < 64; i++) {
        uint8_t b = bytes[i];
        uint64_t bit = (uint64_t)1 << i;
        if (b >= '0' && b <= '9') n.digit |= bit;
        if (b == '0') n.zero |= bit;
        if (b == '-') n.minus |= bit;
        if (b == '.') n.point |= bit;
    }
    out->numberEnds = numberEnds(n, out->scalar, starts);
}

void ec_scan_block_with(int kernel, const uint8_t *bytes, ec_scan_state *state, ec_block_scan *out) {
#if defined(__x86_64__)
    if (kernel == 1) { scan_avx2(bytes, state, out); return; }
#else
    (void)kernel;
#endif
    scan_plain(bytes, state, out);
}

int ec_best_scan_kernel(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("pclmul") ? 1 : 0;
#else
    return 0;
#endif
}

void ec_scan_block_avx2(const uint8_t *bytes, ec_scan_state *state, ec_block_scan *out) {
#if defined(__x86_64__)
    scan_avx2(bytes, state, out);
#else
    scan_plain(bytes, state, out);
#endif
}

// ---- The walk over the tokens (simdjson's second stage, checking rather than building) ----

enum { stValue = 1, stMayClose = 2, stKey = 4, stAfterValue = 8, stInString = 16, stInKey = 32, stColon = 64 };

typedef struct { uint64_t first, last; } skippedKey;

static inline int isSeparatorByte(uint8_t b) {
    switch (b) {
    case ',': case ':': case ']': case '}': case '[': case '{': case '"': case ' ': case '\n': case '\r': case '\t': return 1;
    default: return 0;
    }
}

/// How many ASCII digits follow `at`, eight at a time while eight bytes remain: in each word a byte below `0`
/// borrows into its high bit, one above `9` carries into it, one from 0x80 has it set in one of the two, and
/// borrows and carries reach only bytes above the first non-digit.
static inline long digitRun(const uint8_t *base, long count, long at) {
    long end = at;
    while (end + 8 <= count) {
        uint64_t word;
        memcpy(&word, base + end, 8);
        uint64_t flagged = ((word - 0x3030303030303030ULL) | (word + 0x4646464646464646ULL)) & 0x8080808080808080ULL;
        if (flagged) return end + (__builtin_ctzll(flagged) >> 3) - at;
        end += 8;
    }
    while (end < count && (uint8_t)(base[end] - '0') < 10) end++;
    return end - at;
}

/// `ec_skip_number`, in line in the walk.
static inline long skipNumberAt(const uint8_t *base, long count, long at) {
    long index = at, integerDigits;
    if (base[index] == '-') index++;
    if (index < count && base[index] == '0') {
        index++;
        integerDigits = 1;
        if (index < count && (uint8_t)(base[index] - '0') < 10) return -1;
    } else {
        integerDigits = digitRun(base, count, index);
        if (integerDigits == 0) return -1;
        index += integerDigits;
    }
    if (index < count && base[index] == '.') {
        long fraction = digitRun(base, count, index + 1);
        if (fraction == 0) return -1;
        index += 1 + fraction;
    }
    if (index < count && (base[index] | 0x20) == 'e') {
        index++;
        int negative = 0;
        if (index < count && (base[index] == '+' || base[index] == '-')) { negative = base[index] == '-'; index++; }
        long digits = digitRun(base, count, index);
        if (digits == 0 || (!negative && digits > 3)) return -1;
        if (!negative) {
            long exponent = 0;
            for (long k = 0; k < digits; k++) exponent = exponent * 10 + (base[index + k] - '0');
            if (integerDigits + exponent > 300) return -1;
        }
        index += digits;
    }
    return integerDigits > 300 ? -1 : index;
}

/// How many bytes of the run of scalar bytes that has its byte `offset` in `scalar` are from there on in the block.
static inline long runLength(uint64_t scalar, long offset) {
    uint64_t rest = ~(scalar >> offset);
    return rest ? __builtin_ctzll(rest) : 64;
}

long ec_skip_number(const uint8_t *base, long count, long at) {
    return skipNumberAt(base, count, at);
}

static inline skippedKey makeKey(const uint8_t *bytes, long count, long readable) {
    skippedKey key;
    if (readable >= 8) {
        memcpy(&key.first, bytes, 8);
        if (count < 8) key.first &= ((uint64_t)1 << (count * 8)) - 1;
    } else {
        key.first = 0;
        for (long i = 0; i < count && i < 8; i++) key.first |= (uint64_t)bytes[i] << (i * 8);
    }
    if (count >= 8) memcpy(&key.last, bytes + count - 8, 8); else key.last = (uint64_t)count;
    return key;
}

void ec_skipped_key_words(const uint8_t *bytes, long count, long readable, uint64_t words[2]) {
    skippedKey key = makeKey(bytes, count, readable);
    words[0] = key.first;
    words[1] = key.last;
}

#if defined(__x86_64__)
/// `ec_skip_value_avx2`, and with `withinLine` `ec_skip_value_within_line_avx2`: a constant in each copy.
__attribute__((target("avx2,pclmul")))
static inline __attribute__((always_inline)) long skipValue(const uint8_t *base, long count, long start,
                                                           ec_skip_limits limits, int withinLine) {
    uint64_t filters[64];
    skippedKey keys[EC_SKIP_KEY_ROOM];
    uint8_t padded[16 + 64];
    long levels = limits.levels, keyLimit = limits.keysPerObject, maxString = limits.maxStringLength;
    uint64_t objects = 0;
    long depth = 0, keyCount = 0, keysStart = 0, stringStart = 0, escapesEnd = 0;
    unsigned state = stValue;
    ec_scan_state carried = {0, 0, 0, 0};
    ec_block_scan scan;
    // With `withinLine`, where the first line break, tab or carriage return is (whitespace that is a control
    // character: the scan's `spaceControls`; in a string the scan refuses it anyway): the value may not reach past
    // it. (Written only in a block that has one. A mask of them kept for the token loop took a register the loop
    // had no room for: 150 instructions a raw line, against 50 for this.)
    long firstSpaceControl = LONG_MAX;
    for (long blockStart = start; blockStart < count; blockStart += 64) {
        const uint8_t *block;
        if (blockStart >= 16 && blockStart + 64 <= count) {
            block = base + blockStart;
        } else {
            memset(padded, ' ', sizeof padded);
            long from = blockStart >= 16 ? blockStart - 16 : 0, to = blockStart + 64 < count ? blockStart + 64 : count;
            memcpy(padded + (from - (blockStart - 16)), base + from, (size_t)(to - from));
            block = padded + 16;
        }
        scanBlockAVX2(block, &carried, &scan);
        if (scan.problem) return -1;
        if (withinLine && scan.spaceControls && firstSpaceControl == LONG_MAX) {
            firstSpaceControl = blockStart + __builtin_ctzll(scan.spaceControls);
        }
        uint64_t escapes = scan.escapes;
        while (escapes) {
            long at = blockStart + __builtin_ctzll(escapes);
            escapes &= escapes - 1;
            if (at < escapesEnd) continue;
            uint32_t unit;
            long length = escapeLength(base + at, count - at, &unit);
            if (length < 0) return -1;
            escapesEnd = at + length;
        }
        uint64_t tokens = scan.tokens;
        while (tokens) {
            long offset = __builtin_ctzll(tokens);
            tokens &= tokens - 1;
            long at = blockStart + offset;
            uint8_t byte = base[at];
            long end;
            if (state & stAfterValue) {
                int isObject = (objects >> (depth - 1)) & 1;
                if (byte == ',') { state = isObject ? stKey : stValue; continue; }
                if (byte != (isObject ? '}' : ']')) return -1;
                depth--;
                if (isObject) { keyCount = keysStart - 1; keysStart = (long)keys[keyCount].first; }
                end = at + 1;
            } else if (state & stValue) {
                if (byte == '"') {
                    if (!tokens) { stringStart = at; state = stInString; continue; }
                    long close = blockStart + __builtin_ctzll(tokens);
                    tokens &= tokens - 1;
                    if (close - at - 1 > maxString) return -1;
                    end = close + 1;
                } else if ((uint8_t)(byte - '0') < 10 || byte == '-') {
                    long length = runLength(scan.scalar, offset);
                    if ((scan.numberEnds >> (offset + length - 1)) & 1) {
                        end = at + length;
                    } else {
                        end = skipNumberAt(base, count, at);
                        if (end < 0 || (end < count && !isSeparatorByte(base[end]))) return -1;
                    }
                } else if ((byte | 0x20) == '{') {
                    if (depth >= levels) return -1;
                    int isObject = byte == '{';
                    objects = isObject ? objects | ((uint64_t)1 << depth) : objects & ~((uint64_t)1 << depth);
                    depth++;
                    if (isObject) {
                        if (keyCount >= EC_SKIP_KEY_ROOM) return -1;
                        keys[keyCount].first = (uint64_t)keysStart;
                        keys[keyCount].last = 0;
                        keysStart = ++keyCount;
                        filters[depth - 1] = 0;
                        state = stKey | stMayClose;
                    } else {
                        state = stValue | stMayClose;
                    }
                    continue;
                } else if (byte == ']' && (state & stMayClose)) {
                    depth--;
                    end = at + 1;
                } else {
                    long length = runLength(scan.scalar, offset);
                    if ((length == 4 || length == 5) && offset + length < 64) {
                        // A run that ends in the block, at a separator: exactly a literal, or invalid.
                        const uint8_t *run = base + at;
                        int ok = length == 4 ? memcmp(run, "true", 4) == 0 || memcmp(run, "null", 4) == 0
                                             : memcmp(run, "false", 5) == 0;
                        if (!ok) return -1;
                        end = at + length;
                    } else {
                        end = literalEnd(base, count, at);
                        if (end < 0 || (end < count && !isSeparatorByte(base[end]))) return -1;
                    }
                }
            } else if (state & stInString) {
                if (at - stringStart - 1 > maxString) return -1;
                end = at + 1;
            } else if ((state & stKey) && byte != '"') {
                if (byte != '}' || !(state & stMayClose)) return -1;
                depth--;
                keyCount = keysStart - 1;
                keysStart = (long)keys[keyCount].first;
                end = at + 1;
            } else {
                if (state & stKey) {
                    stringStart = at;
                    if (!tokens) { state = stInKey; continue; }
                    offset = __builtin_ctzll(tokens);
                    tokens &= tokens - 1;
                    at = blockStart + offset;
                } else if (state & stColon) {
                    if (byte != ':') return -1;
                    state = stValue;
                    continue;
                }
                // The key's closing quote is at `at`.
                long length = at - stringStart - 1;
                if (length > maxString || keyCount - keysStart >= keyLimit || keyCount >= EC_SKIP_KEY_ROOM) return -1;
                int hasEscapes = stringStart >= blockStart
                    ? (scan.backslash & (((uint64_t)1 << offset) - 1) & ~((((uint64_t)2) << (stringStart - blockStart)) - 1)) != 0
                    : memchr(base + stringStart + 1, '\\', (size_t)length) != NULL;
                skippedKey key;
                if (hasEscapes) {
                    uint8_t unescaped[256 + EC_UNESCAPE_SLACK];
                    if (length > 256) return -1;
                    long written = ec_unescape(base + stringStart + 1, length, count - stringStart - 1, unescaped);
                    key = makeKey(unescaped, written, (long)sizeof unescaped);
                } else {
                    key = makeKey(base + stringStart + 1, length, count - stringStart - 1);
                }
                uint64_t bit = (uint64_t)1 << (((key.first ^ (key.last * 0x2545F4914F6CDD1DULL)) * 0x9E3779B97F4A7C15ULL) >> 58);
                if (filters[depth - 1] & bit) {
                    for (long i = keysStart; i < keyCount; i++) {
                        if (keys[i].first == key.first && keys[i].last == key.last) return -1;
                    }
                }
                filters[depth - 1] |= bit;
                keys[keyCount++] = key;
                if (tokens && base[blockStart + __builtin_ctzll(tokens)] == ':') {
                    tokens &= tokens - 1;
                    state = stValue;
                } else {
                    state = stColon;
                }
                continue;
            }
            if (depth == 0) return withinLine && end > firstSpaceControl ? -1 : end;
            state = stAfterValue;
        }
    }
    return -1;
}

__attribute__((target("avx2,pclmul")))
long ec_skip_value_avx2(const uint8_t *base, long count, long start, ec_skip_limits limits) {
    return skipValue(base, count, start, limits, 0);
}

__attribute__((target("avx2,pclmul")))
long ec_skip_value_within_line_avx2(const uint8_t *base, long count, long start, ec_skip_limits limits) {
    return skipValue(base, count, start, limits, 1);
}
#else
long ec_skip_value_avx2(const uint8_t *base, long count, long start, ec_skip_limits limits) {
    (void)base; (void)count; (void)start; (void)limits;
    return -1;  // no AVX2 here: the caller never takes this path
}
long ec_skip_value_within_line_avx2(const uint8_t *base, long count, long start, ec_skip_limits limits) {
    (void)base; (void)count; (void)start; (void)limits;
    return -1;
}
#endif
