import { describeKind, JsonKind, JsonReader, setMember } from "./json-reader.js";
import { JsonLimits } from "./json-limits.js";
import { quotedText } from "./json-path.js";
import { absentValue, describeType, FieldSpec, ModelSpec, TypeSpec } from "./model-spec.js";
import { RecordCategory, RecordError, ruleCategory } from "./record-error.js";
import { parseTimestamp } from "./timestamp.js";
import { legacyTarget } from "./wire-values.js";

/**
 * Decodes one record with the strict pull reader: the exact decoder, which also says what is wrong with a record the
 * fast path (`JSON.parse`) did not accept.
 *
 * It reads as the Swift decoders do, so a record with several problems reports the first one a streaming reader meets:
 * syntax errors where they occur; a field's wrong type when its value is read; an unknown key as soon as the key is
 * read; a duplicate key at its second occurrence; missing fields once the object closes, in schema order; rules last,
 * in schema order.
 */
export function readRecord<T extends object>(model: ModelSpec<T>, input: Uint8Array, limits: JsonLimits,
    acceptLegacy: boolean): T {
  const reader = new JsonReader(input, limits);
  try {
    const value = readModel(reader, model as ModelSpec<object>, acceptLegacy);
    reader.expectEnd();
    return value as T;
  } catch (error) {
    // Nested models are read recursively: with the depth limit lifted, a deep enough record of a recursive
    // model exhausts the stack, which is reported as the depth it is rather than as a crash.
    if (error instanceof RangeError && !(error instanceof RecordError)) {
      throw reader.error(RecordCategory.tooDeep,
          `models nest deeper than the JavaScript stack allows (${reader.depth} levels)`);
    }
    throw error;
  }
}

function readModel(reader: JsonReader, model: ModelSpec<object>, acceptLegacy: boolean): object {
  const kind = reader.peekKind();
  if (kind !== "object") throw notAnObject(reader, model.name, kind);
  // A model that refuses unknown keys finds repeated ones itself, by its fields' flags.
  reader.beginObject(!model.allowsAdditionalKeys);
  const fields = model.fields;
  const values: unknown[] = new Array(fields.length);
  const seen: boolean[] = new Array(fields.length).fill(false);
  let expected = 0;
  for (let key = reader.nextKey(); key !== null; key = reader.nextKey()) {
    // Records usually list keys in schema order: try the next expected field first.
    let index = expected < fields.length && (fields[expected] as FieldSpec).name === key ? expected
        : model.fieldIndex.get(key) ?? -1;
    if (index < 0) {
      if (model.allowsAdditionalKeys) {
        reader.skipValue();
        continue;
      }
      throw reader.error(RecordCategory.unknownField, `unknown key ${quotedText(key)} in ${model.name}`);
    }
    if (seen[index]) throw reader.duplicateKeyError();
    expected = index + 1;
    seen[index] = true;
    values[index] = readField(reader, fields[index] as FieldSpec, acceptLegacy);
  }
  const record: Record<string, unknown> = {};
  for (let index = 0; index < fields.length; index++) {
    const spec = fields[index] as FieldSpec;
    if (!seen[index]) {
      if (spec.required) {
        throw reader.error(RecordCategory.missingField, `missing key ${quotedText(spec.name)} of ${model.name}`);
      }
      values[index] = absentValue(spec);
    }
    setMember(record, spec.name, values[index]);
  }
  const broken = model.violations(record)[0];
  if (broken !== undefined) throw new RecordError(ruleCategory(broken.ruleId), broken.message, reader.path);
  return record;
}

function readField(reader: JsonReader, spec: FieldSpec, acceptLegacy: boolean): unknown {
  if (reader.readNullIfPresent()) {
    if (!spec.nullable && spec.type.kind !== "json") {
      throw reader.error(RecordCategory.wrongType,
        `expected ${describeType(spec.type)}, found null (\`${spec.name}\` is not nullable)`);
    }
    return null;
  }
  return readValue(reader, spec.type, acceptLegacy);
}

/** Reads one non-null value of `type`. */
function readValue(reader: JsonReader, type: TypeSpec, acceptLegacy: boolean): unknown {
  switch (type.kind) {
    case "string":
      expect(reader, "string", type);
      return reader.readString();
    case "bool":
      expect(reader, "bool", type);
      return reader.readBool();
    case "int":
      expect(reader, "number", type);
      return reader.readSafeInteger();
    case "double":
      expect(reader, "number", type);
      return reader.readDouble();
    case "timestamp": {
      expect(reader, "string", type);
      const start = reader.position;
      const text = reader.readString();
      if (parseTimestamp(text) === null) {
        throw reader.error(RecordCategory.invalidTimestamp,
          `${quotedText(text)} is not an RFC 3339 timestamp like "2026-02-26T10:30:00Z"`, start);
      }
      return text;
    }
    case "json":
      return reader.readValue();
    case "list": {
      expect(reader, "array", type);
      reader.beginArray();
      const elements: unknown[] = [];
      while (reader.nextElement()) elements.push(readElement(reader, type.element, acceptLegacy));
      return elements;
    }
    case "map": {
      expect(reader, "object", type);
      reader.beginObject();
      const members: Record<string, unknown> = {};
      for (let key = reader.nextKey(); key !== null; key = reader.nextKey()) {
        setMember(members, key, readElement(reader, type.element, acceptLegacy));
      }
      return members;
    }
    case "enum": {
      expect(reader, "string", type);
      const start = reader.position;
      const text = reader.readString();
      const value = type.values.match(text, acceptLegacy);
      if (value !== undefined) return value;
      const current = legacyTarget(type.values, text);
      const hint = current === undefined ? ""
        : `; it is a legacy value for ${quotedText(current)}, accepted when legacy values are asked for`;
      throw reader.error(RecordCategory.unknownEnumValue,
          `${quotedText(text)} is not a value of ${type.values.name}${hint}`, start);
    }
    case "model":
      return readModel(reader, type.model(), acceptLegacy);
  }
}

/** An element of a list or map: null only where JSON allows anything. */
function readElement(reader: JsonReader, type: TypeSpec, acceptLegacy: boolean): unknown {
  if (type.kind === "json") return reader.readValue();
  if (reader.readNullIfPresent()) {
    throw reader.error(RecordCategory.wrongType, `expected ${describeType(type)}, found null`);
  }
  return readValue(reader, type, acceptLegacy);
}

/**
 * Throws `wrong_type` unless the next value is of `kind`. Only a well-formed value is of the wrong type: the value is
 * read through first, so `[1,}` where a string is wanted is `malformed_json`.
 */
function expect(reader: JsonReader, kind: JsonKind, type: TypeSpec): void {
  const next = reader.peekKind();
  if (next === kind) return;
  const path = reader.path;
  const offset = reader.position;
  reader.skipValue();
  throw new RecordError(RecordCategory.wrongType, `expected ${describeType(type)}, found ${describeKind(next)}`, path,
      offset);
}

/**
 * The `not_an_object` error for a value of kind `found` where a model object was wanted. Only a complete value is "not
 * an object": it must be well-formed, and a record must be nothing but that value.
 */
function notAnObject(reader: JsonReader, name: string, found: JsonKind): RecordError {
  const path = reader.path;
  const offset = reader.position;
  reader.skipValue();
  if (reader.depth === 0) reader.expectEnd();
  return new RecordError(RecordCategory.notAnObject, `expected a ${name} object, found ${describeKind(found)}`, path,
      offset);
}
