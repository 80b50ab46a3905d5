import { JsonLimits, resolveJsonLimits } from "./json-limits.js";
import { JsonReader } from "./json-reader.js";
import { JsonValue } from "./json-value.js";
import { utf8Bytes } from "./parse-record.js";

/**
 * Any JSON document, read strictly as record decoders read `json` fields: what `JSON.parse` should be for untrusted
 * input (no duplicate keys, no lone surrogates, numbers that fit a double, no byte-order mark, bounded depth and size).
 * Throws `RecordError` with the category, path and offset of the first problem.
 */
export function parseStrictJSON(input: string | Uint8Array, limits?: Partial<JsonLimits>): JsonValue {
  const reader = new JsonReader(typeof input === "string" ? utf8Bytes(input) : input, resolveJsonLimits(limits));
  const value = reader.readValue();
  reader.expectEnd();
  return value;
}
