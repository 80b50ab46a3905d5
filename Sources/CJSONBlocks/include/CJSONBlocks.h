// simdjson's first stage for 64 bytes of JSON text at a time: bit masks, bit n for byte n, of the tokens
// (structural characters outside strings, the quotes that open and close strings, and the first byte of each
// run of other bytes outside strings: numbers, literals, or something wrong), of the bytes in strings, of the
// escapes the caller must check one by one, and of the ends of the numbers without exponent; the UTF-8 of the
// whole block is checked (simdjson's lookup algorithm). AVX2; the plain loop is the tests' reference (elsewhere
// the reader skips with its own local loop, which an SSE2 kernel did not beat). With it, the walk over the
// tokens that passes over a whole array or object (`ec_skip_value_avx2`: simdjson's second stage, checking rather
// than building).
// Also the text of strings: finding a string's end with every check (AVX2), and undoing its escapes.
#ifndef CJSONBLOCKS_H
#define CJSONBLOCKS_H

#include <stdint.h>

/// What one block hands to the next; all zero before the first.
typedef struct {
    uint64_t inString;  // all ones when the block ended inside a string
    uint64_t escaped;   // 1 when the block's last byte starts an escape
    uint64_t scalar;    // 1 when the block ended inside a run of scalar bytes
    uint64_t text;      // nonzero when one of the block's last 3 bytes was 0x80 or more
} ec_scan_state;

typedef struct {
    uint64_t tokens;
    uint64_t inString;   // from each opening quote up to, not including, its closing quote
    uint64_t backslash;  // every backslash
    uint64_t escapes;    // the backslashes in strings that start an escape
    uint64_t scalar;     // the bytes of runs of other bytes outside strings (numbers, literals, or something wrong)
    uint64_t numberEnds; // the last byte of each run that starts in the block, ends before its last byte, and is a
                         // number without exponent: -?(0|[1-9][0-9]*)(.[0-9]+)?
    uint64_t spaceControls; // every tab, line feed and carriage return: whitespace that is a control character
    int problem;         // a control character in a string, a bad `\uXXXX`, or a byte that breaks UTF-8 (RFC 3629)
} ec_block_scan;

/// The kernel this processor has: 1 AVX2, 0 the plain loop. The reader scans blocks only where it is 1; the plain
/// loop is for tests (as the reference).
int ec_best_scan_kernel(void);
/// Scans the 64 bytes at `bytes` with the AVX2 kernel; the 16 bytes before must be readable (any values before the
/// text). Call it only where `ec_best_scan_kernel()` is 1 (elsewhere than x86-64 it runs the plain loop).
void ec_scan_block_avx2(const uint8_t *bytes, ec_scan_state *state, ec_block_scan *out);
/// The same scan with a given kernel (one the processor has), for tests.
void ec_scan_block_with(int kernel, const uint8_t *bytes, ec_scan_state *state, ec_block_scan *out);

/// The limits `ec_skip_value_avx2` keeps to: containers it may open (at most 63), keys an object may have, bytes of
/// a string as written.
typedef struct {
    long levels;
    long keysPerObject;
    long maxStringLength;
} ec_skip_limits;
/// Passes over the array or object whose first byte is at `start` in the `count` bytes at `base`, checking all JSON
/// asks of it (grammar, strings, escapes, numbers, literals, repeated keys, the limits): the offset after it, or -1
/// for any value it does not vouch for (the caller's full reading gives the verdict). AVX2: call it only where
/// `ec_best_scan_kernel()` is 1.
long ec_skip_value_avx2(const uint8_t *base, long count, long start, ec_skip_limits limits);
/// `ec_skip_value_avx2` for a value of a line of JSON Lines whose bytes are not cut at the line's end: no line break
/// (`\n`) may be in it, nor a tab or a carriage return between its tokens (it then returns -1).
long ec_skip_value_within_line_avx2(const uint8_t *base, long count, long start, ec_skip_limits limits);
/// The offset after the number whose first byte (`-` or a digit) is at `at` in the `count` bytes at `base`, up to
/// where its grammar ends (what follows is the caller's to check); -1 for a number that is malformed or whose
/// magnitude may reach 10^300 (its integer digits plus a positive exponent above 300, or an exponent of more than 3
/// digits), which the caller reads in full. `JSONReader.skipNumber()` and the walk of `ec_skip_value_avx2`.
long ec_skip_number(const uint8_t *base, long count, long at);
/// How many keys and markers (one an open object) `ec_skip_value_avx2` keeps: a value whose open objects have more
/// is left to the caller.
#define EC_SKIP_KEY_ROOM 63
/// The two words `ec_skip_value_avx2` keeps of a key of `count` bytes at `bytes`, of which `readable` may be read
/// (at least `count`): its first 8 bytes (zero past its end), and its last 8, or its length when shorter. Equal keys
/// have equal words; keys of the same length, at most 16 bytes, only when equal. For tests.
void ec_skipped_key_words(const uint8_t *bytes, long count, long readable, uint64_t words[2]);
/// The offset of the closing quote of the string whose text starts at `text` (just after its opening quote), of
/// which `count` bytes may be read, after checking everything JSON asks of it: no control character, escapes
/// that are JSON's (`\uXXXX` with four hex digits, surrogates in pairs), well-formed UTF-8 (RFC 3629: no
/// overlong form, no surrogate, nothing past U+10FFFF). Returned times 4, plus flags in the low two bits: bit 0
/// when the string has escapes, bit 1 when its text, unescaped, is not all ASCII (in the result rather than
/// through a pointer, so that the caller keeps no variable in memory for them). -1 when something is wrong or no
/// closing quote was found: the caller's own scan then gives the verdict and the exact error. AVX2, 32 bytes at a
/// time: call it only where `ec_string_end_is_available()` is 1.
long ec_string_end(const uint8_t *text, long count);
int ec_string_end_is_available(void);

/// The whole text of a short Chinese string as `json.dumps` writes it: when the text at `text` (just after the
/// opening quote) is one to five `\uXXXX` escapes whose first digit is neither `0` nor `d`/`D` (code points from
/// U+1000, no surrogate) and then the closing quote, writes their UTF-8 at `out` (3 bytes each; `out` has room for
/// 16) and returns how many escapes; 0 for any other text, which the caller reads the general way. Reads 32 bytes
/// from `text`. AVX2: call it only where `ec_string_end_is_available()` is 1.
long ec_cjk_escapes(const uint8_t *text, uint8_t *out);

/// Writes the text of a checked string's `count` bytes (between its quotes) with its escapes undone into `out`,
/// which has room for `count + EC_UNESCAPE_SLACK` bytes (no escape is shorter than what it stands for, and the
/// bytes past those written may be overwritten); returns how many it wrote. `readable` bytes from `text` may be
/// read (at least `count`; the bytes after the string are read, not used).
/// The text must have passed the checks `ec_string_end` makes: this one makes none. Where the processor has AVX2,
/// runs of `\uXXXX` escapes from U+1000 (CJK text, as `json.dumps` writes it) are undone four or two at a time;
/// `ec_unescape_portable` is the plain loop everywhere (for tests, as the reference the other must agree with).
long ec_unescape(const uint8_t *text, long count, long readable, uint8_t *out);
long ec_unescape_portable(const uint8_t *text, long count, long readable, uint8_t *out);
#define EC_UNESCAPE_SLACK 16

/// How a field of a record reads for `ec_read_record`: its name, its type, whether it may be null, and for an
/// enumeration its values (`values[i]`, `valueLengths[i]` bytes each). Names and values are matched by their bytes,
/// written in quotes: `name` and each `values[i]` point to the opening quote, the closing one follows the bytes, and
/// 16 readable bytes follow it. None may hold a quote, a backslash or a control character.
enum { EC_FIELD_STRING = 0, EC_FIELD_BOOL = 1, EC_FIELD_ENUMERATION = 2, EC_FIELD_JSON = 3 };
typedef struct {
    const uint8_t *name;
    long nameLength;
    int type;
    int nullable;
    const uint8_t *const *values;
    const long *valueLengths;
    long valueCount;
} ec_record_field;
/// The reader's limits as `ec_read_record` keeps them: the record's own object counts as a level (`maxDepth` at
/// least 1) and has at most `maxKeysPerObject` keys; no key or string is longer than `maxStringLength` bytes as
/// written; values of JSON fields that are arrays or objects are passed over by `ec_skip_value_avx2` with `nested`.
typedef struct {
    long maxDepth;
    long maxKeysPerObject;
    long maxStringLength;
    ec_skip_limits nested;
} ec_record_limits;
/// The most fields `ec_read_record` takes (a record's keys seen are the bits of a word).
#define EC_RECORD_MAX_FIELDS 64
/// What `ec_read_record` found for each field: a value of 0 or more is an enumeration value's index.
enum { EC_FOUND_ABSENT = -1, EC_FOUND_NULL = -2, EC_FOUND_FALSE = -3, EC_FOUND_TRUE = -4, EC_FOUND_OTHER = -5 };
/// 1 when the `count` bytes at `base` are, with whitespace around, one JSON object whose keys, written as their own
/// bytes, are names of `fields` (at most `EC_RECORD_MAX_FIELDS`), each once, and whose values are of their fields' types: a string
/// (checked as `ec_string_end` checks it), a boolean, one of an enumeration's values written as its bytes, any JSON
/// value (passed over as `ec_skip_number` and `ec_skip_value_avx2` do), or null where the field may be null or is
/// JSON; `found[i]` then says what field `i` holds. 0 for anything else, valid or not: the caller reads it in full.
/// Checks nothing a model's rules or required fields ask. AVX2: call it only where `ec_best_scan_kernel()` and
/// `ec_string_end_is_available()` are 1.
long ec_read_record(const uint8_t *base, long count, const ec_record_field *fields, long fieldCount,
                    ec_record_limits limits, int32_t *found);

/// What `ec_vouch_lines` holds a record to besides `ec_read_record`'s checks: its model's fields, the fields it
/// requires (bit i for field i), and the fields the model's rules read (`keyFields`, at most 7, indices into
/// `fields`), whose codes make the key of a rules' verdict remembered in a cache (see `ec_vouch_lines`).
typedef struct {
    const ec_record_field *fields;
    long fieldCount;
    ec_record_limits limits;
    uint64_t required;
    const long *keyFields;
    long keyFieldCount;
    long maxLineLength;
} ec_lines_plan;
/// The most fields a rules' verdict key holds (a byte each, under a leading 1).
#define EC_VERDICT_KEY_MAX_FIELDS 7
/// `ec_read_record`'s checks on each line of `base[0..<count)` in turn (lines end at `\n`, and each is taken only with
/// its `\n`), from the first, for as long as each is vouched for: at most `plan->maxLineLength` bytes, `ec_read_record`
/// vouches for it, it has every required field, and `cache` (64 entries) says the rules hold for its key. A record
/// is read from its line's start without the bytes being cut at its line break first (which would pass over them
/// twice): its line ends at the first byte after its `}` and whitespace, which must be `\n`, and a `\n` is nowhere
/// whitespace in it (a tab or a carriage return between the tokens of one of its JSON values leaves it to the
/// caller as well). The key is 1 followed by a byte for each of `keyFields`: its code (`EC_FOUND_*` or an index below
/// 250) plus 6; its entry is `cache[(key * 0x9E3779B97F4A7C15) >> 58]`, which holds `key << 1 | 1` when the rules
/// hold. Stops before a line that starts at or after `startLimit`, and after `maxLines` lines. Returns the bytes of
/// the lines vouched for, line breaks included, with their number in `*lines` and, when `ends` is not NULL, the offset
/// after each one's line break in `ends[0..<*lines]` (room for `maxLines`). `*refused` is 1 when it stopped at a line
/// that `ec_read_record` would not vouch for, or that misses a required field, is too long, or whose rules' verdict
/// the cache holds as broken (the caller may then read it in full at once), and 0 when it stopped at a limit, at
/// bytes that may be an unfinished line, or at a rules' verdict the cache does not hold. AVX2, as `ec_read_record`.
long ec_vouch_lines(const uint8_t *base, long count, long startLimit, long maxLines, const ec_lines_plan *plan,
                    const uint64_t *cache, long *ends, long *lines, int *refused);

/// The double nearest to `w` × 10^`q` (ties to even), for `w` of at most 64 bits, by the Eisel-Lemire method, with
/// `*found` set to 1; or 0 with `*found` set to 0 where the result would be zero, subnormal or infinite, or `q` is
/// outside -342 to 308 (the caller then converts the number's text another way).
double ec_decimal_to_double(uint64_t w, int64_t q, int *found);

#endif
