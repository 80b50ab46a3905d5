/**
 * Bounds on what the strict JSON reader accepts, so hostile input costs bounded memory and time; the defaults are the
 * Swift runtime's (`JSONReaderLimits`). All but `maxDepth` report `too_long`.
 *
 * Any value is safe: a negative or NaN limit counts as 0 (nothing of that kind is accepted), a fraction is rounded
 * down, and `Infinity` means no limit.
 */
export interface JsonLimits {
  /** How deeply arrays and objects may nest; `[[1]]` has depth 2. Default 512. */
  readonly maxDepth: number;
  /** The longest string or key, in UTF-8 bytes as written in the input (escapes count as written). Default 16 MiB. */
  readonly maxStringLength: number;
  /** The most members one object may have. Default 100,000. */
  readonly maxKeysPerObject: number;
  /** The largest input, in UTF-8 bytes. Default 256 MiB. */
  readonly maxInputLength: number;
}

/** The Swift runtime's default limits. */
export const defaultJsonLimits: JsonLimits = Object.freeze({
  maxDepth: 512,
  maxStringLength: 16 * 1024 * 1024,
  maxKeysPerObject: 100_000,
  maxInputLength: 256 * 1024 * 1024,
});

/** `limits` over the defaults, each clamped as the interface describes. */
export function resolveJsonLimits(limits: Partial<JsonLimits> | undefined): JsonLimits {
  if (limits === undefined) return defaultJsonLimits;
  return {
    maxDepth: clampLimit(limits.maxDepth ?? defaultJsonLimits.maxDepth),
    maxStringLength: clampLimit(limits.maxStringLength ?? defaultJsonLimits.maxStringLength),
    maxKeysPerObject: clampLimit(limits.maxKeysPerObject ?? defaultJsonLimits.maxKeysPerObject),
    maxInputLength: clampLimit(limits.maxInputLength ?? defaultJsonLimits.maxInputLength),
  };
}

function clampLimit(limit: number): number {
  if (typeof limit !== "number" || Number.isNaN(limit) || limit < 0) return 0;
  return Math.floor(limit);
}
