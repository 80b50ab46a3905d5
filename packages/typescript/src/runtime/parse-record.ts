import { acceptParsed, isWellFormed, notAccepted } from "./accept-parsed.js";
import { JsonLimits, resolveJsonLimits } from "./json-limits.js";
import { ModelSpec } from "./model-spec.js";
import { readRecord } from "./read-record.js";

/** Options of the generated `parseX` functions. */
export interface ParseOptions {
  /** Accept the v1.0 values of lifecycles' `legacy` tables, read as the states they now mean. Default false. */
  readonly acceptLegacy?: boolean;
  /** Limits on the JSON read; each defaults to the Swift runtime's value (see `defaultJsonLimits`). */
  readonly limits?: Partial<JsonLimits>;
}

const fatalUTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();
/** The fast path's recursion follows the nesting, so it runs only while the depth limit keeps that shallow. */
const fastPathMaxDepth = 2048;

/**
 * Decodes one record of `model` from JSON text or UTF-8 bytes, strictly: the verdict, category and path are those of
 * the Swift decoders and `contractgen validate`. Throws `RecordError`.
 *
 * Valid records take the fast path (`JSON.parse` plus the checks in `acceptParsed`); anything it does not vouch for is
 * read again by the exact reader (`readRecord`), which accepts it or says what is wrong. A string is read as its UTF-8
 * encoding; a lone surrogate in it has no such encoding and is refused as `invalid_utf8` where it stands.
 */
export function parseRecord<T extends object>(model: ModelSpec<T>, input: string | Uint8Array,
    options?: ParseOptions): T {
  const limits = resolveJsonLimits(options?.limits);
  const acceptLegacy = options?.acceptLegacy === true;
  let text: string | undefined;
  let byteBound: number;
  if (typeof input === "string") {
    text = isWellFormed(input) ? input : undefined;
    byteBound = input.length * 3; // a UTF-16 code unit is at most 3 bytes of UTF-8
  } else if (input instanceof Uint8Array) {
    try {
      text = fatalUTF8.decode(input);
    } catch {
      text = undefined; // not UTF-8: the reader says where
    }
    byteBound = input.length;
  } else {
    throw new TypeError("parse takes a string or a Uint8Array");
  }
  if (text !== undefined && byteBound <= limits.maxStringLength && byteBound <= limits.maxInputLength
    && limits.maxDepth <= fastPathMaxDepth) {
    const record = acceptParsed(model, text, limits, acceptLegacy);
    if (record !== notAccepted) return record;
  }
  const bytes = typeof input === "string" ? utf8Bytes(input) : input;
  return readRecord(model, bytes, limits, acceptLegacy);
}

/** The UTF-8 bytes of `text`; a lone surrogate becomes its 3-byte (CESU-8) form, which the reader refuses. */
export function utf8Bytes(text: string): Uint8Array {
  if (isWellFormed(text)) return utf8Encoder.encode(text);
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    let unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit < 0xdc00 && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        index++;
      }
    }
    if (unit < 0x80) bytes.push(unit);
    else if (unit < 0x800) bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    else if (unit < 0x10000) bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    else bytes.push(0xf0 | (unit >> 18), 0x80 | ((unit >> 12) & 0x3f), 0x80 | ((unit >> 6) & 0x3f),
        0x80 | (unit & 0x3f));
  }
  return Uint8Array.from(bytes);
}
