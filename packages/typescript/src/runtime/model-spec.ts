import { RuleViolation } from "./rule-violation.js";
import { WireValues } from "./wire-values.js";

/** What a field's value must be: one entry per schema field type. */
export type TypeSpec =
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "int" }
  | { readonly kind: "double" }
  | { readonly kind: "timestamp" }
  | { readonly kind: "json" }
  | { readonly kind: "list"; readonly element: TypeSpec }
  | { readonly kind: "map"; readonly element: TypeSpec }
  | { readonly kind: "enum"; readonly values: WireValues<string> }
  | { readonly kind: "model"; readonly model: () => ModelSpec<object> };

/** `string`: any JSON string. */
export const stringType: TypeSpec = Object.freeze({ kind: "string" });
/** `bool`: `true` or `false`. */
export const boolType: TypeSpec = Object.freeze({ kind: "bool" });
/** `int`: an integer written without fraction or exponent, within ±(2^53−1) (Swift and Python take 64 bits). */
export const intType: TypeSpec = Object.freeze({ kind: "int" });
/** `double`: any JSON number that fits a double. */
export const doubleType: TypeSpec = Object.freeze({ kind: "double" });
/** `timestamp`: an RFC 3339 date-time string, kept as written. */
export const timestampType: TypeSpec = Object.freeze({ kind: "timestamp" });
/** `json`: any JSON value, `null` included. */
export const jsonType: TypeSpec = Object.freeze({ kind: "json" });

/** `list<element>`: an array whose elements are never null (unless they are `json`). */
export function listType(element: TypeSpec): TypeSpec {
  return Object.freeze({ kind: "list", element });
}

/** `map<element>`: an object with string keys whose values are never null (unless they are `json`). */
export function mapType(element: TypeSpec): TypeSpec {
  return Object.freeze({ kind: "map", element });
}

/** A lifecycle, enum or error catalog, by its wire values. */
export function enumType(values: WireValues<string>): TypeSpec {
  return Object.freeze({ kind: "enum", values });
}

/** A nested model; `model` is called when first needed, so a model may refer to itself (inside a list or map). */
export function modelType<T extends object>(model: () => ModelSpec<T>): TypeSpec {
  return Object.freeze({ kind: "model", model: model as () => ModelSpec<object> });
}

/** The JSON values a field default may be: the schema's `null`, booleans, numbers, text, `[]` and `{}`. */
export type FieldDefault = null | boolean | number | string | readonly [] | Readonly<Record<string, never>>;

/** One field of a model, in schema (wire) order. */
export interface FieldSpec {
  /** The wire name, which is also the property name. */
  readonly name: string;
  readonly type: TypeSpec;
  /** Whether `null` is a value (written as an explicit `null`). */
  readonly nullable: boolean;
  /** Whether the key must be present on the wire (the schema's `required`, true unless `required: false`). */
  readonly required: boolean;
  /** The value of an absent key when it is not required; `[]` and `{}` are copied for each record. */
  readonly defaultValue: FieldDefault | undefined;
}

/** Options of `field`. */
export interface FieldOptions {
  readonly nullable?: boolean;
  /** False for `required: false`: the key may be absent, and then the field takes `default` (or null). */
  readonly required?: boolean;
  readonly default?: FieldDefault;
}

/** A field of a model; see `FieldSpec`. */
export function field(name: string, type: TypeSpec, options: FieldOptions = {}): FieldSpec {
  return Object.freeze({
    name,
    type,
    nullable: options.nullable === true,
    required: options.required !== false,
    defaultValue: options.default,
  });
}

/** A model as record decoders and encoders read it. */
export interface ModelSpec<T extends object> {
  /** The model's name in messages. */
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** Whether keys that are not fields are skipped (`additional_keys: allow`) rather than refused. */
  readonly allowsAdditionalKeys: boolean;
  /** Every rule `value` breaks, in schema order (the generated, compiled rules). */
  readonly violations: (value: T) => RuleViolation[];
  /** Each field's index by wire name. */
  readonly fieldIndex: ReadonlyMap<string, number>;
}

/** What `defineModel` takes. */
export interface ModelDefinition<T extends object> {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** `"allow"` skips keys that are not fields; the default, `"reject"`, refuses them with `unknown_field`. */
  readonly additionalKeys?: "reject" | "allow";
  readonly violations: (value: T) => RuleViolation[];
}

/** A model for `parseRecord` and `encodeRecord`. */
export function defineModel<T extends object>(definition: ModelDefinition<T>): ModelSpec<T> {
  const fieldIndex = new Map<string, number>();
  definition.fields.forEach((spec, index) => fieldIndex.set(spec.name, index));
  return Object.freeze({
    name: definition.name,
    fields: Object.freeze(definition.fields.slice()),
    allowsAdditionalKeys: definition.additionalKeys === "allow",
    violations: definition.violations,
    fieldIndex,
  });
}

/** How messages name what a type expects, as the Swift runtime words it. */
export function describeType(type: TypeSpec): string {
  switch (type.kind) {
    case "string": return "a string";
    case "bool": return "true or false";
    case "int": return "an integer";
    case "double": return "a number";
    case "timestamp": return "an RFC 3339 timestamp string";
    case "json": return "a JSON value";
    case "list": return "an array";
    case "map": return "an object";
    case "enum": return `a ${type.values.name} value (a string)`;
    case "model": return `a ${type.model().name} object`;
  }
}

/** The value of an absent, optional field: its default (a fresh `[]` or `{}`), or null. */
export function absentValue(spec: FieldSpec): unknown {
  const value = spec.defaultValue;
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return [];
  if (typeof value === "object") return {};
  return value;
}
