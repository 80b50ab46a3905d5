/**
 * Any JSON value, as a `json` field holds it: what `JSON.parse` returns, checked strictly.
 *
 * What JavaScript cannot keep that the Swift and Python runtimes do: `1` and `1.0` are the same number; integers beyond
 * ±(2^53−1) are rounded to the nearest double; object keys that are array indices (`"0"`, `"42"`) come first, in
 * numeric order, whatever order they were written in. A value still survives `encode` then `parse` unchanged (`-0`
 * included).
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object: string keys, any JSON values. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
