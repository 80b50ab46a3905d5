import { isWellFormed } from "./accept-parsed.js";
import { defaultJsonLimits } from "./json-limits.js";
import { hex } from "./json-reader.js";
import { appendKeyToPath } from "./json-path.js";
import { describeType, FieldSpec, ModelSpec, TypeSpec } from "./model-spec.js";
import { RecordCategory, RecordError, ruleCategory } from "./record-error.js";
import { parseTimestamp } from "./timestamp.js";

/**
 * Writes `value` as compact JSON: fields in schema order, nulls explicit, nothing else. Throws `RecordError` (with the
 * path of the problem) for a value that would not decode again: a wrong type, a string with a lone surrogate, an `int`
 * that is not a safe integer, a number that is not finite, an unknown enum value (legacy values are never written), a
 * broken rule, nesting beyond 512 levels. `parseX(encodeX(v))` is equal to `v` for every value `encodeX` accepts.
 */
export function encodeRecord<T extends object>(model: ModelSpec<T>, value: T): string {
  return writeModel(model as ModelSpec<object>, value, "$", 1);
}

function writeModel(model: ModelSpec<object>, value: unknown, path: string, depth: number): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RecordError(RecordCategory.notAnObject,
        `expected a ${model.name} object, found ${describeValue(value)}`, path);
  }
  checkDepth(depth, path);
  const record = value as Record<string, unknown>;
  let text = "{";
  for (let index = 0; index < model.fields.length; index++) {
    const spec = model.fields[index] as FieldSpec;
    // Own properties only: a field named like an Object.prototype member (`toString`) is not inherited.
    const member = Object.prototype.hasOwnProperty.call(record, spec.name) ? record[spec.name] : undefined;
    if (member === undefined) {
      throw new RecordError(RecordCategory.missingField, `missing key ${JSON.stringify(spec.name)} of ${model.name}`,
          path);
    }
    const memberPath = appendKeyToPath(path, spec.name);
    if (index > 0) text += ",";
    text += JSON.stringify(spec.name) + ":";
    if (member === null) {
      if (!spec.nullable && spec.type.kind !== "json") {
        throw new RecordError(RecordCategory.wrongType,
          `expected ${describeType(spec.type)}, found null (\`${spec.name}\` is not nullable)`, memberPath);
      }
      text += "null";
    } else {
      text += writeValue(spec.type, member, memberPath, depth + 1);
    }
  }
  const broken = model.violations(record)[0];
  if (broken !== undefined) throw new RecordError(ruleCategory(broken.ruleId), broken.message, path);
  return text + "}";
}

function writeValue(type: TypeSpec, value: unknown, path: string, depth: number): string {
  switch (type.kind) {
    case "string":
      if (typeof value !== "string") throw wrongType(type, value, path);
      return writeString(value, path);
    case "bool":
      if (typeof value !== "boolean") throw wrongType(type, value, path);
      return value ? "true" : "false";
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(type, value, path);
      if (!Number.isSafeInteger(value)) {
        throw new RecordError(RecordCategory.numberOutOfRange, `the integer ${value} is outside ±(2^53−1)`, path);
      }
      return String(value === 0 ? 0 : value);
    case "double":
      if (typeof value !== "number") throw wrongType(type, value, path);
      return writeNumber(value, path);
    case "timestamp":
      if (typeof value !== "string") throw wrongType(type, value, path);
      if (parseTimestamp(value) === null) {
        throw new RecordError(RecordCategory.invalidTimestamp,
            `${JSON.stringify(value)} is not an RFC 3339 timestamp like "2026-02-26T10:30:00Z"`, path);
      }
      return JSON.stringify(value);
    case "json":
      return writeJSON(value, path, depth);
    case "list": {
      if (!Array.isArray(value)) throw wrongType(type, value, path);
      checkDepth(depth, path);
      let text = "[";
      for (let index = 0; index < value.length; index++) {
        if (index > 0) text += ",";
        text += writeElement(type.element, value[index], `${path}[${index}]`, depth + 1);
      }
      return text + "]";
    }
    case "map": {
      if (!isPlainObject(value)) throw wrongType(type, value, path);
      checkDepth(depth, path);
      let text = "{";
      let first = true;
      for (const key of Object.keys(value)) {
        const keyPath = appendKeyToPath(path, key);
        if (!first) text += ",";
        first = false;
        text += writeString(key, keyPath) + ":" + writeElement(type.element, value[key], keyPath, depth + 1);
      }
      return text + "}";
    }
    case "enum":
      if (typeof value !== "string") throw wrongType(type, value, path);
      if (!type.values.is(value) && !(type.values.isOpen && isWellFormed(value))) {
        throw new RecordError(RecordCategory.unknownEnumValue,
            `${JSON.stringify(value)} is not a value of ${type.values.name}`, path);
      }
      return JSON.stringify(value);
    case "model":
      return writeModel(type.model(), value, path, depth);
  }
}

function writeElement(type: TypeSpec, value: unknown, path: string, depth: number): string {
  if (value === null && type.kind !== "json") {
    throw new RecordError(RecordCategory.wrongType, `expected ${describeType(type)}, found null`, path);
  }
  return writeValue(type, value, path, depth);
}

/** Any JSON value, checked: plain objects and arrays, finite numbers, well-formed strings. */
function writeJSON(value: unknown, path: string, depth: number): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean": return value ? "true" : "false";
    case "number": return writeNumber(value, path);
    case "string": return writeString(value, path);
    case "object": {
      checkDepth(depth, path);
      if (Array.isArray(value)) {
        let text = "[";
        for (let index = 0; index < value.length; index++) {
          if (index > 0) text += ",";
          text += writeJSON(value[index], `${path}[${index}]`, depth + 1);
        }
        return text + "]";
      }
      if (!isPlainObject(value)) break;
      let text = "{";
      let first = true;
      for (const key of Object.keys(value)) {
        const keyPath = appendKeyToPath(path, key);
        if (!first) text += ",";
        first = false;
        text += writeString(key, keyPath) + ":" + writeJSON(value[key], keyPath, depth + 1);
      }
      return text + "}";
    }
  }
  throw new RecordError(RecordCategory.wrongType, `expected a JSON value, found ${describeValue(value)}`, path);
}

/** A finite number as JSON; `-0` as `-0`, so it reads back as -0. */
function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new RecordError(RecordCategory.numberOutOfRange, `${value} is not a finite number, which JSON cannot write`,
        path);
  }
  return Object.is(value, -0) ? "-0" : String(value);
}

function writeString(value: string, path: string): string {
  if (!isWellFormed(value)) {
    const unit = value.charCodeAt(loneSurrogateIndex(value));
    throw new RecordError(RecordCategory.loneSurrogate,
      `the string holds a lone surrogate U+${hex(unit, 4)}, which UTF-8 JSON text cannot carry`, path);
  }
  return JSON.stringify(value);
}

/** The index of the first code unit of `text` that is half of a surrogate pair without the other half, or -1. */
function loneSurrogateIndex(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (unit < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
      index++;
      continue;
    }
    return index;
  }
  return -1;
}

function checkDepth(depth: number, path: string): void {
  if (depth > defaultJsonLimits.maxDepth) {
    throw new RecordError(RecordCategory.tooDeep,
        `arrays and objects nest more than ${defaultJsonLimits.maxDepth} levels deep`, path);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function wrongType(type: TypeSpec, value: unknown, path: string): RecordError {
  return new RecordError(RecordCategory.wrongType, `expected ${describeType(type)}, found ${describeValue(value)}`,
      path);
}

/** How messages name a JavaScript value's kind. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string": return "a string";
    case "number": return Number.isInteger(value) ? "a number" : `the number ${value}`;
    case "boolean": return "a boolean";
    case "object": return isPlainObject(value) ? "an object"
        : `an instance of ${(value as object).constructor?.name ?? "a class"}`;
    default: return `a ${typeof value}`;
  }
}
