#include "CJSONBlocks.h"
#include "CJSONPowersOfFive.h"

#include <string.h>

// The Eisel-Lemire method (Daniel Lemire, "Number Parsing at a Gigabyte per Second", 2021): the significand,
// shifted to fill 64 bits, times the 128 most significant bits of 5^q; the product's top 54 bits are the result's
// significand and a rounding bit, and its exponent follows from q's. One product of 64 by 64 bits is enough unless
// the bits below the 54 are all ones, where the second word of 5^q settles them; that two are always enough with
// these powers is Noble Mushtak's and Daniel Lemire's result ("Fast Number Parsing Without Fallback", 2023).
double ec_decimal_to_double(uint64_t w, int64_t q, int *found) {
    *found = 0;
    if (w == 0 || q < EC_SMALLEST_POWER_OF_TEN || q > EC_LARGEST_POWER_OF_TEN) return 0;
    int zeros = __builtin_clzll(w);
    w <<= zeros;
    const uint64_t *power = ec_powers_of_five + 2 * (q - EC_SMALLEST_POWER_OF_TEN);
    __uint128_t first = (__uint128_t)w * power[0];
    uint64_t high = (uint64_t)(first >> 64), low = (uint64_t)first;
    if ((high & 0x1FF) == 0x1FF) {  // the 9 bits below the 55 kept are all ones: a carry from below may change them
        uint64_t secondHigh = (uint64_t)(((__uint128_t)w * power[1]) >> 64);
        low += secondHigh;
        if (secondHigh > low) high++;
    }
    int upper = (int)(high >> 63);
    int shift = upper + 9;
    uint64_t significand = high >> shift;  // 54 or 55 bits: the 53 kept, then the rounding bit
    // floor(q × log2(10)) + 63, from 217706 / 2^16 ≈ log2(10), exact for q from -342 to 308; 1023 is the bias.
    int64_t exponent = ((217706 * q) >> 16) + 63 + upper - zeros + 1023;
    if (exponent <= 0) return 0;  // subnormal (or zero): left to the caller
    // Exactly halfway between two doubles, which happens only for q from -4 to 23: round to even, not up.
    if (low <= 1 && q >= -4 && q <= 23 && (significand & 3) == 1 && (significand << shift) == high) {
        significand &= ~(uint64_t)1;
    }
    significand += significand & 1;
    significand >>= 1;
    if (significand >= ((uint64_t)2 << 52)) {  // rounded up to the next power of two
        significand = (uint64_t)1 << 52;
        exponent++;
    }
    if (exponent >= 0x7FF) return 0;  // infinite: left to the caller, which reports it
    uint64_t bits = (significand & ~((uint64_t)1 << 52)) | ((uint64_t)exponent << 52);
    double value;
    memcpy(&value, &bits, sizeof value);
    *found = 1;
    return value;
}
