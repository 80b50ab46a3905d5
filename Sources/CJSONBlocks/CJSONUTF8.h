// simdjson's UTF-8 check (John Keiser and Daniel Lemire, "Validating UTF-8 In Less Than One Instruction Per Byte",
// 2021), shared by the block scan (CJSONBlocks.c) and the string scan (CJSONStrings.c): each byte is checked with
// the three before it, by three 16-entry tables over the nibbles of a pair of bytes, and by whether the byte two or
// three before leads a sequence that long. A byte is flagged when it breaks RFC 3629 there: a sequence cut short, a
// continuation byte too many, an overlong form, a surrogate, a code point past U+10FFFF, or a byte never in UTF-8.
// Internal to CJSONBlocks (not in include/).
#ifndef CJSONUTF8_H
#define CJSONUTF8_H

#include <stdint.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// What a pair of bytes may break, a bit each.
enum {
    ec_tooShort = 1 << 0,    // a lead, then no continuation byte
    ec_tooLong = 1 << 1,     // ASCII, then a continuation byte
    ec_overlong3 = 1 << 2,   // E0 then 80 to 9F
    ec_tooLarge = 1 << 3,    // F4 then 90 to BF, or F5 and above
    ec_surrogate = 1 << 4,   // ED then A0 to BF
    ec_overlong2 = 1 << 5,   // C0 or C1
    ec_tooLarge1000 = 1 << 6,
    ec_overlong4 = 1 << 6,   // F0 then 80 to 8F
    ec_twoContinuations = 1 << 7,
    ec_carry = ec_tooShort | ec_tooLong | ec_twoContinuations,
};

/// By the high nibble of a pair's first byte.
static const uint8_t ec_firstHighTable[16] = {
    ec_tooLong, ec_tooLong, ec_tooLong, ec_tooLong, ec_tooLong, ec_tooLong, ec_tooLong, ec_tooLong,
    ec_twoContinuations, ec_twoContinuations, ec_twoContinuations, ec_twoContinuations,
    ec_tooShort | ec_overlong2, ec_tooShort, ec_tooShort | ec_overlong3 | ec_surrogate,
    ec_tooShort | ec_tooLarge | ec_tooLarge1000 | ec_overlong4,
};
/// By the low nibble of a pair's first byte.
static const uint8_t ec_firstLowTable[16] = {
    ec_carry | ec_overlong3 | ec_overlong2 | ec_overlong4, ec_carry | ec_overlong2, ec_carry, ec_carry,
    ec_carry | ec_tooLarge, ec_carry | ec_tooLarge | ec_tooLarge1000, ec_carry | ec_tooLarge | ec_tooLarge1000,
    ec_carry | ec_tooLarge | ec_tooLarge1000, ec_carry | ec_tooLarge | ec_tooLarge1000,
    ec_carry | ec_tooLarge | ec_tooLarge1000, ec_carry | ec_tooLarge | ec_tooLarge1000,
    ec_carry | ec_tooLarge | ec_tooLarge1000, ec_carry | ec_tooLarge | ec_tooLarge1000,
    ec_carry | ec_tooLarge | ec_tooLarge1000 | ec_surrogate, ec_carry | ec_tooLarge | ec_tooLarge1000,
    ec_carry | ec_tooLarge | ec_tooLarge1000,
};
/// By the high nibble of a pair's second byte.
static const uint8_t ec_secondHighTable[16] = {
    ec_tooShort, ec_tooShort, ec_tooShort, ec_tooShort, ec_tooShort, ec_tooShort, ec_tooShort, ec_tooShort,
    ec_tooLong | ec_overlong2 | ec_twoContinuations | ec_overlong3 | ec_tooLarge1000 | ec_overlong4,
    ec_tooLong | ec_overlong2 | ec_twoContinuations | ec_overlong3 | ec_tooLarge,
    ec_tooLong | ec_overlong2 | ec_twoContinuations | ec_surrogate | ec_tooLarge,
    ec_tooLong | ec_overlong2 | ec_twoContinuations | ec_surrogate | ec_tooLarge,
    ec_tooShort, ec_tooShort, ec_tooShort, ec_tooShort,
};

/// Whether `byte` breaks RFC 3629 after `before1`, `before2` and `before3` (the bytes 1, 2 and 3 before it): the
/// same check for one byte, the plain scan's.
static inline int ec_utf8_error_at(uint8_t byte, uint8_t before1, uint8_t before2, uint8_t before3) {
    uint8_t special = ec_firstHighTable[before1 >> 4] & ec_firstLowTable[before1 & 0x0F] & ec_secondHighTable[byte >> 4];
    // The third and fourth bytes of 3- and 4-byte sequences: continuation bytes the lookups count as
    // `twoContinuations`, which is right exactly there.
    uint8_t mustContinue = (before2 >= 0xE0 || before3 >= 0xF0) ? 0x80 : 0;
    return (special ^ mustContinue) != 0;
}

#if defined(__x86_64__)
/// The check for 32 bytes: for each byte of `input`, nonzero when it breaks RFC 3629; `before1`, `before2` and
/// `before3` are the 32 bytes that start 1, 2 and 3 bytes before `input`.
__attribute__((target("avx2")))
static inline __m256i ec_utf8_errors(__m256i input, __m256i before1, __m256i before2, __m256i before3) {
    const __m256i firstHigh = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)ec_firstHighTable));
    const __m256i firstLow = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)ec_firstLowTable));
    const __m256i secondHigh = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)ec_secondHighTable));
    const __m256i lowNibble = _mm256_set1_epi8(0x0F);
    __m256i special = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(firstHigh, _mm256_and_si256(_mm256_srli_epi16(before1, 4), lowNibble)),
                         _mm256_shuffle_epi8(firstLow, _mm256_and_si256(before1, lowNibble))),
        _mm256_shuffle_epi8(secondHigh, _mm256_and_si256(_mm256_srli_epi16(input, 4), lowNibble)));
    __m256i third = _mm256_subs_epu8(before2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(before3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i mustContinue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(mustContinue, special);
}
#endif

#endif
