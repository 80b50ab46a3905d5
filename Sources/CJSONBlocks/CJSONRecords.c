// A record whose model's fields all read as flat values (strings no rule reads, booleans, enumeration values, JSON
// values), checked in one pass without building anything: the fast path of `RecordValidator`'s judge. It says only
// "valid as far as these checks go" or "not vouched for"; every record it does not vouch for, valid or not, is read
// again by the full reading, which gives the verdict and the exact error. It never decides an error itself. What it
// accepts restates the full reading's rules for these field kinds: a change there must be made here too (debug builds
// read every record vouched for in full as well, and stop at an assertion where the two disagree).
#include "CJSONBlocks.h"
#include "CJSONEscapes.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define EC_RECORD_TARGET __attribute__((target("avx2")))
#else
#define EC_RECORD_TARGET
#endif

#define EC_IN_LINE static inline __attribute__((always_inline)) EC_RECORD_TARGET

/// Past the whitespace at `at`; with `oneLine`, a line break is not whitespace but the line's end.
EC_IN_LINE long afterWhitespace(const uint8_t *base, long count, long at, int oneLine) {
    while (at < count && base[at] <= ' '
           && (base[at] == ' ' || (base[at] == '\n' && !oneLine) || base[at] == '\r' || base[at] == '\t')) at++;
    return at;
}

/// Moves `*at` past whitespace (as `afterWhitespace` with `oneLine`) and then `byte`; 0 when another byte comes
/// first. One comparison when `byte` is next.
EC_IN_LINE int passByte(const uint8_t *base, long count, long *at, uint8_t byte, int oneLine) {
    long index = *at;
    if (index < count && base[index] == byte) {
        *at = index + 1;
        return 1;
    }
    index = afterWhitespace(base, count, index, oneLine);
    if (index < count && base[index] == byte) {
        *at = index + 1;
        return 1;
    }
    return 0;
}

/// Whether the string whose opening quote is at `at` is exactly the `length` bytes after the quote at `quoted`
/// (which are followed by a quote and 16 readable bytes, and hold no quote, backslash or control character): the
/// same bytes with the same quotes. Where 16 bytes can be read, one comparison of 16 bytes for a text of up to 14.
EC_IN_LINE int isString(const uint8_t *base, long count, long at, const uint8_t *quoted, long length) {
#if defined(__x86_64__)
    if (length <= 14 && count - at >= 16) {
        __m128i text = _mm_loadu_si128((const __m128i *)(base + at)), expected = _mm_loadu_si128((const __m128i *)quoted);
        unsigned same = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(text, expected));
        return (~same & ((1u << (length + 2)) - 1)) == 0;
    }
#endif
    return count - at >= length + 2 && memcmp(base + at, quoted, (size_t)length + 2) == 0;
}

/// The length of the string whose opening quote is at `at` (its text between the quotes), checked as
/// `ec_string_end` checks it and against the length limit; -1 for one not vouched for.
EC_IN_LINE long stringLength(const uint8_t *base, long count, long at, long maxString) {
#if defined(__x86_64__)
    // A short plain string (no escape, control character or non-ASCII byte before its closing quote) from one
    // load of 32 bytes; any other goes to `ec_string_end`.
    if (count - at - 1 >= 32) {
        __m256i text = _mm256_loadu_si256((const __m256i *)(base + at + 1));
        uint32_t special = plainTextStops(text) | (uint32_t)_mm256_movemask_epi8(text);
        if (special) {
            long length = __builtin_ctz(special);
            if (base[at + 1 + length] == '"') return length <= maxString ? length : -1;
        }
    }
#endif
    long found = ec_string_end(base + at + 1, count - at - 1);
    if (found < 0) return -1;
    long length = found >> 2;
    return length <= maxString ? length : -1;
}

/// The offset after the value at `at` (not whitespace) of `field`'s type, with what it is in `*found`; -1 when it is
/// not one the fast path vouches for.
EC_IN_LINE long fieldValueEnd(const ec_record_field *field, const uint8_t *base, long count, long at,
                              const ec_record_limits *limits, int32_t *found, int oneLine) {
    uint8_t byte = base[at];
    if (byte == 'n') {
        if (!field->nullable && field->type != EC_FIELD_JSON) return -1;
        *found = EC_FOUND_NULL;
        return literalEnd(base, count, at);
    }
    switch (field->type) {
    case EC_FIELD_STRING: {
        if (byte != '"') return -1;
        long length = stringLength(base, count, at, limits->maxStringLength);
        if (length < 0) return -1;
        *found = EC_FOUND_OTHER;
        return at + length + 2;
    }
    case EC_FIELD_BOOL:
        if (byte != 't' && byte != 'f') return -1;
        *found = byte == 't' ? EC_FOUND_TRUE : EC_FOUND_FALSE;
        return literalEnd(base, count, at);
    case EC_FIELD_ENUMERATION: {
        if (byte != '"') return -1;
        for (long index = 0; index < field->valueCount; index++) {
            long length = field->valueLengths[index];
            if (isString(base, count, at, field->values[index], length)) {
                if (length > limits->maxStringLength) return -1;
                *found = (int32_t)index;
                return at + length + 2;
            }
        }
        return -1;  // another spelling, an escape, an open enumeration's value, a legacy value: the full reading decides
    }
    case EC_FIELD_JSON:
        *found = EC_FOUND_OTHER;
        if (byte == '"') {
            long length = stringLength(base, count, at, limits->maxStringLength);
            return length < 0 ? -1 : at + length + 2;
        }
        if ((uint8_t)(byte - '0') < 10 || byte == '-') return ec_skip_number(base, count, at);
        if ((byte | 0x20) == '{') {
            return oneLine ? ec_skip_value_within_line_avx2(base, count, at, limits->nested)
                           : ec_skip_value_avx2(base, count, at, limits->nested);
        }
        return literalEnd(base, count, at);
    default:
        return -1;
    }
}

/// `ec_read_record`'s checks of the record at the start of the `count` bytes at `base`: the offset after it and the
/// whitespace after it, with the fields it has in `*seenFields` (bit i for field i); -1 when it does not vouch for
/// it. With `oneLine`, a line break is not whitespace, and none is in the record: the offset is then at the line's
/// end or before something else.
EC_IN_LINE long readRecord(const uint8_t *base, long count, const ec_record_field *fields, long fieldCount,
                           const ec_record_limits *limitsPointer, int32_t *found, uint64_t *seenFields, int oneLine) {
    ec_record_limits limits = *limitsPointer;
    if (fieldCount < 0 || fieldCount > EC_RECORD_MAX_FIELDS || limits.maxDepth < 1) return -1;
    for (long index = 0; index < fieldCount; index++) found[index] = EC_FOUND_ABSENT;
    long at = 0;
    if (!passByte(base, count, &at, '{', oneLine)) return -1;
    *seenFields = 0;
    if (passByte(base, count, &at, '}', oneLine)) return afterWhitespace(base, count, at, oneLine);
    uint64_t seen = 0;
    long keys = 0, expected = 0;
    for (;;) {
        at = afterWhitespace(base, count, at, oneLine);
        if (at >= count || base[at] != '"') return -1;
        // Records usually list keys in the model's order: the field after the last one is tried first.
        long field = -1;
        if (expected < fieldCount && isString(base, count, at, fields[expected].name, fields[expected].nameLength)) {
            field = expected;
        } else {
            for (long index = 0; index < fieldCount; index++) {
                if (isString(base, count, at, fields[index].name, fields[index].nameLength)) {
                    field = index;
                    break;
                }
            }
        }
        if (field < 0 || ((seen >> field) & 1) || ++keys > limits.maxKeysPerObject) return -1;
        long length = fields[field].nameLength;
        if (length > limits.maxStringLength) return -1;
        seen |= (uint64_t)1 << field;
        expected = field + 1;
        at += length + 2;
        if (!passByte(base, count, &at, ':', oneLine)) return -1;
        at = afterWhitespace(base, count, at, oneLine);
        if (at >= count) return -1;
        at = fieldValueEnd(&fields[field], base, count, at, &limits, &found[field], oneLine);
        if (at < 0) return -1;
        if (passByte(base, count, &at, ',', oneLine)) continue;
        if (!passByte(base, count, &at, '}', oneLine)) return -1;
        *seenFields = seen;
        return afterWhitespace(base, count, at, oneLine);
    }
}

EC_RECORD_TARGET long ec_read_record(const uint8_t *base, long count, const ec_record_field *fields, long fieldCount,
                                     ec_record_limits limits, int32_t *found) {
    uint64_t seen;
    return readRecord(base, count, fields, fieldCount, &limits, found, &seen, 0) == count;
}

EC_RECORD_TARGET long ec_vouch_lines(const uint8_t *base, long count, long startLimit, long maxLines,
                                     const ec_lines_plan *plan, const uint64_t *cache, long *ends, long *lines,
                                     int *refused) {
    long at = 0, vouched = 0;
    int32_t found[EC_RECORD_MAX_FIELDS];
    *refused = 0;
    if (plan->keyFieldCount < 0 || plan->keyFieldCount > EC_VERDICT_KEY_MAX_FIELDS) { *lines = 0; return 0; }
    // Each record is read up to its line's end, found as the first byte past it that is not whitespace: the bytes
    // are not cut at the line break first (a second pass over them), so no line break may be whitespace in it.
    while (vouched < maxLines && at < startLimit && at < count) {
        uint64_t seen;
        long length = readRecord(base + at, count - at, plan->fields, plan->fieldCount, &plan->limits, found, &seen, 1);
        if (length >= 0 && length >= count - at) break;  // the record runs to the end of the bytes: its line may go on
        if (length < 0 || base[at + length] != '\n' || length > plan->maxLineLength || (plan->required & ~seen) != 0) {
            *refused = 1;
            break;
        }
        uint64_t key = 1;
        for (long index = 0; index < plan->keyFieldCount; index++) {
            key = key << 8 | (uint8_t)(found[plan->keyFields[index]] + 6);
        }
        uint64_t entry = cache[(key * 0x9E3779B97F4A7C15ULL) >> 58];
        if (entry != (key << 1 | 1)) {
            *refused = entry == key << 1;
            break;
        }
        at += length + 1;
        if (ends) ends[vouched] = at;
        vouched++;
    }
    *lines = vouched;
    return at;
}
